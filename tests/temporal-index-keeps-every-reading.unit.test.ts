import { day } from '../events/dates';
import * as evidence from '../projections/evidence';
import { TemporalIndex } from '../projections/temporal-index';

const attested = (eventId: string, date: string): evidence.Evidence<string> => ({
  kind: 'attestation',
  basis: 'stated',
  value: 'member',
  occurred: day(date),
  eventId,
  type: 'MembershipAttested',
  article: 'a',
  reported: date,
  retractedAt: null,
});

const piece = (
  eventId: string,
  kind: 'change' | 'attestation',
  value: string,
  date: string,
  reported: string,
): evidence.Evidence<string> => ({ ...attested(eventId, date), kind, value, reported });

const opposite = (v: string) => (v === 'member' ? 'not-member' : 'member');

/** The list as the index keeps it: each change with the piece it implies before it. */
const withImplied = (list: evidence.Evidence<string>[]) => list.flatMap((e) => evidence.withImplied(e, opposite));

function indexOf(list: evidence.Evidence<string>[], floor?: evidence.Floor, madeMax?: number): TemporalIndex<string> {
  const index = new TemporalIndex<string>(opposite, madeMax);
  for (const e of list) if (e.basis === 'stated') index.add('country-a', { ...e });
  if (floor) index.setFloor(floor);
  return index;
}

describe('a temporal index computes each reading once', () => {
  afterEach(() => jest.restoreAllMocks());

  test('given evidence, when the same date is read twice, then the reading is computed once', () => {
    const index = new TemporalIndex<string>();
    index.add('country-a', attested('e1', '2005-01-01'));
    const readAt = jest.spyOn(evidence, 'readAt');
    const first = index.read('country-a', { asOf: '2006-01-01', knownAt: null });
    const second = index.read('country-a', { asOf: '2006-06-01', knownAt: null });
    expect(first).toMatchObject({ value: 'member', since: '2005-01-01' });
    expect(second).toBe(first);
    expect(readAt).toHaveBeenCalledTimes(1);
  });

  test('given evidence reported later, when read as known before that report as of two dates past what was known, then one reading serves both', () => {
    const index = new TemporalIndex<string>();
    index.add('country-a', attested('e1', '2005-01-01'));
    index.add('country-a', { ...attested('e2', '2006-01-01'), reported: '2008-01-01' });
    const readAt = jest.spyOn(evidence, 'readAt');
    const first = index.read('country-a', { asOf: '2007-01-01', knownAt: '2007-01-01' });
    const second = index.read('country-a', { asOf: '2009-06-01', knownAt: '2007-06-01' });
    expect(first).toMatchObject({ value: 'member', since: '2005-01-01', next: null, shared: true });
    expect(first!.evidence.map((e) => e.eventId)).toEqual(['e1']);
    expect(second).toBe(first);
    // Made once, for what was known in 2007.
    expect(readAt).toHaveBeenCalledTimes(1);
    // Known once the second report is in, the same reads rest on both facts.
    const later = index.read('country-a', { asOf: '2009-06-01', knownAt: '2008-01-01' });
    expect(later!.evidence.map((e) => e.eventId)).toEqual(['e1', 'e2']);
  });

  test('given the only evidence retracted, when read twice, then both answers are null and computed once', () => {
    const index = new TemporalIndex<string>();
    index.add('country-a', attested('e1', '2005-01-01'));
    index.retract('e1', '2006-01-01');
    const readAt = jest.spyOn(evidence, 'readAt');
    expect(index.read('country-a', { asOf: '2007-01-01', knownAt: null })).toBeNull();
    expect(index.read('country-a', { asOf: '2007-01-01', knownAt: null })).toBeNull();
    expect(readAt).toHaveBeenCalledTimes(1);
  });

  test('given evidence reported after the date read, when read as known at two dates between the same reports, then the reading made for the first serves the second', () => {
    const index = new TemporalIndex<string>();
    index.add('country-a', piece('e1', 'change', 'member', '2000-01-01', '2000-01-01'));
    index.add('country-a', piece('e2', 'attestation', 'member', '2005-01-01', '2009-01-01'));
    const first = index.read('country-a', { asOf: '2003-01-01', knownAt: '2006-01-01' });
    const readAt = jest.spyOn(evidence, 'readAt');
    const second = index.read('country-a', { asOf: '2003-06-01', knownAt: '2008-01-01' });
    expect(first).toMatchObject({ value: 'member', since: '2000-01-01', next: null, shared: true });
    expect(second).toBe(first);
    expect(readAt).not.toHaveBeenCalled();
  });
});

describe('a temporal index keeps the readings it makes for reads known at a date', () => {
  afterEach(() => jest.restoreAllMocks());

  // The pieces after the date read are reported latest first, a year apart: known at each of those years, the
  // reading of 2001 has another next piece, and none is the next piece of everything known (e2) until 2006.
  const list = [
    piece('e1', 'change', 'member', '2000-01-01', '2000-01-01'),
    piece('e2', 'attestation', 'member', '2002-01-01', '2006-01-01'),
    piece('e3', 'attestation', 'member', '2002-02-01', '2005-01-01'),
    piece('e4', 'attestation', 'member', '2002-03-01', '2004-01-01'),
    piece('e5', 'attestation', 'member', '2002-04-01', '2003-01-01'),
  ];
  const knownAt = ['2002-06-01', '2003-06-01', '2004-06-01', '2005-06-01'];
  const readAll = (index: TemporalIndex<string>) =>
    knownAt.map((k) => index.read('country-a', { asOf: '2001-01-01', knownAt: k })!.next?.eventId ?? null);

  test('given reads at one point known over four spans, when they are read again, then none is made anew', () => {
    const index = indexOf(list);
    expect(readAll(index)).toEqual([null, 'e5', 'e4', 'e3']);
    const readAt = jest.spyOn(evidence, 'readAt');
    expect(readAll(index)).toEqual([null, 'e5', 'e4', 'e3']);
    expect(readAt).not.toHaveBeenCalled();
  });

  test('given an index that keeps two, when a third is made, then the two before it are dropped', () => {
    const index = indexOf(list, undefined, 2);
    readAll(index);
    const readAt = jest.spyOn(evidence, 'readAt');
    const read = (k: string) => index.read('country-a', { asOf: '2001-01-01', knownAt: k })!.next?.eventId ?? null;
    // The third read dropped the first two: the last two are kept, the first is made again.
    expect([read(knownAt[3]!), read(knownAt[2]!)]).toEqual(['e3', 'e4']);
    expect(readAt).not.toHaveBeenCalled();
    expect(read(knownAt[0]!)).toBeNull();
    expect(readAt).toHaveBeenCalledTimes(1);
  });
});

/** Every read below is also made afresh from the list, and must say the same. */
describe('a reading kept for reads known at a date holds only while what it rests on is known as it was', () => {
  const read = (index: TemporalIndex<string>, list: evidence.Evidence<string>[], asOf: string, knownAt: string) => {
    const got = index.read('country-a', { asOf, knownAt });
    expect(got && { ...got, shared: false, view: null }).toEqual(evidence.readAt(list, asOf, knownAt));
    return got;
  };

  test('given a reading made once its next piece was reported, when read as known before that report, then it has no next piece', () => {
    const list = [
      piece('e1', 'change', 'member', '2000-01-01', '2000-01-01'),
      piece('e2', 'attestation', 'member', '2004-01-01', '2008-01-01'),
      piece('e3', 'attestation', 'member', '2005-01-01', '2006-01-01'),
    ];
    const index = indexOf(list);
    expect(read(index, list, '2003-01-01', '2007-01-01')!.next!.eventId).toBe('e3');
    expect(read(index, list, '2003-01-01', '2005-06-01')!.next).toBeNull();
  });

  test('given a reading made before an earlier report of the same value was in, when read as known after it, then it holds since that report', () => {
    const list = [
      piece('e1', 'change', 'not-member', '1995-01-01', '1995-01-01'),
      piece('e2', 'attestation', 'member', '1997-01-01', '2009-01-01'),
      piece('e3', 'attestation', 'member', '1999-01-01', '1999-01-01'),
      piece('e4', 'attestation', 'member', '2005-01-01', '2010-01-01'),
    ];
    const index = indexOf(list);
    expect(read(index, list, '2003-01-01', '2008-01-01')!.since).toBe('1999-01-01');
    expect(read(index, list, '2003-01-01', '2009-06-01')!.since).toBe('1997-01-01');
  });

  // Before its first piece, not a member as implied by the change in 2005, as far back as a floor, when one is known.
  const restsOnTheFloor = withImplied([
    piece('e1', 'attestation', 'not-member', '2003-06-01', '2010-01-01'),
    piece('e2', 'change', 'member', '2005-01-01', '2005-01-01'),
  ]);

  test('given a reading that rests on a floor since retracted, when read as known after the retraction, then nothing is known', () => {
    const list = restsOnTheFloor;
    const floor = { date: '1999-01-01', text: 'floor', eventId: 'f', reported: '2003-01-01', retractedAt: null };
    const index = indexOf(list, floor);
    index.retract('f', '2008-01-01');
    const retracted = { ...floor, retractedAt: '2008-01-01' };
    const got = index.read('country-a', { asOf: '2002-01-01', knownAt: '2006-01-01' });
    expect(got).toMatchObject({ value: 'not-member', since: '1999-01-01', sinceBasis: 'implied' });
    expect(got).toEqual({ ...evidence.readAt(list, '2002-01-01', '2006-01-01', retracted), shared: true });
    expect(index.read('country-a', { asOf: '2002-01-01', knownAt: '2009-01-01' })).toBeNull();
  });

  test('given a reading that rests on the floor, when read as known before the floor was reported, then nothing is known', () => {
    const list = restsOnTheFloor;
    const floor = { date: '1999-01-01', text: 'floor', eventId: 'f', reported: '2007-01-01', retractedAt: null };
    const index = indexOf(list, floor);
    const got = index.read('country-a', { asOf: '2002-01-01', knownAt: '2008-01-01' });
    expect(got).toMatchObject({ value: 'not-member', since: '1999-01-01', sinceBasis: 'implied' });
    expect(got).toEqual({ ...evidence.readAt(list, '2002-01-01', '2008-01-01', floor), shared: true });
    expect(index.read('country-a', { asOf: '2002-01-01', knownAt: '2006-01-01' })).toBeNull();
  });
});
