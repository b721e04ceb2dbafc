import type { RecordedEvent } from '../../events/envelope';
import { applyAll, initReadModels, type ReadModels } from '../../projections';
import { captureBefore, changesOf } from '../../projections/changes';
import { UpdatesLog, type Update } from './updates-log';
import { unavailable } from '../errors';
import type { EventStore, Subscription } from '../store/port';

/**
 * Keeps every read model up to date with the log: catches up from the start,
 * then folds each new event as it commits. Reads say which position they reflect.
 */
export type AppliedListener = (e: RecordedEvent, changes: Update['changes']) => void;

const UPDATES_KEPT = 10_000;

export class ProjectionEngine {
  readonly models: ReadModels = initReadModels();
  private position = 0;
  private subscription: Subscription | null = null;
  private waiters: { position: number; resolve: () => void }[] = [];
  private readonly listeners = new Set<AppliedListener>();
  /** Set once caught up: from then on each event's changes are worked out, kept and announced. */
  private updates: UpdatesLog | null = null;

  constructor(private readonly store: EventStore) {}

  /** Resolves once the read models reflect everything committed when it was called. */
  async start(): Promise<void> {
    this.subscription = this.store.subscribe(this.position, (e) => this.apply(e));
    await this.subscription.caughtUp;
    this.updates = new UpdatesLog(UPDATES_KEPT, this.position);
  }

  /** Called after each event is folded, in log order, with what it changed. */
  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The changes after `position`, or null when they are older than those kept. */
  updatesAfter(position: number): Update[] | null {
    return this.updates?.after(position) ?? null;
  }

  get currentPosition(): number {
    return this.position;
  }

  private apply(e: RecordedEvent): void {
    if (this.updates) {
      // Live: work out what the event changes (the catch-up at start skips this).
      const before = captureBefore(this.models, e);
      applyAll(this.models, e);
      const changes = changesOf(this.models, e, before);
      this.updates.push({ position: e.position, changes });
      this.position = e.position;
      for (const l of this.listeners) l(e, changes);
    } else {
      applyAll(this.models, e);
      this.position = e.position;
    }
    if (this.waiters.length) {
      const ready = this.waiters.filter((w) => w.position <= this.position);
      this.waiters = this.waiters.filter((w) => w.position > this.position);
      for (const w of ready) w.resolve();
    }
  }

  /** Waits (bounded) until the read models reflect `position`; for read-your-writes. */
  async waitFor(position: number, timeoutMs: number): Promise<void> {
    if (position <= this.position) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(unavailable(`read models are at position ${this.position}, not yet at ${position}`));
      }, timeoutMs);
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  stop(): void {
    this.subscription?.close();
    this.subscription = null;
  }
}
