import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BENCH_TOKEN = 'bench-secret-0123456789abcdef';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });

const ROOT = join(__dirname, '..');

/** package.json's scripts. */
export const packageScripts = (): Record<string, string> =>
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The flags `npm start` gives node, from package.json: a benchmark runs the service as users do. */
export function serviceNodeFlags(): string[] {
  const start = packageScripts().start!;
  const run = /^exec node (.*?) ?dist\/src\/main\.js$/.exec(start);
  if (!run) throw new Error(`package.json's start script is not "exec node [flags] dist/src/main.js": ${start}`);
  return run[1]!.split(' ').filter(Boolean);
}

/**
 * The real service in its own process (its own core), with the corpus: on a fresh
 * SQLite file, or on the one `env.SQLITE_PATH` names (left in place at the end).
 */
export async function startServer(
  env: Record<string, string> = {},
): Promise<{ url: string; process: ChildProcess; dbPath: string; stop(): Promise<void> }> {
  const dir = env.SQLITE_PATH ? null : mkdtempSync(join(tmpdir(), 'csto-bench-http-'));
  const dbPath = env.SQLITE_PATH ?? join(dir!, 'events.db');
  const port = await freePort();
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  // The build `npm start` runs (package.json builds it before each benchmark), with its flags, not the sources through tsx.
  const child = spawn(process.execPath, [...serviceNodeFlags(), ...nodeArgs, join(ROOT, 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SQLITE_PATH: dbPath,
      LOG_LEVEL: 'warn',
      API_TOKENS: `bench:${BENCH_TOKEN}`,
      WRITE_RATE_PER_SECOND: '0',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    // A large file is folded into the read models before the service is ready: allow minutes.
    if (i > 3000) throw new Error('the server did not become ready in 5 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    dbPath,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
