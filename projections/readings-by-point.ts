import { blockedDays, blockedLength, dayNumber, findDay } from './day-number';
import type { Evidence, Reading } from './evidence';

/** In the shared-from column: no reading made yet at that point. */
const NOT_MADE = -1;

/** Readings made for reads known at a date kept per point: the last few, each with the days known over which it holds. */
const KEPT_PER_POINT = 4;

/**
 * The dates where an entity's reading can change (points), with the reading of everything
 * known at each, made on first use. What reads search is in one array (a read of every
 * state touches thousands of these, each a miss in the CPU cache): the days of the points
 * laid out by `blockedDays`, then side by side, from what day known the reading at a point
 * is the one of everything known, and the last piece of the list begun by it.
 * Beside them, made on first use too, the last readings made at each point for reads known
 * before that day, with the days known over which each holds (see TemporalIndex.readEntity).
 * Built for a list as it is; a list that changes needs a new one.
 */
export class ReadingsByPoint<V> {
  private readonly table: Int32Array;
  /** Where the two columns per point begin in `table`. */
  private readonly columns: number;
  /** At each point, the reading with everything known (null: every piece of evidence there retracted); set with its shared-from day. */
  readonly readings: (Reading<V> | null)[] = [];

  constructor(
    readonly dates: readonly string[],
    list: readonly Evidence<V>[],
  ) {
    const n = dates.length;
    const columns = (this.columns = blockedLength(n));
    const table = (this.table = blockedDays(dates.map(dayNumber), columns + 2 * n));
    let j = 0;
    for (let i = 0; i < n; i++) {
      table[columns + 2 * i] = NOT_MADE;
      // No piece begins between two points: a read made for its own knownAt starts there, with no second search.
      while (j < list.length && list[j]!.occurred.earliest <= dates[i]!) j++;
      table[columns + 2 * i + 1] = j - 1;
    }
  }

  /** The index of the last point on or before `day` (a day number), or -1. */
  find(day: number): number {
    return findDay(this.table, this.dates.length, day);
  }

  /** From this day known (a day number) the reading of everything known holds at point `i`; undefined before it is made. */
  sharedFrom(i: number): number | undefined {
    const d = this.table[this.columns + 2 * i]!;
    return d === NOT_MADE ? undefined : d;
  }

  /** Keeps the reading of everything known at point `i`, and from what day known it holds. */
  keep(i: number, reading: Reading<V> | null, sharedFrom: number): void {
    this.readings[i] = reading;
    this.table[this.columns + 2 * i] = sharedFrom;
  }

  /** The last piece of the list begun by point `i` (-1: none). */
  begun(i: number): number {
    return this.table[this.columns + 2 * i + 1]!;
  }

  /**
   * Per point, KEPT_PER_POINT pairs of day numbers: the days known from which, and up to
   * which, a kept reading holds, the newest first; 0 to 0, an empty span, where none is.
   * Null until one is kept.
   */
  private spans: Int32Array | null = null;
  /** The kept readings, in the order of `spans`. */
  private kept: (Reading<V> | null)[] = [];

  /** A reading kept at point `i` that holds as known at day number `knownAt`; undefined if none does. */
  madeFor(i: number, knownAt: number): Reading<V> | null | undefined {
    const spans = this.spans;
    if (spans === null) return undefined;
    for (let k = i * KEPT_PER_POINT; k < (i + 1) * KEPT_PER_POINT; k++)
      if (knownAt >= spans[2 * k]! && knownAt < spans[2 * k + 1]!) return this.kept[k];
    return undefined;
  }

  /** Keeps a reading made at point `i` that holds as known from day number `from` up to `to`, in place of the oldest. */
  keepMade(i: number, reading: Reading<V> | null, from: number, to: number): void {
    let spans = this.spans;
    if (spans === null) {
      const slots = this.dates.length * KEPT_PER_POINT;
      spans = this.spans = new Int32Array(slots * 2);
      // Sized and filled at once: set far past its end, an array may turn into a dictionary, slow to read.
      this.kept = new Array<Reading<V> | null>(slots).fill(null);
    }
    const first = i * KEPT_PER_POINT;
    for (let k = first + KEPT_PER_POINT - 1; k > first; k--) {
      spans[2 * k] = spans[2 * k - 2]!;
      spans[2 * k + 1] = spans[2 * k - 1]!;
      this.kept[k] = this.kept[k - 1]!;
    }
    spans[2 * first] = from;
    spans[2 * first + 1] = to;
    this.kept[first] = reading;
  }

  /** Forgets every kept reading. */
  dropMade(): void {
    this.spans = null;
    this.kept = [];
  }
}
