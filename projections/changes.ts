import type { RecordedEvent } from '../events/envelope';
import type { ReadModels } from '.';
import { chairmanshipAt } from './chairmanship';
import { membershipEvidence, membershipStatusAt } from './membership';
import { relationsAt } from './relations';
import { statementView } from './statements';
import { summitsAt } from './summits';
import { timelineEntry } from './timeline';

export type ProjectionName = keyof ReadModels;

/** What one event changed in one read model: the message a subscriber to its updates receives. */
export type Change = Record<string, unknown>;

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
      return chairmanshipAt(models.chairmanship, q).chair?.countryId ?? null;
  }
}

/** Read before the fold: the values the event may change. */
export function captureBefore(models: ReadModels, e: RecordedEvent): (string | null)[] {
  return subjectsOf(models, e).map((s) => valueAt(models, s));
}

/** After the fold: one change per read model the event touched. */
export function changesOf(
  models: ReadModels,
  e: RecordedEvent,
  before: (string | null)[],
): Partial<Record<ProjectionName, Change>> {
  const out: Partial<Record<ProjectionName, Change>> = {};
  const base = { eventId: e.id, type: e.type };
  subjectsOf(models, e).forEach((s, i) => {
    const change = { ...base, asOf: s.asOf, from: before[i] ?? null, to: valueAt(models, s) };
    if (s.projection === 'membership') out.membership = { ...change, country: s.key };
    else if (s.projection === 'relations') out.relations = { ...change, relation: s.key };
    else out.chairmanship = change;
  });
  if (e.type === 'SummitHeld' || e.type === 'SummitPlanned') {
    out.summits = {
      ...base,
      summit:
        summitsAt(models.summits, { asOf: '9999-12-31', knownAt: null }).find((x) => x.id === e.data.summit) ?? null,
    };
  }
  if (e.type === 'StatementMade') out.statements = { ...base, statement: statementView(e) };
  if (e.type === 'SourceRegistered' || models.sources.has(e.source.article))
    out.sources = { ...base, source: e.source.article };
  out.timeline = { ...base, entry: timelineEntry(e) };
  return out;
}
