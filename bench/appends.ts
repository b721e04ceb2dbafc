/**
 * npm run bench:appends: the service in a child process on a fresh SQLite file;
 * autocannon posts single facts, then batches of 100, for BENCH_SECONDS (default 20)
 * each, and checks that every acknowledged event is in the log afterwards.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { BENCH_TOKEN, startServer } from './server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const STREAMS = 64;

const fact = (i: number) => ({
  id: randomUUID(),
  type: 'DecisionTaken',
  occurred: '2010-01-29',
  data: { body: 'benchmark', decision: `decision ${i}`, topics: ['bench'] },
  source: { article: 'edm-v7-i31', outlet: null, quote: null },
});

/** Posts for SECONDS; returns the ids of every event a 201 acknowledged. */
async function run(label: string, url: string, batch: number): Promise<string[]> {
  const acknowledged: string[] = [];
  let n = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` },
    requests: [
      {
        method: 'POST',
        // Spread over streams, as many writers recording different things would.
        setupRequest: (req) => {
          n++;
          const body = batch === 1 ? fact(n) : { facts: Array.from({ length: batch }, (_, i) => fact(n * batch + i)) };
          return { ...req, path: `/v1/streams/bench-${n % STREAMS}/events`, body: JSON.stringify(body) };
        },
        onResponse: (status, body) => {
          if (status === 201)
            for (const e of (JSON.parse(body) as { events: { id: string }[] }).events) acknowledged.push(e.id);
        },
      },
    ],
  });
  const seconds = result.duration;
  const non2xx = result.non2xx;
  console.log(
    `${label}: ${result.requests.total.toLocaleString()} requests in ${seconds.toFixed(1)} s, ${Math.round(acknowledged.length / seconds).toLocaleString()} events/s acknowledged` +
      ` (${Math.round(result.requests.average).toLocaleString()} requests/s), latency p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms, non-2xx ${non2xx}, errors ${result.errors}`,
  );
  return acknowledged;
}

async function main() {
  const server = await startServer();
  try {
    const acknowledged = [
      ...(await run('single facts', server.url, 1)),
      ...(await run('batches of 100', server.url, 100)),
    ];
    // Requests still in flight when a run ends may be appended without being counted; acknowledged ones must all be there.
    const db = new Database(server.dbPath, { readonly: true });
    const exists = db.prepare('SELECT 1 FROM events WHERE id = ?').pluck();
    const missing = acknowledged.filter((id) => exists.get(id) === undefined).length;
    console.log(
      `acknowledged ${acknowledged.length.toLocaleString()} events; missing from the log afterwards: ${missing}`,
    );
    db.close();
    if (missing) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
