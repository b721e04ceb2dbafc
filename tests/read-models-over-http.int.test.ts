import { startTestApp, type TestApp } from './support/app';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe('NATO–CSTO relations', () => {
  const status = async (q: string) => (await t.get(`/v1/relations/nato-csto?${q}`)).body;

  test('before any evidence the status is unknown, not none', async () => {
    expect(await status('asOf=1999-06-01')).toMatchObject({
      status: 'unknown',
      since: null,
      basis: null,
      lastEvidence: null,
      nextEvidence: '2000-01-01',
      extrapolated: false,
      history: [],
    });
  });

  test('overtures "since 2000" make 2000 uncertain and later years proposed', async () => {
    expect(await status('asOf=2000-06-01')).toMatchObject({
      status: 'proposed',
      uncertain: true,
      uncertainRange: { earliest: '2000-01-01', latest: '2000-12-31' },
    });
    expect(await status('asOf=2003-01-01')).toMatchObject({ status: 'proposed', uncertain: false });
  });

  test('Russia proposes on October 21, 2005 and NATO rejects on October 29', async () => {
    expect(await status('asOf=2005-10-25')).toMatchObject({ status: 'proposed', since: '2005-10-21' });
    const after = await status('asOf=2005-11-15');
    expect(after).toMatchObject({ status: 'rejected', since: '2005-10-29', sinceBasis: 'change' });
    expect(after.history.map((h: { type: string }) => h.type)).toEqual([
      'CooperationProposed',
      'CooperationProposed',
      'CooperationRejected',
    ]);
  });

  test('in 2010 the CSTO reports no official contact', async () => {
    expect(await status('asOf=2010-03-01')).toMatchObject({
      status: 'none',
      since: '2010-02-04',
      sinceBasis: 'attestation',
    });
  });

  test('known at the end of 2005, the overtures since 2000 (reported in 2007) are unknown', async () => {
    expect(await status('asOf=2003-01-01&knownAt=2005-12-31')).toMatchObject({ status: 'unknown' });
  });
});

describe('chairmanship', () => {
  test('Russia chairs in 2005 (as its foreign minister said), Kyrgyzstan from October 6, 2007', async () => {
    expect((await t.get('/v1/chairmanship?asOf=2006-01-01')).body.chair).toMatchObject({
      country: 'Russia',
      since: '2005-10-01',
      sinceBasis: 'attestation',
    });
    expect((await t.get('/v1/chairmanship?asOf=2007-11-01')).body.chair).toMatchObject({
      country: 'Kyrgyzstan',
      since: '2007-10-06',
      sinceBasis: 'change',
    });
  });

  test('no chair is recorded before 2005, and the 2008 plan shows once announced', async () => {
    expect((await t.get('/v1/chairmanship?asOf=2004-01-01')).body.chair).toBeNull();
    const june = (await t.get('/v1/chairmanship?asOf=2007-06-01')).body;
    expect(june.planned).toEqual([
      expect.objectContaining({
        country: 'Kyrgyzstan',
        term: expect.objectContaining({ earliest: '2008-01-01', latest: '2008-06-30' }),
      }),
    ]);
  });
});

describe('summits', () => {
  test('held summits carry their city and date; the June 2007 Moscow summit is never reported held', async () => {
    const res = await t.get('/v1/summits?asOf=2010-06-01');
    const byId = Object.fromEntries(res.body.items.map((s: { id: string }) => [s.id, s]));
    expect(byId['summit-2005-06']).toMatchObject({
      status: 'held',
      place: 'Moscow',
      date: { earliest: '2005-06-01', latest: '2005-06-30', precision: 'month' },
    });
    expect(byId['summit-2007-10']).toMatchObject({
      status: 'held',
      place: 'Dushanbe',
      date: { earliest: '2007-10-06' },
    });
    expect(byId['summit-2007-06']).toMatchObject({ status: 'planned-date-passed', place: 'Moscow' });
    expect(byId['summit-2008-12']).toMatchObject({ status: 'held', informal: true, host: 'country-kazakhstan' });
  });

  test('as of early 2007 only the 2005 summit is known to have been held and the June summit is not yet announced', async () => {
    const res = await t.get('/v1/summits?asOf=2007-02-01');
    expect(res.body.items.map((s: { id: string; status: string }) => `${s.id}:${s.status}`)).toEqual([
      'summit-2005-06:held',
    ]);
  });
});

describe('statements', () => {
  test('Rakhmonov and Rahmon find the same speaker', async () => {
    const a = (await t.get('/v1/statements?speaker=Rakhmonov')).body.items;
    const b = (await t.get('/v1/statements?speaker=Rahmon')).body.items;
    expect(a.length).toBe(2);
    expect(b).toEqual(a);
    expect(a.every((s: { speaker: { id: string; name: string } }) => s.speaker.id === 'person-emomali-rahmon')).toBe(
      true,
    );
  });

  test('each statement has speaker, role, verbatim quote, date and source', async () => {
    const items = (await t.get('/v1/statements?speaker=person-nikolai-bordyuzha&from=2007-02-28&to=2007-02-28')).body
      .items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      speaker: { id: 'person-nikolai-bordyuzha', name: 'Nikolai Bordyuzha' },
      role: 'csto-secretary-general',
      occurred: { earliest: '2007-02-28', precision: 'day' },
      source: { article: 'edm-v4-i45', outlet: 'Avesta, February 28' },
    });
    expect(items[0].quote).toMatch(/^The CSTO may be considered as an analogue of NATO/);
  });

  test('filters by topic and date range, and respects asOf and knownAt', async () => {
    const nato = (await t.get('/v1/statements?topic=nato')).body.items;
    expect(nato.length).toBeGreaterThan(5);
    expect(nato.every((s: { topics: string[] }) => s.topics.includes('nato'))).toBe(true);
    const in2005 = (await t.get('/v1/statements?from=2005-01-01&to=2005-12-31')).body.items;
    expect(in2005.every((s: { occurred: { earliest: string } }) => s.occurred.earliest.startsWith('2005'))).toBe(true);
    // Three statements said "last month" may have been made by mid-October: each is listed from October 1.
    expect(
      (await t.get('/v1/statements?asOf=2005-10-15')).body.items
        .map((s: { occurred: { earliest: string; latest: string } }) => [s.occurred.earliest, s.occurred.latest])
        .sort(),
    ).toEqual([
      ['2005-10-01', '2005-10-11'],
      ['2005-10-01', '2005-10-21'],
      ['2005-10-01', '2005-11-07'],
    ]);
    const known2005 = (await t.get('/v1/statements?knownAt=2005-12-31')).body.items;
    expect(known2005.every((s: { source: { article: string } }) => s.source.article === 'edm-v2-i213')).toBe(true);
  });

  test('a speaker nobody matches is a 400 naming speaker, not an empty page', async () => {
    const res = await t.get('/v1/statements?speaker=Nobody');
    expect(res.status).toBe(400);
    expect(res.body.issues[0].field).toBe('speaker');
  });

  test('pages follow the cursor without gaps or repeats', async () => {
    const all = (await t.get('/v1/statements?limit=500')).body.items.map((s: { id: string }) => s.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.get(`/v1/statements?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.items.length).toBeLessThanOrEqual(7);
      paged.push(...res.body.items.map((s: { id: string }) => s.id));
      cursor = res.body.next;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(7);
  });
});

describe('timeline', () => {
  test('facts in world order, starting with the treaty launched in Tashkent in 1992', async () => {
    const items = (await t.get('/v1/timeline?limit=500')).body.items;
    expect(items[0]).toMatchObject({
      type: 'TreatySigned',
      occurred: { earliest: '1992-05-15' },
      summary: 'Collective Security Treaty signed in Tashkent',
    });
    const dates = items.map((i: { occurred: { earliest: string } }) => i.occurred.earliest);
    expect(dates).toEqual([...dates].sort());
  });

  test('filters by type', async () => {
    const items = (await t.get('/v1/timeline?type=SummitHeld&type=SummitPlanned')).body.items;
    expect(new Set(items.map((i: { type: string }) => i.type))).toEqual(new Set(['SummitHeld', 'SummitPlanned']));
  });
});

describe('sources and entities', () => {
  test('the five articles, oldest first, with how many facts each gave', async () => {
    const res = await t.get('/v1/sources');
    expect(res.body.items.map((a: { key: string }) => a.key)).toEqual([
      'edm-v2-i213',
      'edm-v4-i45',
      'edm-v4-i103',
      'edm-v4-i191',
      'edm-v7-i31',
    ]);
    const total = res.body.items.reduce((n: number, a: { facts: number }) => n + a.facts, 0);
    // Every event in the log is a fact of one article, or the registration of one.
    expect(total + res.body.items.length).toBe(await t.store.countAfter(0));
  });

  test('one article lists the ids of its facts, each of which resolves in the log', async () => {
    const res = await t.get('/v1/sources/edm-v2-i213');
    expect(res.body).toMatchObject({
      publication: 'Eurasia Daily Monitor',
      volume: 2,
      issue: 213,
      title: 'COLLECTIVE SECURITY GROUP SEEKS TO ESTABLISH ITS IDENTITY, AVOID MERGERS',
    });
    const ev = await t.get(`/v1/events/${res.body.eventIds[0]}`);
    expect(ev.body.source.article).toBe('edm-v2-i213');
    expect((await t.get('/v1/sources/no-such-article')).status).toBe(404);
  });

  test('q=Rakhmonov and q=Rahmon find the same person; offices are aliased too', async () => {
    const a = (await t.get('/v1/entities?q=Rakhmonov')).body.items;
    const b = (await t.get('/v1/entities?q=rahmon')).body.items;
    expect(a.map((e: { id: string }) => e.id)).toEqual(['person-emomali-rahmon']);
    expect(b).toEqual(a);
    const one = await t.get('/v1/entities/person-emomali-rahmon');
    // Registered as the 2007 spring article names him; the October article adds "Rahmon".
    expect(one.body).toMatchObject({ name: 'Emomali Rakhmonov', registered: { article: 'edm-v4-i45' } });
    expect(one.body.aliases).toEqual(expect.arrayContaining(['Rakhmonov', 'Emomali Rahmon', 'Rahmon']));
    const before = await t.get('/v1/entities/person-emomali-rahmon?knownAt=2007-06-01');
    expect(before.body.aliases).toEqual(['Rakhmonov']);
    expect((await t.get('/v1/entities/person-nobody')).status).toBe(404);
  });
});

describe('the log', () => {
  test('pages through every event in position order', async () => {
    const head = await t.store.head();
    const positions: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.get(`/v1/events?limit=20${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.position).toBe(head);
      positions.push(...res.body.items.map((e: { position: number }) => e.position));
      cursor = res.body.next;
    } while (cursor);
    expect(positions).toEqual((await t.store.readAll()).map((e) => e.position));
    expect(positions).toHaveLength(await t.store.countAfter(0));
  });

  test('filters by type and stream', async () => {
    const res = await t.get('/v1/events?type=MembershipSuspended&type=AgreementInEffect&stream=country-uzbekistan');
    expect(res.body.items.map((e: { type: string }) => e.type)).toEqual(['MembershipSuspended', 'AgreementInEffect']);
  });

  test('an unknown event id is a 404, a malformed one a 400', async () => {
    expect((await t.get('/v1/events/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.get('/v1/events/not-a-uuid')).status).toBe(400);
  });
});

describe('caching and operations', () => {
  test('reads carry an ETag and If-None-Match answers 304', async () => {
    const first = await t.get('/v1/membership?asOf=2007-06-01');
    expect(first.headers.etag).toBeDefined();
    const again = await t.get('/v1/membership?asOf=2007-06-01', { 'If-None-Match': first.headers.etag! });
    expect(again.status).toBe(304);
    const other = await t.get('/v1/membership?asOf=2005-11-15', { 'If-None-Match': first.headers.etag! });
    expect(other.status).toBe(200);
  });

  test('healthz, readyz and the spec as JSON', async () => {
    expect((await t.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await t.get('/readyz')).body).toMatchObject({
      ready: true,
      store: t.store.name,
      position: await t.store.head(),
    });
    const spec = (await t.get('/openapi.json')).body;
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/v1/membership');
  });
});
