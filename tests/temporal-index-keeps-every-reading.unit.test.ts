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
});
