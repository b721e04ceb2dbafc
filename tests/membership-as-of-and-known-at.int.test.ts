import { startTestApp, type TestApp } from './support/app';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const members = async (query: string) => {
  const res = await t.get(`/v1/membership?${query}`);
  expect(res.status).toBe(200);
  return res.body.members as {
    country: string;
    status: string;
    since: string;
    sinceBasis: string;
    uncertain: boolean;
    uncertainRange: { earliest: string; latest: string } | null;
  }[];
};
const names = (ms: { country: string }[]) => ms.map((m) => m.country);
const uzbekistan = (ms: { country: string }[]) => ms.find((m) => m.country === 'Uzbekistan');

const SIX = ['Armenia', 'Belarus', 'Kazakhstan', 'Kyrgyzstan', 'Russia', 'Tajikistan'];

test('Uzbekistan halted its membership in 1999: during that year it is only possibly a member', async () => {
  const ms = await members('asOf=1999-06-01');
  expect(uzbekistan(ms)).toMatchObject({
    status: 'possibly-member',
    uncertain: true,
    uncertainRange: { earliest: '1999-01-01', latest: '1999-12-31' },
  });
});

test('in November 2005 the six attested states are members and Uzbekistan is not', async () => {
  const ms = await members('asOf=2005-11-15');
  expect(names(ms)).toEqual(SIX);
  for (const m of ms)
    expect(m).toMatchObject({ status: 'member', uncertain: false, since: '2005-11-11', sinceBasis: 'attestation' });
});

test('between the Sochi protocol (summer 2006) and its ratification Uzbekistan is possibly a member', async () => {
  const ms = await members('asOf=2006-07-15');
  expect(names(ms)).toEqual([...SIX, 'Uzbekistan']);
  expect(uzbekistan(ms)).toMatchObject({
    status: 'possibly-member',
    uncertain: true,
    uncertainRange: { earliest: '2006-06-01', latest: '2007-03-01' },
  });
});

test('by June 2007 Uzbekistan is a member again, certainly since the ratification was reported', async () => {
  const ms = await members('asOf=2007-06-01');
  expect(names(ms)).toEqual([...SIX, 'Uzbekistan']);
  expect(uzbekistan(ms)).toMatchObject({
    status: 'member',
    uncertain: false,
    since: '2007-03-01',
    sinceBasis: 'change',
  });
});

test('known at the end of 2005, nothing said yet of a return: Uzbekistan is not a member in 2007', async () => {
  const ms = await members('asOf=2007-06-01&knownAt=2005-12-31');
  expect(names(ms)).toEqual(SIX);
});

test('known before any article appeared, the record is empty', async () => {
  expect(await members('asOf=2007-06-01&knownAt=2005-01-01')).toEqual([]);
});

test('the response echoes the query and the log position it reflects', async () => {
  const res = await t.get('/v1/membership?asOf=2007-06-01&knownAt=2008-01-01');
  expect(res.body).toMatchObject({ asOf: '2007-06-01', knownAt: '2008-01-01', position: t.engine.currentPosition });
  expect(res.body.position).toBe(await t.store.head());
});

test('asOf defaults to today and knownAt to everything recorded', async () => {
  const res = await t.get('/v1/membership');
  expect(res.body.asOf).toBe(new Date().toISOString().slice(0, 10));
  expect(res.body.knownAt).toBeNull();
  expect(names(res.body.members)).toContain('Uzbekistan');
});

test('the membership timeline gives Uzbekistan its intervals, each with its basis and evidence', async () => {
  const res = await t.get('/v1/membership/timeline');
  const uz = res.body.items.find((i: { country: string }) => i.country === 'Uzbekistan');
  expect(
    uz.intervals.map((i: { from: string; to: string | null; status: string; basis: string }) => [
      i.from,
      i.to,
      i.status,
      i.basis,
    ]),
  ).toEqual([
    // Implied by the 1999 suspension, reaching back no further than the treaty of May 15, 1992.
    ['1992-05-15', '1998-12-31', 'member', 'extrapolated'],
    ['1998-12-31', '1999-01-01', 'member', 'implied'],
    ['1999-01-01', '1999-12-31', 'possibly-member', 'known'],
    ['1999-12-31', '2006-05-31', 'not-member', 'known'],
    // The return is implied by the Sochi protocol in effect, and so is the suspension just before it.
    ['2006-05-31', '2006-06-01', 'not-member', 'implied'],
    ['2006-06-01', '2007-03-01', 'possibly-member', 'implied'],
    ['2007-03-01', '2007-05-23', 'member', 'implied'],
    ['2007-05-23', '2007-06-01', 'member', 'known'],
    ['2007-06-01', null, 'member', 'extrapolated'],
  ]);
  for (const i of uz.intervals) expect(i.evidence.length).toBeGreaterThan(0);
});

test('the timeline as known at 2006 stops at what had been reported', async () => {
  const res = await t.get('/v1/membership/timeline?knownAt=2006-01-01');
  const uz = res.body.items.find((i: { country: string }) => i.country === 'Uzbekistan');
  expect(uz.intervals.map((i: { status: string; basis: string }) => [i.status, i.basis])).toEqual([
    ['member', 'extrapolated'],
    ['member', 'implied'],
    ['possibly-member', 'known'],
    ['not-member', 'known'],
    ['not-member', 'extrapolated'],
  ]);
  expect(uz.intervals.at(-1).to).toBeNull();
});
