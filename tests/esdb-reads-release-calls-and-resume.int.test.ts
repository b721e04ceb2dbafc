import { EsdbEventStore } from '../src/store/esdb/store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamsPeer, eventId, positionOf } from './support/grpc-streams-peer';
import { waitUntil } from './support/wait';

/**
 * The EventStoreDB adapter's reads, over a real gRPC connection to a peer that speaks
 * EventStoreDB's read protocol (no server is needed to see what the client leaves open).
 */

/** A store (namespace `ns`) connected to a peer serving a log on `stream`, for the tests of one describe. */
function onPeer(stream: string): { peer: StreamsPeer; store: EsdbEventStore } {
  const on = { peer: new StreamsPeer(stream), store: undefined as unknown as EsdbEventStore };
  beforeAll(async () => {
    on.store = await EsdbEventStore.connect(await on.peer.start(), { namespace: 'ns' });
  });
  afterAll(async () => {
    await on.store.close();
    await on.peer.stop();
  });
  return on;
}

describe('reads that stop early', () => {
  const on = onPeer('ns.country-x');

  test('cancel their call: a hundred paged reads leave none open', async () => {
    for (let i = 0; i < 100; i++) expect(await on.store.readAll({ limit: 1 })).toHaveLength(1);
    await waitUntil(() => on.peer.openReads === 0);
    expect(on.peer.openReads).toBe(0);
  });
});

describe('a read of the log', () => {
  const on = onPeer('ns.country-x');

  test('over many pages returns every event once, in order', async () => {
    const events = await on.store.readAll();
    expect(events).toHaveLength(on.peer.size);
    expect(new Set(events.map((e) => e.id)).size).toBe(on.peer.size);
    expect(events.every((e, i) => i === 0 || e.position > events[i - 1]!.position)).toBe(true);
    const after = events[1234]!.position;
    expect((await on.store.readAll({ after, limit: 3 })).map((e) => e.position)).toEqual(
      events.slice(1235, 1238).map((e) => e.position),
    );
  });
});

describe("a replica's index of the log", () => {
  const on = onPeer('ns.country-x');

  test('finds an event by id at its place in $all, once following $all has seen it', async () => {
    const found = await on.store.getEvent(eventId(4321));
    expect(found).toMatchObject({ id: eventId(4321), position: positionOf(4321), stream: 'country-x' });
    expect(await on.store.head()).toBe(positionOf(on.peer.size - 1));
    expect(await on.store.countAfter(positionOf(4990))).toBe(9);
  });

  test('a restart goes on from where following $all stopped, not from the start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csto-replica-'));
    try {
      const options = { namespace: 'ns', indexPath: join(dir, 'replica.db') };
      const url = `esdb://127.0.0.1:${on.peer.port}?tls=false`;
      const first = await EsdbEventStore.connect(url, options);
      await first.getEvent(eventId(on.peer.size - 1));
      await first.close();
      on.peer.subscriptions.length = 0;
      const again = await EsdbEventStore.connect(url, options);
      expect(await again.getEvent(eventId(17))).toMatchObject({ position: positionOf(17) });
      await again.close();
      // Everything was seen before the restart: the subscription starts after the last event.
      expect(on.peer.subscriptions).toEqual([on.peer.size]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the head of the log', () => {
  const on = onPeer('another-record.things');

  test('is found by a bounded scan, shared by the calls made while it runs', async () => {
    on.peer.reads.length = 0;
    const heads = await Promise.all(Array.from({ length: 20 }, () => on.store.head()));
    expect(new Set(heads)).toEqual(new Set([0]));
    const backwards = on.peer.reads.filter((r) => r.backwards);
    // One scan for twenty callers, reading back no further than 2000 events of the 5000 here.
    expect(backwards.reduce((n, r) => n + r.count, 0)).toBeLessThanOrEqual(2008);
    expect(backwards.length).toBeLessThanOrEqual(Math.ceil(2000 / 500) + 1);
  });
});
