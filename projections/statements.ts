import { entityById } from '../events/entities';
import type { RecordedEvent } from '../events/envelope';
import { isKnownAt, type Projection, type TemporalQuery } from './projection';
import { SortedLog } from './sorted-log';

export type StatementsState = SortedLog<RecordedEvent<'StatementMade'>>;

export const statements: Projection<StatementsState> = {
  name: 'statements',
  version: 1,
  init: () => new SortedLog(),
  apply(state, e) {
    if (e.type === 'StatementMade') state.add(e);
  },
};

export interface StatementFilter extends TemporalQuery {
  /** Entity ids; empty: any speaker. */
  speakers: string[];
  topic: string | null;
  /** Statements whose date range overlaps [from, to]. */
  from: string | null;
  to: string | null;
}

export interface StatementView {
  id: string;
  position: number;
  speaker: { id: string; name: string };
  role: string | null;
  roleText: string | null;
  quote: string | null;
  summary: string;
  topics: string[];
  occurred: RecordedEvent['occurred'];
  source: { article: string; outlet: string | null; reported: string };
}

export function statementsAt(state: StatementsState, f: StatementFilter): StatementView[] {
  return state
    .all()
    .filter(
      (e) =>
        e.occurred.earliest <= f.asOf &&
        isKnownAt(e.reported.date, f.knownAt) &&
        (f.speakers.length === 0 || f.speakers.includes(e.data.speaker)) &&
        (f.topic === null || e.data.topics.includes(f.topic)) &&
        (f.from === null || e.occurred.latest >= f.from) &&
        (f.to === null || e.occurred.earliest <= f.to),
    )
    .map((e) => ({
      id: e.id,
      position: e.position,
      speaker: { id: e.data.speaker, name: entityById(e.data.speaker)?.name ?? e.data.speaker },
      role: e.data.role,
      roleText: e.data.roleText,
      quote: e.source.quote,
      summary: e.data.summary,
      topics: e.data.topics,
      occurred: e.occurred,
      source: { article: e.source.article, outlet: e.source.outlet, reported: e.reported.date },
    }));
}
