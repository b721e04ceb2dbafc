import type { RecordedEvent } from '../events/envelope';
import { evidenceOf, rangeOf, type DateRange, type Evidence, type EvidenceRef } from './evidence';
import type { Projection, TemporalQuery } from './projection';
import { TemporalIndex } from './temporal-index';

export type RelationStatus = 'none' | 'proposed' | 'rejected' | 'cooperating';
export type RelationsState = TemporalIndex<RelationStatus>;

/** Relations between two organisations, keyed by their stream (`relations-nato-csto`). */
export const relations: Projection<RelationsState> = {
  name: 'relations',
  version: 1,
  init: () => new TemporalIndex<RelationStatus>(),
  snapshot: (state) => state.toJSON(),
  restore: (s) => TemporalIndex.fromJSON<RelationStatus>(s as [string, Evidence<RelationStatus>[]][]),
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

export interface RelationsView {
  status: RelationStatus;
  since: string | null;
  sinceBasis: 'change' | 'attestation' | null;
  uncertain: boolean;
  uncertainRange: DateRange | null;
  history: (EvidenceRef & { status: RelationStatus; from: string; to: string })[];
}

/** The status as of a date ('none' before anything is recorded), and every step up to that date. */
export function relationsAt(state: RelationsState, key: string, q: TemporalQuery): RelationsView {
  const r = state.read(key, q);
  const history = state
    .evidence(key, q.knownAt)
    .filter((e) => e.occurred.earliest <= q.asOf)
    .map((e) => ({
      eventId: e.eventId,
      type: e.type,
      article: e.article,
      occurred: e.occurred.text,
      from: e.occurred.earliest,
      to: e.occurred.latest,
      status: e.value,
    }));
  return {
    status: r?.value ?? 'none',
    since: r?.since ?? null,
    sinceBasis: r?.sinceBasis ?? null,
    uncertain: r?.uncertain ?? false,
    uncertainRange: rangeOf(r?.uncertainRange ?? null),
    history,
  };
}
