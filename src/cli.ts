/**
 * csto-record: the command line. Each command is described in USAGE below, which
 * `--help` prints; replay, rebuild and export open the store the service's
 * configuration names (EVENT_STORE, SQLITE_PATH or ESDB_URL).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { FactInput } from '../commands/fact-input';
import { IsoDay } from '../events/dates';
import { chairmanshipAt } from '../projections/chairmanship';
import { membersAt } from '../projections/membership';
import { relationsAt } from '../projections/relations';
import { summitsAt } from '../projections/summits';
import { loadConfig, type Config } from './config';
import { isFailure } from './errors';
import { createLogger } from './logger';
import { ProjectionEngine } from './read/projection-engine';
import { SqliteCheckpointStore } from './store/checkpoints';
import { openStore } from './store/open-store';
import type { EventStore } from './store/port';
import { claimWriter } from './store/writer-lock';

const COMMANDS = {
  token: `csto-record token create NAME
  A new write token, printed as NAME:secret for API_TOKENS.`,
  import: `csto-record import FILE [--url URL] [--token TOKEN]
  Records the facts in FILE (a JSON array, a {"facts": [...]} object, or NDJSON, one
  fact a line, each with its "stream") through the API at URL (CSTO_URL, default
  http://localhost:3000) with a write token (CSTO_TOKEN). Safe to run again: each fact
  is sent with an Idempotency-Key derived from its stream and content, so a fact
  already recorded is counted as already there, not appended twice.`,
  replay: `csto-record replay --to DATE [--known-at DATE] [--model NAME] [--json] [--db PATH]
  A read model as of DATE (YYYY-MM-DD), as a table or as JSON; NAME is membership
  (the default), relations, chairmanship or summits.`,
  rebuild: `csto-record rebuild [--db PATH]
  Folds the whole log into every read model again and replaces the checkpoints.
  Refused while a service writes the same file.`,
  export: `csto-record export [--db PATH]
  The log as NDJSON on stdout, in order.`,
} as const;
type Command = keyof typeof COMMANDS;

const USAGE = `csto-record: the command line of the CSTO record

${Object.values(COMMANDS).join('\n\n')}

--db names the SQLite file (otherwise SQLITE_PATH, default ./data/events.db); it must
exist. -h or --help after a command describes that command.`;

const options = {
  db: { type: 'string' },
  url: { type: 'string', default: process.env.CSTO_URL ?? 'http://localhost:3000' },
  token: { type: 'string', default: process.env.CSTO_TOKEN },
  to: { type: 'string' },
  'known-at': { type: 'string' },
  model: { type: 'string', default: 'membership' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
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

/** One fact of a file, with where it came from: a line of NDJSON, or a place in a JSON array. */
interface Entry {
  at: string;
  value?: unknown;
  /** Why the entry is not a fact at all. */
  unreadable?: string;
}

/** Facts from a JSON array, a `{ facts }` object, or NDJSON; each names its stream. */
function readFacts(file: string): Entry[] {
  const text = readFileSync(file, 'utf8');
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || /^\{\s*"facts"/.test(trimmed)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (err) {
      fail(`${file} is not JSON: ${(err as Error).message}`);
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { facts?: unknown }).facts;
    if (!Array.isArray(list)) fail(`${file}: "facts" must be an array`);
    return list.map((value: unknown, i) => ({ at: `fact ${i + 1}`, value }));
  }
  return text.split('\n').flatMap((line, i): Entry[] => {
    if (!line.trim()) return [];
    try {
      return [{ at: `line ${i + 1}`, value: JSON.parse(line) as unknown }];
    } catch (err) {
      return [{ at: `line ${i + 1}`, unreadable: `not JSON (${(err as Error).message})` }];
    }
  });
}

const StreamFact = z.object({ stream: z.string().min(1).max(120) }).passthrough();

/** JSON with keys sorted, so the same fact written another way is the same request. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/** Why an entry cannot be sent, or its stream and the body to send. */
function prepare(entry: Entry): { problem: string } | { stream: string; body: string } {
  if (entry.unreadable) return { problem: entry.unreadable };
  const withStream = StreamFact.safeParse(entry.value);
  if (!withStream.success) return { problem: 'each fact needs a "stream" (the entity it is about)' };
  const { stream, ...fact } = withStream.data;
  const checked = FactInput.safeParse(fact);
  if (!checked.success)
    return { problem: checked.error.issues.map((x) => `${x.path.join('/') || '/'}: ${x.message}`).join('; ') };
  return { stream, body: canonical(fact) };
}

async function importFile(file: string, url: string, token: string | undefined): Promise<number> {
  if (!token) fail('import needs a write token: --token or CSTO_TOKEN');
  if (!existsSync(file)) fail(`no such file: ${file}`);
  const entries = readFacts(file);
  let appended = 0;
  let already = 0;
  const rejected: string[] = [];
  for (const [i, entry] of entries.entries()) {
    const ready = prepare(entry);
    if ('problem' in ready) rejected.push(`${entry.at}: ${ready.problem}`);
    else {
      const res = await fetch(`${url}/v1/streams/${encodeURIComponent(ready.stream)}/events`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          // Derived from the content: running the file again replays the first answer instead of appending.
          'Idempotency-Key': `import-${createHash('sha256').update(`${ready.stream}\n${ready.body}`).digest('hex')}`,
        },
        body: ready.body,
      }).catch((err: Error) => fail(`cannot reach ${url}: ${err.message}`));
      if (res.status === 201) appended++;
      else if (res.status === 200 && res.headers.get('idempotent-replayed') === 'true') already++;
      else {
        const problem = (await res.json().catch(() => ({}))) as { detail?: string; rule?: string };
        rejected.push(`${entry.at}: ${res.status} ${problem.rule ? `${problem.rule}: ` : ''}${problem.detail ?? ''}`);
      }
    }
    progress(i + 1, entries.length);
  }
  process.stdout.write(
    `appended ${appended}, already there ${already}, rejected ${rejected.length}\n${rejected.map((r) => `  ${r}\n`).join('')}`,
  );
  return rejected.length ? 1 : 0;
}

/** The configured store, as the service would open it; a SQLite file must already exist. */
async function openConfiguredStore(
  db: string | undefined,
  access: 'read' | 'write',
): Promise<{ config: Config; store: EventStore; release: () => void }> {
  const config = loadConfig(db === undefined ? process.env : { ...process.env, SQLITE_PATH: db });
  const named = db === undefined ? `SQLITE_PATH=${config.SQLITE_PATH}` : `--db ${db}`;
  if (config.EVENT_STORE === 'sqlite' && !existsSync(config.SQLITE_PATH))
    fail(`no database at ${config.SQLITE_PATH} (${named}); name an existing file with --db or SQLITE_PATH`);
  let release = () => undefined as void;
  if (access === 'write') {
    try {
      release = claimWriter(config.SQLITE_PATH, db === undefined ? 'SQLITE_PATH' : '--db').release;
    } catch (err) {
      fail((err as Error).message.replace(/^Cannot start: /, ''));
    }
  }
  try {
    return { config, store: await openStore(config, createLogger('warn'), { readOnly: access === 'read' }), release };
  } catch (err) {
    release();
    if (isFailure(err, 'unavailable')) throw err;
    fail(`cannot read ${config.SQLITE_PATH} (${named}) as a CSTO record: ${(err as Error).message}`);
  }
}

async function withEngine<T>(db: string | undefined, fn: (engine: ProjectionEngine) => Promise<T>): Promise<T> {
  const { store } = await openConfiguredStore(db, 'read');
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
        const members = membersAt(m.membership, q, m.entities.nameOf);
        return {
          raw: members,
          rows: members.map((x) => ({
            country: x.country,
            status: x.status,
            since: x.since,
            basis: x.basis,
            extrapolated: x.extrapolated,
          })),
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
        const c = chairmanshipAt(m.chairmanship, q, m.entities.nameOf);
        return {
          raw: c,
          rows: c.chair
            ? [
                {
                  chair: c.chair.country,
                  since: c.chair.since,
                  basis: c.chair.basis,
                  extrapolated: c.chair.extrapolated,
                },
              ]
            : [],
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
  const { config, store, release } = await openConfiguredStore(db, 'write');
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
    // Positions need not be consecutive (EventStoreDB): the store counts.
    const events = await store.countAfter(0);
    process.stdout.write(
      `rebuilt ${events} events into every read model in ${((Date.now() - started) / 1000).toFixed(1)} s; checkpoints saved\n`,
    );
    return 0;
  } finally {
    clearInterval(timer);
    await engine.stop();
    await checkpoints.close();
    await store.close();
    release();
  }
}

async function exportLog(db: string | undefined): Promise<number> {
  const { store } = await openConfiguredStore(db, 'read');
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
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true });
  } catch (err) {
    fail(`${(err as Error).message}\nRun csto-record --help for the commands and their options.`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (command === undefined || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!(command in COMMANDS)) fail(`unknown command ${command}\n\n${USAGE}`);
  if (values.help) {
    process.stdout.write(`usage: ${COMMANDS[command as Command]}\n`);
    return 0;
  }
  switch (command as Command) {
    case 'token':
      if (rest[0] !== 'create' || !rest[1] || !/^[\w.@-]{1,120}$/.test(rest[1])) fail(`usage: ${COMMANDS.token}`);
      process.stdout.write(`${rest[1]}:${randomBytes(32).toString('base64url')}\n`);
      return 0;
    case 'import':
      if (!rest[0]) fail(`usage: ${COMMANDS.import}`);
      return importFile(rest[0], values.url, values.token);
    case 'replay':
      return replay(values);
    case 'rebuild':
      return rebuild(values.db);
    case 'export':
      return exportLog(values.db);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => fail((err as Error).message),
);
