import type { DomainEvent, RecordedEvent } from '../../events/envelope';
import { duplicateEvent } from '../errors';
import { checkExpectedRevision } from './expected-revision';
import { replay, type IdempotencyRecord } from './idempotency';
import type { AppendOptions, AppendResult, EventStore, ExpectedRevision, ReadAllOptions } from './port';
import { Subscribers } from './pump';
import { matchesFilter } from './filter';

/** An in-process store for tests and experiments; nothing survives the process. */
export class MemoryEventStore implements EventStore {
  readonly name = 'memory';
  private readonly log: RecordedEvent[] = [];
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly subscribers = new Subscribers();
  private readonly idempotency = new Map<string, IdempotencyRecord>();

  async append(
    stream: string,
    events: DomainEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const key = options.idempotency?.key;
    const previous = key === undefined ? undefined : this.idempotency.get(key);
    if (previous) return replay(key!, previous, options.idempotency!.fingerprint);
    const existing = this.streams.get(stream) ?? [];
    checkExpectedRevision(stream, existing.length - 1, expected);
    const seen = new Set<string>();
    for (const e of events) {
      if (this.byId.has(e.id) || seen.has(e.id)) throw duplicateEvent(e.id);
      seen.add(e.id);
    }
    const recordedAt = new Date().toISOString();
    const recorded = events.map((e, i) => ({
      ...e,
      stream,
      position: this.log.length + i + 1,
      revision: existing.length + i,
      recordedAt,
    }));
    for (const r of recorded) {
      this.log.push(r);
      this.byId.set(r.id, r);
      existing.push(r);
    }
    this.streams.set(stream, existing);
    const result = {
      replayed: false,
      stream,
      revision: existing.length - 1,
      events: recorded.map((r) => ({ id: r.id, position: r.position, revision: r.revision })),
    };
    if (key !== undefined) this.idempotency.set(key, { fingerprint: options.idempotency!.fingerprint, result });
    this.subscribers.committed(recorded);
    return result;
  }

  async readStream(stream: string, options: { fromRevision?: number; limit?: number } = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    return (this.streams.get(stream) ?? []).slice(from, from + (options.limit ?? Number.MAX_SAFE_INTEGER));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const out: RecordedEvent[] = [];
    for (let i = options.after ?? 0; i < this.log.length && out.length < limit; i++) {
      const e = this.log[i]!;
      if (matchesFilter(e, options)) out.push(e);
    }
    return out;
  }

  async getEvent(id: string) {
    return this.byId.get(id) ?? null;
  }

  async findIdempotency(key: string) {
    return this.idempotency.get(key) ?? null;
  }

  async streamRevision(stream: string) {
    return (this.streams.get(stream)?.length ?? 0) - 1;
  }

  async head() {
    return this.log.length;
  }

  async writeBasis(stream: string) {
    return { head: this.log.length, revision: await this.streamRevision(stream) };
  }

  // Positions here are consecutive, so counting is arithmetic.
  async countAfter(position: number) {
    return Math.max(0, (await this.head()) - position);
  }

  async positionBefore(n: number) {
    return Math.max(0, (await this.head()) - n);
  }

  subscribe(after: number, onEvent: (e: RecordedEvent) => void) {
    return this.subscribers.add(after, (o) => this.readAll(o), onEvent);
  }

  async close() {
    this.subscribers.closeAll();
  }
}
