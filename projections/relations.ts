import type { RecordedEvent } from '../events/envelope';
import {
  evidenceOf,
  qualify,
  rangeOf,
  type DateRange,
  type EvidenceRef,
  type Qualified,
  type Reading,
} from './evidence';
import type { Projection, TemporalQuery } from './projection';
import { TemporalIndex, type TemporalIndexSnapshot } from './temporal-index';

export type RelationStatus = 'none' | 'proposed' | 'rejected' | 'cooperating';
export type RelationsState = TemporalIndex<RelationStatus>;

/** A rejection answers a proposal: it implies one stood just before it. */
const priorOf = (v: RelationStatus): RelationStatus | null => (v === 'rejected' ? 'proposed' : null);

/** Relations between two organisations, keyed by their stream (`relations-nato-csto`). */
export const relations: Projection<RelationsState> = {
  name: 'relations',
  version: 3,
  init: () => new TemporalIndex<RelationStatus>(priorOf),
  snapshot: (state) => state.toJSON(),
  restore: (s) => TemporalIndex.fromJSON<RelationStatus>(s as TemporalIndexSnapshot<RelationStatus>, priorOf),
  apply(state, e: RecordedEvent) {
    if (state.applyRetraction(e)) return;
    switch (e.type) {
      case 'CooperationProposed':
        return state.add(e.stream, evidenceOf(e, 'change', 'proposed'));
      case 'CooperationRejected':
        return state.add(e.stream, evidenceOf(e, 'change', 'rejected'));
      case 'RelationsAttested':
        return state.add(e.stream, evidenceOf(e, 'attestation', e.data.status));
      default:
        return;
    }
  },
};

export interface RelationsView extends Qualified {
  /** unknown: no evidence reaches asOf, which is not the same as `none` (no relations, as a source says). */
  status: RelationStatus | 'unknown';
  since: string | null;
  sinceBasis: Reading<RelationStatus>['sinceBasis'] | null;
  sinceNote: string | null;
  basis: 'stated' | 'implied' | null;
  uncertain: boolean;
  uncertainRange: DateRange | null;
  history: (EvidenceRef & { status: RelationStatus; from: string; to: string })[];
}

/** The status as of a date ('unknown' where no evidence reaches), and every stated step up to that date. */
export function relationsAt(state: RelationsState, key: string, q: TemporalQuery): RelationsView {
  const r = state.read(key, q);
  const visible = state.evidence(key, q.knownAt);
  const history = visible
    .filter((e) => e.basis === 'stated' && e.occurred.earliest <= q.asOf)
    .map((e) => ({
      eventId: e.eventId,
      type: e.type,
      article: e.article,
      occurred: e.occurred.text,
      basis: e.basis,
      from: e.occurred.earliest,
      to: e.occurred.latest,
      status: e.value,
    }));
  return {
    status: r?.value ?? 'unknown',
    since: r?.since ?? null,
    sinceBasis: r?.sinceBasis ?? null,
    sinceNote: r?.sinceNote ?? null,
    basis: r?.basis ?? null,
    uncertain: r?.uncertain ?? false,
    uncertainRange: rangeOf(r?.uncertainRange ?? null),
    ...(r
      ? qualify(r, q.asOf)
      : {
          lastEvidence: null,
          nextEvidence: visible.find((e) => e.occurred.earliest > q.asOf)?.occurred.earliest ?? null,
          extrapolated: false,
        }),
    history,
  };
}
