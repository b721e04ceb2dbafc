import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './support/service-process';

// These run the build (dist/), which `npm ci` makes through `prepare` and `npm test` remakes first.
const ROOT = join(__dirname, '..');
const run = promisify(execFile);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'csto-package-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function ready(url: string, exited: () => boolean): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (exited()) throw new Error('npm start exited');
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('npm start did not become ready');
}

/** `npm start` in the package folder, as a user runs it, on a free port and a fresh file; ready when this resolves. */
async function npmStart(): Promise<{
  url: string;
  npm: ChildProcessWithoutNullStreams;
  exited: Promise<number | null>;
}> {
  const port = await freePort();
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SQLITE_PATH: join(dir, 'events.db'),
      LOG_LEVEL: 'info',
    },
  });
  npm.stderr.resume();
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await ready(url, () => npm.exitCode !== null);
  return { url, npm, exited };
}

test('SIGTERM to the npm start process reaches the service: it shuts down and the port closes', async () => {
  const { url, npm, exited } = await npmStart();
  let log = '';
  npm.stdout.on('data', (d: Buffer) => (log += d.toString()));
  npm.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(log).toMatch(/"signal":"SIGTERM","msg":"shutting down"/);
  await expect(fetch(`${url}/readyz`)).rejects.toThrow();
});

test('the bin runs from plain Node, and csto-record/client works from a consumer with require and import', async () => {
  const help = await run(process.execPath, [join(ROOT, 'bin', 'csto-record.js'), '--help']);
  expect(help.stdout).toMatch(/^csto-record: the command line/);

  const { url, npm, exited } = await npmStart();
  npm.stdout.resume();
  try {
    // A project that depends on this package: node_modules/csto-record is the package itself.
    const consumer = join(dir, 'consumer');
    mkdirSync(join(consumer, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(consumer, 'node_modules', 'csto-record'));
    const use = (load: string) => `${load}
      createClient(${JSON.stringify(url)}).GET('/v1/membership', { params: { query: { asOf: '2007-06-01' } } })
        .then(({ data }) => console.log(data.members.length));`;
    writeFileSync(join(consumer, 'required.cjs'), use(`const { createClient } = require('csto-record/client');`));
    writeFileSync(join(consumer, 'imported.mjs'), use(`import { createClient } from 'csto-record/client';`));
    for (const file of ['required.cjs', 'imported.mjs']) {
      const { stdout } = await run(process.execPath, [file], { cwd: consumer });
      expect(Number(stdout.trim())).toBeGreaterThan(0);
    }
  } finally {
    npm.kill('SIGTERM');
    await exited;
  }
});
