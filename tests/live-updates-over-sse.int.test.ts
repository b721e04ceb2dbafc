import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DEFAULT_SSE, SseHub } from '../src/http/sse';
import { createApp } from '../src/http/app';
import { Auth } from '../src/http/middleware/auth';
import { createLogger } from '../src/logger';
import { AS_ALICE, TOKENS, startTestApp, type TestApp } from './support/app';
import { attestation } from './support/events';
import { connect, type SseConnection } from './support/sse-client';
import { waitUntil } from './support/wait';

let t: TestApp;
let server: Server;
let base: string;
let hub: SseHub;
const open: SseConnection[] = [];

beforeAll(async () => {
  // Fewer updates kept than the corpus has events, so resuming from the start is too far back.
  t = await startTestApp({ updatesKept: 50 });
  // A real server on port 0: supertest would buffer the stream whole.
  hub = new SseHub({ ...DEFAULT_SSE, heartbeatMs: 200, maxSubscribers: 5 });
  const app = createApp({
    store: t.store,
    engine: t.engine,
    logger: createLogger('silent'),
    auth: new Auth({ API_TOKENS: `alice:${TOKENS.alice}` }),
    sse: hub,
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});
afterAll(async () => {
  hub.closeAll();
  await new Promise((r) => server.close(r));
  await t.close();
});

const subscribe = async (path: string, headers: Record<string, string> = {}) => {
  const c = await connect(`${base}${path}`, headers);
  open.push(c);
  return c;
};

let n = 0;
const record = async (count = 1) => {
  const facts = Array.from({ length: count }, () => ({
    type: 'StatementMade',
    occurred: '2010-02-04',
    data: { speaker: 'person-nikolai-bordyuzha', role: null, roleText: null, summary: `live ${++n}`, topics: ['live'] },
    source: { article: 'edm-v7-i31' },
  }));
  const res = await fetch(`${base}/v1/streams/person-nikolai-bordyuzha/events`, {
    method: 'POST',
    headers: { ...AS_ALICE, 'Content-Type': 'application/json' },
    body: JSON.stringify({ facts }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { events: { id: string; position: number }[] }).events;
};

const ids = (c: SseConnection) => c.messages.filter((m) => m.event === 'event').map((m) => Number(m.id));

test('a subscriber receives new events in order, with positions as ids, retry advice and heartbeats', async () => {
  const c = await subscribe('/v1/events/stream');
  expect(c.status).toBe(200);
  expect(c.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const appended = [...(await record(2)), ...(await record(3))];
  const messages = await c.waitFor(5);
  expect(messages.map((m) => Number(m.id))).toEqual(appended.map((e) => e.position));
  expect(messages.map((m) => JSON.parse(m.data).id)).toEqual(appended.map((e) => e.id));
  expect(messages.every((m) => m.event === 'event')).toBe(true);
  expect(c.retry).toBe(DEFAULT_SSE.retryMs);
  await new Promise((r) => setTimeout(r, 450));
  expect(c.comments).toContain('heartbeat');
});

test('disconnect mid-stream, append more, resume with Last-Event-ID: no gap and no duplicate', async () => {
  const first = await subscribe('/v1/events/stream');
  const before = await record(3);
  await first.waitFor(3);
  const lastSeen = first.messages[1]!.id!; // as if the connection broke after the second message
  first.close();
  const missed = await record(4);
  const resumed = await subscribe('/v1/events/stream', { 'Last-Event-ID': lastSeen });
  const after = await record(2);
  const expected = [before[2]!, ...missed, ...after].map((e) => e.position);
  await resumed.waitFor(expected.length);
  await new Promise((r) => setTimeout(r, 50));
  expect(ids(resumed)).toEqual(expected);
});

test('?from= resumes like Last-Event-ID (a browser cannot set the header on its first connection)', async () => {
  const head = await t.store.head();
  const appended = await record(2);
  const c = await subscribe(`/v1/events/stream?from=${head}`);
  await c.waitFor(2);
  expect(ids(c)).toEqual(appended.map((e) => e.position));
});

test('from the start of the log, the whole history arrives in order, then live events', async () => {
  const history = (await t.store.readAll()).map((e) => e.position);
  const c = await subscribe('/v1/events/stream?from=0');
  await c.waitFor(history.length);
  const live = await record(1);
  await c.waitFor(history.length + 1);
  expect(ids(c)).toEqual([...history, live[0]!.position]);
});

test('filters by type and stream', async () => {
  const c = await subscribe('/v1/events/stream?from=0&type=SummitHeld');
  await c.waitFor(3);
  await new Promise((r) => setTimeout(r, 50));
  expect(c.messages.map((m) => JSON.parse(m.data).type)).toEqual(['SummitHeld', 'SummitHeld', 'SummitHeld']);
  const s = await subscribe('/v1/events/stream?from=0&stream=country-uzbekistan');
  await s.waitFor(4);
  expect(new Set(s.messages.map((m) => JSON.parse(m.data).stream))).toEqual(new Set(['country-uzbekistan']));
});

test('membership updates carry what changed, and resume like the event feed', async () => {
  const c = await subscribe('/v1/projections/membership/updates');
  const res = await fetch(`${base}/v1/streams/country-armenia/events`, {
    method: 'POST',
    headers: { ...AS_ALICE, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'MembershipSuspended',
      occurred: '2010-02-01',
      data: { country: 'country-armenia' },
      source: { article: 'edm-v7-i31' },
    }),
  });
  const { position } = (await res.json()) as { position: number };
  const [update] = await c.waitFor(1);
  expect(update!.id).toBe(String(position));
  expect(JSON.parse(update!.data)).toMatchObject({
    projection: 'membership',
    position,
    type: 'MembershipSuspended',
    country: 'country-armenia',
    from: 'member',
    to: 'not-member',
    asOf: '2010-02-01',
  });
  // Statements do not change membership: a resumed subscriber gets nothing for them.
  const resumed = await subscribe(`/v1/projections/membership/updates?from=${position - 1}`);
  await record(1);
  await resumed.waitFor(1);
  await new Promise((r) => setTimeout(r, 50));
  expect(resumed.messages.map((m) => m.id)).toEqual([String(position)]);
});

test('resuming from further back than the changes kept sends a reset', async () => {
  const c = await subscribe('/v1/projections/statements/updates?from=0');
  const [reset] = await c.waitFor(1);
  expect(reset!.event).toBe('reset');
});

test('statement updates carry the statement', async () => {
  const c = await subscribe('/v1/projections/statements/updates');
  const [e] = await record(1);
  const [u] = await c.waitFor(1);
  expect(JSON.parse(u!.data)).toMatchObject({
    projection: 'statements',
    position: e!.position,
    statement: { id: e!.id, speaker: { id: 'person-nikolai-bordyuzha' } },
  });
});

test('bad resume positions and unknown read models are problems, not streams', async () => {
  expect((await fetch(`${base}/v1/events/stream?from=abc`)).status).toBe(400);
  expect((await fetch(`${base}/v1/events/stream`, { headers: { 'Last-Event-ID': '-3' } })).status).toBe(400);
  const unknown = await fetch(`${base}/v1/projections/nothing/updates`);
  expect([unknown.status, unknown.headers.get('content-type')]).toEqual([404, expect.stringMatching(/problem\+json/)]);
});

test('past the subscriber bound the answer is 503; closing the hub ends every stream', async () => {
  const conns = await Promise.all(Array.from({ length: 5 }, () => subscribe('/v1/events/stream')));
  const over = await fetch(`${base}/v1/events/stream`);
  expect(over.status).toBe(503);
  expect(over.headers.get('retry-after')).toBeDefined();
  hub.closeAll();
  await Promise.all(conns.map((c) => c.ended));
  expect(hub.size).toBe(0);
});

test('a consumer that stops reading is cut off instead of buffered without limit, and resumes without a gap', async () => {
  const { get } = await import('node:http');
  const small = new SseHub({ ...DEFAULT_SSE, maxBufferedBytes: 64 * 1024 });
  const app = createApp({ store: t.store, engine: t.engine, logger: createLogger('silent'), sse: small });
  const slowServer = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const url = `http://127.0.0.1:${(slowServer.address() as AddressInfo).port}/v1/events/stream?from=0`;
    let req!: ReturnType<typeof get>;
    // Enough history (about 10 MB) to fill the kernel's socket buffers of a client that never reads.
    for (let i = 0; i < 20; i++)
      await t.store.append(
        'country-testland',
        Array.from({ length: 1000 }, () => attestation('country-testland')),
        'any',
      );
    const status = await new Promise<number>((resolve) => {
      req = get(url, (res) => {
        res.pause();
        resolve(res.statusCode!);
      });
    });
    expect(status).toBe(200);
    await waitUntil(() => small.size === 0, 10_000);
    req.destroy();
    const from = await t.store.positionBefore(3);
    const resumed = await connect(url.replace('from=0', `from=${from}`));
    open.push(resumed);
    await resumed.waitFor(3);
    expect(ids(resumed)).toEqual((await t.store.readAll({ after: from })).map((e) => e.position));
  } finally {
    small.closeAll();
    slowServer.closeAllConnections();
    await new Promise((r) => slowServer.close(r));
  }
});
