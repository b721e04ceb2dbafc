import type request from 'supertest';
import { appThatMustNotChange } from './support/app';

// Nothing a refused request does may change the log.
const app = appThatMustNotChange();

const STREAM = '/v1/streams/person-nikolai-bordyuzha/events';
const statement = (extra: Record<string, unknown> = {}) => ({
  type: 'StatementMade',
  occurred: '2010-02-04',
  data: { speaker: 'person-nikolai-bordyuzha', role: null, roleText: null, summary: 'said', topics: [] },
  source: { article: 'edm-v7-i31' },
  ...extra,
});
const post = (body: unknown) => app().post(STREAM, body);
const issues = (res: request.Response) => {
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return res.body.issues as { field: string; message: string }[];
};

test('given an occurred that is no calendar day, the 400 names the field, the value and the EDTF forms accepted', async () => {
  const [issue, ...more] = issues(await post(statement({ occurred: '2010-02-30' })));
  expect(more).toEqual([]);
  expect(issue!.field).toBe('/facts/0/occurred');
  expect(issue!.message).toMatch(
    /^"2010-02-30" is no calendar day; expected an EDTF date: a day \(2005-10-29\), a month/,
  );
  expect(issue!.message).toMatch(
    /an interval \(2006-06\/2006-08\), an open one \(2000\/\.\. since, \.\.\/2005-11-11 on or before\)/,
  );
});

test('given no occurred at all, the 400 says it is required and what it may be', async () => {
  const { occurred: _omitted, ...without } = statement();
  const [issue] = issues(await post(without));
  expect(issue).toEqual({
    field: '/facts/0/occurred',
    message: expect.stringMatching(/^required: expected an EDTF date/),
  });
});

test('given 1001 facts, the 400 names /facts and the limit of 1000', async () => {
  const res = await post({ facts: Array.from({ length: 1001 }, () => statement()) });
  expect(issues(res)).toEqual([
    { field: '/facts', message: 'at most 1000 facts in one request; send the rest in another' },
  ]);
});

test('given a bare array of facts, the 400 says how a batch is sent', async () => {
  expect(issues(await post([statement()]))).toEqual([
    { field: '/', message: 'send one fact as an object, or several as {"facts": [...], "expectedRevision"?}' },
  ]);
});

test('given expectedRevision in a single fact, the 400 shows where it goes', async () => {
  const [issue] = issues(await post(statement({ expectedRevision: 0 })));
  expect(issue).toEqual({
    field: '/expectedRevision',
    message: expect.stringMatching(/^goes beside the facts: \{"expectedRevision": 0, "facts": \[fact\]\}/),
  });
});

test('given asOf=2007, one issue says a day is expected, with an example', async () => {
  expect(issues(await app().get('/v1/membership?asOf=2007'))).toEqual([
    { field: 'asOf', message: 'expected a day as YYYY-MM-DD, such as 2007-06-01' },
  ]);
});

test('given an unknown parameter, the hint lists every parameter the operation takes, minPosition and resume ones included', async () => {
  expect(issues(await app().get('/v1/membership?minposition=3'))).toEqual([
    { field: 'minposition', message: 'unknown parameter; this operation accepts: asOf, knownAt, minPosition' },
  ]);
  expect(issues(await app().get('/v1/events/stream?fromm=3'))).toEqual([
    {
      field: 'fromm',
      message: 'unknown parameter; this operation accepts: type, stream, from, lastEventId, minPosition',
    },
  ]);
});

test('given a misspelt speaker, the 400 suggests the nearest known names instead of answering nothing', async () => {
  const [issue] = issues(await app().get('/v1/statements?speaker=Bordyuzhaa'));
  expect(issue).toEqual({
    field: 'speaker',
    message:
      'matches no known entity; did you mean Nikolai Bordyuzha (person-nikolai-bordyuzha)? GET /v1/entities lists them',
  });
  const [none] = issues(await app().get('/v1/statements?speaker=Zzzzzzzzzzzz'));
  expect(none!.message).toBe('matches no known entity. GET /v1/entities lists them');
});
