import type { RecordedEvent } from '../events/envelope';
import { evidenceOf, rangeOf, refOf, type DateRange, type Evidence, type EvidenceRef } from './evidence';
import { countryName } from './membership';
import { Retractions, type Projection, type TemporalQuery } from './projection';
import { TemporalIndex } from './temporal-index';

const ORG = 'organization-csto';

export interface ChairmanshipState {
  chairs: TemporalIndex<string>;
  planned: RecordedEvent<'ChairmanshipPlanned'>[];
  retractions: Retractions;
}

export const chairmanship: Projection<ChairmanshipState> = {
  name: 'chairmanship',
  version: 1,
  init: () => ({ chairs: new TemporalIndex<string>(), planned: [], retractions: new Retractions() }),
  snapshot: (state) => ({
    chairs: state.chairs.toJSON(),
    planned: state.planned,
    retractions: state.retractions.toJSON(),
  }),
  restore: (s) => {
    const { chairs, planned, retractions } = s as {
      chairs: [string, Evidence<string>[]][];
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
  chair: {
    country: string;
    countryId: string;
    since: string;
    sinceBasis: 'change' | 'attestation';
    uncertain: boolean;
    uncertainRange: DateRange | null;
    evidence: EvidenceRef[];
  } | null;
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

export function chairmanshipAt(state: ChairmanshipState, q: TemporalQuery): ChairmanshipView {
  const r = state.chairs.read(ORG, q);
  const planned = state.planned
    .filter(
      (e) => state.retractions.visible(e, q.knownAt) && e.occurred.earliest <= q.asOf && q.asOf < e.data.term.earliest,
    )
    .map((e) => ({
      country: countryName(e.data.country),
      countryId: e.data.country,
      term: rangeOf(e.data.term)!,
      announced: e.occurred.text,
      eventId: e.id,
      article: e.source.article,
    }));
  return {
    chair: r && {
      country: countryName(r.value),
      countryId: r.value,
      since: r.since,
      sinceBasis: r.sinceBasis,
      uncertain: r.uncertain,
      uncertainRange: rangeOf(r.uncertainRange),
      evidence: r.evidence.map(refOf),
    },
    planned,
  };
}
