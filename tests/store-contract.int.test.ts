import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../events/envelope';
import { AppError } from '../src/errors';
import { MemoryEventStore } from '../src/store/memory';
import type { EventStore } from '../src/store/port';
import { SqliteEventStore } from '../src/store/sqlite';
import { EsdbEventStore } from '../src/store/esdb/store';
import { attestation } from './support/events';
import { waitUntil } from './support/wait';

interface Adapter {
  name: string;
  open(): EventStore | Promise<EventStore>;
  /** Opens the same durable store again, as after a restart; undefined if not durable. */
  reopen?: (store: EventStore) => EventStore | Promise<EventStore>;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const adapters: Adapter[] = [
  { name: 'memory', open: () => new MemoryEventStore() },
  {
    name: 'sqlite',
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'csto-store-'));
      dirs.push(dir);
      return new SqliteEventStore(join(dir, 'events.db'));
    },
    reopen: (s) => new SqliteEventStore((s as SqliteEventStore).path),
  },
  {
    // Small groups commit on the event loop by default; here every group goes through the writer thread.
    name: 'sqlite, every group on the writer thread',
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'csto-store-'));
      dirs.push(dir);
      return new SqliteEventStore(join(dir, 'events.db'), { soleWriter: true, inlineMaxEvents: 0 });
    },
    reopen: (s) => new SqliteEventStore((s as SqliteEventStore).path, { soleWriter: true, inlineMaxEvents: 0 }),
  },
  // Its appends commit on the store's own connection, not on a writer thread, which could not open it.
  { name: 'sqlite in memory', open: () => new SqliteEventStore(':memory:') },
  {
    // As the service opens it, holding the file's writer claim: it answers a writer's basis from its own account.
    name: 'sqlite, sole writer',
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'csto-store-'));
      dirs.push(dir);
      return new SqliteEventStore(join(dir, 'events.db'), { soleWriter: true });
    },
    reopen: (s) => new SqliteEventStore((s as SqliteEventStore).path, { soleWriter: true }),
  },
];

/** Why the EventStoreDB leg did not run, and how to run it. */
const ESDB_SKIPPED =
  'no ESDB_URL; start EventStoreDB (docker compose up -d eventstore) and run ESDB_URL=esdb://localhost:2113?tls=false npm test';

// EventStoreDB runs only where a server is reachable; each test gets a namespace of its own, so a log of its own.
const ESDB_URL = process.env.ESDB_URL;
const namespaces = new WeakMap<EventStore, string>();
const openEsdb = async (namespace: string) => {
  const store = await EsdbEventStore.connect(ESDB_URL!, { namespace });
  namespaces.set(store, namespace);
  return store;
};
if (ESDB_URL) {
  adapters.push({
    name: 'esdb',
    open: () => openEsdb(`contract-${randomUUID().slice(0, 8)}`),
    reopen: (s) => openEsdb(namespaces.get(s)!),
  });
} else {
  test.skip(`EventStore contract: esdb (${ESDB_SKIPPED})`, () => undefined);
  console.warn(`The EventStoreDB legs were skipped: ${ESDB_SKIPPED}.`);
}

const kindOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.kind : String(e)),
  );

describe.each(adapters)('EventStore contract: $name', (adapter) => {
  let store: EventStore;
  beforeEach(async () => (store = await adapter.open()));
  afterEach(() => store.close());

  test('appends assign increasing global positions and per-stream revisions; the store counts them', async () => {
    const a = await store.append('country-a', [attestation('country-a'), attestation('country-a')], 'no-stream');
    const b = await store.append('country-b', [attestation('country-b')], 'no-stream');
    const [p1, p2, p3] = [...a.events, ...b.events].map((e) => e.position) as [number, number, number];
    expect(p1).toBeGreaterThanOrEqual(1);
    expect(p2).toBeGreaterThan(p1);
    expect(p3).toBeGreaterThan(p2);
    expect(a.events.map((e) => e.revision)).toEqual([0, 1]);
    expect(b.events.map((e) => e.revision)).toEqual([0]);
    expect(a.revision).toBe(1);
    expect(await store.head()).toBe(p3);
    expect([await store.countAfter(0), await store.countAfter(p1), await store.countAfter(p3)]).toEqual([3, 2, 0]);
    expect([await store.positionBefore(1), await store.positionBefore(2), await store.positionBefore(3)]).toEqual([
      p2,
      p1,
      0,
    ]);
    expect(await store.streamRevision('country-a')).toBe(1);
    expect(await store.streamRevision('country-none')).toBe(-1);
  });

  test('a stale expected revision is a conflict and appends nothing', async () => {
    await store.append('country-a', [attestation('country-a')], 'no-stream');
    expect(await kindOf(store.append('country-a', [attestation('country-a')], 'no-stream'))).toBe('revision-conflict');
    expect(await kindOf(store.append('country-a', [attestation('country-a')], 5))).toBe('revision-conflict');
    expect(await store.countAfter(0)).toBe(1);
    expect(await kindOf(store.append('country-a', [attestation('country-a')], 0))).toBe('ok');
    expect(await kindOf(store.append('country-a', [attestation('country-a')], 'any'))).toBe('ok');
    expect(await store.countAfter(0)).toBe(3);
  });

  test('a batch is atomic: a duplicate id anywhere in it appends none of it', async () => {
    const first = attestation('country-a');
    await store.append('country-a', [first], 'any');
    const batch = [attestation('country-a'), first, attestation('country-a')];
    expect(await kindOf(store.append('country-a', batch, 'any'))).toBe('duplicate-event');
    expect(await store.countAfter(0)).toBe(1);
    expect(await store.getEvent(batch[0]!.id)).toBeNull();
  });

  test('concurrent writers expecting the same revision: exactly one wins', async () => {
    await store.append('country-a', [attestation('country-a')], 'no-stream');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => kindOf(store.append('country-a', [attestation('country-a')], 0))),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'revision-conflict')).toHaveLength(7);
    expect(await store.streamRevision('country-a')).toBe(1);
  });

  test('an idempotency key replays the first result and appends nothing; another fingerprint is refused', async () => {
    const idem = { key: 'k1', fingerprint: 'f1' };
    const first = await store.append('country-a', [attestation('country-a')], 'any', { idempotency: idem });
    expect(first.replayed).toBe(false);
    const again = await store.append('country-a', [attestation('country-a')], 'any', { idempotency: idem });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await store.countAfter(0)).toBe(1);
    expect(await store.findIdempotency('k1')).toEqual({ fingerprint: 'f1', result: first });
    expect(await store.findIdempotency('k2')).toBeNull();
    expect(
      await kindOf(
        store.append('country-a', [attestation('country-a')], 'any', { idempotency: { key: 'k1', fingerprint: 'f2' } }),
      ),
    ).toBe('idempotency-key-reused');
    expect(await store.countAfter(0)).toBe(1);
  });

  test('a failed append records no idempotency key', async () => {
    await store.append('country-a', [attestation('country-a')], 'no-stream');
    expect(
      await kindOf(
        store.append('country-a', [attestation('country-a')], 'no-stream', {
          idempotency: { key: 'k', fingerprint: 'f' },
        }),
      ),
    ).toBe('revision-conflict');
    expect(await store.findIdempotency('k')).toBeNull();
  });

  test("a writer's basis is the head and the stream's revision, after appends that share a commit, fail or replay", async () => {
    const basis = async (stream: string) => ({
      head: await store.head(),
      revision: await store.streamRevision(stream),
    });
    expect(await store.writeBasis('country-a')).toEqual({ head: 0, revision: -1 });
    await store.append('country-a', [attestation('country-a')], 'no-stream', {
      idempotency: { key: 'k', fingerprint: 'f' },
    });
    expect(await store.writeBasis('country-a')).toEqual(await basis('country-a'));
    const twin = attestation('country-b');
    // Started in one turn, so a store that commits in groups commits these together, the failures inside the group.
    const outcomes = await Promise.all([
      kindOf(store.append('country-b', [twin], 'no-stream')),
      kindOf(store.append('country-a', [attestation('country-a')], 'no-stream')),
      kindOf(store.append('country-c', [attestation('country-c'), attestation('country-c')], 'any')),
      kindOf(store.append('country-b', [attestation('country-b'), twin], 'any')),
      kindOf(
        store.append('country-a', [attestation('country-a')], 'any', { idempotency: { key: 'k', fingerprint: 'f' } }),
      ),
      kindOf(store.append('country-a', [attestation('country-a')], 0)),
    ]);
    expect(outcomes).toEqual(['ok', 'revision-conflict', 'ok', 'duplicate-event', 'ok', 'ok']);
    for (const stream of ['country-a', 'country-b', 'country-c', 'country-none'])
      expect(await store.writeBasis(stream)).toEqual(await basis(stream));
    expect(await store.writeBasis('country-a')).toEqual({ head: 5, revision: 1 });
  });

  test('appends in one commit that fail leave nothing, and those after them number on from the last that succeeded', async () => {
    const first = attestation('country-a');
    // Started in one turn: a store that commits in groups commits these together.
    const settled = await Promise.allSettled([
      store.append('country-a', [first], 'no-stream'),
      store.append('country-b', [first], 'any'),
      store.append('country-b', [attestation('country-b')], 'any'),
      store.append('country-c', [attestation('country-c'), first], 'any'),
      store.append('country-c', [attestation('country-c')], 'no-stream'),
      store.append('country-a', [attestation('country-a')], 0),
      store.append('country-a', [attestation('country-a')], 0),
    ]);
    expect(settled.map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as AppError).kind))).toEqual([
      'ok',
      'duplicate-event',
      'ok',
      'duplicate-event',
      'ok',
      'ok',
      'revision-conflict',
    ]);
    // What was acknowledged is the whole log, position for position: a failure took no place in it.
    const acknowledged = settled.flatMap((o) =>
      o.status === 'fulfilled' ? o.value.events.map((e) => [o.value.stream, e.revision, e.position]) : [],
    );
    const log = await store.readAll();
    expect(log.map((e) => [e.stream, e.revision, e.position])).toEqual(acknowledged);
    expect(acknowledged.map(([stream, revision]) => [stream, revision])).toEqual([
      ['country-a', 0],
      ['country-b', 0],
      ['country-c', 0],
      ['country-a', 1],
    ]);
    const head = log[log.length - 1]!.position;
    expect(await store.head()).toBe(head);
    expect(await store.writeBasis('country-c')).toEqual({ head, revision: 0 });
  });

  test('events come back from the log as written, line breaks in their text and all', async () => {
    const quotes = ['line one\nline two', 'crlf\r\nend', 'separators \u2028 and \u2029', '\n'];
    const events = quotes.map((quote) => {
      const e = attestation('country-a');
      return { ...e, source: { ...e.source, quote } };
    });
    await store.append('country-a', events, 'no-stream');
    const read = await store.readStream('country-a');
    expect(read.map((e) => e.source.quote)).toEqual(quotes);
    expect(read.map(({ position: _p, revision: _r, recordedAt: _t, ...e }) => e)).toEqual(events);
  });

  test('reads a stream in revision order, from a revision', async () => {
    const events = [
      attestation('country-a', '2001-01-01'),
      attestation('country-a', '2002-01-01'),
      attestation('country-a', '2003-01-01'),
    ];
    const written = await store.append('country-a', events, 'no-stream');
    await store.append('country-b', [attestation('country-b')], 'no-stream');
    const all = await store.readStream('country-a');
    expect(all.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(all[2]).toMatchObject({
      stream: 'country-a',
      revision: 2,
      position: written.events[2]!.position,
      occurred: events[2]!.occurred,
      data: events[2]!.data,
    });
    expect((await store.readStream('country-a', { fromRevision: 1, limit: 1 })).map((e) => e.revision)).toEqual([1]);
    expect(await store.readStream('country-none')).toEqual([]);
  });

  test('reads all in global order after a position, with type and stream filters', async () => {
    const a = await store.append('country-a', [attestation('country-a'), attestation('country-a')], 'any');
    const b = await store.append('country-b', [attestation('country-b')], 'any');
    const [p1, p2, p3] = [...a.events, ...b.events].map((e) => e.position);
    expect((await store.readAll()).map((e) => e.position)).toEqual([p1, p2, p3]);
    expect((await store.readAll({ after: p1, limit: 1 })).map((e) => e.position)).toEqual([p2]);
    // A position between two events reads from the next one.
    expect((await store.readAll({ after: p2! - 1, limit: 1 })).map((e) => e.position)).toEqual([p2]);
    expect((await store.readAll({ streams: ['country-b'] })).map((e) => e.position)).toEqual([p3]);
    expect(await store.readAll({ types: ['StatementMade'] })).toEqual([]);
    expect((await store.readAll({ types: ['MembershipAttested'], streams: ['country-a'] })).length).toBe(2);
  });

  test('gets an event by id with its store-assigned fields', async () => {
    const e = attestation('country-a');
    const { events } = await store.append('country-a', [e], 'any');
    const got = await store.getEvent(e.id);
    expect(got).toMatchObject({ ...e, position: events[0]!.position, revision: 0 });
    expect(new Date(got!.recordedAt).toString()).not.toBe('Invalid Date');
    expect(await store.getEvent('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  test('a subscription catches up, says so, then delivers live events in order', async () => {
    const first = await store.append('country-a', [attestation('country-a'), attestation('country-a')], 'any');
    const seen: RecordedEvent[] = [];
    const sub = store.subscribe(first.events[0]!.position, (e) => seen.push(e));
    await sub.caughtUp;
    expect(seen.map((e) => e.id)).toEqual([first.events[1]!.id]);
    const live: number[] = [];
    for (let i = 0; i < 5; i++)
      live.push((await store.append('country-b', [attestation('country-b')], 'any')).events[0]!.position);
    await waitUntil(() => seen.length === 6);
    expect(seen.map((e) => e.position)).toEqual([first.events[1]!.position, ...live]);
    sub.close();
    await store.append('country-b', [attestation('country-b')], 'any');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(6);
  });

  test('live events are delivered exactly as the log reads them, whether appends share a commit or fail', async () => {
    const seen: RecordedEvent[] = [];
    const sub = store.subscribe(0, (e) => seen.push(e));
    // Appended while the subscription still catches up, then in one turn, with a duplicate and a replay among them.
    const dup = attestation('country-a');
    const outcomes = await Promise.allSettled([
      store.append('country-a', [dup, attestation('country-a')], 'any'),
      store.append('country-b', [attestation('country-b')], 'any', { idempotency: { key: 'k', fingerprint: 'f' } }),
      store.append('country-c', [attestation('country-c'), dup], 'any'),
      store.append('country-b', [attestation('country-b')], 'any', { idempotency: { key: 'k', fingerprint: 'f' } }),
      store.append('country-d', [attestation('country-d')], 'any'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    await sub.caughtUp;
    const log = await store.readAll();
    expect(log).toHaveLength(4);
    await waitUntil(() => seen.length >= 4);
    for (let i = 0; i < 3; i++) await store.append('country-e', [attestation('country-e')], 'any');
    await waitUntil(() => seen.length >= 7);
    // Key order too: what a subscriber serialises must not depend on how the event reached it.
    expect(seen.map((e) => JSON.stringify(e))).toEqual((await store.readAll()).map((e) => JSON.stringify(e)));
    sub.close();
  });

  test('a subscription from ahead of the log delivers only what is appended after its position', async () => {
    const head = (await store.append('country-a', [attestation('country-a')], 'any')).events[0]!.position;
    const after = head + 2;
    const seen: number[] = [];
    const sub = store.subscribe(after, (e) => seen.push(e.position));
    await sub.caughtUp;
    const positions: number[] = [];
    for (let i = 0; i < 4; i++)
      positions.push((await store.append('country-a', [attestation('country-a')], 'any')).events[0]!.position);
    await waitUntil(() => seen.length >= positions.filter((p) => p > after).length);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(positions.filter((p) => p > after));
    sub.close();
  });

  test('a subscription opened while events are being delivered gets each event once', async () => {
    const inner: number[] = [];
    let opened: { close(): void } | null = null;
    const outer = store.subscribe(0, () => {
      opened ??= store.subscribe(0, (e) => inner.push(e.position));
    });
    await outer.caughtUp;
    await store.append('country-a', [attestation('country-a'), attestation('country-a')], 'any');
    await store.append('country-b', [attestation('country-b')], 'any');
    await waitUntil(() => inner.length >= 3);
    await new Promise((r) => setTimeout(r, 20));
    expect(inner).toEqual((await store.readAll()).map((e) => e.position));
    outer.close();
    opened!.close();
  });

  test('a subscriber that throws on one event is still given the ones after it, once each', async () => {
    const seen: number[] = [];
    let thrown = 0;
    const sub = store.subscribe(0, (e) => {
      seen.push(e.position);
      if (seen.length === 2 && thrown++ === 0) throw new Error('a subscriber failed');
    });
    await sub.caughtUp;
    const positions: number[] = [];
    for (let i = 0; i < 4; i++)
      positions.push((await store.append('country-a', [attestation('country-a')], 'any')).events[0]!.position);
    await store.append('country-b', [attestation('country-b'), attestation('country-b')], 'any');
    await waitUntil(() => seen.length >= 6, 2000);
    expect(thrown).toBe(1);
    expect(seen).toEqual((await store.readAll()).map((e) => e.position));
    sub.close();
  });

  if (adapter.reopen) {
    test('acknowledged appends and their idempotency keys are there after the store is reopened', async () => {
      const e = attestation('country-a');
      const { events } = await store.append('country-a', [e], 'no-stream', {
        idempotency: { key: 'durable', fingerprint: 'f' },
      });
      await store.close();
      store = await adapter.reopen!(store);
      expect((await store.getEvent(e.id))?.position).toBe(events[0]!.position);
      expect(await store.streamRevision('country-a')).toBe(0);
      expect(await store.writeBasis('country-a')).toEqual({ head: events[0]!.position, revision: 0 });
      expect((await store.findIdempotency('durable'))?.result.events[0]?.id).toBe(e.id);
    });

    test('appends in flight when the store closes are each either acknowledged and kept, or refused and absent', async () => {
      const events = Array.from({ length: 20 }, (_, i) => attestation(`country-${i % 4}`));
      const outcomes = Promise.allSettled(events.map((e) => store.append(e.stream, [e], 'any')));
      await new Promise((r) => setImmediate(r));
      const closed = store.close();
      const late = store.append('country-late', [attestation('country-late')], 'any').then(
        () => 'acknowledged',
        (e: AppError) => e.kind,
      );
      await closed;
      const settled = await outcomes;
      expect(await late).toBe('unavailable');
      store = await adapter.reopen!(store);
      for (const [i, o] of settled.entries()) {
        const kept = await store.getEvent(events[i]!.id);
        if (o.status === 'fulfilled') expect(kept?.position).toBe(o.value.events[0]!.position);
        else expect({ kind: (o.reason as AppError).kind, kept }).toEqual({ kind: 'unavailable', kept: null });
      }
      expect(settled.some((o) => o.status === 'fulfilled')).toBe(true);
    });
  }
});
