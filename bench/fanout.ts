/**
 * npm run bench:fanout: BENCH_SUBSCRIBERS (1000) Server-Sent Events subscribers on
 * loopback follow the event feed while facts are appended at BENCH_RATE (500) per
 * second for BENCH_SECONDS (20). Reports delivery latency (append acknowledged ->
 * message received), whether every subscriber got every message, and the server's RSS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ms, percentile, printResult } from './result';
import { BENCH_TOKEN, startServer } from './server';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

interface Subscriber {
  received: number[];
  reconnects: number;
}

const rss = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? `${Math.round(Number(m[1]) / 1024)} MiB` : 'unknown';
};

async function follow(
  url: string,
  sub: Subscriber,
  receipts: { id: number; at: number }[],
  stop: { done: boolean },
  from: number,
): Promise<void> {
  let last = from;
  while (!stop.done) {
    const res = await fetch(`${url}/v1/events/stream?type=DecisionTaken`, {
      headers: { 'Last-Event-ID': String(last) },
    }).catch(() => null);
    if (!res?.body) {
      sub.reconnects++;
      continue;
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      while (!stop.done) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.startsWith('id: ')) continue;
          const id = Number(block.slice(4, block.indexOf('\n')));
          receipts.push({ id, at: performance.timeOrigin + performance.now() });
          sub.received.push(id);
          last = id;
        }
      }
    } catch {
      // cut off (too slow) or closed: resume from the last id
    }
    if (!stop.done) sub.reconnects++;
    await reader.cancel().catch(() => undefined);
  }
}

async function main() {
  const server = await startServer({ SSE_MAX_SUBSCRIBERS: String(SUBSCRIBERS + 100), LOG_LEVEL: 'error' });
  try {
    const head = ((await (await fetch(`${server.url}/readyz`)).json()) as { head: number }).head;
    const stop = { done: false };
    const subs: Subscriber[] = Array.from({ length: SUBSCRIBERS }, () => ({ received: [], reconnects: 0 }));
    const receipts: { id: number; at: number }[] = [];
    const following = subs.map((s) => follow(server.url, s, receipts, stop, head));
    await new Promise((r) => setTimeout(r, 2000)); // let every subscriber connect
    const rssBefore = rss(server.process.pid!, 'VmRSS');

    // The worker loads the TypeScript through tsx's require hook.
    const worker = new Worker(
      `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'fanout-appender.ts'))});`,
      {
        eval: true,
        workerData: { url: server.url, token: BENCH_TOKEN, rate: RATE, seconds: SECONDS },
      },
    );
    const { acks, failed, elapsed } = await new Promise<{
      acks: [number, number][];
      failed: Record<string, number>;
      elapsed: number;
    }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    // Give the last messages time to arrive.
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline && subs.some((s) => s.received.length < acks.length))
      await new Promise((r) => setTimeout(r, 100));
    const acknowledged = acks.map(([position]) => position);
    const ackAt = new Map(acks);
    const latencies: number[] = [];
    for (const r of receipts) {
      const acked = ackAt.get(r.id);
      if (acked !== undefined) latencies.push(Math.max(0, r.at - acked));
    }
    stop.done = true;
    const expected = new Set(acknowledged);
    const rssAfter = rss(server.process.pid!, 'VmRSS');
    const peak = rss(server.process.pid!, 'VmHWM');

    const complete = subs.filter(
      (s) =>
        s.received.length === expected.size &&
        new Set(s.received).size === expected.size &&
        s.received.every((id) => expected.has(id)),
    ).length;
    const inOrder = subs.filter((s) => s.received.every((id, i) => i === 0 || id > s.received[i - 1]!)).length;
    latencies.sort((a, b) => a - b);
    // A message can beat the append's own response to the writer; that counts as no delay.
    const pct = (p: number) => percentile(latencies, p).toFixed(1);
    console.log(
      `${SUBSCRIBERS} subscribers, ${acknowledged.length} facts acknowledged in ${elapsed.toFixed(1)} s (${Math.round(acknowledged.length / elapsed)}/s); not acknowledged: ${JSON.stringify(failed)}`,
    );
    console.log(
      `delivered ${latencies.length.toLocaleString()} messages: latency p50 ${pct(50)} ms, p99 ${pct(99)} ms (target p99 <= 100 ms)`,
    );
    console.log(
      `subscribers with every message exactly once: ${complete}/${SUBSCRIBERS}; in order: ${inOrder}/${SUBSCRIBERS}; reconnects: ${subs.reduce((n, s) => n + s.reconnects, 0)}`,
    );
    console.log(`server RSS: ${rssBefore} with subscribers connected, ${rssAfter} at the end, peak ${peak}`);
    printResult('fanout', {
      subscribers: SUBSCRIBERS,
      targetFactsPerS: RATE,
      factsPerS: Math.round(acknowledged.length / elapsed),
      notAcknowledged: JSON.stringify(failed),
      messages: latencies.length,
      p50Ms: ms(percentile(latencies, 50)),
      p99Ms: ms(percentile(latencies, 99)),
      complete,
      inOrder,
      serverPeakRss: peak,
    });
    await Promise.race([Promise.all(following), new Promise((r) => setTimeout(r, 2000))]);
  } finally {
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
