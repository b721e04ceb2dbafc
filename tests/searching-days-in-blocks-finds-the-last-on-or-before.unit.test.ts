import fc from 'fast-check';
import { blockedDays, blockedLength, findDay } from '../projections/day-number';

/** The index a search must find: the last day on or before `day`, by a scan of every day. */
const scanned = (days: readonly number[], day: number) => days.reduce((found, d, i) => (d <= day ? i : found), -1);

const sortedDays = fc
  .array(fc.integer({ min: 19920101, max: 20101231 }), { maxLength: 70 })
  .map((days) => days.sort((a, b) => a - b));

describe('searching day numbers laid out in blocks', () => {
  test('given sorted days, repeats included, when searching any day, then it finds what a scan of every day does', () => {
    fc.assert(
      fc.property(sortedDays, fc.integer({ min: 19910101, max: 20111231 }), fc.nat(4), (days, day, extra) => {
        const table = blockedDays(days, blockedLength(days.length) + extra);
        expect(findDay(table, days.length, day)).toBe(scanned(days, day));
        // Every day searched for itself is found at its last repeat.
        for (const d of days) expect(findDay(table, days.length, d)).toBe(scanned(days, d));
      }),
      { numRuns: Number(process.env.FAST_CHECK_RUNS ?? 300) },
    );
  });

  test('given 32 days, when searching around the edges of the two blocks, then each edge finds its own day', () => {
    const days = Array.from({ length: 32 }, (_, i) => 20000101 + i);
    const table = blockedDays(days, blockedLength(32));
    expect(findDay(table, 32, 20000100)).toBe(-1);
    expect(findDay(table, 32, 20000101)).toBe(0);
    expect(findDay(table, 32, 20000116)).toBe(15);
    expect(findDay(table, 32, 20000117)).toBe(16);
    expect(findDay(table, 32, 20000132)).toBe(31);
    expect(findDay(table, 32, 20991231)).toBe(31);
  });

  test('given the space a caller asks for past the days, when laid out, then it is left for the caller', () => {
    const table = blockedDays([20000101, 20000102], blockedLength(2) + 3);
    expect(Array.from(table)).toEqual([20000101, 20000101, 20000102, 0, 0, 0]);
  });
});
