import { unavailable } from '../errors';

/** Callers waiting (bounded) for the read models to reach a position: read-your-writes. */
export class PositionWaiters {
  private waiters: { position: number; resolve: () => void }[] = [];

  constructor(private readonly current: () => number) {}

  /** Resolves once `reached` is called with `position` or later; rejects as unavailable after `timeoutMs`. */
  wait(position: number, timeoutMs: number): Promise<void> {
    if (position <= this.current()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(unavailable(`read models are at position ${this.current()}, not yet at ${position}`));
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

  reached(position: number): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.position <= position);
    this.waiters = this.waiters.filter((w) => w.position > position);
    for (const w of ready) w.resolve();
  }
}
