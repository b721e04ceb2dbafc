import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type SqliteEventStore } from '../src/store/sqlite';
import { claimWriter } from '../src/store/writer-lock';
import { TOKENS, listen, startTestApp, type TestApp } from './support/app';

const run = promisify(execFile);
const BIN = join(__dirname, '..', 'bin', 'csto-record.js');
const cli = (args: string[]) =>
  run(process.execPath, [BIN, ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

let t: TestApp;
let server: Awaited<ReturnType<typeof listen>>;
let url: string;
let dir: string;
beforeAll(async () => {
  // The CLI's offline commands read the SQLite file itself.
  t = await startTestApp({ store: 'sqlite' });
  server = await listen(t.app);
  url = server.url;
  dir = mkdtempSync(join(tmpdir(), 'csto-cli-'));
});
afterAll(async () => {
  await server.close();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

test('token create prints a principal:secret pair for API_TOKENS', async () => {
  const { code, stdout } = await cli(['token', 'create', 'dana']);
  expect(code).toBe(0);
  expect(stdout.trim()).toMatch(/^dana:[\w-]{43}$/);
});

test('import records valid facts through the API and says which were rejected and why', async () => {
  const file = join(dir, 'facts.ndjson');
  const fact = (summary: string) => ({
    stream: 'person-nikolai-bordyuzha',
    type: 'StatementMade',
    occurred: '2010-02-04',
    data: { speaker: 'person-nikolai-bordyuzha', role: null, roleText: null, summary, topics: [] },
    source: { article: 'edm-v7-i31' },
  });
  writeFileSync(
    file,
    [fact('one'), fact('two'), { ...fact('future'), occurred: '2999-01-01' }, { ...fact('bad'), type: 'Nope' }]
      .map((f) => JSON.stringify(f))
      .join('\n'),
  );
  const before = await t.store.head();
  const { code, stdout } = await cli(['import', file, '--url', url, '--token', TOKENS.alice]);
  expect(code).toBe(1);
  expect(stdout).toMatch(/^appended 2, already there 0, rejected 2/);
  expect(stdout).toMatch(/line 3: 422 not-in-future/);
  expect(stdout).toMatch(/line 4: type/);
  expect(await t.store.head()).toBe(before + 2);
});

test('given a file imported once, a second run with one line fixed appends only that line and counts the rest as already there', async () => {
  const file = join(dir, 'again.ndjson');
  const fact = (summary: string) =>
    JSON.stringify({
      stream: 'person-nikolai-bordyuzha',
      type: 'StatementMade',
      occurred: '2010-02-05',
      data: { speaker: 'person-nikolai-bordyuzha', role: null, roleText: null, summary, topics: [] },
      source: { article: 'edm-v7-i31' },
    });
  writeFileSync(file, [fact('first'), '{"stream": oops', fact('third'), ''].join('\n'));
  const before = await t.store.head();
  const once = await cli(['import', file, '--url', url, '--token', TOKENS.alice]);
  expect(once.code).toBe(1);
  expect(once.stdout).toMatch(/^appended 2, already there 0, rejected 1\n {2}line 2: not JSON/);

  writeFileSync(file, [fact('first'), fact('second'), fact('third')].join('\n'));
  const twice = await cli(['import', file, '--url', url, '--token', TOKENS.alice]);
  expect(twice).toMatchObject({ code: 0, stdout: 'appended 1, already there 2, rejected 0\n' });
  expect(await t.store.head()).toBe(before + 3);
});

test('--help and -h describe the command line and each command, and exit 0', async () => {
  for (const args of [['--help'], ['-h'], ['help'], []]) {
    const { code, stdout } = await cli(args);
    expect({ args, code }).toEqual({ args, code: 0 });
    expect(stdout).toMatch(/^csto-record: the command line/);
  }
  for (const command of ['token', 'import', 'replay', 'rebuild', 'export'])
    for (const flag of ['--help', '-h']) {
      const { code, stdout } = await cli([command, flag]);
      expect({ command, flag, code }).toEqual({ command, flag, code: 0 });
      expect(stdout).toMatch(new RegExp(`^usage: csto-record ${command}`));
    }
  const unknown = await cli(['replay', '--frobnicate']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/Unknown option '--frobnicate'.*\nRun csto-record --help/);
});

test('replay, export and rebuild refuse a database that does not exist, and create nothing', async () => {
  const missing = join(dir, 'no', 'such', 'x.db');
  for (const command of [['replay', '--to', '2007-06-01'], ['export'], ['rebuild']]) {
    const viaFlag = await cli([...command, '--db', missing]);
    expect({ command, code: viaFlag.code }).toEqual({ command, code: 2 });
    expect(viaFlag.stderr.trim()).toBe(
      `no database at ${missing} (--db ${missing}); name an existing file with --db or SQLITE_PATH`,
    );
    const viaEnv = await run(process.execPath, [BIN, ...command], {
      env: { ...process.env, SQLITE_PATH: missing },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(viaEnv).toMatchObject({ code: 2, stderr: expect.stringMatching(/^no database at .*\(SQLITE_PATH=/) });
  }
  expect(existsSync(join(dir, 'no'))).toBe(false);
});

test('rebuild is refused while another process writes the file; replay still reads it', async () => {
  const db = (t.store as SqliteEventStore).path;
  const lock = claimWriter(db);
  try {
    const rebuilt = await cli(['rebuild', '--db', db]);
    expect(rebuilt.code).toBe(2);
    expect(rebuilt.stderr).toMatch(/is in use by another process/);
    expect((await cli(['replay', '--to', '2007-06-01', '--db', db])).code).toBe(0);
  } finally {
    lock.release();
  }
});

test('replay prints a read model as of a date, as a table or JSON; export writes the log as NDJSON; rebuild saves checkpoints', async () => {
  const db = (t.store as SqliteEventStore).path;
  const table = await cli(['replay', '--to', '2007-06-01', '--db', db]);
  expect(table.code).toBe(0);
  expect(table.stdout).toContain('Uzbekistan');
  const json = await cli(['replay', '--to', '2005-11-15', '--model', 'membership', '--json', '--db', db]);
  const parsed = JSON.parse(json.stdout) as { membership: { country: string }[] };
  expect(parsed.membership.map((m) => m.country)).not.toContain('Uzbekistan');
  const chair = await cli(['replay', '--to', '2007-11-01', '--model', 'chairmanship', '--db', db]);
  expect(chair.stdout).toContain('Kyrgyzstan');

  const exported = await cli(['export', '--db', db]);
  const lines = exported.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { position: number });
  expect(lines.map((e) => e.position)).toEqual(Array.from({ length: await t.store.head() }, (_, i) => i + 1));

  const rebuilt = await cli(['rebuild', '--db', db]);
  expect(rebuilt.stdout).toMatch(/^rebuilt \d+ events into every read model/);
  expect((await cli(['replay', '--db', db])).code).toBe(2);
});
