import type { RecordedEvent } from '../../events/envelope';
import type { ReadAllOptions, Subscription } from './port';

const PAGE = 1000;
const RETRY_MS = 250;

/**
 * A catch-up-then-live subscription for stores that commit in position order and
 * can say "something was committed". It always reads from the log after the last
 * delivered position, so a wake-up that races a commit cannot skip or repeat events.
 */
export class PumpedSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private closed = false;
  private running = false;
  private again = false;
  private markCaughtUp!: () => void;

  constructor(
    private last: number,
    private readonly readAll: (o: ReadAllOptions) => Promise<RecordedEvent[]>,
    private readonly onEvent: (e: RecordedEvent) => void,
    private readonly onClose: (s: PumpedSubscription) => void,
  ) {
    this.caughtUp = new Promise((resolve) => (this.markCaughtUp = resolve));
    this.wake();
  }

  /** Called after every commit. */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.run();
  }

  /**
   * Hands over events just committed, in position order, so the subscriber need not read
   * back what was just written. Stores whose positions are consecutive call it; events
   * that do not follow straight on from the last delivered are read from the log instead.
   */
  offer(events: readonly RecordedEvent[]): void {
    if (this.closed) return;
    if (this.running) return this.wake();
    try {
      for (const e of events) {
        if (this.closed) return;
        if (e.position !== this.last + 1) return this.wake();
        this.last = e.position;
        this.onEvent(e);
      }
    } catch {
      // As in run: the event that failed counts as delivered; the log has the rest.
      this.wake();
    }
  }

  private async run(): Promise<void> {
    try {
      do {
        this.again = false;
        for (;;) {
          const page = await this.readAll({ after: this.last, limit: PAGE });
          for (const e of page) {
            if (this.closed) return;
            this.last = e.position;
            this.onEvent(e);
          }
          if (page.length < PAGE) break;
        }
        this.markCaughtUp();
      } while (this.again && !this.closed);
    } catch {
      // The store failed to read (e.g. it is down): resume from the last delivered position shortly.
      setTimeout(() => this.wake(), RETRY_MS).unref();
    } finally {
      this.running = false;
    }
  }

  close(): void {
    this.closed = true;
    this.onClose(this);
  }
}

/** The set of live subscriptions of one store instance. */
export class Subscribers {
  private readonly subs = new Set<PumpedSubscription>();

  add(
    after: number,
    readAll: (o: ReadAllOptions) => Promise<RecordedEvent[]>,
    onEvent: (e: RecordedEvent) => void,
  ): Subscription {
    const sub = new PumpedSubscription(after, readAll, onEvent, (s) => this.subs.delete(s));
    this.subs.add(sub);
    return sub;
  }

  notify(): void {
    for (const s of this.subs) s.wake();
  }

  /** After a commit of these events, whose positions follow on from the last commit's. */
  committed(events: readonly RecordedEvent[]): void {
    for (const s of this.subs) s.offer(events);
  }

  closeAll(): void {
    for (const s of [...this.subs]) s.close();
  }
}
