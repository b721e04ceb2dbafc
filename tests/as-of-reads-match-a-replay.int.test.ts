import fc from 'fast-check';
import { qualify, readAt, withImplied, type Evidence, type Floor } from '../projections/evidence';
import { membershipAt, type Status } from '../projections/membership';
import { SortedLog } from '../projections/sorted-log';
import { TemporalIndex } from '../projections/temporal-index';

const dates = [
  '1999-01-01',
  '1999-06-30',
  '1999-12-31',
  '2003-03-03',
  '2005-11-11',
  '2006-06-01',
  '2006-08-31',
  '2007-03-01',
  '2010-02-04',
];
const date = fc.constantFrom(...dates);

const evidence = fc
  .record({
    kind: fc.constantFrom<'change' | 'attestation'>('change', 'attestation'),
    value: fc.constantFrom('member', 'not-member'),
    a: date,
    b: date,
    reported: date,
    retract: fc.option(date, { nil: null }),
  })
  .map((x): Evidence<string> & { retract: string | null } => ({
    kind: x.kind,
    basis: 'stated',
    value: x.value,
    occurred: {
      earliest: x.a < x.b ? x.a : x.b,
      latest: x.a < x.b ? x.b : x.a,
      precision: 'range',
      text: 't',
      edtf: 't',
    },
    eventId: '',
    type: 'MembershipAttested',
    article: 'a',
    reported: x.reported,
    retractedAt: null,
    retract: x.retract,
  }));

/**
 * The index answers from cached readings it keeps up to date fact by fact; the
 * answer must be the same as reading the whole evidence afresh, whatever the order
 * facts arrive in, with reads interleaved, and with retractions; as known at any
 * date, whether the index shares its reading of everything known or makes one.
 */
test('as-of reads from the incremental index equal a fresh read of the same evidence', () => {
  fc.assert(
    fc.property(
      // Long enough for several blocks of report dates (16 pieces each; changes add an implied piece).
      fc.array(fc.tuple(evidence, fc.array(date, { maxLength: 3 })), { minLength: 1, maxLength: 40 }),
      fc.array(date, { minLength: 1, maxLength: 5 }),
      date,
      fc.option(date, { nil: null }),
      (steps, finalReads, floorReported, floorRetracted) => {
        // Changes imply the opposite before them, reaching back as far as a floor set part-way through.
        const opposite = (v: string) => (v === 'member' ? 'not-member' : 'member');
        const index = new TemporalIndex<string>(opposite);
        const floor: Floor = {
          date: '1999-06-30',
          text: 'floor',
          eventId: 'f',
          reported: floorReported,
          retractedAt: null,
        };
        const all: Evidence<string>[] = [];
        // Kept apart from the index: the first retraction of a fact is the one that counts.
        const retracted = new Map<string, string>();
        steps.forEach(([{ retract, ...e }, reads], i) => {
          // Warms and invalidates caches along the way, those for reads as known at a date too (known before the date
          // read, on it, and after it, where a reading is made for the read).
          const warm = () =>
            reads.forEach((asOf) => [null, ...reads].forEach((knownAt) => index.read('k', { asOf, knownAt })));
          const item = { ...e, eventId: `e${i}` };
          index.add('k', { ...item });
          all.push(item);
          // Before a retraction too, so that it must drop what it changes.
          warm();
          if (retract !== null) {
            const target = `e${Math.floor(i / 2)}`;
            index.retract(target, retract);
            if (!retracted.has(target)) retracted.set(target, retract);
          }
          if (i === Math.floor(steps.length / 2)) index.setFloor(floor);
          // Retracted later, if at all (the index marks the same floor object, which the fresh read below sees).
          if (i === Math.floor((steps.length * 3) / 4) && floorRetracted !== null) index.retract('f', floorRetracted);
          warm();
        });
        const fresh = all
          .flatMap((x) => withImplied({ ...x, retractedAt: retracted.get(x.eventId) ?? null }, opposite))
          .sort((x, y) =>
            x.occurred.earliest < y.occurred.earliest ? -1 : x.occurred.earliest > y.occurred.earliest ? 1 : 0,
          );
        for (const asOf of [...finalReads, ...dates]) {
          // Known at later dates, then earlier ones: a reading kept at a point must not outlive what it rests on either way.
          for (const knownAt of [null, ...dates, ...[...dates].reverse()]) {
            const got = index.read('k', { asOf, knownAt });
            const want = readAt(fresh, asOf, knownAt, floor);
            // Everything a reading says but whether it is the shared one, evidence by id.
            const seen = (r: typeof got) =>
              r && {
                ...r,
                shared: undefined,
                evidence: r.evidence.map((x) => x.eventId + x.basis),
                next: r.next && r.next.eventId + r.next.basis,
                ...qualify(r, asOf),
              };
            expect(seen(got)).toEqual(seen(want));
          }
        }
      },
    ),
    { numRuns: Number(process.env.FAST_CHECK_RUNS ?? 200) },
  );
});

/**
 * A read of every member skips making the readings of states that are certainly not
 * members: it must still list exactly the states a fresh read calls members, or
 * possibly members (inside the range of a change), as known at any date.
 */
test('membership lists exactly the states a fresh read of their evidence calls members or possible members', () => {
  const byEarliest = (x: Evidence<string>, y: Evidence<string>) =>
    x.occurred.earliest < y.occurred.earliest ? -1 : x.occurred.earliest > y.occurred.earliest ? 1 : 0;
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom('country-a', 'country-b', 'country-c'), evidence), {
        minLength: 1,
        maxLength: 40,
      }),
      (facts) => {
        const opposite = (v: Status): Status => (v === 'member' ? 'not-member' : 'member');
        const index = new TemporalIndex<Status>(opposite);
        const lists = new Map<string, Evidence<string>[]>();
        facts.forEach(([country, { retract: _retract, ...e }], i) => {
          const item = { ...e, eventId: `e${i}` } as Evidence<Status>;
          index.add(country, { ...item });
          lists.set(country, [...(lists.get(country) ?? []), ...withImplied<string>(item, opposite as never)]);
        });
        for (const asOf of dates)
          for (const knownAt of [null, ...dates]) {
            const want = [...lists]
              .flatMap(([country, list]) => {
                const r = readAt([...list].sort(byEarliest), asOf, knownAt);
                if (!r || (r.value !== 'member' && !r.uncertain)) return [];
                return [`${country} ${r.uncertain ? 'possibly-member' : 'member'}`];
              })
              .sort();
            const got = membershipAt(index, { asOf, knownAt }, (id) => id).members;
            expect(got.map((m) => `${m.countryId} ${m.status}`)).toEqual(want);
          }
      },
    ),
    { numRuns: Number(process.env.FAST_CHECK_RUNS ?? 200) },
  );
});

test('the sorted log stays in world order whether facts arrive before or after the first read', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(date, fc.boolean()), { maxLength: 60 }), (steps) => {
      const log = new SortedLog<{
        id: string;
        earliest: string;
        position: number;
        reported: string;
        retractedAt: null;
      }>();
      steps.forEach(([earliest, readNow], position) => {
        log.add({ id: `e${position}`, earliest, position, reported: earliest, retractedAt: null });
        if (readNow) log.all();
      });
      const expected = steps
        .map(([earliest], position) => ({ earliest, position }))
        .sort((a, b) => (a.earliest < b.earliest ? -1 : a.earliest > b.earliest ? 1 : a.position - b.position));
      expect(log.all().map(({ earliest, position }) => ({ earliest, position }))).toEqual(expected);
    }),
    { numRuns: Number(process.env.FAST_CHECK_RUNS ?? 200) },
  );
});

test('paging the sorted log lazily gives the same entries, in order, as filtering it whole', () => {
  fc.assert(
    fc.property(
      fc.array(date, { maxLength: 60 }),
      fc.integer({ min: 1, max: 7 }),
      fc.constantFrom(...dates),
      (earliests, limit, asOf) => {
        const log = new SortedLog<{
          id: string;
          earliest: string;
          position: number;
          reported: string;
          retractedAt: null;
        }>();
        earliests.forEach((earliest, position) =>
          log.add({ id: `e${position}`, earliest, position, reported: earliest, retractedAt: null }),
        );
        const wanted = (e: { earliest: string; position: number }) => e.earliest <= asOf && e.position % 3 !== 0;
        const paged: number[] = [];
        let after: { earliest: string; position: number } | null = null;
        for (;;) {
          const { items, more } = log.page(wanted, after, limit, asOf);
          paged.push(...items.map((e) => e.position));
          if (!more) break;
          after = items[items.length - 1]!;
        }
        expect(paged).toEqual(
          log
            .all()
            .filter(wanted)
            .map((e) => e.position),
        );
      },
    ),
    { numRuns: Number(process.env.FAST_CHECK_RUNS ?? 200) },
  );
});
