import { unavailable } from '../../errors';
import type { IdempotencyRecord } from '../idempotency';
import type { LogPosition } from './position';
import type { IdempotencyMark } from './serialization';

/**
 * This replica's numbering of the log. EventStoreDB orders `$all` the same for every
 * client, so numbering our events 1, 2, 3… in that order gives every replica the same
 * gap-free positions: the port's positions, which the API, checkpoints and event
 * streams use unchanged. The index maps each number back to the log position it
 * stands for, and each event id to its number.
 */
export class LogIndex {
  private readonly ids: string[] = [];
  private readonly revisions: number[] = [];
  private readonly commits: bigint[] = [];
  private readonly prepares: bigint[] = [];
  private readonly byId = new Map<string, number>();
  private readonly keys = new Map<string, { fingerprint: string; stream: string; first: number; count: number }>();
  private readonly waiters = new Set<() => void>();

  get size(): number {
    return this.ids.length;
  }

  /** Numbers the next event; an id already numbered keeps its number (a re-delivery). */
  add(id: string, stream: string, revision: number, at: LogPosition, mark?: IdempotencyMark): number {
    const known = this.byId.get(id);
    if (known !== undefined) return known;
    this.ids.push(id);
    this.revisions.push(revision);
    this.commits.push(at.commit);
    this.prepares.push(at.prepare);
    const position = this.ids.length;
    this.byId.set(id, position);
    if (mark && !this.keys.has(mark.key))
      this.keys.set(mark.key, { fingerprint: mark.fingerprint, stream, first: position, count: mark.count });
    for (const wake of [...this.waiters]) wake();
    return position;
  }

  positionOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** Where the event numbered `position` is in EventStoreDB's log. */
  logPositionOf(position: number): LogPosition | undefined {
    const i = position - 1;
    return i >= 0 && i < this.ids.length ? { commit: this.commits[i]!, prepare: this.prepares[i]! } : undefined;
  }

  get lastLogPosition(): LogPosition | undefined {
    return this.logPositionOf(this.size);
  }

  /** What an idempotency key's append recorded, once all of its events are numbered. */
  idempotency(key: string): IdempotencyRecord | null {
    const k = this.keys.get(key);
    if (!k || k.first + k.count - 1 > this.size) return null;
    const events = Array.from({ length: k.count }, (_, i) => ({
      id: this.ids[k.first - 1 + i]!,
      position: k.first + i,
      revision: this.revisions[k.first - 1 + i]!,
    }));
    return {
      fingerprint: k.fingerprint,
      result: { replayed: false, stream: k.stream, revision: events.at(-1)!.revision, events },
    };
  }

  /**
   * Resolves once `ready()` holds, re-checked after each event numbered. "Unavailable"
   * when `stallMs` pass with no event numbered: following $all has stopped.
   */
  waitFor(ready: () => boolean, stallMs: number, what: string): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.waiters.delete(check);
          reject(unavailable(`EventStoreDB: ${what} was not seen on $all; nothing arrived for ${stallMs} ms`));
        }, stallMs);
      };
      const check = () => {
        if (!ready()) return arm();
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      arm();
      this.waiters.add(check);
    });
  }
}
