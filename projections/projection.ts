import type { DomainEvent, RecordedEvent } from '../events/envelope';

/**
 * A read model: a fold over the log in global order. `apply` mutates the state it
 * is given (the state is owned by the fold, which keeps large rebuilds fast) and does
 * no I/O; the same events in the same order always give the same state.
 */
export interface Projection<S> {
  name: string;
  /** Bump when the fold changes: a new version is rebuilt from the log. */
  version: number;
  init(): S;
  apply(state: S, event: RecordedEvent): void;
  /** The state as plain JSON-able data, for checkpoints. */
  snapshot(state: S): unknown;
  /** The state back from a snapshot of the same version. */
  restore(snapshot: unknown): S;
}

/** The two time axes of every read: the world's date, and what had been reported by a date. */
export interface TemporalQuery {
  asOf: string;
  /** null: everything recorded so far. */
  knownAt: string | null;
}

/** What a read model keeps of a fact to decide whether a reader can see it. */
export interface Visibility {
  reported: string;
  /** When a retraction or correction of the fact was reported; null while it stands. */
  retractedAt: string | null;
}

/**
 * A fact is visible at `knownAt` when its article had appeared by then and no
 * retraction had; with everything known (null), when it has not been retracted.
 */
export const isVisibleAt = (f: Visibility, knownAt: string | null): boolean =>
  knownAt === null
    ? f.retractedAt === null
    : f.reported <= knownAt && (f.retractedAt === null || f.retractedAt > knownAt);

/** The fact a retraction or correction withdraws, and when that became known (recorded or not yet). */
export function retractionOf(e: DomainEvent): { eventId: string; at: string } | null {
  return e.type === 'FactRetracted' || e.type === 'FactCorrected'
    ? { eventId: e.data.eventId, at: e.reported.date }
    : null;
}

/** Retractions by event id, for read models that keep whole events. */
export class Retractions {
  constructor(private readonly at = new Map<string, string>()) {}

  toJSON(): [string, string][] {
    return [...this.at];
  }

  static fromJSON(entries: [string, string][]): Retractions {
    return new Retractions(new Map(entries));
  }

  /** Records the retraction if `e` is one; true when it was. */
  apply(e: RecordedEvent): boolean {
    const r = retractionOf(e);
    if (r && !this.at.has(r.eventId)) this.at.set(r.eventId, r.at);
    return r !== null;
  }

  visible(e: RecordedEvent, knownAt: string | null): boolean {
    return isVisibleAt({ reported: e.reported.date, retractedAt: this.at.get(e.id) ?? null }, knownAt);
  }
}
