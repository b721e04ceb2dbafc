import fc from 'fast-check';
import { EVENT_TYPES } from '../events/catalog';
import { corpusEvents } from '../events/corpus';
import { factColumns, factsFromColumns, type FactRef, type StatementRef } from '../projections/fact-refs';
import { statements } from '../projections/statements';
import { timeline } from '../projections/timeline';
import { fact, fold } from './support/given';

/** Through JSON, as a checkpoint is saved and read back. */
const throughJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('the timeline and the statements in a checkpoint', () => {
  const events = corpusEvents();
  const statement = events.find((e) => e.type === 'StatementMade')!;
  const other = events.find((e) => e.type === 'MembershipSuspended')!;
  // Retracted facts keep their place, with the day the retraction was reported.
  const retractions = [statement, other].map((e) =>
    fact('FactRetracted', e.stream, { eventId: e.id, reason: 'found wrong' }, { reported: '2011-03-04' }),
  );
  const { models } = fold([...events, ...retractions]);

  test('given the corpus folded with two retractions, when the timeline is saved and restored, then it lists the same refs', () => {
    const restored = timeline.restore(throughJson(timeline.snapshot(models.timeline)));
    expect(restored.all()).toEqual(models.timeline.all());
    expect(restored.all().filter((r) => r.retractedAt !== null)).toHaveLength(2);
  });

  test('given the corpus folded with two retractions, when the statements are saved and restored, then they list the same refs', () => {
    const restored = statements.restore(throughJson(statements.snapshot(models.statements)));
    expect(restored.all()).toEqual(models.statements.all());
    expect(restored.all().some((r) => r.retractedAt === '2011-03-04')).toBe(true);
  });

  test('given the corpus timeline, when saved, then its JSON is under half that of the refs as a list of objects', () => {
    const columns = JSON.stringify(timeline.snapshot(models.timeline)).length;
    expect(columns).toBeLessThan(JSON.stringify(models.timeline.all()).length / 2);
  });
});

const day = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const ref: fc.Arbitrary<FactRef | StatementRef> = fc
  .record({
    id: fc.uuid(),
    position: fc.integer({ min: 1, max: 2 ** 40 }),
    earliest: day,
    latest: fc.option(day, { nil: undefined }),
    reported: day,
    retractedAt: fc.option(day, { nil: null }),
    type: fc.constantFrom(...EVENT_TYPES),
    speaker: fc.constantFrom('person-a', 'person-b', 'organization-c'),
    topics: fc.array(fc.constantFrom('nato', 'csto', 'afghanistan'), { maxLength: 3 }),
  })
  .map(({ latest, speaker, topics, ...r }) => ({
    ...r,
    latest: latest ?? r.earliest,
    ...(r.type === 'StatementMade' ? { speaker, topics } : {}),
  }));

test('given any list of refs, when written as columns and read back through JSON, then every field is as it was', () => {
  fc.assert(
    fc.property(fc.array(ref, { maxLength: 60 }), (refs) => {
      expect(factsFromColumns(throughJson(factColumns(refs)) as ReturnType<typeof factColumns>)).toEqual(refs);
    }),
  );
});
