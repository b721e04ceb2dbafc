import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PROJECTIONS } from '../projections';
import type { Projection } from '../projections/projection';
import { ProjectionEngine } from '../src/read/projection-engine';
import { SqliteCheckpointStore } from '../src/store/checkpoints';
import { SqliteEventStore } from '../src/store/sqlite';
import { spawnService } from './support/service-process';

const KILLS = Number(process.env.CRASH_KILLS ?? 5);
const WRITERS = 8;
const TOKEN = 'crash-secret-0123456789';

const fact = () => ({
  id: randomUUID(),
  type: 'DecisionTaken',
  occurred: '2010-01-29',
  data: { body: 'crash test', decision: 'append under fire', topics: [] },
  source: { article: 'edm-v7-i31' },
});

/**
 * Writers append single facts and batches of 5 until the service dies; returns what
 * was acknowledged and every batch that was sent, acknowledged or not.
 */
async function drive(url: string, acknowledged: Set<string>, batches: string[][], stop: () => boolean): Promise<void> {
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; !stop(); i++) {
        const facts = i % 3 === 0 ? Array.from({ length: 5 }, fact) : [fact()];
        batches.push(facts.map((f) => f.id));
        const res = await fetch(`${url}/v1/streams/crash-${w}/events`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ facts }),
        }).catch(() => null);
        if (!res) return; // the service is gone
        if (res.status === 201) for (const f of facts) acknowledged.add(f.id);
      }
    }),
  );
}

test(`acknowledged appends survive ${KILLS} kill -9s; nothing half-written; positions gap-free; checkpoints never ahead; read models equal a rebuild`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'csto-crash-'));
  const path = join(dir, 'events.db');
  const env = {
    SQLITE_PATH: path,
    API_TOKENS: `crash:${TOKEN}`,
    CHECKPOINT_INTERVAL_MS: '100',
    WRITE_RATE_PER_SECOND: '0',
  };
  const acknowledged = new Set<string>();
  const batches: string[][] = [];
  try {
    for (let k = 0; k < KILLS; k++) {
      const { url, child, exited } = await spawnService(env);
      let dead = false;
      const load = drive(url, acknowledged, batches, () => dead);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
      child.kill('SIGKILL');
      await exited;
      dead = true;
      await load;
    }
    const db = new Database(path, { readonly: true });
    const present = new Set(db.prepare('SELECT id FROM events').pluck().all() as string[]);
    const { n, max } = db.prepare('SELECT count(*) AS n, max(position) AS max FROM events').get() as {
      n: number;
      max: number;
    };
    const checkpointPositions = db.prepare('SELECT position FROM checkpoints').pluck().all() as number[];
    db.close();

    expect(acknowledged.size).toBeGreaterThan(50);
    expect([...acknowledged].filter((id) => !present.has(id))).toEqual([]);
    expect(batches.filter((ids) => ids.some((id) => present.has(id)) && !ids.every((id) => present.has(id)))).toEqual(
      [],
    );
    expect(n).toBe(max);
    expect(checkpointPositions.length).toBeGreaterThan(0);
    expect(Math.max(...checkpointPositions)).toBeLessThanOrEqual(max);

    // The checkpoint the last killed process left, resumed, against a rebuild from the log.
    const store = new SqliteEventStore(path);
    const checkpoints = new SqliteCheckpointStore(path);
    const resumed = new ProjectionEngine(store, { checkpoints });
    await resumed.start();
    expect(resumed.restoredFrom).toBeGreaterThan(0);
    const rebuilt = new ProjectionEngine(store);
    await rebuilt.start();
    const snapshot = (e: ProjectionEngine) =>
      Object.entries(PROJECTIONS).map(([name, p]) =>
        JSON.stringify((p as Projection<unknown>).snapshot(e.models[name as keyof typeof PROJECTIONS])),
      );
    expect(snapshot(resumed)).toEqual(snapshot(rebuilt));
    await resumed.stop();
    await rebuilt.stop();
    await checkpoints.close();
    await store.close();

    // And the service itself starts on what the kills left, and stops cleanly.
    const { child, exited } = await spawnService(env);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    console.log(
      `crash test: ${KILLS} kills survived, ${acknowledged.size} acknowledged events all present, ${n} events in the log, 0 lost`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
