import { blankSpan, readAt, type Evidence, type Reading } from './evidence';
import { blockedDays, blockedLength, dayNumber, findDay } from './day-number';
import type { ReportedBlocks } from './visible-steps';

/** Later than any date read: the tail reading is made as of it. */
const END = '9999-12-31';

/**
 * The readings of one entity past the last evidence known at a date. What is known of
 * it changes only on the days its evidence was reported or retracted: from one such
 * day to the next it is one version. As of any date on or after the day the last piece
 * visible in a version begins (or, for a change dated by a range, ends), the reading is
 * that piece carried forward, whatever the date: one reading per version, made on
 * first use. So a read as of a date past what was known costs a binary search over the
 * report days instead of a walk over the evidence not yet reported.
 * The floor never decides such a reading: it bounds only a run of evidence that walks
 * back to an implied piece, and an implied piece is visible with the change that
 * implies it, which comes after it and stops the walk.
 * Built for a list as it is; a list that changes needs a new one.
 */
export class KnownTails<V> {
  private readonly versions: number;
  /**
   * The day number each version begins on, laid out by `blockedDays`; then from `holds`, per version, as of what
   * day number or later its tail reading holds, set with the reading. One array: a read of every state touches thousands.
   */
  private readonly table: Int32Array;
  private readonly holds: number;
  /** undefined: not yet made; null (nothing visible) is kept like any reading. */
  private readonly readings: (Reading<V> | null | undefined)[];

  constructor(
    private readonly list: readonly Evidence<V>[],
    private readonly blocks: ReportedBlocks,
  ) {
    const retracted = list.filter((e) => e.retractedAt !== null).map((e) => dayNumber(e.retractedAt!));
    const days = new Int32Array(list.length + retracted.length);
    days.set(blocks.reported);
    days.set(retracted, list.length);
    days.sort();
    let n = 0;
    for (const d of days) if (n === 0 || days[n - 1] !== d) days[n++] = d;
    this.versions = n;
    this.holds = blockedLength(n);
    this.table = blockedDays(days.subarray(0, n), this.holds + n);
    this.readings = new Array<undefined>(n);
  }

  /**
   * The reading as of `asOf` as known at `knownAt` (day numbers; `knownDate` is knownAt
   * as a date) where it is the tail of what was known then; undefined where evidence
   * known then begins after asOf.
   */
  read(asOf: number, knownAt: number, knownDate: string): Reading<V> | null | undefined {
    const v = findDay(this.table, this.versions, knownAt);
    if (v < 0) return undefined;
    let reading = this.readings[v];
    if (reading === undefined) {
      const span = blankSpan();
      // Any date of a version sees what every other one does.
      const steps = this.blocks.steps(knownDate);
      this.readings[v] = reading = readAt(this.list, END, knownDate, null, steps, span);
      if (reading) reading.shared = true;
      const last = span.last < 0 ? null : this.list[span.last]!;
      // Before a change's range ends, a read is uncertain inside it; before the last piece begins, it reads earlier evidence.
      this.table[this.holds + v] =
        last === null ? 0 : dayNumber(last.kind === 'change' ? last.occurred.latest : last.occurred.earliest);
    }
    return asOf >= this.table[this.holds + v]! ? reading : undefined;
  }
}
