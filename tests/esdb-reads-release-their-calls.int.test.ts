import { EsdbEventStore } from '../src/store/esdb/store';
import { StreamsPeer } from './support/grpc-streams-peer';

/**
 * The EventStoreDB adapter's reads, over a real gRPC connection to a peer that speaks
 * EventStoreDB's read protocol (no server is needed to see what the client leaves open).
 */
async function waitUntil(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('reads that stop early', () => {
  const peer = new StreamsPeer('ns.country-x');
  let store: EsdbEventStore;
  beforeAll(async () => {
    store = await EsdbEventStore.connect(await peer.start(), { namespace: 'ns' });
  });
  afterAll(async () => {
    await store.close();
    await peer.stop();
  });

  test('cancel their call: a hundred paged reads leave none open', async () => {
    for (let i = 0; i < 100; i++) expect(await store.readAll({ limit: 1 })).toHaveLength(1);
    await waitUntil(() => peer.openReads === 0);
    expect(peer.openReads).toBe(0);
  });
});

describe('the head of the log', () => {
  const peer = new StreamsPeer('another-record.things');
  let store: EsdbEventStore;
  beforeAll(async () => {
    store = await EsdbEventStore.connect(await peer.start(), { namespace: 'ns' });
  });
  afterAll(async () => {
    await store.close();
    await peer.stop();
  });

  test('is found by a bounded scan, shared by the calls made while it runs', async () => {
    peer.reads.length = 0;
    const heads = await Promise.all(Array.from({ length: 20 }, () => store.head()));
    expect(new Set(heads)).toEqual(new Set([0]));
    const backwards = peer.reads.filter((r) => r.backwards);
    // One scan for twenty callers, reading back no further than 2000 events of the 5000 here.
    expect(backwards.reduce((n, r) => n + r.count, 0)).toBeLessThanOrEqual(2008);
    expect(backwards.length).toBeLessThanOrEqual(Math.ceil(2000 / 500) + 1);
  });
});
