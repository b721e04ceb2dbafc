import type { Request, Response } from 'express';
import { invalid, unavailable } from '../errors';

export interface SseOptions {
  heartbeatMs: number;
  /** Advice to clients on how long to wait before reconnecting. */
  retryMs: number;
  maxSubscribers: number;
  /** A subscriber whose unsent output grows past this is cut off; it resumes with Last-Event-ID. */
  maxBufferedBytes: number;
  /** Frames are held this long and written together: one write per socket per window, not per frame. */
  flushMs: number;
}

export const DEFAULT_SSE: SseOptions = {
  heartbeatMs: 15_000,
  retryMs: 2_000,
  maxSubscribers: 2_000,
  maxBufferedBytes: 1 << 20,
  flushMs: 10,
};

/** One open text/event-stream response. */
export class SseChannel {
  private closed = false;
  private readonly onClose: (() => void)[] = [];
  private readonly heartbeat: NodeJS.Timeout;
  /** Frames written since the last flush, sent together by the hub's next one. */
  private pending = '';

  constructor(
    private readonly res: Response,
    private readonly options: SseOptions,
    private readonly markPending: (c: SseChannel) => void,
    release: () => void,
  ) {
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write(`retry: ${options.retryMs}\n\n`);
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), options.heartbeatMs);
    this.heartbeat.unref();
    res.on('close', () => this.close());
    this.onClose.push(release);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  send(id: number, event: string, data: unknown): void {
    this.write(frame(id, event, data));
  }

  /** Sends a frame already serialised (by `frame`), so fan-out serialises each message once. */
  sendFrame(chunk: string): void {
    this.write(chunk);
  }

  whenClosed(fn: () => void): void {
    if (this.closed) fn();
    else this.onClose.push(fn);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    // What this turn wrote still goes out, unless the consumer was cut off for falling behind.
    this.res.end(this.pending);
    this.pending = '';
    for (const fn of this.onClose) fn();
  }

  /**
   * Frames are joined and written once per flush window (`flushMs`): one write per
   * socket for many frames, not one per frame, is what lets a thousand subscribers
   * keep up (a write costs a system call per socket).
   */
  private write(chunk: string): void {
    if (this.closed) return;
    if (this.pending === '') this.markPending(this);
    this.pending += chunk;
    if (this.pending.length > this.options.maxBufferedBytes) this.cutOff();
  }

  /** Writes what is pending; the hub calls it once per window. */
  flush(): void {
    if (this.closed || this.pending === '') return;
    this.res.write(this.pending);
    this.pending = '';
    // A consumer that does not keep up is cut off rather than buffered without limit.
    if (this.res.writableLength > this.options.maxBufferedBytes) this.cutOff();
  }

  private cutOff(): void {
    this.pending = '';
    this.close();
  }
}

export const frame = (id: number, event: string, data: unknown) =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Every open stream: bounded in number, and all closed on shutdown. */
export class SseHub {
  private readonly open = new Set<SseChannel>();
  private readonly pending = new Set<SseChannel>();
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(readonly options: SseOptions = DEFAULT_SSE) {}

  get size(): number {
    return this.open.size;
  }

  /** 503 past the bound; otherwise an open channel. */
  accept(res: Response): SseChannel {
    if (this.open.size >= this.options.maxSubscribers)
      throw unavailable(`too many subscribers (${this.options.maxSubscribers}); retry later`);
    const channel: SseChannel = new SseChannel(
      res,
      this.options,
      (c) => this.markPending(c),
      () => this.open.delete(channel),
    );
    this.open.add(channel);
    return channel;
  }

  /** One timer for every channel with something to send: a thousand channels are flushed in one pass. */
  private markPending(channel: SseChannel): void {
    this.pending.add(channel);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      const due = [...this.pending];
      this.pending.clear();
      for (const c of due) c.flush();
    }, this.options.flushMs);
  }

  closeAll(): void {
    for (const c of [...this.open]) c.close();
  }
}

/**
 * Where a subscriber resumes: after the position in Last-Event-ID, or in the `from`
 * (or `lastEventId`) query parameter, since a browser's first connection cannot set
 * the header. Absent: from now.
 */
export function resumePosition(req: Request, from: string | undefined, now: number): number {
  const raw = req.get('last-event-id') ?? from;
  if (raw === undefined) return now;
  if (!/^\d{1,15}$/.test(raw))
    throw invalid('invalid resume position', [
      {
        field: req.get('last-event-id') !== undefined ? 'Last-Event-ID' : 'from',
        message: 'expected a log position (a whole number)',
      },
    ]);
  return Number(raw);
}
