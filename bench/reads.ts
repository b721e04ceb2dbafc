/**
 * npm run bench:reads: builds a synthetic history in a SQLite file, then measures the
 * rebuild rate of all read models, as-of read latency on membership, and peak RSS.
 * Sizes: BENCH_EVENTS (default 1,000,000) over BENCH_STREAMS (default 10,000).
 * package.json caps the heap (--max-old-space-size) so peak RSS reflects what the
 * read models need rather than how lazily V8 collects garbage.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { membersAt } from '../projections/membership';
import { ProjectionEngine } from '../src/read/projection-engine';
import { SqliteEventStore } from '../src/store/sqlite';
import { rng, syntheticStreams } from './synthetic';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 10_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1_000);

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'csto-bench-'));
  const path = join(dir, 'events.db');
  try {
    let store = new SqliteEventStore(path);
    let t = performance.now();
    for (const { stream, events } of syntheticStreams(STREAMS, Math.ceil(EVENTS / STREAMS)))
      await store.append(stream, events, 'no-stream');
    const head = await store.head();
    const writeSeconds = (performance.now() - t) / 1000;
    console.log(
      `generated ${head.toLocaleString()} events over ${STREAMS.toLocaleString()} streams in ${writeSeconds.toFixed(1)} s (${Math.round(head / writeSeconds).toLocaleString()} events/s, one durable transaction per stream)`,
    );
    await store.close();

    // A fresh process state: reopen the file and fold everything into every read model.
    store = new SqliteEventStore(path);
    const engine = new ProjectionEngine(store);
    t = performance.now();
    await engine.start();
    const rebuildSeconds = (performance.now() - t) / 1000;
    console.log(
      `rebuild: ${engine.currentPosition.toLocaleString()} events into all read models in ${rebuildSeconds.toFixed(2)} s = ${Math.round(engine.currentPosition / rebuildSeconds).toLocaleString()} events/s (target >= 250,000)`,
    );

    const random = rng(7);
    const day = () =>
      `${1992 + Math.floor(random() * 19)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`;
    const measure = (label: string, queries: { asOf: string; knownAt: string | null }[]) => {
      const latencies: number[] = [];
      let members = 0;
      for (const q of queries) {
        const q0 = performance.now();
        members += membersAt(engine.models.membership, q, engine.models.entities.nameOf).length;
        latencies.push(performance.now() - q0);
      }
      latencies.sort((a, b) => a - b);
      console.log(
        `${label} (${QUERIES} reads over ${Math.round(members / QUERIES)} members on average): p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`,
      );
    };
    const asOf = Array.from({ length: QUERIES }, () => ({ asOf: day(), knownAt: null }));
    // Readings are computed on first use: the first pass pays for them, a second pass over the same dates does not.
    measure('membership as-of, everything known, first pass', asOf);
    measure('membership as-of, everything known, second pass (target p99 <= 5 ms)', asOf);
    measure(
      'membership as-of with knownAt',
      Array.from({ length: QUERIES }, () => ({ asOf: day(), knownAt: day() })),
    );
    console.log(
      `peak RSS: ${mib(process.resourceUsage().maxRSS * 1024)} (target <= 1 GiB); heap in use now: ${mib(process.memoryUsage().heapUsed)}`,
    );
    await engine.stop();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
