import fc from 'fast-check';
import { EVENT_TYPES } from '../events/catalog';
import { corpusEvents } from '../events/corpus';
import { chairmanship, chairmanshipAt } from '../projections/chairmanship';
import type { Evidence } from '../projections/evidence';
import { evidenceColumns, evidenceFromColumns } from '../projections/evidence-columns';
import { factColumns, factsFromColumns, type FactRef, type StatementRef } from '../projections/fact-refs';
import { membership, membershipAt } from '../projections/membership';
import { relations, relationsAt } from '../projections/relations';
import { statements } from '../projections/statements';
import { timeline } from '../projections/timeline';
import { fact, fold } from './support/given';

/** Through JSON, as a checkpoint is saved and read back. */
const throughJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

const events = corpusEvents();
const statement = events.find((e) => e.type === 'StatementMade')!;
const suspension = events.find((e) => e.type === 'MembershipSuspended')!;
// Retracted facts keep their place, with the day the retraction was reported.
const retractions = [statement, suspension].map((e) =>
  fact('FactRetracted', e.stream, { eventId: e.id, reason: 'found wrong' }, { reported: '2011-03-04' }),
);
const { models } = fold([...events, ...retractions]);

/** Dates to read at: before, during and after the record, and on the retraction's day. */
const DATES = ['1991-01-01', '1999-05-01', '2005-11-14', '2008-01-01', '2011-03-04', '2030-01-01'];
const QUERIES = DATES.flatMap((asOf) => [null, ...DATES].map((knownAt) => ({ asOf, knownAt })));

describe('membership, relations and chairmanship in a checkpoint', () => {
  test('given the corpus folded with a retracted suspension, when membership is saved and restored, then every read answers the same', () => {
    const restored = membership.restore(throughJson(membership.snapshot(models.membership)));
    expect(restored.toJSON()).toEqual(models.membership.toJSON());
    for (const q of QUERIES)
      expect(membershipAt(restored, q, models.entities.nameOf)).toEqual(
        membershipAt(models.membership, q, models.entities.nameOf),
      );
  });

  test('given the corpus folded, when relations are saved and restored, then every read answers the same', () => {
    const restored = relations.restore(throughJson(relations.snapshot(models.relations)));
    expect([...restored.keys()]).toEqual([...models.relations.keys()]);
    for (const key of models.relations.keys())
      for (const q of QUERIES) expect(relationsAt(restored, key, q)).toEqual(relationsAt(models.relations, key, q));
  });

  test('given the corpus folded, when chairmanship is saved and restored, then every read answers the same', () => {
    const restored = chairmanship.restore(throughJson(chairmanship.snapshot(models.chairmanship)));
    for (const q of QUERIES)
      expect(chairmanshipAt(restored, q, models.entities.nameOf)).toEqual(
        chairmanshipAt(models.chairmanship, q, models.entities.nameOf),
      );
  });
});

describe('the timeline and the statements in a checkpoint', () => {
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

const piece: fc.Arbitrary<Evidence<string>> = fc
  .record({
    kind: fc.constantFrom('change' as const, 'attestation' as const),
    basis: fc.constantFrom('stated' as const, 'implied' as const),
    value: fc.constantFrom('member', 'not-member', 'country-armenia'),
    earliest: day,
    latest: fc.option(day, { nil: undefined }),
    precision: fc.constantFrom('day' as const, 'range' as const, 'year' as const),
    text: fc.string({ minLength: 1, maxLength: 12 }),
    eventId: fc.uuid(),
    type: fc.constantFrom(...EVENT_TYPES),
    article: fc.constantFrom('edm-v7-i31', 'edm-v4-i45'),
    reported: day,
    retractedAt: fc.option(day, { nil: null }),
  })
  .map(({ earliest, latest, precision, text, ...e }) => ({
    ...e,
    occurred: { earliest, latest: latest ?? earliest, precision, text, edtf: text },
  }));

test('given any evidence per entity, when written as columns and read back through JSON, then every piece is as it was', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.tuple(fc.string(), fc.array(piece, { maxLength: 8 })), {
        maxLength: 8,
        selector: ([key]) => key,
      }),
      (entries) => {
        expect(
          evidenceFromColumns(throughJson(evidenceColumns(entries)) as ReturnType<typeof evidenceColumns<string>>),
        ).toEqual(entries);
      },
    ),
  );
});
