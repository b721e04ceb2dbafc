import type { RecordedEvent } from '../events/envelope';
import {
  blankSpan,
  changePoints,
  insertEvidence,
  readAt,
  segments,
  uncertainAt,
  withImplied,
  type Evidence,
  type Floor,
  type Implication,
  type ReadSpan,
  type Reading,
  type Segment,
} from './evidence';
import { isVisibleAt, retractionOf, type TemporalQuery, type Visibility } from './projection';
import { dayNumber } from './day-number';
import { evidenceColumns, evidenceFromColumns, type EvidenceColumns } from './evidence-columns';
import { KnownTails } from './known-tails';
import { ReportedBlocks } from './visible-steps';
import { ReadingsByPoint } from './readings-by-point';

export interface TemporalIndexSnapshot<V> {
  evidence: EvidenceColumns<V>;
  floor: Floor | null;
}

/**
 * Evidence per entity, kept ordered by date so a read as of a date is a binary
 * search. A late fact (reported long after it happened) is inserted in place and
 * touches only its own entity. A change also adds what it implies about the value
 * before it, when the read model says (`implies`).
 */
export class TemporalIndex<V> {
  /** `madeMax`: how many readings made for reads known at a date it keeps at most (see keepMade). */
  constructor(
    private readonly implies?: Implication<V>,
    private readonly madeMax = MADE_MAX,
  ) {}

  /** Applies a retraction or correction if `e` is one; true when it was. */
  applyRetraction(e: RecordedEvent): boolean {
    const r = retractionOf(e);
    if (r) this.retract(r.eventId, r.at);
    return r !== null;
  }

  private readonly entities = new Map<string, IndexedEntity<V>>();
  /**
   * The evidence each event gave, for retractions. Built on the first one (they are
   * rare, and a map of every event id was a twentieth of a rebuild), kept after.
   */
  private byEvent: Map<string, { key: string; evidence: Evidence<V>[] }> | null = null;
  private floor: Floor | null = null;

  add(key: string, evidence: Evidence<V>): void {
    let entity = this.entities.get(key);
    if (!entity)
      this.entities.set(key, (entity = { list: [], readings: null, blocks: null, tails: null, retracted: false }));
    const pieces = withImplied(evidence, this.implies);
    for (const piece of pieces) insertEvidence(entity.list, piece);
    this.byEvent?.set(evidence.eventId, { key, evidence: pieces });
    entity.blocks = null;
    entity.tails = null;
    // Made again on the next read: changePoints merges the ordered list in one pass, as inserting in place would cost.
    entity.readings = null;
  }

  /** Which entity an event gave evidence about, and the evidence it states. */
  locate(eventId: string): { key: string; evidence: Evidence<V> } | undefined {
    const found = this.eventIndex().get(eventId);
    return found && { key: found.key, evidence: found.evidence[found.evidence.length - 1]! };
  }

  /** Sets what bounds implied values reaching back; the earliest floor wins. */
  setFloor(floor: Floor): void {
    if (this.floor && this.floor.retractedAt === null && this.floor.date <= floor.date) return;
    this.floor = floor;
    this.dropReadings();
  }

  /** Withdraws the evidence an event gave, from `at` on (knownAt before it still sees it). */
  retract(eventId: string, at: string): void {
    if (this.floor?.eventId === eventId && this.floor.retractedAt === null) {
      this.floor.retractedAt = at;
      this.dropReadings();
    }
    const found = this.eventIndex().get(eventId);
    if (!found || found.evidence[0]!.retractedAt !== null) return;
    for (const piece of found.evidence) piece.retractedAt = at;
    const entity = this.entities.get(found.key)!;
    entity.readings = null;
    entity.tails = null;
    entity.retracted = true;
  }

  private dropReadings(): void {
    for (const entity of this.entities.values()) entity.readings = null;
  }

  toJSON(): TemporalIndexSnapshot<V> {
    return {
      evidence: evidenceColumns(Array.from(this.entities, ([key, { list }]) => [key, list])),
      floor: this.floor,
    };
  }

  static fromJSON<V>(snapshot: TemporalIndexSnapshot<V>, implies?: Implication<V>): TemporalIndex<V> {
    const index = new TemporalIndex<V>(implies);
    index.floor = snapshot.floor;
    for (const [key, list] of evidenceFromColumns(snapshot.evidence)) {
      index.entities.set(key, {
        list,
        readings: null,
        blocks: null,
        tails: null,
        retracted: list.some((e) => e.retractedAt !== null),
      });
    }
    return index;
  }

  private eventIndex(): Map<string, { key: string; evidence: Evidence<V>[] }> {
    if (this.byEvent) return this.byEvent;
    const byEvent = (this.byEvent = new Map<string, { key: string; evidence: Evidence<V>[] }>());
    // A change's pieces share its event id; in date order its implied piece comes first, as `add` keeps them.
    for (const [key, { list }] of this.entities)
      for (const evidence of list) {
        const found = byEvent.get(evidence.eventId);
        if (found) found.evidence.push(evidence);
        else byEvent.set(evidence.eventId, { key, evidence: [evidence] });
      }
    return byEvent;
  }

  /** How many entities have evidence. */
  get size(): number {
    return this.entities.size;
  }

  keys(): IterableIterator<string> {
    return this.entities.keys();
  }

  /** The evidence visible at `knownAt`, implied pieces included. */
  evidence(key: string, knownAt: string | null): readonly Evidence<V>[] {
    return (this.entities.get(key)?.list ?? []).filter((e) => isVisibleAt(e, knownAt));
  }

  /** The earliest evidence about an entity of this index visible at `knownAt`, without filtering the rest. */
  firstEvidence(entity: IndexedEntity<V>, knownAt: string | null): Evidence<V> | undefined {
    if (knownAt === null) return entity.list.find((e) => isVisibleAt(e, knownAt));
    const i = blocksOf(entity).steps(knownAt).next(-1);
    return i < 0 ? undefined : entity.list[i];
  }

  /** The floor visible at `knownAt`. */
  floorAt(knownAt: string | null): Floor | null {
    return this.floor && isVisibleAt(this.floor, knownAt) ? this.floor : null;
  }

  /**
   * The reading of `key` at `asOf` as known at `knownAt`. Where every piece of evidence
   * it rests on had been reported (or retracted) by `knownAt`, that is the shared reading
   * of everything known (`shared`: callers must not change it). Past the last evidence
   * known at `knownAt`, it is the shared tail reading of what was known then (see
   * KnownTails). Otherwise it is made, stepping over evidence not yet reported, and shared
   * with the next reads at that point known over the days it holds for (the last few made
   * at each point are kept; see keepMade), but for an entity with retracted evidence: made
   * for the read alone.
   */
  read(key: string, q: TemporalQuery): Reading<V> | null {
    const entity = this.entities.get(key);
    return entity ? this.readEntity(entity, dayQuery(q)) : null;
  }

  /**
   * An entity as the index keeps it, for a caller that reads the same entities again and
   * again: read by it, a read saves the lookup by key, a miss in the CPU cache per state
   * (a sixth to a fifth of the CPU of a warm read of every state). The index never
   * replaces an entity it holds.
   */
  entity(key: string): IndexedEntity<V> | undefined {
    return this.entities.get(key);
  }

  /**
   * As `read`, for an entity of this index. With `wanted`, a reading that would be made
   * for this read alone, of a certain value that is not wanted, is not made: undefined
   * says so (a read of every member skips a third of those, the not-members, so).
   */
  readEntity(entity: IndexedEntity<V>, q: DayQuery): Reading<V> | null;
  readEntity(entity: IndexedEntity<V>, q: DayQuery, wanted: (value: V) => boolean): Reading<V> | null | undefined;
  readEntity(entity: IndexedEntity<V>, q: DayQuery, wanted?: (value: V) => boolean): Reading<V> | null | undefined {
    const { asOfDay: asOf, knownAtDay: knownAt } = q;
    // Known by the date read, what was known has usually all begun by then: its tail decides, with no search of the
    // points. Known later, evidence known then has usually begun after the date read, and the tail seldom decides.
    if (knownAt !== null && knownAt <= asOf) {
      const tail = tailsOf(entity).read(asOf, knownAt, q.knownAt!);
      if (tail !== undefined) return tail;
    }
    const { list } = entity;
    // The floor's date is a point even once the floor is retracted: a read known before that still reaches back to it.
    const points = (entity.readings ??= new ReadingsByPoint(changePoints(list, this.floor), list));
    // Before every point there is no evidence and no floor, whatever is known.
    const i = points.find(asOf);
    if (i < 0) return null;
    let sharedFrom = points.sharedFrom(i);
    // Made on first use, so memory follows the dates actually read. A read made for its knownAt needs no lookup of it.
    if (sharedFrom === undefined) {
      const span = blankSpan();
      const reading = readAt(list, points.dates[i]!, null, this.floor, undefined, span);
      if (reading) reading.shared = true;
      points.keep(i, reading, (sharedFrom = this.knownFrom(entity, span)));
    }
    if (knownAt === null || knownAt >= sharedFrom) return points.readings[i]!;
    const made = points.madeFor(i, knownAt);
    if (made !== undefined) return made;
    const blocks = blocksOf(entity);
    const steps = blocks.steps(q.knownAt!, knownAt);
    let last = points.begun(i);
    if (last >= 0 && !steps.visible(last)) last = steps.previous(last);
    // Where a piece was retracted, its visibility is not its report day alone: such readings are made for the read.
    const keeps = !entity.retracted;
    // The last piece visible decides the value (an uncertain one is made whatever it is). One to be kept is made
    // whatever it is: the next read finds it.
    const decides = last >= 0 ? list[last]! : null;
    if (!keeps && wanted && decides && !wanted(decides.value) && !uncertainAt(decides, q.asOf)) return undefined;
    const span = this.span;
    const reading = readAt(list, q.asOf, q.knownAt, this.floor, steps, span, last);
    if (keeps) this.keepMade(points, i, reading, blocks.reported, span, knownAt);
    return reading;
  }

  /** For readEntity's span: reads are not reentrant, and this saves an allocation per reading made. */
  private readonly span = blankSpan();
  /** Readings kept by keepMade since they were last all dropped. */
  private made = 0;

  /**
   * Keeps a reading made as known at day `knownAt`, for the next reads at its point known over the days it holds
   * for: those over which every piece from where its walk back stopped to its next piece (see ReadSpan), and the
   * floor if it used it, stays reported or not as at `knownAt`. A read of every state known within a year after the
   * date it reads makes thousands (it was most of the slowest reads' time), and the same read again made them again.
   * Only for pieces never retracted, whose visibility is their report day alone. Past `madeMax` kept, all are dropped:
   * memory stays bounded whatever dates clients read (each point keeps KEPT_PER_POINT at most).
   */
  private keepMade(
    points: ReadingsByPoint<V>,
    i: number,
    reading: Reading<V> | null,
    reported: Int32Array,
    span: ReadSpan,
    knownAt: number,
  ): void {
    let from = 0;
    let to = 2 ** 31 - 1;
    const end = span.next < 0 ? reported.length - 1 : span.next;
    for (let j = Math.max(span.stop, 0); j <= end; j++) {
      const day = reported[j]!;
      if (day <= knownAt) from = Math.max(from, day);
      else to = Math.min(to, day);
    }
    // The floor is visible from its report to its retraction, if any.
    if (span.usedFloor && this.floor)
      for (const date of [this.floor.reported, this.floor.retractedAt]) {
        if (date === null) continue;
        const day = dayNumber(date);
        if (day <= knownAt) from = Math.max(from, day);
        else to = Math.min(to, day);
      }
    if (++this.made > this.madeMax) {
      for (const entity of this.entities.values()) entity.readings?.dropMade();
      this.made = 1;
    }
    if (reading) reading.shared = true;
    points.keepMade(i, reading, from, to);
  }

  /** The day from which the pieces that decide a reading (see ReadSpan) are visible, or not, as with everything known. */
  private knownFrom({ list, retracted }: IndexedEntity<V>, span: ReadSpan): number {
    let from = 0;
    for (const j of [span.stop, span.first, span.last, span.next])
      if (j >= 0) from = Math.max(from, settledAt(list[j]!));
    // Retracted pieces are rare: the scan runs only for an entity that has one.
    if (retracted) {
      const end = span.next < 0 ? list.length - 1 : span.next;
      for (let j = Math.max(span.stop, 0); j <= end; j++)
        if (list[j]!.retractedAt !== null) from = Math.max(from, settledAt(list[j]!));
    }
    if (span.usedFloor && this.floor) from = Math.max(from, settledAt(this.floor));
    return from;
  }

  history(key: string, knownAt: string | null): Segment<V>[] {
    return segments(this.evidence(key, knownAt), this.floorAt(knownAt));
  }
}

/** One entity's evidence, and what reads keep of it. */
export interface IndexedEntity<V> {
  list: Evidence<V>[];
  /**
   * The dates where its reading can change, and the reading with everything known at each
   * (see ReadingsByPoint). Null until first read; dropped when a retraction or a floor
   * changes what it says.
   */
  readings: ReadingsByPoint<V> | null;
  /** For reads as known at a date: its report dates in blocks (see ReportedBlocks). Dropped when its list changes. */
  blocks: ReportedBlocks | null;
  /** For reads as known at a date past what was known then (see KnownTails). Dropped when its list changes. */
  tails: KnownTails<V> | null;
  /** Whether any of its evidence was ever retracted. */
  retracted: boolean;
}

/** A query with its dates as day numbers, made once for a read of many entities. */
export interface DayQuery extends TemporalQuery {
  asOfDay: number;
  knownAtDay: number | null;
}

export const dayQuery = (q: TemporalQuery): DayQuery => ({
  asOf: q.asOf,
  knownAt: q.knownAt,
  asOfDay: dayNumber(q.asOf),
  knownAtDay: q.knownAt === null ? null : dayNumber(q.knownAt),
});

const blocksOf = (entity: IndexedEntity<unknown>): ReportedBlocks =>
  (entity.blocks ??= new ReportedBlocks(entity.list));
const tailsOf = <V>(entity: IndexedEntity<V>): KnownTails<V> =>
  (entity.tails ??= new KnownTails(entity.list, blocksOf(entity)));

/**
 * How many readings made for reads known at a date an index keeps at most: about 110 MiB
 * with a member's entry each. At 1,000,000 events, the reads benchmark's 1000 reads known
 * at random dates kept 151,000, and its peak RSS grew by 65 MiB.
 */
const MADE_MAX = 250_000;

/** From this day known on, a fact is as visible as with everything known: reported, and retracted if it ever is. */
const settledAt = (f: Visibility) =>
  dayNumber(f.retractedAt !== null && f.retractedAt > f.reported ? f.retractedAt : f.reported);
