import { readAt, type Evidence, type ReadSpan, type Reading } from './evidence';
import { dayNumber, lastAtOrBeforeDay } from './day-number';
import type { ReportedBlocks } from './visible-steps';

/** Later than any date read: the tail reading is made as of it. */
const END = '9999-12-31';

/**
 * The readings of one entity past the last evidence known at a date. What is known of
 * it changes only on the days its evidence was reported or retracted:
 * from one such day to the next it is one version. As of any date on or after the day
 * the last piece visible in a version begins (or, for a change dated by a range, ends),
 * the reading is that piece carried forward, whatever the date: one reading per
 * version, made on first use. So a read as of a date past what was known costs two
 * binary searches instead of a walk over the evidence not yet reported.
 * The floor never decides such a reading: it bounds only a run of evidence that walks
 * back to an implied piece, and an implied piece is visible with the change that
 * implies it, which comes after it and stops the walk.
 * Built for a list as it is; a list that changes needs a new one.
 */
export class KnownTails<V> {
  /** The day number each version begins on, ascending. */
  private readonly from: Int32Array;
  /** The same days as dates, to read with. */
  private readonly dates: string[];
  /** As of this day number or later, a version's tail reading holds; set with the reading. */
  private readonly holdsFrom: Int32Array;
  /** undefined: not yet made; null (nothing visible) is kept like any reading. */
  private readonly readings: (Reading<V> | null | undefined)[];

  constructor(
    private readonly list: readonly Evidence<V>[],
    private readonly blocks: ReportedBlocks,
  ) {
    const days = new Map<number, string>();
    const note = (d: string | null) => d !== null && days.set(dayNumber(d), d);
    for (const e of list) {
      note(e.reported);
      note(e.retractedAt);
    }
    this.from = Int32Array.from(days.keys()).sort();
    this.dates = Array.from(this.from, (d) => days.get(d)!);
    this.holdsFrom = new Int32Array(this.from.length);
    this.readings = new Array<undefined>(this.from.length);
  }

  /**
   * The reading as of `asOf` as known at `knownAt` (both day numbers) where it is the
   * tail of what was known then; undefined where evidence known then begins after asOf.
   */
  read(asOf: number, knownAt: number): Reading<V> | null | undefined {
    const v = lastAtOrBeforeDay(this.from, knownAt);
    if (v < 0) return undefined;
    let reading = this.readings[v];
    if (reading === undefined) {
      const span: ReadSpan = { stop: -1, first: -1, last: -1, next: -1, usedFloor: false };
      const date = this.dates[v]!;
      this.readings[v] = reading = readAt(this.list, END, date, null, this.blocks.steps(date), span);
      if (reading) reading.shared = true;
      const last = span.last < 0 ? null : this.list[span.last]!;
      // Before a change's range ends, a read is uncertain inside it; before the last piece begins, it reads earlier evidence.
      this.holdsFrom[v] =
        last === null ? 0 : dayNumber(last.kind === 'change' ? last.occurred.latest : last.occurred.earliest);
    }
    return asOf >= this.holdsFrom[v]! ? reading : undefined;
  }
}
