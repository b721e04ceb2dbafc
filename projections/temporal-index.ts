import type { RecordedEvent } from '../events/envelope';
import {
  changePoints,
  insertEvidence,
  lastAtOrBefore,
  readAt,
  segments,
  type Evidence,
  type Reading,
  type Segment,
} from './evidence';
import { isVisibleAt, retractionOf, type TemporalQuery } from './projection';

/**
 * Evidence per entity, kept ordered by date so a read as of a date is a binary
 * search. A late fact (reported long after it happened) is inserted in place and
 * touches only its own entity.
 */
export class TemporalIndex<V> {
  /** Applies a retraction or correction if `e` is one; true when it was. */
  applyRetraction(e: RecordedEvent): boolean {
    const r = retractionOf(e);
    if (r) this.retract(r.eventId, r.at);
    return r !== null;
  }

  private readonly byKey = new Map<string, Evidence<V>[]>();
  private readonly byEvent = new Map<string, { key: string; evidence: Evidence<V> }>();
  /**
   * Per entity, the reading from each date where it can change (a piece of evidence
   * begins, or a dated-by-range change ends) until the next: answers with everything
   * known are a binary search over these. Dropped for the entity a new fact touches.
   */
  private readonly readings = new Map<string, { points: string[]; readings: (Reading<V> | null | undefined)[] }>();

  add(key: string, evidence: Evidence<V>): void {
    let list = this.byKey.get(key);
    if (!list) this.byKey.set(key, (list = []));
    insertEvidence(list, evidence);
    this.byEvent.set(evidence.eventId, { key, evidence });
    // Keep the dates sorted as they come (a live fold reads after every event; re-sorting would cost n log n each time).
    const r = this.readings.get(key);
    if (r) {
      insertPoint(r.points, evidence.occurred.earliest);
      if (evidence.kind === 'change') insertPoint(r.points, evidence.occurred.latest);
      r.readings = [];
    }
  }

  /** Which entity an event gave evidence about, and that evidence. */
  locate(eventId: string): { key: string; evidence: Evidence<V> } | undefined {
    return this.byEvent.get(eventId);
  }

  /** Withdraws the evidence an event gave, from `at` on (knownAt before it still sees it). */
  retract(eventId: string, at: string): void {
    const found = this.byEvent.get(eventId);
    if (!found || found.evidence.retractedAt !== null) return;
    found.evidence.retractedAt = at;
    const r = this.readings.get(found.key);
    if (r) r.readings = [];
  }

  toJSON(): [string, Evidence<V>[]][] {
    return [...this.byKey];
  }

  static fromJSON<V>(entries: [string, Evidence<V>[]][]): TemporalIndex<V> {
    const index = new TemporalIndex<V>();
    for (const [key, list] of entries) {
      index.byKey.set(key, list);
      for (const evidence of list) index.byEvent.set(evidence.eventId, { key, evidence });
    }
    return index;
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  /** The evidence visible at `knownAt`. */
  evidence(key: string, knownAt: string | null): readonly Evidence<V>[] {
    return (this.byKey.get(key) ?? []).filter((e) => isVisibleAt(e, knownAt));
  }

  /** Readings with everything known are shared, immutable objects; callers must not change them. */
  read(key: string, q: TemporalQuery): Reading<V> | null {
    const list = this.byKey.get(key);
    if (!list) return null;
    if (q.knownAt !== null) return readAt(list, q.asOf, q.knownAt);
    let r = this.readings.get(key);
    if (!r) this.readings.set(key, (r = { points: changePoints(list), readings: [] }));
    const i = lastAtOrBefore(r.points, q.asOf);
    if (i < 0) return null;
    // Computed on first use, so memory follows the dates actually read.
    // undefined: not yet computed; null (every piece of evidence there retracted) is kept like any reading.
    let reading = r.readings[i];
    if (reading === undefined) r.readings[i] = reading = readAt(list, r.points[i]!);
    return reading;
  }

  history(key: string, knownAt: string | null): Segment<V>[] {
    return segments(this.evidence(key, knownAt));
  }
}

function insertPoint(points: string[], date: string): void {
  const i = lastAtOrBefore(points, date);
  if (points[i] !== date) points.splice(i + 1, 0, date);
}
