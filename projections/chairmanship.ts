import type { RecordedEvent } from '../events/envelope';
import {
  evidenceOf,
  qualify,
  rangeOf,
  refOf,
  type DateRange,
  type EvidenceRef,
  type Qualified,
  type Reading,
} from './evidence';
import type { NameOf } from './entities';
import { Retractions, type Projection, type TemporalQuery } from './projection';
import { TemporalIndex, type TemporalIndexSnapshot } from './temporal-index';

const ORG = 'organization-csto';

export interface ChairmanshipState {
  chairs: TemporalIndex<string>;
  planned: RecordedEvent<'ChairmanshipPlanned'>[];
  retractions: Retractions;
}

export const chairmanship: Projection<ChairmanshipState> = {
  name: 'chairmanship',
  version: 3,
  init: () => ({ chairs: new TemporalIndex<string>(), planned: [], retractions: new Retractions() }),
  snapshot: (state) => ({
    chairs: state.chairs.toJSON(),
    planned: state.planned,
    retractions: state.retractions.toJSON(),
  }),
  restore: (s) => {
    const { chairs, planned, retractions } = s as {
      chairs: TemporalIndexSnapshot<string>;
      planned: ChairmanshipState['planned'];
      retractions: [string, string][];
    };
    return { chairs: TemporalIndex.fromJSON(chairs), planned, retractions: Retractions.fromJSON(retractions) };
  },
  apply(state, e) {
    state.retractions.apply(e);
    if (state.chairs.applyRetraction(e)) return;
    switch (e.type) {
      case 'ChairmanshipTransferred':
        return state.chairs.add(ORG, evidenceOf(e, 'change', e.data.country));
      case 'ChairmanshipAttested':
        return state.chairs.add(ORG, evidenceOf(e, 'attestation', e.data.country));
      case 'ChairmanshipPlanned':
        state.planned.push(e);
        return;
      default:
        return;
    }
  },
};

export interface ChairmanshipView {
  chair:
    | (Qualified & {
        country: string;
        countryId: string;
        since: string;
        sinceBasis: Reading<string>['sinceBasis'];
        sinceNote: string | null;
        basis: 'stated' | 'implied';
        uncertain: boolean;
        uncertainRange: DateRange | null;
        evidence: EvidenceRef[];
        /** The term a plan announced by asOf gave this chair, if any. */
        plannedTerm: DateRange | null;
        /** That term ended before asOf, and nothing later says the chair stayed. */
        termEnded: boolean;
      })
    | null;
  /** Plans announced by `asOf` for chairmanships that had not begun by then. */
  planned: {
    country: string;
    countryId: string;
    term: DateRange;
    announced: string;
    eventId: string;
    article: string;
  }[];
}

export function chairmanshipAt(state: ChairmanshipState, q: TemporalQuery, nameOf: NameOf): ChairmanshipView {
  const r = state.chairs.read(ORG, q);
  const announced = state.planned.filter(
    (e) => state.retractions.visible(e, q.knownAt) && e.occurred.earliest <= q.asOf,
  );
  const planned = announced
    .filter((e) => q.asOf < e.data.term.earliest)
    .map((e) => ({
      country: nameOf(e.data.country),
      countryId: e.data.country,
      term: rangeOf(e.data.term)!,
      announced: e.occurred.text,
      eventId: e.id,
      article: e.source.article,
    }));
  if (!r) return { chair: null, planned };
  const qualified = qualify(r, q.asOf);
  const plan = announced.filter((e) => e.data.country === r.value).at(-1);
  return {
    chair: {
      country: nameOf(r.value),
      countryId: r.value,
      since: r.since,
      sinceBasis: r.sinceBasis,
      sinceNote: r.sinceNote,
      basis: r.basis,
      uncertain: r.uncertain,
      uncertainRange: rangeOf(r.uncertainRange),
      evidence: r.evidence.map(refOf),
      ...qualified,
      plannedTerm: rangeOf(plan?.data.term ?? null),
      termEnded:
        plan !== undefined && plan.data.term.latest < q.asOf && (qualified.lastEvidence ?? '') <= plan.data.term.latest,
    },
    planned,
  };
}
