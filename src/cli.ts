/**
 * csto-record: the command line.
 *
 *   csto-record token create NAME                 a new write token, as NAME:secret for API_TOKENS
 *   csto-record import FILE [--url U] [--token T] record facts from JSON or NDJSON through the API
 *   csto-record replay --to DATE [--known-at DATE] [--model membership|relations|chairmanship|summits] [--json] [--db PATH]
 *   csto-record rebuild [--db PATH]               rebuild every read model from the log, save checkpoints
 *   csto-record export [--db PATH]                the log as NDJSON on stdout
 *
 * replay, rebuild and export open the store the service's configuration names
 * (EVENT_STORE, SQLITE_PATH or ESDB_URL); --db names the SQLite file.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { FactInput } from '../commands/fact-input';
import { IsoDay } from '../events/dates';
import { chairmanshipAt } from '../projections/chairmanship';
import { membersAt } from '../projections/membership';
import { relationsAt } from '../projections/relations';
import { summitsAt } from '../projections/summits';
import { loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { ProjectionEngine } from './read/projection-engine';
import { SqliteCheckpointStore } from './store/checkpoints';
import { openStore } from './store/open-store';
import type { EventStore } from './store/port';

const USAGE = readFileSync(__filename, 'utf8')
  .match(/\/\*\*([\s\S]*?)\*\//)![1]!
  .replace(/^ \* ?/gm, '')
  .trim();

const options = {
  db: { type: 'string' },
  url: { type: 'string', default: process.env.CSTO_URL ?? 'http://localhost:3000' },
  token: { type: 'string', default: process.env.CSTO_TOKEN },
  to: { type: 'string' },
  'known-at': { type: 'string' },
  model: { type: 'string', default: 'membership' },
  json: { type: 'boolean', default: false },
} as const;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function progress(done: number, total: number) {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(1, total)) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}

/** Facts from a JSON array, a `{ facts }` object, or NDJSON; each names its stream. */
function readFacts(file: string): unknown[] {
  const text = readFileSync(file, 'utf8').trim();
  if (text.startsWith('[') || text.startsWith('{"facts"')) {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed : (parsed as { facts: unknown[] }).facts;
  }
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        return { invalidJsonOnLine: i + 1 };
      }
    });
}

const StreamFact = z.object({ stream: z.string().min(1).max(120) }).passthrough();

async function importFile(file: string, url: string, token: string | undefined): Promise<number> {
  if (!token) fail('import needs a write token: --token or CSTO_TOKEN');
  const facts = readFacts(file);
  let appended = 0;
  const rejected: string[] = [];
  for (const [i, raw] of facts.entries()) {
    const withStream = StreamFact.safeParse(raw);
    const { stream, ...fact } = withStream.success ? withStream.data : { stream: '', ...(raw as object) };
    const checked = FactInput.safeParse(fact);
    if (!withStream.success || !checked.success) {
      const issue = !withStream.success
        ? 'a stream is required'
        : checked.error!.issues.map((x) => `${x.path.join('/')}: ${x.message}`).join('; ');
      rejected.push(`#${i + 1}: ${issue}`);
    } else {
      const res = await fetch(`${url}/v1/streams/${encodeURIComponent(stream)}/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(fact),
      }).catch((err: Error) => fail(`cannot reach ${url}: ${err.message}`));
      if (res.status === 201) appended++;
      else {
        const problem = (await res.json().catch(() => ({}))) as { detail?: string; rule?: string };
        rejected.push(`#${i + 1}: ${res.status} ${problem.rule ? `${problem.rule}: ` : ''}${problem.detail ?? ''}`);
      }
    }
    progress(i + 1, facts.length);
  }
  process.stdout.write(
    `appended ${appended}, rejected ${rejected.length}\n${rejected.map((r) => `  ${r}\n`).join('')}`,
  );
  return rejected.length ? 1 : 0;
}

/** The configured store, as the service would open it. */
async function openConfiguredStore(db: string | undefined): Promise<{ config: Config; store: EventStore }> {
  const config = loadConfig(db === undefined ? process.env : { ...process.env, SQLITE_PATH: db });
  return { config, store: await openStore(config, createLogger('warn')) };
}

async function withEngine<T>(db: string | undefined, fn: (engine: ProjectionEngine) => Promise<T>): Promise<T> {
  const { store } = await openConfiguredStore(db);
  const engine = new ProjectionEngine(store);
  try {
    await engine.start();
    return await fn(engine);
  } finally {
    await engine.stop();
    await store.close();
  }
}

async function replay(values: {
  db?: string;
  to?: string;
  'known-at'?: string;
  model: string;
  json: boolean;
}): Promise<number> {
  const asOf = IsoDay.safeParse(values.to);
  if (!asOf.success) fail('replay needs --to YYYY-MM-DD');
  const knownAt =
    values['known-at'] === undefined
      ? null
      : (IsoDay.safeParse(values['known-at']).data ?? fail('--known-at must be YYYY-MM-DD'));
  return withEngine(values.db, async (engine) => {
    const q = { asOf: asOf.data, knownAt };
    const m = engine.models;
    const views: Record<string, () => { rows: Record<string, unknown>[]; raw: unknown }> = {
      membership: () => {
        const members = membersAt(m.membership, q);
        return {
          raw: members,
          rows: members.map((x) => ({ country: x.country, status: x.status, since: x.since, basis: x.sinceBasis })),
        };
      },
      relations: () => {
        const r = relationsAt(m.relations, 'relations-nato-csto', q);
        return {
          raw: r,
          rows: [{ relation: 'NATO–CSTO', status: r.status, since: r.since ?? '', uncertain: r.uncertain }],
        };
      },
      chairmanship: () => {
        const c = chairmanshipAt(m.chairmanship, q);
        return {
          raw: c,
          rows: c.chair ? [{ chair: c.chair.country, since: c.chair.since, basis: c.chair.sinceBasis }] : [],
        };
      },
      summits: () => {
        const s = summitsAt(m.summits, q);
        return {
          raw: s,
          rows: s.map((x) => ({ summit: x.id, status: x.status, place: x.place ?? '', date: x.date.text })),
        };
      },
    };
    const view = views[values.model] ?? fail(`--model is one of ${Object.keys(views).join(', ')}`);
    const { rows, raw } = view();
    if (values.json)
      process.stdout.write(
        `${JSON.stringify({ ...q, position: engine.currentPosition, [values.model]: raw }, null, 2)}\n`,
      );
    else if (rows.length === 0) process.stdout.write(`nothing recorded as of ${q.asOf}\n`);
    else console.table(rows);
    return 0;
  });
}

async function rebuild(db: string | undefined): Promise<number> {
  const { config, store } = await openConfiguredStore(db);
  // Checkpoints live in this replica's SQLite file whichever store holds the events, as in the service.
  const checkpoints = new SqliteCheckpointStore(config.SQLITE_PATH);
  const engine = new ProjectionEngine(store, { checkpoints, rebuild: true });
  const head = await store.head();
  const timer = setInterval(() => progress(engine.currentPosition, head), 200);
  try {
    const started = Date.now();
    await engine.start();
    clearInterval(timer);
    progress(engine.currentPosition, engine.currentPosition);
    process.stdout.write(
      `rebuilt ${engine.currentPosition} events into every read model in ${((Date.now() - started) / 1000).toFixed(1)} s; checkpoints saved\n`,
    );
    return 0;
  } finally {
    clearInterval(timer);
    await engine.stop();
    await checkpoints.close();
    await store.close();
  }
}

async function exportLog(db: string | undefined): Promise<number> {
  const { store } = await openConfiguredStore(db);
  try {
    for (let after = 0; ;) {
      const page = await store.readAll({ after, limit: 1000 });
      if (page.length === 0) return 0;
      process.stdout.write(page.map((e) => JSON.stringify(e)).join('\n') + '\n');
      after = page[page.length - 1]!.position;
    }
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'token':
      if (rest[0] !== 'create' || !rest[1] || !/^[\w.@-]{1,120}$/.test(rest[1]))
        fail('usage: csto-record token create NAME');
      process.stdout.write(`${rest[1]}:${randomBytes(32).toString('base64url')}\n`);
      return 0;
    case 'import':
      if (!rest[0]) fail('usage: csto-record import FILE');
      return importFile(rest[0], values.url, values.token);
    case 'replay':
      return replay(values);
    case 'rebuild':
      return rebuild(values.db);
    case 'export':
      return exportLog(values.db);
    default:
      process.stdout.write(`${USAGE}\n`);
      return command === undefined || command === 'help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => fail((err as Error).message),
);
