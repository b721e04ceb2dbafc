import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, serviceExit, spawnService } from './support/service-process';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'csto-startup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TOKEN = 'starter-secret-0123456789';

test('given a port another process holds, the service exits non-zero with one line naming PORT, and never says listening', async () => {
  const port = await freePort();
  const holder: Server = await new Promise((resolve) => {
    const s = createServer().listen(port, '127.0.0.1', () => resolve(s));
  });
  try {
    const { code, stdout, stderr } = await serviceExit({ PORT: String(port), SQLITE_PATH: join(dir, 'events.db') });
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      `Cannot start: PORT=${port} on 127.0.0.1 is in use by another process (EADDRINUSE)`,
    ]);
    expect(stdout).not.toMatch(/"listening"/);
  } finally {
    holder.close();
  }
});

test('given SQLITE_PATH naming a directory, the service exits non-zero with one line naming SQLITE_PATH', async () => {
  const folder = join(dir, 'a-folder');
  mkdirSync(folder);
  const { code, stderr } = await serviceExit({ PORT: '0', SQLITE_PATH: folder });
  expect(code).not.toBe(0);
  expect(stderr.trim().split('\n')).toEqual([
    `Cannot start: SQLITE_PATH=${folder} is a directory; name a file in it, such as ${folder}/events.db`,
  ]);
});

test('given a service writing a file, a second one on the same SQLITE_PATH is refused and the first goes on writing', async () => {
  const path = join(dir, 'events.db');
  const first = await spawnService({ SQLITE_PATH: path, API_TOKENS: `ana:${TOKEN}` });
  try {
    const second = await serviceExit({ PORT: '0', SQLITE_PATH: path, API_TOKENS: `bo:${TOKEN}` });
    expect(second.code).not.toBe(0);
    expect(second.stderr.trim().split('\n')).toEqual([
      `Cannot start: SQLITE_PATH=${path} is in use by another process; each process needs its own file (one writer per SQLite file)`,
    ]);
    const write = await fetch(`${first.url}/v1/streams/person-nikolai-bordyuzha/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'StatementMade',
        occurred: '2010-02-04',
        data: { speaker: 'person-nikolai-bordyuzha', role: null, roleText: null, summary: 'still mine', topics: [] },
        source: { article: 'edm-v7-i31' },
      }),
    });
    expect(write.status).toBe(201);
    const ready = await fetch(`${first.url}/readyz`);
    expect(ready.status).toBe(200);
  } finally {
    first.child.kill('SIGTERM');
    await first.exited;
  }
});

test('given the first writer stopped, its file can be opened again: the claim dies with the process', async () => {
  const path = join(dir, 'events.db');
  const first = await spawnService({ SQLITE_PATH: path });
  first.child.kill('SIGKILL');
  await first.exited;
  const again = await spawnService({ SQLITE_PATH: path });
  again.child.kill('SIGTERM');
  expect(await again.exited).toBe(0);
});
