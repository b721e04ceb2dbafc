import type { RecordedEvent } from '../events/envelope';
import type { NameOf } from './entities';
import { factColumns, factRef, factsFromColumns, type FactColumns, type StatementRef } from './fact-refs';
import { isVisibleAt, retractionOf, type Projection, type TemporalQuery } from './projection';
import { SortedLog } from './sorted-log';

/**
 * What the statements read model keeps of each statement: enough to filter and
 * order (shared with the timeline, see factRef). The statement itself is read from
 * the log for the page being served, so memory does not grow with the text of every quote.
 */
export type { StatementRef };

export type StatementsState = SortedLog<StatementRef>;

export const statements: Projection<StatementsState> = {
  name: 'statements',
  version: 3,
  init: () => new SortedLog(),
  snapshot: (state) => factColumns(state.all()),
  restore: (s) => SortedLog.of(factsFromColumns(s as FactColumns) as StatementRef[]),
  apply(state, e) {
    const r = retractionOf(e);
    if (r) return state.retract(r.eventId, r.at);
    if (e.type !== 'StatementMade') return;
    state.add(factRef(e) as StatementRef);
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

/** Which statements a query selects. */
export const statementFilter =
  (f: StatementFilter) =>
  (s: StatementRef): boolean =>
    s.earliest <= f.asOf &&
    isVisibleAt(s, f.knownAt) &&
    (f.speakers.length === 0 || f.speakers.includes(s.speaker)) &&
    (f.topic === null || s.topics.includes(f.topic)) &&
    (f.from === null || s.latest >= f.from) &&
    (f.to === null || s.earliest <= f.to);

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

export function statementView(e: RecordedEvent<'StatementMade'>, nameOf: NameOf): StatementView {
  return {
    id: e.id,
    position: e.position,
    speaker: { id: e.data.speaker, name: nameOf(e.data.speaker) },
    role: e.data.role,
    roleText: e.data.roleText,
    quote: e.source.quote,
    summary: e.data.summary,
    topics: e.data.topics,
    occurred: e.occurred,
    source: { article: e.source.article, outlet: e.source.outlet, reported: e.reported.date },
  };
}
