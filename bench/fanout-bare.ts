/**
 * The baseline for the fan-out benchmark: a bare node:http server, in its own process,
 * that broadcasts frames the size of the service's to every open stream, joining the
 * frames of one turn of the event loop into one write per socket. Listens on
 * BARE_PORT; on a message { rate, seconds } it broadcasts `rate` frames a second (0:
 * as fast as it can) and replies with how many it sent and over how long.
 */
import { createServer, type ServerResponse } from 'node:http';

const open = new Set<ServerResponse>();
const server = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  res.write('retry: 2000\n\n');
  open.add(res);
  res.on('close', () => open.delete(res));
});

// About the size of an appended DecisionTaken as the service frames it.
const PADDING = 'x'.repeat(420);
const frame = (id: number) =>
  `id: ${id}\nevent: appended\ndata: {"position":${id},"recordedAt":"${new Date().toISOString()}","padding":"${PADDING}"}\n\n`;

let next = 1;
function broadcast(n: number): void {
  let chunk = '';
  for (let i = 0; i < n; i++) chunk += frame(next++);
  for (const res of open) res.write(chunk);
}

process.on('message', ({ rate, seconds }: { rate: number; seconds: number }) => {
  const start = performance.now();
  const first = next;
  const tick = () => {
    const elapsed = performance.now() - start;
    if (elapsed >= seconds * 1000) return void process.send!({ sent: next - first, elapsed: elapsed / 1000 });
    // Flooding: a batch per turn, as fast as the sockets take it; otherwise what is due every 10 ms.
    if (rate === 0) {
      // Backpressure: wait while any reader has a megabyte unsent.
      if ([...open].some((res) => res.writableLength > 1 << 20)) return void setTimeout(tick, 1);
      broadcast(20);
      setImmediate(tick);
    } else {
      broadcast(Math.floor((elapsed / 1000) * rate) - (next - first));
      setTimeout(tick, 10);
    }
  };
  tick();
});

server.listen(Number(process.env.BARE_PORT), '127.0.0.1', () => process.send!({ listening: true }));
