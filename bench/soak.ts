/**
 * npm run bench:soak: SOAK_SECONDS (600) of mixed traffic against the service in its
 * own process: as-of reads, list reads, appends, and SOAK_SUBSCRIBERS (50) event
 * streams. Reports requests per second and p99 latency per endpoint for each
 * SOAK_WINDOW_SECONDS (60) window, the server's RSS over time, and at the end what
 * its heap holds: a heap snapshot (taken after a full GC), summarised by constructor.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summariseHeap } from './heap-summary';
import { printResult } from './result';
import { BENCH_TOKEN, startServer } from './server';
import { rng } from './synthetic';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const WINDOW = Number(process.env.SOAK_WINDOW_SECONDS ?? 60);
const WORKERS = Number(process.env.SOAK_WORKERS ?? 8);
const SUBSCRIBERS = Number(process.env.SOAK_SUBSCRIBERS ?? 50);

const rssMiB = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);
const random = rng(11);
const day = () => `${1995 + Math.floor(random() * 16)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`;

type Endpoint = 'membership as-of' | 'membership known-at' | 'statements' | 'timeline' | 'append';
const ENDPOINTS: Endpoint[] = ['membership as-of', 'membership known-at', 'statements', 'timeline', 'append'];

function request(url: string, e: Endpoint, n: number): Promise<Response> {
  switch (e) {
    case 'membership as-of':
      return fetch(`${url}/v1/membership?asOf=${day()}`);
    case 'membership known-at':
      return fetch(`${url}/v1/membership?asOf=${day()}&knownAt=${day()}`);
    case 'statements':
      return fetch(`${url}/v1/statements?speaker=Bordyuzha&limit=20`);
    case 'timeline':
      return fetch(`${url}/v1/timeline?asOf=${day()}&limit=50`);
    case 'append':
      return fetch(`${url}/v1/streams/soak-${n % 32}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` },
        body: JSON.stringify({
          type: 'DecisionTaken',
          occurred: '2010-01-29',
          data: { body: 'soak', decision: `d${n}`, topics: [] },
          source: { article: 'edm-v7-i31' },
        }),
      });
  }
}

/** Asks the server for a heap snapshot (SIGUSR2) and waits until it is written. */
async function heapSnapshot(pid: number, dir: string): Promise<string> {
  process.kill(pid, 'SIGUSR2');
  for (let last = -1; ;) {
    await new Promise((r) => setTimeout(r, 1000));
    const file = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot'));
    if (!file) continue;
    // Written in one go by the server's main thread; done when its size stops changing.
    const size = statSync(join(dir, file)).size;
    if (size > 0 && size === last) return join(dir, file);
    last = size;
  }
}

async function main() {
  const snapshots = mkdtempSync(join(tmpdir(), 'csto-soak-heap-'));
  process.env.BENCH_NODE_ARGS = [
    process.env.BENCH_NODE_ARGS,
    '--heapsnapshot-signal=SIGUSR2',
    `--diagnostic-dir=${snapshots}`,
  ]
    .filter(Boolean)
    .join(' ');
  const server = await startServer();
  const pid = server.process.pid!;
  try {
    const streams = await Promise.all(
      Array.from({ length: SUBSCRIBERS }, async () => {
        const res = await fetch(`${server.url}/v1/events/stream`);
        const reader = res.body!.getReader();
        void (async () => {
          while (!(await reader.read().catch(() => ({ done: true }))).done);
        })();
        return reader;
      }),
    );
    const windows: Map<Endpoint, number[]>[] = [];
    const rss: [number, number][] = [[0, rssMiB(pid)]];
    const start = performance.now();
    const sampler = setInterval(() => rss.push([Math.round((performance.now() - start) / 1000), rssMiB(pid)]), 10_000);
    let n = 0;
    let errors = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (performance.now() - start < SECONDS * 1000) {
          const e = ENDPOINTS[Math.floor(random() * ENDPOINTS.length)]!;
          const t0 = performance.now();
          const res = await request(server.url, e, n++).catch(() => null);
          if (!res || res.status >= 400) errors++;
          await res?.arrayBuffer().catch(() => undefined);
          const w = Math.floor((t0 - start) / 1000 / WINDOW);
          const bucket = (windows[w] ??= new Map());
          let list = bucket.get(e);
          if (!list) bucket.set(e, (list = []));
          list.push(performance.now() - t0);
        }
      }),
    );
    clearInterval(sampler);
    rss.push([Math.round((performance.now() - start) / 1000), rssMiB(pid)]);
    for (const s of streams) await s.cancel().catch(() => undefined);

    const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? 0;
    console.log(
      `soak: ${SECONDS} s, ${WORKERS} clients, ${SUBSCRIBERS} event streams open, ${n} requests, ${errors} errors`,
    );
    console.log(`window  ${ENDPOINTS.map((e) => e.padStart(22)).join('')}   (requests/s, p99 ms)`);
    windows.forEach((bucket, i) => {
      const cells = ENDPOINTS.map((e) => {
        const xs = bucket.get(e) ?? [];
        return `${Math.round(xs.length / WINDOW)}/s ${p99(xs).toFixed(1)}`.padStart(22);
      });
      console.log(`${String(i * WINDOW).padStart(5)}s ${cells.join('')}`);
    });
    const warm = rss.find(([t]) => t >= Math.min(60, SECONDS / 5))?.[1] ?? rss[0]![1];
    const end = rss[rss.length - 1]![1];
    console.log(
      `server RSS: ${rss[0]![1]} MiB at start, ${warm} MiB after warm-up, ${end} MiB at the end (${(((end - warm) / warm) * 100).toFixed(1)}% after warm-up; target <= 10%)`,
    );
    // Where the RSS is: V8's heap as reserved and as used, and memory outside it (buffers, SQLite, the allocator).
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(metrics)?.[1] ?? NaN);
    const heapTotalMiB = Math.round(gauge('nodejs_heap_size_total_bytes') / 2 ** 20);
    const heapUsedMiB = Math.round(gauge('nodejs_heap_size_used_bytes') / 2 ** 20);
    const externalMiB = Math.round(gauge('nodejs_external_memory_bytes') / 2 ** 20);
    console.log(
      `at the end: RSS ${end} MiB, of which V8 heap ${heapTotalMiB} MiB reserved (${heapUsedMiB} MiB in use, garbage included), external ${externalMiB} MiB`,
    );
    const heap = summariseHeap(await heapSnapshot(pid, snapshots));
    const rssAfterGcMiB = rssMiB(pid);
    console.log(`RSS after the snapshot's full GC: ${rssAfterGcMiB} MiB`);
    console.log(`server heap after a full GC: ${(heap.total / 2 ** 20).toFixed(0)} MiB, by what holds it:`);
    for (const g of heap.groups)
      console.log(`${(g.bytes / 2 ** 20).toFixed(1).padStart(8)} MiB ${String(g.count).padStart(10)}  ${g.what}`);
    printResult('soak', {
      seconds: SECONDS,
      heapAfterGcMiB: Math.round(heap.total / 2 ** 20),
      heapTotalMiB,
      heapUsedMiB,
      externalMiB,
      rssAfterGcMiB,
      heapTop: heap.groups
        .slice(0, 5)
        .map((g) => `${g.what} ${Math.round(g.bytes / 2 ** 20)}MiB`)
        .join('; '),
      requests: n,
      errors,
      rssStartMiB: rss[0]![1],
      rssWarmMiB: warm,
      rssEndMiB: end,
      growthAfterWarmUp: Math.round(((end - warm) / warm) * 1000) / 1000,
    });
  } finally {
    await server.stop();
    rmSync(snapshots, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
