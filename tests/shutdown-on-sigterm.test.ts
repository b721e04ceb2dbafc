import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from './support/sse-client';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

test('SIGTERM ends event streams, finishes, and exits 0; tokens can come from a file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'csto-sigterm-'));
  try {
    const tokens = join(dir, 'tokens');
    writeFileSync(tokens, '# writers\ncarol:carol-secret-0123456789\n');
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src', 'main.ts')], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'events.db'), LOG_LEVEL: 'silent', API_TOKENS_FILE: tokens },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; !(await fetch(`${url}/readyz`).then((r) => r.ok, () => false)); i++) {
      if (i > 200) throw new Error('the service did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const write = await fetch(`${url}/v1/streams/person-nikolai-bordyuzha/events`, {
      method: 'POST',
      headers: { Authorization: 'Bearer carol-secret-0123456789', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'StatementMade',
        occurred: '2010-02-04',
        data: { speaker: 'person-nikolai-bordyuzha', role: null, roleText: null, summary: 'before shutdown', topics: [] },
        source: { article: 'edm-v7-i31' },
      }),
    });
    expect(write.status).toBe(201);
    const stream = await connect(`${url}/v1/events/stream?from=0`);
    await stream.waitFor(1);
    child.kill('SIGTERM');
    await stream.ended;
    expect(await exited).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
