/**
 * npm run bench:appends: the service in a child process on a fresh SQLite file;
 * autocannon posts single facts, then batches of 100, for BENCH_SECONDS (default 20)
 * each, and checks that every acknowledged event is in the log afterwards. In the same
 * run, the raw limits: better-sqlite3 durable transactions of one row and of 100 rows,
 * and bare Express taking the same posts (parsing them and nothing else).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { uuidv7 } from '../events/ids';
import { measureCpuShares, type CpuShares } from './cpu-shares';
import { ms, printResult } from './result';
import { BENCH_TOKEN, startServer } from './server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const STREAMS = 64;

// No id: the service assigns one (time-ordered), as it does for its clients, which send none.
const fact = (i: number) => ({
  type: 'DecisionTaken',
  occurred: '2010-01-29',
  data: { body: 'benchmark', decision: `decision ${i}`, topics: ['bench'] },
  source: { article: 'edm-v7-i31', outlet: null, quote: null },
});

/**
 * Rows per second better-sqlite3 commits durably (WAL, synchronous=FULL), `batch` rows a
 * transaction, with ids of the kind the service assigns.
 */
function rawRowsPerS(batch: number, seconds = 3): number {
  const dir = mkdtempSync(join(tmpdir(), 'csto-bench-raw-'));
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO events (id, body) VALUES (?, ?)');
  const commit = db.transaction((rows: string[][]) => {
    for (const [id, body] of rows) insert.run(id, body);
  });
  const body = JSON.stringify(fact(0));
  let rows = 0;
  const t = performance.now();
  while (performance.now() - t < seconds * 1000) {
    commit(Array.from({ length: batch }, () => [uuidv7(), body]));
    rows += batch;
  }
  const perS = rows / ((performance.now() - t) / 1000);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return perS;
}

/** The same posts against bare Express in its own process (bench/appends-bare.ts). */
async function bare(batch: number): Promise<Run> {
  const child = fork(join(__dirname, 'appends-bare.ts'), [], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => child.once('message', (p) => resolve(p as number)));
  try {
    const label = `bare Express, ${batch === 1 ? 'single facts' : 'batches of 100'}`;
    return await run(label, `http://127.0.0.1:${port}`, batch, child.pid!);
  } finally {
    child.kill();
  }
}

interface Run {
  acknowledged: string[];
  perS: number;
  p99Ms: number;
  non2xx: number;
  /** How busy the server's main thread and the machine were (null without /proc). */
  cpu: CpuShares | null;
}

/** Posts for SECONDS to the server `pid` listens at `url`; returns the ids of every event a 201 acknowledged. */
async function run(label: string, url: string, batch: number, pid: number): Promise<Run> {
  const acknowledged: string[] = [];
  let n = 0;
  const cpuShares = measureCpuShares(pid);
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
  const cpu = cpuShares.stop();
  const seconds = result.duration;
  const non2xx = result.non2xx;
  const busy = cpu
    ? `; the server's main thread ran ${percent(cpu.mainThread)} of the time, the machine was ${percent(cpu.machineIdle)} idle`
    : '';
  console.log(
    `${label}: ${result.requests.total.toLocaleString()} requests in ${seconds.toFixed(1)} s, ${Math.round(acknowledged.length / seconds).toLocaleString()} events/s acknowledged` +
      ` (${Math.round(result.requests.average).toLocaleString()} requests/s), latency p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms, non-2xx ${non2xx}, errors ${result.errors}${busy}`,
  );
  return { acknowledged, perS: acknowledged.length / seconds, p99Ms: result.latency.p99, non2xx, cpu };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
/** A share for the RESULT line, to two decimals (null without /proc). */
const share = (x: number | undefined) => (x === undefined ? null : Math.round(x * 100) / 100);

async function main() {
  const rawSingle = rawRowsPerS(1);
  const rawBatch = rawRowsPerS(100);
  console.log(
    `raw limit (better-sqlite3, durable): ${Math.round(rawSingle).toLocaleString()} single-row transactions/s, ${Math.round(rawBatch).toLocaleString()} rows/s in transactions of 100`,
  );
  const bareSingle = await bare(1);
  const bareBatch = await bare(100);
  const server = await startServer();
  try {
    const pid = server.process.pid!;
    const single = await run('single facts', server.url, 1, pid);
    const batches = await run('batches of 100', server.url, 100, pid);
    const acknowledged = [...single.acknowledged, ...batches.acknowledged];
    // Requests still in flight when a run ends may be appended without being counted; acknowledged ones must all be there.
    const db = new Database(server.dbPath, { readonly: true });
    const exists = db.prepare('SELECT 1 FROM events WHERE id = ?').pluck();
    const missing = acknowledged.filter((id) => exists.get(id) === undefined).length;
    console.log(
      `acknowledged ${acknowledged.length.toLocaleString()} events; missing from the log afterwards: ${missing}`,
    );
    db.close();
    if (missing) process.exitCode = 1;
    printResult('appends', {
      connections: CONNECTIONS,
      singlePerS: Math.round(single.perS),
      singleP99Ms: ms(single.p99Ms),
      singleNon2xx: single.non2xx,
      rawSingleTxPerS: Math.round(rawSingle),
      bareSinglePerS: Math.round(bareSingle.perS),
      singleOfBare: Math.round((single.perS / bareSingle.perS) * 100) / 100,
      singleMainThreadBusy: share(single.cpu?.mainThread),
      bareSingleMainThreadBusy: share(bareSingle.cpu?.mainThread),
      singleMachineIdle: share(single.cpu?.machineIdle),
      batchEventsPerS: Math.round(batches.perS),
      batchP99Ms: ms(batches.p99Ms),
      batchNon2xx: batches.non2xx,
      rawBatchRowsPerS: Math.round(rawBatch),
      bareBatchEventsPerS: Math.round(bareBatch.perS),
      batchMainThreadBusy: share(batches.cpu?.mainThread),
      missing,
    });
  } finally {
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
