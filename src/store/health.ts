import type { EventStore } from './port';

/**
 * Watches whether the store answers. While it does not, reads are served from the
 * last good read models and say how stale they may be; the projection engine's
 * subscription retries by itself, so nothing needs a restart when the store returns.
 */
export class StoreHealth {
  private downSince: number | null = null;
  private lastError: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  async check(): Promise<boolean> {
    try {
      await this.store.head();
      this.downSince = null;
      this.lastError = null;
      return true;
    } catch (err) {
      this.downSince ??= Date.now();
      this.lastError = (err as Error).message;
      return false;
    }
  }

  /** Seconds since the store stopped answering, or null while it answers. */
  get staleSeconds(): number | null {
    return this.downSince === null ? null : Math.round((Date.now() - this.downSince) / 1000);
  }

  get error(): string | null {
    return this.lastError;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
