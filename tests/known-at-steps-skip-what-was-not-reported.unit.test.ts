import fc from 'fast-check';
import { ReportedBlocks, linearSteps } from '../projections/visible-steps';

const dayAfter = (days: number) => new Date(Date.UTC(1992, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 365 * 20 }).map(dayAfter);

/** Each piece begins `gap` days after the one before it (0: all on one day), as lists are ordered. */
const begun = <T>(list: T[], gap: number) => list.map((p, i) => ({ ...p, occurred: { earliest: dayAfter(i * gap) } }));

const piece = fc.record({ reported: day, retractedAt: fc.option(day, { freq: 8 }) });

/** As evidence lists are: ordered by when things happened, each reported a little later, so whole blocks share a time. */
const inWorldOrder = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.option(day, { freq: 8 })), {
    minLength: 17,
    maxLength: 120,
    size: 'max',
  })
  .map((lags) => {
    let t = 0;
    return lags.map(([lag, retractedAt]) => {
      t += 30;
      const reported = new Date(Date.UTC(1992, 0, 1) + (t + lag) * 86_400_000).toISOString().slice(0, 10);
      return { reported, retractedAt };
    });
  });

/** Runs of pieces reported on one day (a late article reporting many old facts): whole blocks visible or not. */
const inRuns = fc
  .array(fc.tuple(day, fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 8 })
  .map((runs) => runs.flatMap(([reported, n]) => Array.from({ length: n }, () => ({ reported, retractedAt: null }))));

describe('stepping to evidence visible as known at a date', () => {
  test('given any list and date, when stepping by blocks, then every step lands where stepping one by one does', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(piece, { maxLength: 120 }), inWorldOrder, inRuns),
        fc.integer({ min: 0, max: 90 }),
        day,
        fc.nat(),
        (pieces, gap, someDay, pick) => {
          const list = begun(pieces, gap);
          // Half the time a date the list itself holds, so that what is known ends inside it.
          const knownAt = list.length && pick % 2 ? list[pick % list.length]!.reported : someDay;
          const blocks = new ReportedBlocks(list).steps(knownAt);
          const linear = linearSteps(list, knownAt);
          expect(blocks.lastBegunBy(someDay)).toBe(linear.lastBegunBy(someDay));
          for (let i = -1; i <= list.length; i++) {
            if (i >= 0 && i < list.length) expect(blocks.visible(i)).toBe(linear.visible(i));
            if (i >= 0) expect(blocks.previous(i)).toBe(linear.previous(i));
            if (i < list.length) expect(blocks.next(i)).toBe(linear.next(i));
          }
        },
      ),
      { numRuns: Number(process.env.FAST_CHECK_RUNS ?? 300) },
    );
  });

  test('given a long list reported late, when known at an early date, then a step reads only the pieces reported in time', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => ({
      occurred: { earliest: '1992-01-01' },
      reported: i === 5 ? '1993-01-01' : '2009-01-01',
      retractedAt: null,
    }));
    let looked = 0;
    const counting = new Proxy(list, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) looked++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const steps = new ReportedBlocks(counting).steps('2000-01-01');
    looked = 0;
    expect(steps.previous(10_000)).toBe(5);
    expect(steps.next(5)).toBe(-1);
    // Only the pieces reported in time are read in full; the rest are skipped by their block.
    expect(looked).toBeLessThan(10);
  });
});
