import type { EventType } from '../events/catalog';
import type { RecordedEvent } from '../events/envelope';
import { describe } from './describe';
import { isKnownAt, type Projection, type TemporalQuery } from './projection';
import { SortedLog } from './sorted-log';

export type TimelineState = SortedLog;

/** Every fact in the order it happened in the world. */
export const timeline: Projection<TimelineState> = {
  name: 'timeline',
  version: 1,
  init: () => new SortedLog(),
  apply(state, e) {
    state.add(e);
  },
};

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

export function timelineAt(state: TimelineState, q: TemporalQuery & { types: EventType[] }): TimelineEntry[] {
  return state
    .all()
    .filter((e) => e.occurred.earliest <= q.asOf && isKnownAt(e.reported.date, q.knownAt) && (q.types.length === 0 || q.types.includes(e.type)))
    .map((e) => ({
      eventId: e.id,
      position: e.position,
      type: e.type,
      stream: e.stream,
      occurred: e.occurred,
      summary: describe(e),
      source: e.source,
      reported: e.reported.date,
    }));
}
