import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnService } from './support/service-process';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'csto-checkpoint-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const membersIn2007 = async (url: string): Promise<string[]> => {
  const res = await fetch(`${url}/v1/membership?asOf=2007-06-01`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { members: { countryId: string }[] };
  return body.members.map((m) => m.countryId).sort();
};

async function runOnce(path: string): Promise<{ members: string[]; ready: number }> {
  const service = await spawnService({ SQLITE_PATH: path });
  try {
    return { members: await membersIn2007(service.url), ready: (await fetch(`${service.url}/readyz`)).status };
  } finally {
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  }
}

test('given a checkpoint of the current version that cannot be read, the model is folded from the log before it is served, and the next checkpoint is whole', async () => {
  const path = join(dir, 'events.db');
  const first = await runOnce(path);
  expect(first.members.length).toBeGreaterThan(0);

  const db = new Database(path);
  const changed = db.prepare(`UPDATE checkpoints SET state = '{"garbage":1}' WHERE name = 'membership'`).run();
  db.close();
  expect(changed.changes).toBe(1);

  const afterDamage = await runOnce(path);
  expect(afterDamage).toEqual({ members: first.members, ready: 200 });
  // What the restarted service saved is the whole model again, not an empty one.
  const afterThat = await runOnce(path);
  expect(afterThat.members).toEqual(first.members);
});
