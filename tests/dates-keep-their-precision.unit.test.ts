import fc from 'fast-check';
import { FuzzyDate, IsoDay, addDays, day, isRealDay, month, range, season, since, year } from '../events/dates';
import { parseEdtf } from '../commands/occurred';

test('only real calendar days are days', () => {
  for (const ok of ['2007-02-28', '2008-02-29', '2000-02-29', '1992-05-15'])
    expect(IsoDay.safeParse(ok).success).toBe(true);
  for (const bad of [
    '2007-02-29',
    '1900-02-29',
    '2007-02-30',
    '2007-04-31',
    '2007-13-01',
    '2007-00-10',
    '2007-1-1',
    '20070101',
  ])
    expect(IsoDay.safeParse(bad).success).toBe(false);
});

test('each precision is an interval with the text it came from', () => {
  expect(day('2005-10-29', 'October 29')).toEqual({
    earliest: '2005-10-29',
    latest: '2005-10-29',
    precision: 'day',
    text: 'October 29',
    edtf: '2005-10-29',
  });
  expect(month('2008-02')).toMatchObject({
    earliest: '2008-02-01',
    latest: '2008-02-29',
    precision: 'month',
    edtf: '2008-02',
  });
  expect(year(1999)).toMatchObject({ earliest: '1999-01-01', latest: '1999-12-31', precision: 'year', edtf: '1999' });
  expect(since(2000)).toMatchObject({
    earliest: '2000-01-01',
    latest: '2000-12-31',
    precision: 'since',
    text: 'since 2000',
    edtf: '2000/..',
  });
});

test('summer 2006 is June to August, written as explicit months rather than an EDTF season code', () => {
  expect(season('2006-06', '2006-08', 'summer 2006')).toEqual({
    earliest: '2006-06-01',
    latest: '2006-08-31',
    precision: 'season',
    text: 'summer 2006',
    edtf: '2006-06/2006-08',
  });
});

test('a range must not end before it begins', () => {
  expect(FuzzyDate.safeParse(range('2007-03-01', '2006-06-01', 'backwards')).success).toBe(false);
  expect(FuzzyDate.safeParse(range('2006-06-01', '2007-03-01', 'forwards')).success).toBe(true);
});

test('the day before a day is found inside a month, across months, years and a leap day', () => {
  expect(['2005-11-11', '2005-11-01', '2005-01-01', '2004-03-01', '2005-03-01'].map((d) => addDays(d, -1))).toEqual([
    '2005-11-10',
    '2005-10-31',
    '2004-12-31',
    '2004-02-29',
    '2005-02-28',
  ]);
  expect(addDays('2004-02-28', 1)).toBe('2004-02-29');
});

test('given any YYYY-MM-DD string, when it is checked as a calendar day, then it is one exactly when the calendar has it', () => {
  const two = (n: number) => String(n).padStart(2, '0');
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      (y, m, d) => {
        const s = `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;
        // The oracle: the calendar's own rollover, through Date.
        const date = new Date(0);
        date.setUTCFullYear(y, m - 1, d);
        const exists = m >= 1 && m <= 12 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        expect(isRealDay(s)).toBe(exists);
      },
    ),
    { numRuns: 5000 },
  );
  for (const [s, real] of [
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2007-04-31', false],
    ['2007-12-31', true],
    ['2007-1-01', false],
  ] as const)
    expect([s, isRealDay(s)]).toEqual([s, real]);
});

test('given a month written in EDTF, when it is read, then it runs from its first to its last calendar day', () => {
  for (const [edtf, latest] of [
    ['2008-02', '2008-02-29'],
    ['1900-02', '1900-02-28'],
    ['2000-02', '2000-02-29'],
    ['2007-11', '2007-11-30'],
    ['2007-12', '2007-12-31'],
  ] as const)
    expect(parseEdtf(edtf)).toMatchObject({ earliest: `${edtf}-01`, latest, precision: 'month' });
  expect(parseEdtf('2007-13')).toBeNull();
});
