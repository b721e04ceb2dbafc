import type { RecordedEvent } from '../events/envelope';
import { rangeOf, type DateRange } from './evidence';
import { Retractions, type Projection, type TemporalQuery } from './projection';

interface SummitFacts {
  held: RecordedEvent<'SummitHeld'>[];
  plans: RecordedEvent<'SummitPlanned'>[];
}
export interface SummitsState {
  summits: Map<string, SummitFacts>;
  retractions: Retractions;
}

export const summits: Projection<SummitsState> = {
  name: 'summits',
  version: 1,
  init: () => ({ summits: new Map(), retractions: new Retractions() }),
  snapshot: (state) => ({ summits: [...state.summits], retractions: state.retractions.toJSON() }),
  restore: (s) => {
    const { summits, retractions } = s as { summits: [string, SummitFacts][]; retractions: [string, string][] };
    return { summits: new Map(summits), retractions: Retractions.fromJSON(retractions) };
  },
  apply(state, e) {
    if (state.retractions.apply(e) || (e.type !== 'SummitHeld' && e.type !== 'SummitPlanned')) return;
    let facts = state.summits.get(e.data.summit);
    if (!facts) state.summits.set(e.data.summit, (facts = { held: [], plans: [] }));
    if (e.type === 'SummitHeld') facts.held.push(e);
    else facts.plans.push(e);
  },
};

export interface SummitView {
  id: string;
  /** planned-date-passed: the planned date is over by asOf and the record has no report of it being held. */
  status: 'held' | 'planned' | 'planned-date-passed';
  place: string | null;
  host: string | null;
  informal: boolean;
  date: DateRange & { precision: string };
  /** Held: asOf falls inside the summit's date range. */
  uncertain: boolean;
  outcomes: string[];
  evidence: { eventId: string; type: RecordedEvent['type']; article: string }[];
}

/** Summits held by `asOf`, and those announced by then and not (yet) reported held. */
export function summitsAt(state: SummitsState, q: TemporalQuery): SummitView[] {
  const out: SummitView[] = [];
  for (const [id, facts] of state.summits) {
    const visible = <E extends RecordedEvent>(list: E[]) =>
      list.filter((e) => state.retractions.visible(e, q.knownAt) && e.occurred.earliest <= q.asOf);
    const held = visible(facts.held)[0];
    const plans = visible(facts.plans);
    const evidence = [...(held ? [held] : []), ...plans].map((e) => ({
      eventId: e.id,
      type: e.type,
      article: e.source.article,
    }));
    if (held) {
      out.push({
        id,
        status: 'held',
        place: held.data.place ?? plans.find((p) => p.data.place)?.data.place ?? null,
        host: held.data.host,
        informal: held.data.informal,
        date: { ...rangeOf(held.occurred)!, precision: held.occurred.precision },
        uncertain: q.asOf < held.occurred.latest,
        outcomes: held.data.outcomes,
        evidence,
      });
    } else if (plans.length) {
      const plan = plans[plans.length - 1]!;
      out.push({
        id,
        status: plan.data.plannedFor.latest < q.asOf ? 'planned-date-passed' : 'planned',
        place: plans.find((p) => p.data.place)?.data.place ?? null,
        host: null,
        informal: false,
        date: { ...rangeOf(plan.data.plannedFor)!, precision: plan.data.plannedFor.precision },
        uncertain: false,
        outcomes: [],
        evidence,
      });
    }
  }
  return out.sort((a, b) =>
    a.date.earliest < b.date.earliest ? -1 : a.date.earliest > b.date.earliest ? 1 : a.id.localeCompare(b.id),
  );
}
