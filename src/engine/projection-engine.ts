import type { RecordedEvent } from '../../events/envelope';
import { applyAll, initReadModels, type ReadModels } from '../../projections';
import { unavailable } from '../errors';
import type { EventStore, Subscription } from '../store/port';

/**
 * Keeps every read model up to date with the log: catches up from the start,
 * then folds each new event as it commits. Reads say which position they reflect.
 */
export class ProjectionEngine {
  readonly models: ReadModels = initReadModels();
  private position = 0;
  private subscription: Subscription | null = null;
  private waiters: { position: number; resolve: () => void }[] = [];

  constructor(private readonly store: EventStore) {}

  /** Resolves once the read models reflect everything committed when it was called. */
  async start(): Promise<void> {
    this.subscription = this.store.subscribe(this.position, (e) => this.apply(e));
    await this.subscription.caughtUp;
  }

  get currentPosition(): number {
    return this.position;
  }

  private apply(e: RecordedEvent): void {
    applyAll(this.models, e);
    this.position = e.position;
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
