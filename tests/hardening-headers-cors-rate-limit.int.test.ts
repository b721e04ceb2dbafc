import request from 'supertest';
import { createApp } from '../src/http/app';
import { Auth } from '../src/http/middleware/auth';
import { createLogger } from '../src/logger';
import { AS_ALICE, TOKENS, startTestApp, type TestApp } from './support/app';
import { expectToMatchSpec } from './support/contract';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const appWith = (over: Parameters<typeof createApp>[0] extends infer D ? Partial<D> : never) =>
  createApp({
    store: t.store,
    engine: t.engine,
    logger: createLogger('silent'),
    auth: new Auth({ API_TOKENS: `alice:${TOKENS.alice}` }),
    ...over,
  });

const statement = {
  type: 'StatementMade',
  occurred: '2010-02-04',
  data: { speaker: 'person-nikolai-bordyuzha', role: null, roleText: null, summary: 'rate', topics: [] },
  source: { article: 'edm-v7-i31' },
};

test('every answer carries security headers, errors included', async () => {
  for (const path of ['/v1/membership', '/nope', '/v1/membership?asOf=bad']) {
    const res = await request(t.app).get(path);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': expect.stringContaining("default-src 'none'"),
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  }
});

test('CORS is off by default', async () => {
  const res = await request(t.app).get('/v1/membership').set('Origin', 'https://example.org');
  expect(res.headers['access-control-allow-origin']).toBeUndefined();
});

test('configured origins may read; writing cross-origin needs its own switch', async () => {
  const app = appWith({ cors: { origins: ['https://dash.example'], allowWrites: false } });
  const read = await request(app).get('/v1/membership').set('Origin', 'https://dash.example');
  expect(read.headers['access-control-allow-origin']).toBe('https://dash.example');
  const other = await request(app).get('/v1/membership').set('Origin', 'https://evil.example');
  expect(other.headers['access-control-allow-origin']).toBeUndefined();
  const preflight = await request(app)
    .options('/v1/streams/person-nikolai-bordyuzha/events')
    .set('Origin', 'https://dash.example')
    .set('Access-Control-Request-Method', 'POST');
  expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  const writable = appWith({ cors: { origins: ['https://dash.example'], allowWrites: true } });
  const allowed = await request(writable)
    .options('/v1/streams/person-nikolai-bordyuzha/events')
    .set('Origin', 'https://dash.example')
    .set('Access-Control-Request-Method', 'POST');
  expect(allowed.headers['access-control-allow-methods']).toContain('POST');
});

test('past the per-client write rate: 429 with Retry-After, and nothing appended', async () => {
  const app = appWith({ writeRate: { perSecond: 1, burst: 3 } });
  const post = () => request(app).post('/v1/streams/person-nikolai-bordyuzha/events').set(AS_ALICE).send(statement);
  for (let i = 0; i < 3; i++) expect((await post()).status).toBe(201);
  const before = await t.store.head();
  const limited = await post();
  expect(limited.status).toBe(429);
  expect(limited.headers['retry-after']).toBe('1');
  expectToMatchSpec('post', '/v1/streams/person-nikolai-bordyuzha/events', limited);
  expect(await t.store.head()).toBe(before);
});
