import type { RecordedEvent } from '../events/envelope';
import type { ReadModels } from '.';
import { chairmanshipAt } from './chairmanship';
import { membershipEvidence, membershipStatusAt } from './membership';
import { relationsAt } from './relations';
import { statementView, type StatementView } from './statements';
import { summitsAt, type SummitView } from './summits';
import { timelineEntry, type TimelineEntry } from './timeline';

export type ProjectionName = keyof ReadModels;

/** A value that changes over time, read before and after an event, from the date its effect is certain. */
interface Moved {
  asOf: string;
  from: string | null;
  to: string | null;
}

/** What one event changed in one read model. */
export type Change =
  | ({ projection: 'membership'; country: string } & Moved)
  | ({ projection: 'relations'; relation: string } & Moved)
  | ({ projection: 'chairmanship' } & Moved)
  | { projection: 'summits'; summit: SummitView | null }
  | { projection: 'statements'; statement: StatementView }
  | { projection: 'sources'; source: string }
  | { projection: 'timeline'; entry: TimelineEntry };

interface Subject {
  projection: 'membership' | 'relations' | 'chairmanship';
  key: string;
  asOf: string;
}

/** The temporal read models an event touches, and the date from which its effect is certain. */
function subjectsOf(models: ReadModels, e: RecordedEvent): Subject[] {
  const asOf = e.occurred.latest;
  if (e.type === 'FactRetracted' || e.type === 'FactCorrected') {
    const out: Subject[] = [];
    for (const projection of ['membership', 'relations'] as const) {
      const found = models[projection].locate(e.data.eventId);
      if (found) out.push({ projection, key: found.key, asOf: found.evidence.occurred.latest });
    }
    const chair = models.chairmanship.chairs.locate(e.data.eventId);
    if (chair) out.push({ projection: 'chairmanship', key: chair.key, asOf: chair.evidence.occurred.latest });
    return out;
  }
  const membership = membershipEvidence(e);
  if (membership) return [{ projection: 'membership', key: membership.country, asOf }];
  switch (e.type) {
    case 'CooperationProposed':
    case 'CooperationRejected':
    case 'RelationsAttested':
      return [{ projection: 'relations', key: e.stream, asOf }];
    case 'ChairmanshipTransferred':
    case 'ChairmanshipAttested':
      return [{ projection: 'chairmanship', key: 'organization-csto', asOf }];
    default:
      return [];
  }
}

function valueAt(models: ReadModels, s: Subject): string | null {
  const q = { asOf: s.asOf, knownAt: null };
  switch (s.projection) {
    case 'membership':
      return membershipStatusAt(models.membership, s.key, q);
    case 'relations':
      return relationsAt(models.relations, s.key, q).status;
    case 'chairmanship':
      return chairmanshipAt(models.chairmanship, q, models.entities.nameOf).chair?.countryId ?? null;
  }
}

/** Read before the fold: the values the event may change. */
export function captureBefore(models: ReadModels, e: RecordedEvent): (string | null)[] {
  return subjectsOf(models, e).map((s) => valueAt(models, s));
}

/** After the fold: one change per read model the event touched. */
export function changesOf(models: ReadModels, e: RecordedEvent, before: (string | null)[]): Change[] {
  const out: Change[] = subjectsOf(models, e).map((s, i): Change => {
    const moved = { asOf: s.asOf, from: before[i] ?? null, to: valueAt(models, s) };
    if (s.projection === 'membership') return { projection: 'membership', country: s.key, ...moved };
    if (s.projection === 'relations') return { projection: 'relations', relation: s.key, ...moved };
    return { projection: 'chairmanship', ...moved };
  });
  if (e.type === 'SummitHeld' || e.type === 'SummitPlanned') {
    const summit = summitsAt(models.summits, { asOf: '9999-12-31', knownAt: null }).find((x) => x.id === e.data.summit);
    out.push({ projection: 'summits', summit: summit ?? null });
  }
  if (e.type === 'StatementMade')
    out.push({ projection: 'statements', statement: statementView(e, models.entities.nameOf) });
  if (e.type === 'SourceRegistered' || models.sources.has(e.source.article)) {
    out.push({ projection: 'sources', source: e.source.article });
  }
  out.push({ projection: 'timeline', entry: timelineEntry(e, models.entities.nameOf) });
  return out;
}
