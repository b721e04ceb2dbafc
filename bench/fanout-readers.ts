/**
 * The fan-out benchmark's subscribers, in a process of their own: light readers on
 * node:http that split frames on blank lines and read only the id and `recordedAt` of
 * each. Started with READERS_URL, READERS_COUNT and READERS_FROM (Last-Event-ID);
 * on a "stop" message it reports, per subscriber, how many messages arrived and
 * whether in order, and a histogram of delivery latency in milliseconds.
 */
import { request } from 'node:http';

const url = new URL(process.env.READERS_URL!);
const count = Number(process.env.READERS_COUNT);
const from = process.env.READERS_FROM ?? '0';
const MAX_MS = 10_000;

const histogram = new Array<number>(MAX_MS + 1).fill(0);
const subs = Array.from({ length: count }, () => ({ received: 0, last: Number(from), inOrder: true }));
let connected = 0;

subs.forEach((sub) => {
  const req = request(url, { headers: { 'Last-Event-ID': from, Accept: 'text/event-stream' }, agent: false }, (res) => {
    connected++;
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      const now = Date.now();
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.startsWith('id: ')) continue;
        const id = Number(block.slice(4, block.indexOf('\n')));
        if (id <= sub.last) sub.inOrder = false;
        sub.last = id;
        sub.received++;
        const at = block.indexOf('"recordedAt":"');
        if (at >= 0) {
          const ms = now - Date.parse(block.slice(at + 14, at + 38));
          histogram[Math.max(0, Math.min(MAX_MS, ms))]!++;
        }
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
});

process.on('message', (m: string) => {
  if (m === 'connected?') return void process.send!({ connected });
  process.send!({ subs: subs.map(({ received, inOrder }) => ({ received, inOrder })), histogram }, () =>
    process.exit(0),
  );
});
