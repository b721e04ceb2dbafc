import { changePoints, insertEvidence, lastAtOrBefore, readAt, segments, type Evidence, type Reading, type Segment } from './evidence';
import { isKnownAt, type TemporalQuery } from './projection';

/**
 * Evidence per entity, kept ordered by date so a read as of a date is a binary
 * search. A late fact (reported long after it happened) is inserted in place and
 * touches only its own entity.
 */
export class TemporalIndex<V> {
  private readonly byKey = new Map<string, Evidence<V>[]>();
  /**
   * Per entity, the reading from each date where it can change (a piece of evidence
   * begins, or a dated-by-range change ends) until the next: answers with everything
   * known are a binary search over these. Dropped for the entity a new fact touches.
   */
  private readonly readings = new Map<string, { points: string[]; readings: Reading<V>[] }>();

  add(key: string, evidence: Evidence<V>): void {
    let list = this.byKey.get(key);
    if (!list) this.byKey.set(key, (list = []));
    insertEvidence(list, evidence);
    this.readings.delete(key);
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  /** The evidence reported by `knownAt` (all of it when null). */
  evidence(key: string, knownAt: string | null): readonly Evidence<V>[] {
    const list = this.byKey.get(key) ?? [];
    return knownAt === null ? list : list.filter((e) => isKnownAt(e.reported, knownAt));
  }

  /** Readings with everything known are shared, immutable objects; callers must not change them. */
  read(key: string, q: TemporalQuery): Reading<V> | null {
    const list = this.byKey.get(key);
    if (!list) return null;
    if (q.knownAt !== null) return readAt(list, q.asOf, q.knownAt);
    const r = this.readingsOf(key, list);
    const i = lastAtOrBefore(r.points, q.asOf);
    return i < 0 ? null : r.readings[i]!;
  }

  private readingsOf(key: string, list: readonly Evidence<V>[]) {
    let r = this.readings.get(key);
    if (!r) {
      const points = changePoints(list);
      r = { points, readings: points.map((p) => readAt(list, p)!) };
      this.readings.set(key, r);
    }
    return r;
  }

  history(key: string, knownAt: string | null): Segment<V>[] {
    return segments(this.evidence(key, knownAt));
  }
}
