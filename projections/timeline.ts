import type { EventType } from '../events/catalog';
import type { RecordedEvent } from '../events/envelope';
import { describe } from './describe';
import type { NameOf } from './entities';
import { factColumns, factRef, factsFromColumns, type FactColumns, type FactRef } from './fact-refs';
import { isVisibleAt, retractionOf, type Projection, type TemporalQuery } from './projection';
import { SortedLog } from './sorted-log';

export type TimelineRef = FactRef;

export type TimelineState = SortedLog<TimelineRef>;

/** Every fact in the order it happened in the world. */
export const timeline: Projection<TimelineState> = {
  name: 'timeline',
  version: 3,
  init: () => new SortedLog(),
  snapshot: (state) => factColumns(state.all()),
  restore: (s) => SortedLog.of(factsFromColumns(s as FactColumns)),
  apply(state, e) {
    // The retraction is itself a fact on the timeline; the fact it withdraws leaves it.
    const r = retractionOf(e);
    if (r) state.retract(r.eventId, r.at);
    state.add(factRef(e));
  },
};

/** Which timeline entries a query selects. */
export const timelineFilter =
  (q: TemporalQuery & { types: EventType[] }) =>
  (e: TimelineRef): boolean =>
    e.earliest <= q.asOf && isVisibleAt(e, q.knownAt) && (q.types.length === 0 || q.types.includes(e.type));

export interface TimelineEntry {
  eventId: string;
  position: number;
  type: EventType;
  stream: string;
  occurred: RecordedEvent['occurred'];
  summary: string;
  source: RecordedEvent['source'];
  reported: string;
}

export const timelineEntry = (e: RecordedEvent, nameOf: NameOf): TimelineEntry => ({
  eventId: e.id,
  position: e.position,
  type: e.type,
  stream: e.stream,
  occurred: e.occurred,
  summary: describe(e, nameOf),
  source: e.source,
  reported: e.reported.date,
});
