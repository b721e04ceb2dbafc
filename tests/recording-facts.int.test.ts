import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AS_ALICE, TOKENS, startTestApp, type TestApp } from './support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // A later source, against which corrections are recorded.
  const reg = await t.post('/v1/streams/source-test-gazette-2011/events', {
    type: 'SourceRegistered',
    occurred: '2011-01-15',
    data: {
      key: 'test-gazette-2011',
      publication: 'Test Gazette',
      volume: null,
      issue: null,
      title: 'Corrections',
      published: day('2011-01-15'),
      datedBy: null,
    },
    source: { article: 'test-gazette-2011' },
  });
  expect(reg.status).toBe(201);
});
afterAll(() => t.close());

function day(d: string) {
  return { earliest: d, latest: d, precision: 'day', text: d, edtf: d };
}

const statement = (over: Record<string, unknown> = {}) => ({
  type: 'StatementMade',
  occurred: '2010-02-04',
  data: {
    speaker: 'person-nikolai-bordyuzha',
    role: 'csto-secretary-general',
    roleText: 'Secretary-General',
    summary: 'A statement recorded by a test.',
    topics: ['test'],
  },
  source: { article: 'edm-v7-i31', outlet: 'Interfax, February 4', quote: null },
  ...over,
});

/** The log's size and last event: a rejected request must leave both as they were. */
const snapshot = async () => {
  const head = await t.store.head();
  const last = (await t.store.readAll({ after: await t.store.positionBefore(1) }))[0];
  return { head, count: await t.store.countAfter(0), lastId: last?.id };
};

describe('recording one fact', () => {
  test('201 with ids, positions, Location; the read models show it with minPosition; the principal is recorded', async () => {
    const before = await t.store.head();
    const res = await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement());
    expect(res.status).toBe(201);
    expect(res.body.events).toHaveLength(1);
    expect(res.body.position).toBeGreaterThan(before);
    expect(await t.store.countAfter(before)).toBe(1);
    expect(res.headers.location).toBe(`/v1/events/${res.body.events[0].id}`);
    const stored = await t.get(res.headers.location!);
    expect(stored.body).toMatchObject({
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      metadata: { recordedBy: 'alice' },
      reported: { article: 'edm-v7-i31', date: '2010-02-08' },
    });
    const read = await t.get(`/v1/statements?topic=test&minPosition=${res.body.position}`);
    expect(read.body.position).toBeGreaterThanOrEqual(res.body.position);
    expect(read.body.items.map((s: { id: string }) => s.id)).toContain(res.body.events[0].id);
  });

  test('occurred accepts EDTF: a month, a year, an interval, an open interval, on or before a day', async () => {
    for (const [edtf, earliest, latest, precision] of [
      ['2010-01', '2010-01-01', '2010-01-31', 'month'],
      ['2009', '2009-01-01', '2009-12-31', 'year'],
      ['2009-06/2009-08', '2009-06-01', '2009-08-31', 'range'],
      ['2008/..', '2008-01-01', '2008-12-31', 'since'],
      // Only bounded above: placed on its latest day, and saying so by its precision.
      ['../2009-11', '2009-11-30', '2009-11-30', 'before'],
    ]) {
      const res = await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement({ occurred: edtf }));
      expect(res.status).toBe(201);
      expect((await t.get(`/v1/events/${res.body.events[0].id}`)).body.occurred).toEqual({
        earliest,
        latest,
        precision,
        text: edtf,
        edtf,
      });
    }
  });
});

describe('a batch is atomic', () => {
  test('all facts append together, in order, with nothing between them', async () => {
    const before = await t.store.head();
    const res = await t.post('/v1/streams/person-nikolai-bordyuzha/events', {
      facts: [statement(), statement(), statement()],
    });
    expect(res.status).toBe(201);
    const log = await t.store.readAll({ after: before });
    expect(log.map((e) => [e.id, e.position])).toEqual(
      res.body.events.map((e: { id: string; position: number }) => [e.id, e.position]),
    );
  });

  test('ids the service assigns are UUIDv7 and sort in log order', async () => {
    const before = await t.store.head();
    for (let i = 0; i < 3; i++)
      expect(
        (await t.post('/v1/streams/person-nikolai-bordyuzha/events', { facts: [statement(), statement()] })).status,
      ).toBe(201);
    const ids = (await t.store.readAll({ after: before })).map((e) => e.id);
    expect(ids).toHaveLength(6);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
  });

  test('one bad fact rejects the whole batch and leaves the log as it was', async () => {
    const before = await snapshot();
    const res = await t.post('/v1/streams/person-nikolai-bordyuzha/events', {
      facts: [statement(), statement({ occurred: '2999-01-01' })],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ rule: 'not-in-future', issues: [{ field: '/facts/1/occurred' }] });
    expect(await snapshot()).toEqual(before);
  });
});

describe('malformed facts are 400s that name the field, and change nothing', () => {
  test.each([
    ['a missing type', { ...statement(), type: undefined }, '/facts/0/type'],
    ['an unknown type', statement({ type: 'CoupAttempted' }), '/facts/0/type'],
    ['a day that does not exist', statement({ occurred: '2007-02-30' }), '/facts/0/occurred'],
    ['an unknown field', statement({ colour: 'red' }), '/facts/0'],
    ['data of the wrong shape', statement({ data: { speaker: 42 } }), '/facts/0/data/speaker'],
    [
      'a quote too long',
      statement({ source: { article: 'edm-v7-i31', quote: 'x'.repeat(5001) } }),
      '/facts/0/source/quote',
    ],
    ['an empty batch', { facts: [] }, '/facts'],
  ])('%s', async (_name, body, field) => {
    const before = await snapshot();
    const res = await t.post('/v1/streams/person-nikolai-bordyuzha/events', body);
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  test('a batch over 1000 facts is refused', async () => {
    const res = await t.post('/v1/streams/person-nikolai-bordyuzha/events', {
      facts: Array.from({ length: 1001 }, () => statement()),
    });
    expect(res.status).toBe(400);
  });

  test('malformed JSON is a 400, a body over 1 MB a 413, text/plain a 415', async () => {
    const post = () => request(t.app).post('/v1/streams/person-nikolai-bordyuzha/events').set(AS_ALICE);
    const before = await snapshot();
    const bad = await post().set('Content-Type', 'application/json').send('{"type": ');
    expect([bad.status, bad.headers['content-type']]).toEqual([400, expect.stringMatching(/problem\+json/)]);
    const big = await post()
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ facts: [statement({ pad: 'x'.repeat(1_100_000) })] }));
    expect([big.status, big.headers['content-type']]).toEqual([413, expect.stringMatching(/problem\+json/)]);
    const text = await post().set('Content-Type', 'text/plain').send('hello');
    expect([text.status, text.headers['content-type']]).toEqual([415, expect.stringMatching(/problem\+json/)]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('domain rules are 422s that name the rule and the field, and change nothing', () => {
  const cases: [string, string, unknown, string, string][] = [
    ['a statement on another person’s stream', 'person-sergei-lavrov', statement(), 'stream-matches-subject', 'stream'],
    [
      'an alias used as a second entity',
      'person-emomali-rakhmonov',
      statement({
        data: { speaker: 'person-emomali-rakhmonov', role: null, roleText: null, summary: 'x', topics: [] },
      }),
      'known-entity',
      '/facts/0/data/speaker',
    ],
    [
      'an office that is not in the catalog',
      'person-nikolai-bordyuzha',
      statement({
        data: {
          speaker: 'person-nikolai-bordyuzha',
          role: 'general-secretary',
          roleText: 'general secretary',
          summary: 'x',
          topics: [],
        },
      }),
      'known-role',
      '/facts/0/data/role',
    ],
    [
      'a fact citing an unregistered source',
      'person-nikolai-bordyuzha',
      statement({ source: { article: 'no-such-article' } }),
      'source-registered',
      '/facts/0/source/article',
    ],
    [
      'a fact dated after its source appeared',
      'person-nikolai-bordyuzha',
      statement({ occurred: '2010-03-01' }),
      'reported-after-occurred',
      '/facts/0/occurred',
    ],
    [
      'suspending a state that is not a member then',
      'country-uzbekistan',
      {
        type: 'MembershipSuspended',
        occurred: '2005-12-01',
        data: { country: 'country-uzbekistan' },
        source: { article: 'edm-v7-i31' },
      },
      'membership-held',
      '/facts/0/data/country',
    ],
    [
      'restoring a state that is a member then',
      'country-armenia',
      {
        type: 'MembershipRestored',
        occurred: '2007-06-01',
        data: { country: 'country-armenia', basis: 'test' },
        source: { article: 'edm-v7-i31' },
      },
      'membership-not-held',
      '/facts/0/data/country',
    ],
    [
      'a chairmanship for a non-member',
      'organization-csto',
      {
        type: 'ChairmanshipTransferred',
        occurred: '2003-01-01',
        data: { country: 'country-uzbekistan' },
        source: { article: 'edm-v7-i31' },
      },
      'chair-is-member',
      '/facts/0/data/country',
    ],
    [
      'a rejection with no proposal to answer',
      'relations-csto-sco',
      {
        type: 'CooperationRejected',
        occurred: '2009-01-01',
        data: { rejectedBy: 'organization-sco', spokesperson: null, reason: 'test' },
        source: { article: 'edm-v7-i31' },
      },
      'rejection-answers-proposal',
      '/facts/0/type',
    ],
    [
      'retracting a fact that does not exist',
      'relations-nato-csto',
      {
        type: 'FactRetracted',
        occurred: '2011-01-15',
        data: { eventId: '00000000-0000-4000-8000-000000000000', reason: 'test' },
        source: { article: 'test-gazette-2011' },
      },
      'retraction-target',
      '/facts/0/data/eventId',
    ],
  ];
  test.each(cases)('%s', async (_name, stream, body, rule, field) => {
    const before = await snapshot();
    const res = await t.post(`/v1/streams/${stream}/events`, body);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.rule).toBe(rule);
    expect(res.body.issues[0].field).toBe(field);
    expect(await snapshot()).toEqual(before);
  });

  test('the unknown alias names the entity it stands for', async () => {
    const res = await t.post('/v1/streams/person-emomali-rakhmonov/events', cases[1]![2]);
    expect(res.body.detail).toContain('person-emomali-rahmon');
  });

  test('the corpus itself breaks no rule when recorded in order', async () => {
    const fresh = await startTestApp({ corpus: false });
    try {
      const { ARTICLES } = await import('../events/corpus');
      const { articleEvents } = await import('../events/corpus/article');
      for (const article of ARTICLES) {
        for (const e of articleEvents(article)) {
          const res = await fresh.post(`/v1/streams/${e.stream}/events`, {
            type: e.type,
            occurred: e.occurred,
            data: e.data,
            source: e.source,
          });
          expect({ fact: e.id, status: res.status, problem: res.status === 201 ? undefined : res.body }).toEqual({
            fact: e.id,
            status: 201,
            problem: undefined,
          });
        }
      }
    } finally {
      await fresh.close();
    }
  });
});

describe('optimistic concurrency', () => {
  test('a stale expectedRevision is a 409 with the current revision', async () => {
    const stream = await t.get('/v1/streams/person-nikolai-bordyuzha');
    const revision = stream.body.revision;
    expect(stream.headers.etag).toBe(`"${revision}"`);
    const ok = await t.post('/v1/streams/person-nikolai-bordyuzha/events', {
      expectedRevision: revision,
      facts: [statement()],
    });
    expect(ok.status).toBe(201);
    const before = await snapshot();
    const stale = await t.post('/v1/streams/person-nikolai-bordyuzha/events', {
      expectedRevision: revision,
      facts: [statement()],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.currentRevision).toBe(revision + 1);
    expect(await snapshot()).toEqual(before);
  });

  test('If-Match with the stream ETag: current succeeds, stale is 409', async () => {
    const etag = (await t.get('/v1/streams/person-nikolai-bordyuzha')).headers.etag!;
    expect(
      (await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement(), { ...AS_ALICE, 'If-Match': etag }))
        .status,
    ).toBe(201);
    expect(
      (await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement(), { ...AS_ALICE, 'If-Match': etag }))
        .status,
    ).toBe(409);
    expect(
      (
        await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement(), {
          ...AS_ALICE,
          'If-Match': 'nonsense',
        })
      ).status,
    ).toBe(400);
  });

  test('of 10 parallel writers expecting the same revision exactly one wins', async () => {
    const revision = (await t.get('/v1/streams/person-sergei-lavrov')).body.revision;
    const lavrov = statement({
      data: { speaker: 'person-sergei-lavrov', role: null, roleText: null, summary: 'race', topics: [] },
    });
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(t.app)
          .post('/v1/streams/person-sergei-lavrov/events')
          .set(AS_ALICE)
          .send({ expectedRevision: revision, facts: [lavrov] })
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    expect((await t.get('/v1/streams/person-sergei-lavrov')).body.revision).toBe(revision + 1);
  });
});

test('of 20 parallel writers naming no revision on one stream, every one is recorded and none gets a 409', async () => {
  const before = (await t.get('/v1/streams/person-grigory-karasin')).body.revision as number;
  const karasin = () =>
    statement({
      id: randomUUID(),
      data: { speaker: 'person-grigory-karasin', role: null, roleText: null, summary: 'parallel', topics: [] },
    });
  const statuses = await Promise.all(
    Array.from({ length: 20 }, () =>
      request(t.app)
        .post('/v1/streams/person-grigory-karasin/events')
        .set(AS_ALICE)
        .send(karasin())
        .then((r) => r.status),
    ),
  );
  expect(statuses).toEqual(Array.from({ length: 20 }, () => 201));
  expect((await t.get('/v1/streams/person-grigory-karasin')).body.revision).toBe(before + 20);
});

describe('idempotency', () => {
  test('a retry with the same key answers 200 with the first result and appends nothing', async () => {
    const key = { ...AS_ALICE, 'Idempotency-Key': 'retry-1' };
    const first = await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement(), key);
    expect(first.status).toBe(201);
    const before = await snapshot();
    const again = await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement(), key);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await snapshot()).toEqual(before);
  });

  test('the same key with a different body is a 422; keys are per principal', async () => {
    const key = { ...AS_ALICE, 'Idempotency-Key': 'retry-2' };
    expect((await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement(), key)).status).toBe(201);
    const other = await t.post(
      '/v1/streams/person-nikolai-bordyuzha/events',
      statement({ occurred: '2010-01-01' }),
      key,
    );
    expect(other.status).toBe(422);
    expect(other.body.rule).toBe('idempotency-key-reused');
    const bob = await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement(), {
      Authorization: `Bearer ${TOKENS.bob}`,
      'Idempotency-Key': 'retry-2',
    });
    expect(bob.status).toBe(201);
  });

  test('a client-chosen id is kept lower-case: its retry in either case is a 409, and the event is found by both', async () => {
    const id = randomUUID();
    const upper = id.toUpperCase();
    const first = await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement({ id: upper }));
    expect(first.status).toBe(201);
    expect(first.body.events[0].id).toBe(id);
    const before = await snapshot();
    for (const retry of [id, upper]) {
      const again = await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement({ id: retry }));
      expect(again.status).toBe(409);
      expect(again.body.eventId).toBe(id);
    }
    expect(await snapshot()).toEqual(before);
    expect((await t.get(`/v1/events/${upper}`)).body.id).toBe(id);
  });

  test('the nil UUID is a 400 naming the id, as a fact id and in the path, and changes nothing', async () => {
    const nil = '00000000-0000-0000-0000-000000000000';
    const before = await snapshot();
    const res = await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement({ id: nil }));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.issues).toContainEqual({ field: '/facts/0/id', message: 'the nil UUID is not an event id' });
    const get = await t.get(`/v1/events/${nil}`);
    expect(get.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  test('parallel retries with one key append once', async () => {
    const before = await t.store.head();
    const send = () =>
      request(t.app)
        .post('/v1/streams/person-nikolai-bordyuzha/events')
        .set({ ...AS_ALICE, 'Idempotency-Key': 'parallel-1' })
        .send(statement());
    const results = await Promise.all(Array.from({ length: 6 }, send));
    expect(new Set(results.map((r) => JSON.stringify(r.body)))).toHaveProperty('size', 1);
    expect(await t.store.countAfter(before)).toBe(1);
  });
});

describe('corrections never rewrite history', () => {
  test('a retraction withdraws a fact from reads as known after it, not before', async () => {
    const attested = (await t.get('/v1/events?type=RelationsAttested&stream=relations-nato-csto')).body.items[0];
    expect((await t.get('/v1/relations/nato-csto?asOf=2010-06-01')).body.status).toBe('none');
    const res = await t.post('/v1/streams/relations-nato-csto/events', {
      type: 'FactRetracted',
      occurred: '2011-01-15',
      data: { eventId: attested.id, reason: 'test: the attestation is withdrawn' },
      source: { article: 'test-gazette-2011' },
    });
    expect(res.status).toBe(201);
    expect((await t.get(`/v1/relations/nato-csto?asOf=2010-06-01&minPosition=${res.body.position}`)).body.status).toBe(
      'rejected',
    );
    expect((await t.get('/v1/relations/nato-csto?asOf=2010-06-01&knownAt=2011-01-14')).body.status).toBe('none');
    expect((await t.get(`/v1/events/${attested.id}`)).body.id).toBe(attested.id);
    const again = await t.post('/v1/streams/relations-nato-csto/events', {
      type: 'FactRetracted',
      occurred: '2011-01-15',
      data: { eventId: attested.id, reason: 'twice' },
      source: { article: 'test-gazette-2011' },
    });
    expect([again.status, again.body.rule]).toEqual([422, 'retraction-target']);
  });

  test('a correction supersedes a fact with its replacement in the same batch', async () => {
    const restored = (await t.get('/v1/events?type=AgreementInEffect')).body.items[0];
    expect(
      (await t.get('/v1/membership?asOf=2006-12-01')).body.members.find(
        (m: { country: string }) => m.country === 'Uzbekistan',
      ).status,
    ).toBe('possibly-member');
    const replacement = '5b0c4d2e-8f1a-4c3b-9d7e-2a6f8e1c0b93';
    const res = await t.post('/v1/streams/country-uzbekistan/events', {
      facts: [
        {
          type: 'FactCorrected',
          occurred: '2011-01-15',
          data: { eventId: restored.id, correctedBy: replacement, reason: 'test: dated by the protocol alone' },
          source: { article: 'test-gazette-2011' },
        },
        {
          id: replacement,
          type: 'AgreementInEffect',
          occurred: '2006-06/2006-08',
          data: {
            agreement: 'protocol signed by Uzbekistan in Sochi',
            country: 'country-uzbekistan',
            wording: 'in effect from its signing',
            restoresMembership: true,
          },
          source: { article: 'test-gazette-2011' },
        },
      ],
    });
    expect(res.status).toBe(201);
    const now = (await t.get(`/v1/membership?asOf=2006-12-01&minPosition=${res.body.position}`)).body.members.find(
      (m: { country: string }) => m.country === 'Uzbekistan',
    );
    expect(now).toMatchObject({ status: 'member', since: '2006-08-31', basis: 'implied' });
    const then = (await t.get('/v1/membership?asOf=2006-12-01&knownAt=2010-12-31')).body.members.find(
      (m: { country: string }) => m.country === 'Uzbekistan',
    );
    expect(then.status).toBe('possibly-member');
  });

  test('a correction whose replacement is missing is refused', async () => {
    const restored = (await t.get('/v1/events?type=MembershipSuspended')).body.items[0];
    const res = await t.post('/v1/streams/country-uzbekistan/events', {
      type: 'FactCorrected',
      occurred: '2011-01-15',
      data: { eventId: restored.id, correctedBy: '00000000-0000-4000-8000-000000000001', reason: 'x' },
      source: { article: 'test-gazette-2011' },
    });
    expect([res.status, res.body.rule]).toEqual([422, 'correction-in-batch']);
  });
});

describe('auth', () => {
  test('no token is a 401 with WWW-Authenticate; a wrong one too', async () => {
    const before = await snapshot();
    const none = await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement(), {});
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(
      (
        await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement(), {
          Authorization: 'Bearer wrong-token-0123456789',
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await t.post('/v1/streams/person-nikolai-bordyuzha/events', statement(), {
          Authorization: `Basic ${TOKENS.alice}`,
        })
      ).status,
    ).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  test('a body is read only once its writer is known: without a token, malformed or oversized JSON is a 401', async () => {
    const post = () =>
      request(t.app).post('/v1/streams/person-nikolai-bordyuzha/events').set('Content-Type', 'application/json');
    expect((await post().send('{"type": ')).status).toBe(401);
    expect((await post().send(JSON.stringify({ pad: 'x'.repeat(1_100_000) }))).status).toBe(401);
  });

  test('reads are open unless READ_TOKEN is set; then a read token reads but cannot write (403)', async () => {
    const closed = await startTestApp({ readToken: true });
    try {
      expect((await closed.get('/v1/membership')).status).toBe(401);
      expect((await closed.get('/v1/membership', { Authorization: `Bearer ${TOKENS.read}` })).status).toBe(200);
      expect((await closed.get('/v1/membership', AS_ALICE)).status).toBe(200);
      expect((await closed.get('/healthz')).status).toBe(200);
      expect(
        (
          await closed.post('/v1/streams/person-nikolai-bordyuzha/events', statement(), {
            Authorization: `Bearer ${TOKENS.read}`,
          })
        ).status,
      ).toBe(403);
    } finally {
      await closed.close();
    }
  });
});

describe('read your writes', () => {
  test('minPosition past the log answers 503 with Retry-After within the bound; a malformed one is a 400', async () => {
    const quick = await startTestApp({ minPositionWaitMs: 100 });
    try {
      const res = await quick.get('/v1/membership?minPosition=999999');
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect((await quick.get('/v1/membership?minPosition=-1')).status).toBe(400);
      expect((await quick.get(`/v1/membership?minPosition=${await quick.store.head()}`)).status).toBe(200);
    } finally {
      await quick.close();
    }
  });
});

test('every event recorded through the API is valid against the event catalog', async () => {
  const { parseEvent } = await import('../events/envelope');
  const recorded = (await t.store.readAll()).filter((e) => e.metadata.recordedBy !== 'corpus');
  expect(recorded.length).toBeGreaterThan(10);
  for (const { position: _p, revision: _r, recordedAt: _a, ...e } of recorded)
    expect(() => parseEvent(e)).not.toThrow();
});
