/**
 * npm run bench:fanout: BENCH_SUBSCRIBERS (1000) subscribers, light node:http readers
 * split over BENCH_READER_PROCESSES (2) processes, follow appended events while facts
 * are appended at BENCH_RATE (500) a second for BENCH_SECONDS (20). In the same run:
 * how many messages the readers themselves can take (a bare node:http server flooding
 * them), and the bare server broadcasting at the same rate (frames of one turn joined
 * into one write per socket), so the service's figure is read as a ratio. Latency is
 * from the event's recordedAt to its arrival.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ms, printResult } from './result';
import { BENCH_TOKEN, startServer } from './server';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const PROCESSES = Number(process.env.BENCH_READER_PROCESSES ?? 2);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const rssMiB = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : null;
};
const sleep = (millis: number) => new Promise((r) => setTimeout(r, millis));
const ask = <T>(child: ChildProcess, message: unknown) =>
  new Promise<T>((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(message as string);
  });
const TSX = ['--import', 'tsx'];

interface Readers {
  stop(): Promise<{ subs: { received: number; inOrder: boolean }[]; histogram: number[] }>;
}

/** Starts the reader processes on `url` and waits until every subscriber is connected. */
async function startReaders(url: string, from: number): Promise<Readers> {
  const per = Math.ceil(SUBSCRIBERS / PROCESSES);
  const children = Array.from({ length: PROCESSES }, (_, i) =>
    fork(join(__dirname, 'fanout-readers.ts'), [], {
      execArgv: TSX,
      env: {
        ...process.env,
        READERS_URL: url,
        READERS_COUNT: String(Math.min(per, SUBSCRIBERS - i * per)),
        READERS_FROM: String(from),
      },
    }),
  );
  for (let i = 0; ; i++) {
    const counts = await Promise.all(children.map((c) => ask<{ connected: number }>(c, 'connected?')));
    if (counts.reduce((n, c) => n + c.connected, 0) >= SUBSCRIBERS) break;
    if (i > 600) throw new Error('the readers did not all connect');
    await sleep(100);
  }
  return {
    async stop() {
      const reports = await Promise.all(
        children.map((c) => ask<{ subs: { received: number; inOrder: boolean }[]; histogram: number[] }>(c, 'stop')),
      );
      const histogram = reports[0]!.histogram.map((_, i) => reports.reduce((n, r) => n + r.histogram[i]!, 0));
      return { subs: reports.flatMap((r) => r.subs), histogram };
    },
  };
}

/** The p-th percentile, in ms, of a histogram of whole milliseconds. */
function histogramPercentile(histogram: number[], p: number): number {
  const total = histogram.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) if ((seen += histogram[i]!) >= (p / 100) * total) return i;
  return histogram.length - 1;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** The readers' own limit and the bare broadcast at RATE, against a bare node:http server. */
async function baseline() {
  const port = await freePort();
  const bare = fork(join(__dirname, 'fanout-bare.ts'), [], {
    execArgv: TSX,
    env: { ...process.env, BARE_PORT: String(port) },
  });
  await new Promise((r) => bare.once('message', r));
  try {
    const run = async (rate: number, seconds: number) => {
      const readers = await startReaders(`http://127.0.0.1:${port}/`, 0);
      const { sent, elapsed } = await ask<{ sent: number; elapsed: number }>(bare, { rate, seconds });
      await sleep(2000); // let the last frames arrive
      const { subs, histogram } = await readers.stop();
      const messages = subs.reduce((n, s) => n + s.received, 0);
      return { sent, elapsed, messages, subs, histogram };
    };
    const flood = await run(0, 5);
    const readersMessagesPerS = flood.messages / flood.elapsed;
    console.log(
      `readers' own limit (a bare server flooding them): ${Math.round(readersMessagesPerS).toLocaleString()} messages/s`,
    );
    const atRate = await run(RATE, SECONDS);
    const bareFactsPerS = atRate.sent / atRate.elapsed;
    const bareComplete = atRate.subs.filter((s) => s.received === atRate.sent && s.inOrder).length;
    console.log(
      `bare node:http broadcast at ${RATE}/s: ${Math.round(bareFactsPerS)} facts/s, latency p50 ${histogramPercentile(atRate.histogram, 50)} ms, p99 ${histogramPercentile(atRate.histogram, 99)} ms; every message once, in order: ${bareComplete}/${SUBSCRIBERS}`,
    );
    return { readersMessagesPerS, bareFactsPerS, bareP99Ms: histogramPercentile(atRate.histogram, 99) };
  } finally {
    bare.kill();
  }
}

async function main() {
  const base = await baseline();
  const server = await startServer({ SSE_MAX_SUBSCRIBERS: String(SUBSCRIBERS + 100), LOG_LEVEL: 'error' });
  try {
    const head = ((await (await fetch(`${server.url}/readyz`)).json()) as { head: number }).head;
    const readers = await startReaders(`${server.url}/v1/events/stream?type=DecisionTaken`, head);
    const rssConnected = rssMiB(server.process.pid!, 'VmRSS');
    // The writer runs in a thread of its own; it loads the TypeScript through tsx's require hook.
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
    await sleep(5000); // let the last messages arrive
    const { subs, histogram } = await readers.stop();
    const complete = subs.filter((s) => s.received === acks.length && s.inOrder).length;
    const inOrder = subs.filter((s) => s.inOrder).length;
    const factsPerS = acks.length / elapsed;
    const p50 = histogramPercentile(histogram, 50);
    const p99 = histogramPercentile(histogram, 99);
    console.log(
      `service: ${SUBSCRIBERS} subscribers, ${acks.length} facts acknowledged in ${elapsed.toFixed(1)} s (${Math.round(factsPerS)}/s, ${((factsPerS / base.bareFactsPerS) * 100).toFixed(0)}% of the bare broadcast); not acknowledged: ${JSON.stringify(failed)}`,
    );
    console.log(
      `delivered ${subs.reduce((n, s) => n + s.received, 0).toLocaleString()} messages: latency p50 ${p50} ms, p99 ${p99} ms (target p99 <= 100 ms); every message once: ${complete}/${SUBSCRIBERS}, in order: ${inOrder}/${SUBSCRIBERS}`,
    );
    const peak = rssMiB(server.process.pid!, 'VmHWM');
    console.log(`server RSS: ${rssConnected} MiB with subscribers connected, peak ${peak} MiB`);
    printResult('fanout', {
      subscribers: SUBSCRIBERS,
      targetFactsPerS: RATE,
      factsPerS: Math.round(factsPerS),
      notAcknowledged: Object.values(failed).reduce((a, b) => a + b, 0),
      p50Ms: ms(p50),
      p99Ms: ms(p99),
      complete,
      inOrder,
      bareFactsPerS: Math.round(base.bareFactsPerS),
      bareP99Ms: ms(base.bareP99Ms),
      readersMessagesPerS: Math.round(base.readersMessagesPerS),
      ofBare: Math.round((factsPerS / base.bareFactsPerS) * 100) / 100,
      serverPeakRssMiB: peak,
    });
  } finally {
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
