import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { corpusEvents } from '../events/corpus';
import { importEvents } from '../src/write/import-corpus';
import { ProjectionEngine } from '../src/read/projection-engine';
import { StoreHealth } from '../src/store/health';
import { unavailable } from '../src/errors';
import { createApp } from '../src/http/app';
import { Auth } from '../src/http/middleware/auth';
import { createLogger } from '../src/logger';
import type { EventStore } from '../src/store/port';
import { SqliteEventStore } from '../src/store/sqlite';
import { AS_ALICE, TOKENS } from './support/app';
import { expectToMatchSpec } from './support/contract';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'csto-degrade-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The real SQLite store behind a switch that makes every call fail, as an I/O error would. */
function withOutage(store: EventStore): EventStore & { down: boolean } {
  const failing = { down: false };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'down') return failing.down;
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'subscribe' || prop === 'name') return value;
      return (...args: unknown[]) =>
        failing.down
          ? Promise.reject(unavailable('the event store failed: disk I/O error (simulated)'))
          : value.apply(target, args);
    },
    set(_target, prop, value) {
      if (prop !== 'down') return false;
      failing.down = value as boolean;
      return true;
    },
  }) as EventStore & { down: boolean };
}

const statement = {
  type: 'StatementMade',
  occurred: '2010-02-04',
  data: { speaker: 'person-nikolai-bordyuzha', role: null, roleText: null, summary: 'during an outage', topics: [] },
  source: { article: 'edm-v7-i31' },
};

async function until(cond: () => Promise<boolean>, timeoutMs = 5000) {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('store unreachable: writes 503, reads serve the last read models marked stale, readyz false; all recover without a restart', async () => {
  const sqlite = new SqliteEventStore(join(dir, 'events.db'));
  await importEvents(sqlite, corpusEvents());
  const store = withOutage(sqlite);
  // The engine follows the store through the same switch, so its subscription sees the outage too.
  const engine = new ProjectionEngine(store);
  await engine.start();
  const health = new StoreHealth(store, 20);
  health.start();
  const app = createApp({
    store,
    engine,
    logger: createLogger('silent'),
    auth: new Auth({ API_TOKENS: `alice:${TOKENS.alice}` }),
    health,
  });
  const get = async (url: string) => {
    const res = await request(app).get(url);
    expectToMatchSpec('get', url, res);
    return res;
  };
  try {
    const before = await get('/v1/membership?asOf=2007-06-01');
    store.down = true;
    await until(async () => health.staleSeconds !== null);

    const write = await request(app).post('/v1/streams/person-nikolai-bordyuzha/events').set(AS_ALICE).send(statement);
    expectToMatchSpec('post', '/v1/streams/person-nikolai-bordyuzha/events', write);
    expect([write.status, write.headers['content-type'], write.headers['retry-after']]).toEqual([
      503,
      expect.stringMatching(/problem\+json/),
      '1',
    ]);
    expect(write.text).not.toMatch(/at .*\.ts:\d+|\/work\//);

    const read = await get('/v1/membership?asOf=2007-06-01');
    expect(read.status).toBe(200);
    expect(read.body.members).toEqual(before.body.members);
    expect(read.headers['x-read-model-stale']).toMatch(/^\d+$/);
    expect((await get('/v1/events')).status).toBe(503);
    const ready = await get('/readyz');
    expect([ready.status, ready.body.ready, ready.body.storeError]).toEqual([
      503,
      false,
      expect.stringContaining('disk I/O error'),
    ]);
    // How far behind the read models are is unknown while the store cannot say: NaN (prom-client writes "Nan"), not 0.
    const lagDown = (await request(app).get('/metrics')).text;
    expect(lagDown).toMatch(/^projection_lag_events nan$/im);
    expect(lagDown).toMatch(/^projection_lag_seconds nan$/im);

    store.down = false;
    await until(async () => (await request(app).get('/readyz')).status === 200);
    expect((await request(app).get('/metrics')).text).toMatch(/^projection_lag_events \d+$/m);
    const again = await request(app).post('/v1/streams/person-nikolai-bordyuzha/events').set(AS_ALICE).send(statement);
    expect(again.status).toBe(201);
    const fresh = await get(`/v1/statements?speaker=Bordyuzha&minPosition=${again.body.position}`);
    expect(fresh.headers['x-read-model-stale']).toBeUndefined();
    expect(fresh.body.items.map((s: { id: string }) => s.id)).toContain(again.body.events[0].id);
  } finally {
    health.stop();
    await engine.stop();
    await sqlite.close();
  }
});

test('disk full (a size quota the file reaches): appends answer 503 and change nothing; reads go on', async () => {
  const path = join(dir, 'events.db');
  const seeded = new SqliteEventStore(path);
  await importEvents(seeded, corpusEvents());
  await seeded.close();
  const store = new SqliteEventStore(path, { maxSizeBytes: statSync(path).size + 64 * 1024 });
  const engine = new ProjectionEngine(store);
  await engine.start();
  const app = createApp({
    store,
    engine,
    logger: createLogger('silent'),
    auth: new Auth({ API_TOKENS: `alice:${TOKENS.alice}` }),
  });
  try {
    const batch = {
      facts: Array.from({ length: 50 }, () => ({
        ...statement,
        source: { article: 'edm-v7-i31', quote: 'x'.repeat(2000) },
      })),
    };
    const send = () => request(app).post('/v1/streams/person-nikolai-bordyuzha/events').set(AS_ALICE).send(batch);
    let res = await send();
    for (let i = 1; i < 20 && res.status === 201; i++) res = await send();
    expect(res.status).toBe(503);
    expect(res.body.detail).toMatch(/full/);
    const head = await store.head();
    expect((await send()).status).toBe(503);
    // From the file, not the store's own account of its head.
    expect(await store.readAll({ after: head })).toEqual([]);
    expect((await request(app).get('/v1/membership')).status).toBe(200);
  } finally {
    await engine.stop();
    await store.close();
  }
});

test('a store opened read-only refuses appends as unavailable, and the file is unchanged', async () => {
  const path = join(dir, 'read-only.db');
  const writer = new SqliteEventStore(path);
  await importEvents(writer, corpusEvents());
  await writer.close();
  const store = new SqliteEventStore(path, { readOnly: true });
  try {
    const head = await store.head();
    const e = corpusEvents()[0]!;
    await expect(
      store.append('country-x', [{ ...e, id: randomUUID(), stream: 'country-x' }], 'any'),
    ).rejects.toMatchObject({
      kind: 'unavailable',
    });
    expect(await store.head()).toBe(head);
    expect(await store.readAll({ after: head })).toEqual([]);
  } finally {
    await store.close();
  }
});
