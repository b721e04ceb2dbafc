import type { RecordedEvent } from '../events/envelope';
import {
  changePoints,
  insertEvidence,
  lastAtOrBefore,
  readAt,
  segments,
  withImplied,
  type Evidence,
  type Floor,
  type Implication,
  type ReadSpan,
  type Reading,
  type Segment,
} from './evidence';
import { isVisibleAt, retractionOf, type TemporalQuery, type Visibility } from './projection';
import { ReportedBlocks } from './visible-steps';

export interface TemporalIndexSnapshot<V> {
  entries: [string, Evidence<V>[]][];
  floor: Floor | null;
}

/**
 * Evidence per entity, kept ordered by date so a read as of a date is a binary
 * search. A late fact (reported long after it happened) is inserted in place and
 * touches only its own entity. A change also adds what it implies about the value
 * before it, when the read model says (`implies`).
 */
export class TemporalIndex<V> {
  constructor(private readonly implies?: Implication<V>) {}

  /** Applies a retraction or correction if `e` is one; true when it was. */
  applyRetraction(e: RecordedEvent): boolean {
    const r = retractionOf(e);
    if (r) this.retract(r.eventId, r.at);
    return r !== null;
  }

  private readonly byKey = new Map<string, Evidence<V>[]>();
  private readonly byEvent = new Map<string, { key: string; evidence: Evidence<V>[] }>();
  private floor: Floor | null = null;
  /**
   * Per entity, the reading with everything known from each date where it can change
   * (a piece of evidence begins, or a dated-by-range change ends) until the next, and
   * from what date known it holds: reads are a binary search over these. Dropped for
   * the entity a new fact touches.
   */
  private readonly readings = new Map<string, Readings<V>>();
  /** Per entity read as known at a date, its report dates in blocks (see ReportedBlocks). Dropped when its list changes. */
  private readonly reportedBlocks = new Map<string, ReportedBlocks>();

  add(key: string, evidence: Evidence<V>): void {
    let list = this.byKey.get(key);
    if (!list) this.byKey.set(key, (list = []));
    const pieces = withImplied(evidence, this.implies);
    for (const piece of pieces) insertEvidence(list, piece);
    this.byEvent.set(evidence.eventId, { key, evidence: pieces });
    this.reportedBlocks.delete(key);
    // Keep the dates sorted as they come (a live fold reads after every event; re-sorting would cost n log n each time).
    const r = this.readings.get(key);
    if (r) {
      for (const piece of pieces) {
        insertPoint(r.points, piece.occurred.earliest);
        if (piece.kind === 'change') insertPoint(r.points, piece.occurred.latest);
      }
      r.readings = [];
      r.sharedFrom = [];
    }
  }

  /** Which entity an event gave evidence about, and the evidence it states. */
  locate(eventId: string): { key: string; evidence: Evidence<V> } | undefined {
    const found = this.byEvent.get(eventId);
    return found && { key: found.key, evidence: found.evidence[found.evidence.length - 1]! };
  }

  /** Sets what bounds implied values reaching back; the earliest floor wins. */
  setFloor(floor: Floor): void {
    if (this.floor && this.floor.retractedAt === null && this.floor.date <= floor.date) return;
    this.floor = floor;
    this.readings.clear();
  }

  /** Withdraws the evidence an event gave, from `at` on (knownAt before it still sees it). */
  retract(eventId: string, at: string): void {
    if (this.floor?.eventId === eventId && this.floor.retractedAt === null) {
      this.floor.retractedAt = at;
      this.readings.clear();
    }
    const found = this.byEvent.get(eventId);
    if (!found || found.evidence[0]!.retractedAt !== null) return;
    for (const piece of found.evidence) piece.retractedAt = at;
    this.readings.delete(found.key);
  }

  toJSON(): TemporalIndexSnapshot<V> {
    return { entries: [...this.byKey], floor: this.floor };
  }

  static fromJSON<V>(snapshot: TemporalIndexSnapshot<V>, implies?: Implication<V>): TemporalIndex<V> {
    const index = new TemporalIndex<V>(implies);
    index.floor = snapshot.floor;
    for (const [key, list] of snapshot.entries) {
      index.byKey.set(key, list);
      for (const evidence of list) {
        const found = index.byEvent.get(evidence.eventId);
        if (found) found.evidence.push(evidence);
        else index.byEvent.set(evidence.eventId, { key, evidence: [evidence] });
      }
    }
    return index;
  }

  /** How many entities have evidence. */
  get size(): number {
    return this.byKey.size;
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  /** The evidence visible at `knownAt`, implied pieces included. */
  evidence(key: string, knownAt: string | null): readonly Evidence<V>[] {
    return (this.byKey.get(key) ?? []).filter((e) => isVisibleAt(e, knownAt));
  }

  /** The earliest evidence about `key` visible at `knownAt`, without filtering the rest. */
  firstEvidence(key: string, knownAt: string | null): Evidence<V> | undefined {
    const list = this.byKey.get(key);
    if (!list) return undefined;
    if (knownAt === null) return list.find((e) => isVisibleAt(e, knownAt));
    const i = this.blocksOf(key, list).steps(knownAt).next(-1);
    return i < 0 ? undefined : list[i];
  }

  private blocksOf(key: string, list: readonly Evidence<V>[]): ReportedBlocks {
    let blocks = this.reportedBlocks.get(key);
    if (!blocks) this.reportedBlocks.set(key, (blocks = new ReportedBlocks(list)));
    return blocks;
  }

  /** The floor visible at `knownAt`. */
  floorAt(knownAt: string | null): Floor | null {
    return this.floor && isVisibleAt(this.floor, knownAt) ? this.floor : null;
  }

  /**
   * The reading of `key` at `asOf` as known at `knownAt`. Where every piece of evidence
   * it rests on had been reported (or retracted) by `knownAt`, that is the shared reading
   * of everything known (`shared`: callers must not change it); otherwise it is made
   * for this read, stepping over evidence not yet reported.
   */
  read(key: string, q: TemporalQuery): Reading<V> | null {
    const list = this.byKey.get(key);
    if (!list) return null;
    let r = this.readings.get(key);
    if (!r) {
      r = { points: changePoints(list, this.floorAt(null)), readings: [], sharedFrom: [] };
      this.readings.set(key, r);
    }
    // Before every point there is no evidence and no floor, whatever is known.
    const i = lastAtOrBefore(r.points, q.asOf);
    if (i < 0) return null;
    // Computed on first use, so memory follows the dates actually read.
    // undefined: not yet computed; null (every piece of evidence there retracted) is kept like any reading.
    let reading = r.readings[i];
    if (reading === undefined) {
      const span: ReadSpan = { from: 0, to: -1, usedFloor: false };
      r.readings[i] = reading = readAt(list, r.points[i]!, null, this.floor, undefined, span);
      if (reading) reading.shared = true;
      r.sharedFrom[i] = this.knownFrom(list, span);
    }
    if (q.knownAt === null || q.knownAt >= r.sharedFrom[i]!) return reading;
    return readAt(list, q.asOf, q.knownAt, this.floor, this.blocksOf(key, list).steps(q.knownAt));
  }

  /** The date from which each piece a reading looked at is visible, or not, as with everything known. */
  private knownFrom(list: readonly Evidence<V>[], span: ReadSpan): string {
    let from = '';
    for (let j = span.from; j <= span.to; j++) {
      const at = settledAt(list[j]!);
      if (at > from) from = at;
    }
    if (span.usedFloor && this.floor) {
      const at = settledAt(this.floor);
      if (at > from) from = at;
    }
    return from;
  }

  history(key: string, knownAt: string | null): Segment<V>[] {
    return segments(this.evidence(key, knownAt), this.floorAt(knownAt));
  }
}

/** From this date known on, a fact is as visible as with everything known: reported, and retracted if it ever is. */
const settledAt = (f: Visibility) =>
  f.retractedAt !== null && f.retractedAt > f.reported ? f.retractedAt : f.reported;

interface Readings<V> {
  points: string[];
  readings: (Reading<V> | null | undefined)[];
  /** Known at this date or later, the reading at the same index is the one of everything known. */
  sharedFrom: string[];
}

function insertPoint(points: string[], date: string): void {
  const i = lastAtOrBefore(points, date);
  if (points[i] !== date) points.splice(i + 1, 0, date);
}
