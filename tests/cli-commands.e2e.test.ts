import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type SqliteEventStore } from '../src/store/sqlite';
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
  expect(stdout).toMatch(/^appended 2, rejected 2/);
  expect(stdout).toMatch(/#3: 422 not-in-future/);
  expect(stdout).toMatch(/#4: type/);
  expect(await t.store.head()).toBe(before + 2);
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
