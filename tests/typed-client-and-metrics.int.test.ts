import { createClient } from '../client';
import { AS_ALICE, TOKENS, listen, startTestApp, type TestApp } from './support/app';

let t: TestApp;
let server: Awaited<ReturnType<typeof listen>>;
let base: string;
beforeAll(async () => {
  t = await startTestApp();
  server = await listen(t.app);
  base = server.url;
});
afterAll(async () => {
  await server.close();
  await t.close();
});

test('the typed client reads, records and gets typed problems from a running server', async () => {
  const api = createClient(base, { token: TOKENS.alice });
  const { data } = await api.GET('/v1/membership', { params: { query: { asOf: '2007-06-01' } } });
  expect(data?.members.map((m) => m.country)).toContain('Uzbekistan');

  const recorded = await api.POST('/v1/streams/{stream}/events', {
    params: { path: { stream: 'person-nikolai-bordyuzha' } },
    body: {
      type: 'StatementMade',
      occurred: '2010-02-04',
      data: {
        speaker: 'person-nikolai-bordyuzha',
        role: null,
        roleText: null,
        summary: 'through the client',
        topics: [],
      },
      source: { article: 'edm-v7-i31' },
    },
  });
  expect(recorded.response.status).toBe(201);
  const statements = await api.GET('/v1/statements', {
    params: { query: { speaker: 'Bordyuzha', minPosition: recorded.data!.position, limit: 500 } },
  });
  expect(statements.data?.items.map((s) => s.id)).toContain(recorded.data!.events[0]!.id);

  const bad = await api.GET('/v1/membership', { params: { query: { asOf: '2007-02-30' } } });
  expect(bad.response.status).toBe(400);
  expect(bad.error?.issues?.[0]?.field).toBe('asOf');
});

test('/metrics exposes request counts per route, appends, projection lag and subscribers in Prometheus format', async () => {
  await fetch(`${base}/v1/membership?asOf=2001-01-01`);
  await fetch(`${base}/v1/streams/person-nikolai-bordyuzha/events`, {
    method: 'POST',
    headers: { ...AS_ALICE, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'StatementMade',
      occurred: '2010-02-04',
      data: { speaker: 'person-nikolai-bordyuzha', role: null, roleText: null, summary: 'metrics', topics: [] },
      source: { article: 'edm-v7-i31' },
    }),
  });
  const res = await fetch(`${base}/metrics`);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await res.text();
  expect(text).toMatch(/http_requests_total\{method="GET",route="\/v1\/membership",status="200"\} [1-9]/);
  expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/v1\/membership"\} [1-9]/);
  expect(text).toMatch(/events_appended_total [1-9]/);
  expect(text).toMatch(/projection_lag_events 0/);
  expect(text).toMatch(/projection_lag_seconds 0/);
  expect(text).toMatch(/sse_subscribers 0/);
  expect(text).toMatch(/process_resident_memory_bytes \d+/);
});
