import type { RecordedEvent } from '../events/envelope';

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
}

/** The two time axes of every read: the world's date, and what had been reported by a date. */
export interface TemporalQuery {
  asOf: string;
  /** null: everything recorded so far. */
  knownAt: string | null;
}

/** A fact is known at a date when the article reporting it had appeared by then. */
export const isKnownAt = (reported: string, knownAt: string | null): boolean => knownAt === null || reported <= knownAt;
