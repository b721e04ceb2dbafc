import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusEvents } from '../events/corpus';
import { SCHEMA_VERSION, type DomainEvent } from '../events/envelope';
import { day } from '../events/dates';
import { PROJECTIONS } from '../projections';
import type { Projection } from '../projections/projection';
import { loadConfig } from '../src/config';
import { importEvents } from '../src/write/import-corpus';
import { ProjectionEngine } from '../src/read/projection-engine';
import { createLogger } from '../src/logger';
import { startService } from '../src/service';
import { SqliteCheckpointStore } from '../src/store/checkpoints';
import { SqliteEventStore } from '../src/store/sqlite';
import { attestation } from './support/events';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'csto-checkpoints-'));
  path = join(dir, 'events.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every read model's state as data, to compare two engines. */
const snapshots = (engine: ProjectionEngine) =>
  Object.fromEntries(
    Object.entries(PROJECTIONS).map(([name, p]) => [
      name,
      JSON.parse(JSON.stringify((p as Projection<unknown>).snapshot(engine.models[name as keyof typeof PROJECTIONS]))),
    ]),
  );

async function fullRebuild(store: SqliteEventStore) {
  const engine = new ProjectionEngine(store);
  await engine.start();
  return engine;
}

const retraction = (eventId: string, stream: string): DomainEvent => ({
  id: 'c5a4a7c2-3f5e-4b8e-9d61-1f2a3b4c5d6e',
  type: 'FactRetracted',
  stream,
  schemaVersion: SCHEMA_VERSION,
  occurred: day('2010-02-08'),
  reported: { article: 'edm-v7-i31', date: '2010-02-08' },
  source: { article: 'edm-v7-i31', outlet: null, quote: null },
  metadata: { recordedBy: 'test', correlationId: null, causationId: null },
  data: { eventId, reason: 'test' },
});

test('a restart resumes from the checkpoint, and the result equals a full rebuild', async () => {
  const store = new SqliteEventStore(path);
  await importEvents(store, corpusEvents());
  const checkpoints = new SqliteCheckpointStore(path);
  const first = new ProjectionEngine(store, { checkpoints });
  await first.start();
  expect(first.restoredFrom).toBe(0);
  await store.append('country-uzbekistan', [attestation('country-uzbekistan', '2008-01-01')], 'any');
  const suspended = corpusEvents().find((e) => e.type === 'MembershipSuspended')!;
  await store.append(suspended.stream, [retraction(suspended.id, suspended.stream)], 'any');
  await first.waitFor(await store.head(), 2000);
  await first.stop();
  const saved = first.currentPosition;

  // Written while no engine ran: the next start must fold exactly these on top of the checkpoint.
  for (let i = 0; i < 5; i++)
    await store.append('country-armenia', [attestation('country-armenia', `201${i}-01-01`)], 'any');

  const second = new ProjectionEngine(store, { checkpoints });
  await second.start();
  expect(second.restoredFrom).toBe(saved);
  expect(second.currentPosition).toBe(await store.head());
  const rebuilt = await fullRebuild(store);
  expect(snapshots(second)).toEqual(snapshots(rebuilt));
  await second.stop();
  await rebuilt.stop();
  await checkpoints.close();
  await store.close();
});

test('a checkpoint ahead of the log is not trusted: the engine rebuilds', async () => {
  const store = new SqliteEventStore(path);
  await importEvents(store, corpusEvents());
  const checkpoints = new SqliteCheckpointStore(path);
  const head = await store.head();
  await checkpoints.save(
    Object.keys(PROJECTIONS).map((name) => ({ name, version: 1, position: head + 100, state: {} })),
  );
  const engine = new ProjectionEngine(store, { checkpoints });
  await engine.start();
  expect(engine.restoredFrom).toBe(0);
  const rebuilt = await fullRebuild(store);
  expect(snapshots(engine)).toEqual(snapshots(rebuilt));
  await engine.stop();
  await rebuilt.stop();
  await checkpoints.close();
  await store.close();
});

test('a read model whose version changed keeps serving its old state while it rebuilds, then swaps', async () => {
  const store = new SqliteEventStore(path);
  await importEvents(store, corpusEvents());
  const checkpoints = new SqliteCheckpointStore(path);
  const first = new ProjectionEngine(store, { checkpoints });
  await first.start();
  await first.stop();

  const bumped = new ProjectionEngine(store, { checkpoints, versions: { membership: 99 } });
  await bumped.start();
  expect(bumped.restoredFrom).toBe(first.currentPosition);
  expect(bumped.staleAtStart).toEqual(['membership']);
  // Serving meanwhile: the old state answers.
  expect([...bumped.models.membership.keys()].length).toBeGreaterThan(0);
  await store.append('country-armenia', [attestation('country-armenia', '2009-01-01')], 'any');
  await bumped.rebuilt();
  await bumped.waitFor(await store.head(), 2000);
  expect(bumped.rebuilding).toEqual([]);
  const rebuilt = await fullRebuild(store);
  expect(snapshots(bumped)).toEqual(snapshots(rebuilt));
  await bumped.stop();
  expect((await checkpoints.load()).find((c) => c.name === 'membership')?.version).toBe(99);
  await rebuilt.stop();
  await checkpoints.close();
  await store.close();
});

test('the service restarted on the same file resumes its read models from the checkpoint', async () => {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: path, LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const first = await startService(config, logger);
  const before = await (await fetch(`${first.url}/v1/membership?asOf=2007-06-01`)).json();
  await first.stop();
  const second = await startService(config, logger);
  try {
    const ready = (await (await fetch(`${second.url}/readyz`)).json()) as { position: number };
    const after = await (await fetch(`${second.url}/v1/membership?asOf=2007-06-01`)).json();
    expect(after).toEqual(before);
    expect(ready.position).toBe((before as { position: number }).position);
  } finally {
    await second.stop();
  }
});
