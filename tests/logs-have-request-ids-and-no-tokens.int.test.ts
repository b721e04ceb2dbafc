import request from 'supertest';
import { createApp } from '../src/http/app';
import { Auth } from '../src/http/middleware/auth';
import { createLogger } from '../src/logger';
import { TOKENS, startTestApp, type TestApp } from './support/app';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

test('each request is logged as JSON with its request id, and no token ever appears in the logs', async () => {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  const app = createApp({
    store: t.store,
    engine: t.engine,
    logger,
    auth: new Auth({ API_TOKENS: `alice:${TOKENS.alice}` }),
  });
  const ok = await request(app)
    .post('/v1/streams/person-nikolai-bordyuzha/events')
    .set('Authorization', `Bearer ${TOKENS.alice}`)
    .set('X-Request-Id', 'trace-42')
    .send({
      type: 'StatementMade',
      occurred: '2010-02-04',
      data: { speaker: 'person-nikolai-bordyuzha', role: null, roleText: null, summary: 'logged', topics: [] },
      source: { article: 'edm-v7-i31' },
    });
  expect(ok.status).toBe(201);
  expect(ok.headers['x-request-id']).toBe('trace-42');
  await request(app).get('/v1/membership').set('Authorization', 'Bearer some-other-secret-0123456789');
  const entries = lines.map((l) => JSON.parse(l) as { reqId?: string; status?: number; url?: string });
  expect(entries.find((e) => e.reqId === 'trace-42')).toMatchObject({
    status: 201,
    url: '/v1/streams/person-nikolai-bordyuzha/events',
  });
  expect(entries.every((e) => typeof e.reqId === 'string')).toBe(true);
  const all = lines.join('\n');
  expect(all).not.toContain(TOKENS.alice);
  expect(all).not.toContain('some-other-secret');
});
