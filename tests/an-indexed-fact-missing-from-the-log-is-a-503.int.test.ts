import { startTestApp, type TestApp } from './support/app';

/**
 * The statements and timeline read models index facts and read each page back from
 * the log. If the log no longer returns an indexed fact (a store that lost or
 * scavenged it), the answer is the store failing, not a crash and not a silent gap.
 */
let api: TestApp;
beforeAll(async () => (api = await startTestApp({ store: 'sqlite' })));
afterAll(() => api.close());

test('given a fact the log no longer returns, when its page is read, then 503 problem+json and the next read recovers', async () => {
  const page = await api.get('/v1/statements?limit=1');
  const lost = page.body.items[0].id as string;
  const getEvent = api.store.getEvent.bind(api.store);
  const spy = jest
    .spyOn(api.store, 'getEvent')
    .mockImplementation((id) => (id === lost ? Promise.resolve(null) : getEvent(id)));
  try {
    for (const url of ['/v1/statements?limit=1', '/v1/timeline?limit=500']) {
      const res = await api.get(url);
      expect(res.status).toBe(503);
      expect(res.type).toBe('application/problem+json');
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body.detail).toContain(lost);
    }
  } finally {
    spy.mockRestore();
  }
  expect((await api.get('/v1/statements?limit=1')).body.items[0].id).toBe(lost);
});
