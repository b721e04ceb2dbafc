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
  private pending: string[] = [];
  /** Their length in characters, for the cut-off. */
  private pendingLength = 0;

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
    this.res.end(this.pending.join(''));
    this.pending = [];
    for (const fn of this.onClose) fn();
  }

  /**
   * Frames are joined and written once per flush window (`flushMs`): one write per
   * socket for many frames, not one per frame, is what lets a thousand subscribers
   * keep up (a write costs a system call per socket).
   */
  private write(chunk: string): void {
    if (this.closed) return;
    if (this.pending.length === 0) this.markPending(this);
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength > this.options.maxBufferedBytes) this.cutOff();
  }

  /** The frames pending, handed over to be written (with `flush`); none if closed. */
  takePending(): readonly string[] {
    const frames = this.closed ? [] : this.pending;
    this.pending = [];
    this.pendingLength = 0;
    return frames;
  }

  /** Writes frames taken from `takePending`, already encoded; the hub calls it once per window. */
  flush(chunk: Buffer): void {
    if (this.closed) return;
    this.res.write(chunk);
    // A consumer that does not keep up is cut off rather than buffered without limit.
    if (this.res.writableLength > this.options.maxBufferedBytes) this.cutOff();
  }

  private cutOff(): void {
    this.pending = [];
    this.pendingLength = 0;
    this.close();
  }
}

/** The same frames in the same order. A frame sent to many is one string, so this is mostly a pointer check. */
function sameFrames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
      // Subscribers following the same events were handed the same frames: encode them once for all.
      let last: { frames: readonly string[]; chunk: Buffer } | null = null;
      for (const c of due) {
        const frames = c.takePending();
        if (frames.length === 0) continue;
        if (!last || !sameFrames(last.frames, frames)) last = { frames, chunk: Buffer.from(frames.join('')) };
        c.flush(last.chunk);
      }
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
