/** A minimal Server-Sent Events client over fetch's streaming body, as a browser's EventSource would read it. */
export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

export interface SseConnection {
  status: number;
  headers: Headers;
  messages: SseMessage[];
  comments: string[];
  retry?: number;
  /** Resolves when `n` messages have arrived (rejects after the timeout). */
  waitFor(n: number, timeoutMs?: number): Promise<SseMessage[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function connect(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const conn: SseConnection = {
    status: res.status,
    headers: res.headers,
    messages: [],
    comments: [],
    ended: Promise.resolve(),
    async waitFor(n, timeoutMs = 5000) {
      const start = Date.now();
      while (conn.messages.length < n) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out with ${conn.messages.length} of ${n} messages`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return conn.messages.slice(0, n);
    },
    close: () => controller.abort(),
  };
  if (!res.body || !res.headers.get('content-type')?.startsWith('text/event-stream')) return conn;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  conn.ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const msg: SseMessage = { event: 'message', data: '' };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) conn.comments.push(line.slice(1).trim());
            else if (line.startsWith('retry: ')) conn.retry = Number(line.slice(7));
            else if (line.startsWith('id: ')) msg.id = line.slice(4);
            else if (line.startsWith('event: ')) msg.event = line.slice(7);
            else if (line.startsWith('data: ')) {
              msg.data += (hasData ? '\n' : '') + line.slice(6);
              hasData = true;
            }
          }
          if (hasData) conn.messages.push(msg);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return conn;
}
