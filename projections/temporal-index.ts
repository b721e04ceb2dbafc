import { insertEvidence, readAt, segments, type Evidence, type Reading, type Segment } from './evidence';
import { isKnownAt, type TemporalQuery } from './projection';

/**
 * Evidence per entity, kept ordered by date so a read as of a date is a binary
 * search. A late fact (reported long after it happened) is inserted in place and
 * touches only its own entity.
 */
export class TemporalIndex<V> {
  private readonly byKey = new Map<string, Evidence<V>[]>();

  add(key: string, evidence: Evidence<V>): void {
    let list = this.byKey.get(key);
    if (!list) this.byKey.set(key, (list = []));
    insertEvidence(list, evidence);
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  /** The evidence reported by `knownAt` (all of it when null). */
  evidence(key: string, knownAt: string | null): readonly Evidence<V>[] {
    const list = this.byKey.get(key) ?? [];
    return knownAt === null ? list : list.filter((e) => isKnownAt(e.reported, knownAt));
  }

  read(key: string, q: TemporalQuery): Reading<V> | null {
    const list = this.byKey.get(key);
    return list ? readAt(list, q.asOf, q.knownAt) : null;
  }

  history(key: string, knownAt: string | null): Segment<V>[] {
    return segments(this.evidence(key, knownAt));
  }
}
