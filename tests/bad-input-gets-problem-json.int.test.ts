import request from 'supertest';
import { appThatMustNotChange } from './support/app';

// Nothing a refused request does may change the log.
const app = appThatMustNotChange();

const READS_WITH_DATES = [
  '/v1/membership',
  '/v1/relations/nato-csto',
  '/v1/chairmanship',
  '/v1/summits',
  '/v1/statements',
  '/v1/timeline',
];
const BAD_DATES = ['2007-02-30', '2007-13-01', '07-06-01', '2007-6-1', 'yesterday', '', '2007-06-01T00:00:00Z'];

const expectProblem = (res: request.Response, status: number, field?: string) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  if (field) expect(res.body.issues.map((i: { field: string }) => i.field)).toContain(field);
};

describe.each(READS_WITH_DATES)('%s', (path) => {
  test.each(BAD_DATES)('asOf=%s is a 400 naming asOf', async (bad) => {
    expectProblem(await app().get(`${path}?asOf=${encodeURIComponent(bad)}`), 400, 'asOf');
  });

  test('a malformed knownAt is a 400 naming knownAt', async () => {
    expectProblem(await app().get(`${path}?knownAt=2010-02-29`), 400, 'knownAt');
  });

  test('a repeated asOf is a 400, not a silent pick', async () => {
    expectProblem(await app().get(`${path}?asOf=2007-01-01&asOf=2008-01-01`), 400, 'asOf');
  });

  test('an unknown parameter is a 400 naming it', async () => {
    expectProblem(await app().get(`${path}?asof=2007-01-01`), 400, 'asof');
  });
});

describe.each(['/v1/summits', '/v1/statements', '/v1/timeline', '/v1/sources', '/v1/entities', '/v1/events'])(
  '%s paging',
  (path) => {
    test.each(['0', '501', '-1', 'ten', '1.5'])('limit=%s is a 400 naming limit', async (bad) => {
      expectProblem(await app().get(`${path}?limit=${bad}`), 400, 'limit');
    });

    test.each(['garbage', Buffer.from('{"x":1}').toString('base64url'), '%7B%7D'])(
      'cursor=%s is a 400 naming cursor',
      async (bad) => {
        expectProblem(await app().get(`${path}?cursor=${bad}`), 400, 'cursor');
      },
    );
  },
);

test('statements: a reversed date range is a 400 naming to', async () => {
  expectProblem(await app().get('/v1/statements?from=2008-01-01&to=2007-01-01'), 400, 'to');
});

test('statements: a malformed topic or an over-long speaker is a 400', async () => {
  expectProblem(await app().get('/v1/statements?topic=NATO!'), 400, 'topic');
  expectProblem(await app().get(`/v1/statements?speaker=${'x'.repeat(201)}`), 400, 'speaker');
});

test('events: an unknown type or a malformed stream is a 400', async () => {
  expectProblem(await app().get('/v1/events?type=NotAType'), 400, 'type');
  expectProblem(await app().get('/v1/events?stream=Not%20A%20Stream'), 400, 'stream');
  expectProblem(await app().get('/v1/timeline?type=__proto__'), 400, 'type');
});

test('prototype keys in the query are rejected like any unknown parameter', async () => {
  expectProblem(await app().get('/v1/membership?__proto__=x&constructor=y'), 400);
});

test('an unknown route is a 404 problem, never an HTML page', async () => {
  for (const path of ['/nope', '/v1', '/v2/membership', '/v1/membership/extra']) {
    const res = await request(app().app).get(path);
    expectProblem(res, 404);
  }
});

test('a known path with the wrong method is a 405 problem with Allow', async () => {
  const res = await request(app().app).post('/v1/membership').send({});
  expectProblem(res, 405);
  expect(res.headers.allow).toContain('GET');
});
