import { startTestApp, type TestApp } from './support/app';

/**
 * At the dates where the corpus's answers change, each read says what is known,
 * what is only implied, what is carried past the evidence, and what is unknown.
 * Every response here is checked against the spec by the test app.
 */
let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const SIX = ['Armenia', 'Belarus', 'Kazakhstan', 'Kyrgyzstan', 'Russia', 'Tajikistan'];

interface Member {
  country: string;
  status: string;
  since: string;
  sinceBasis: string;
  sinceNote: string | null;
  basis: string;
  lastEvidence: string | null;
  nextEvidence: string | null;
  extrapolated: boolean;
}
const membership = async (query: string) => {
  const res = await t.get(`/v1/membership?${query}`);
  expect(res.status).toBe(200);
  return res.body as { members: Member[]; unknown: { country: string; firstEvidence: string }[] };
};
const find = (ms: Member[], country: string) => ms.find((m) => m.country === country);

describe('membership', () => {
  test('given no evidence reaches 2003, when read as of then, then the six are unknown, not absent', async () => {
    const body = await membership('asOf=2003-01-01');
    expect(body.members).toEqual([]);
    expect(body.unknown.map((u) => u.country)).toEqual(SIX);
    for (const u of body.unknown) expect(u.firstEvidence).toBe('2005-11-11');
  });

  test('given the 1999 suspension, when read as of 1998, then Uzbekistan is a member by implication, back to the treaty', async () => {
    expect(find((await membership('asOf=1998-06-01')).members, 'Uzbekistan')).toEqual(
      expect.objectContaining({
        status: 'member',
        basis: 'implied',
        since: '1992-05-15',
        sinceBasis: 'implied',
        sinceNote: expect.stringContaining('Collective Security Treaty'),
        lastEvidence: null,
        nextEvidence: '1998-12-31',
        extrapolated: true,
      }),
    );
  });

  test('given the suspension dated only "in 1999", the day before it is the one day implied without extrapolating', async () => {
    expect(find((await membership('asOf=1998-12-31')).members, 'Uzbekistan')).toMatchObject({
      basis: 'implied',
      lastEvidence: '1998-12-31',
      extrapolated: false,
    });
  });

  test('given the treaty is the floor, when read before it, then Uzbekistan is unknown', async () => {
    const body = await membership('asOf=1992-01-01');
    expect(body.members).toEqual([]);
    expect(body.unknown.map((u) => u.country)).toContain('Uzbekistan');
  });

  test('given attestations in 2005 and 2007, when read between them, then membership is bracketed, not extrapolated', async () => {
    const russia = find((await membership('asOf=2006-06-01')).members, 'Russia');
    expect(russia).toMatchObject({
      basis: 'stated',
      lastEvidence: '2005-11-30',
      nextEvidence: '2007-05-23',
      extrapolated: false,
    });
  });

  test('given nothing after the 2007 article, when read in 2009, then Russia is still a member but extrapolated', async () => {
    expect(find((await membership('asOf=2009-06-01')).members, 'Russia')).toMatchObject({
      status: 'member',
      lastEvidence: '2007-05-31',
      nextEvidence: null,
      extrapolated: true,
    });
  });

  test('given the Sochi protocol in effect, when read in 2007, then the return is implied, not stated', async () => {
    expect(find((await membership('asOf=2007-04-01')).members, 'Uzbekistan')).toMatchObject({
      status: 'member',
      basis: 'implied',
      sinceBasis: 'change',
      extrapolated: false,
    });
  });

  test('given only what was known at the end of 2005, when read as of 1998, then the implication still holds', async () => {
    const body = await membership('asOf=1998-06-01&knownAt=2005-12-31');
    expect(find(body.members, 'Uzbekistan')).toMatchObject({ basis: 'implied', since: '1992-05-15' });
  });

  test('given nothing known yet, when read as known in 2004, then nothing is a member and nothing is listed unknown', async () => {
    expect(await membership('asOf=2003-01-01&knownAt=2004-01-01')).toMatchObject({ members: [], unknown: [] });
  });
});

describe('NATO–CSTO relations', () => {
  const relations = async (query: string) => (await t.get(`/v1/relations/nato-csto?${query}`)).body;

  test('given no evidence before 2000, when read in 1995, then the status is unknown, not none', async () => {
    expect(await relations('asOf=1995-01-01')).toMatchObject({ status: 'unknown', extrapolated: false });
  });

  test('given the 2010 attestation of no official contact, when read then, then the status is none, stated', async () => {
    expect(await relations('asOf=2010-03-01')).toMatchObject({ status: 'none', basis: 'stated' });
  });

  test('given overtures "since 2000", when read in 2003, then the answer reads back "since 2000", not only its last day', async () => {
    expect(await relations('asOf=2003-01-01')).toMatchObject({
      status: 'proposed',
      since: '2000-12-31',
      sinceBasis: 'change',
      sinceNote: 'began since 2000: between 2000-01-01 and 2000-12-31, certainly by 2000-12-31',
    });
  });

  test('given the 2005 rejection and nothing until 2010, when read in 2008, then rejected is extrapolated', async () => {
    expect(await relations('asOf=2008-01-01')).toMatchObject({
      status: 'rejected',
      lastEvidence: '2005-10-29',
      nextEvidence: '2010-02-04',
      extrapolated: true,
    });
  });
});

describe('chairmanship', () => {
  const chair = async (query: string) => (await t.get(`/v1/chairmanship?${query}`)).body.chair;

  test('given Kyrgyzstan took the chair for the first half of 2008, when read in 2010, then its term is flagged as ended', async () => {
    expect(await chair('asOf=2010-01-01')).toMatchObject({
      country: 'Kyrgyzstan',
      since: '2007-10-06',
      lastEvidence: '2007-10-06',
      extrapolated: true,
      plannedTerm: { earliest: '2008-01-01', latest: '2008-06-30' },
      termEnded: true,
    });
  });

  test('given the same plan, when read inside the term, then the term has not ended', async () => {
    expect(await chair('asOf=2008-03-01')).toMatchObject({ country: 'Kyrgyzstan', termEnded: false });
  });
});

describe('summits', () => {
  const summit = async (query: string, id: string) =>
    (await t.get(`/v1/summits?${query}`)).body.items.find((s: { id: string }) => s.id === id);

  test('given the June 2007 summit was only ever planned, when read before and after June, then the passing shows', async () => {
    expect(await summit('asOf=2007-05-30', 'summit-2007-06')).toMatchObject({ status: 'planned' });
    expect(await summit('asOf=2007-07-01', 'summit-2007-06')).toMatchObject({ status: 'planned-date-passed' });
  });
});

describe('chair-is-member', () => {
  const transfer = (country: string, occurred: string) => ({
    type: 'ChairmanshipTransferred',
    occurred,
    data: { country },
    source: { article: 'edm-v7-i31' },
  });

  test('given no membership evidence for the United States, when it is made chair, then the write is refused', async () => {
    const res = await t.post('/v1/streams/organization-csto/events', transfer('country-united-states', '2009-01-01'));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ rule: 'chair-is-member', detail: expect.stringMatching(/no evidence/) });
  });

  test('given Uzbekistan suspended in 1999, when it is made chair in 2003, then the write is refused', async () => {
    const res = await t.post('/v1/streams/organization-csto/events', transfer('country-uzbekistan', '2003-01-01'));
    expect([res.status, res.body.rule]).toEqual([422, 'chair-is-member']);
  });
});
