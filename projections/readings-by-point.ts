import { blockedDays, blockedLength, dayNumber, findDay } from './day-number';
import type { Evidence, Reading } from './evidence';

/** In the shared-from column: no reading made yet at that point. */
const NOT_MADE = -1;

/**
 * The dates where an entity's reading can change (points), with the reading of everything
 * known at each, made on first use. What reads search is in one array (a read of every
 * state touches thousands of these, each a miss in the CPU cache): the days of the points
 * laid out by `blockedDays`, then side by side, from what day known the reading at a point
 * is the one of everything known, and the last piece of the list begun by it.
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
}
