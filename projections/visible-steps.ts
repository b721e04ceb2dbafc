import { prefixLength } from './bisect';
import { dayNumber, lastAtOrBeforeDay } from './day-number';
import { isVisibleAt, type Visibility } from './projection';

/** What steps read of a piece of evidence: when it begins, and when it was reported and retracted. */
export interface Steppable extends Visibility {
  occurred: { earliest: string };
}

/**
 * Over a list ordered by when each piece begins: the last piece begun by a date, and
 * from one piece to the nearest one visible at a date, before or after it (-1: none).
 */
export interface VisibleSteps {
  lastBegunBy(asOf: string): number;
  visible(i: number): boolean;
  previous(i: number): number;
  next(i: number): number;
}

/** Steps one by one: right for a list read once, costly for a long list read as known at an early date. */
export const linearSteps = (list: readonly Steppable[], knownAt: string | null): VisibleSteps =>
  new LinearSteps(list, knownAt);

// Steps are classes, not closures: a read as known at a date makes one per entity, and closures cost three allocations each.
class LinearSteps implements VisibleSteps {
  constructor(
    private readonly list: readonly Steppable[],
    private readonly knownAt: string | null,
  ) {}

  lastBegunBy(asOf: string): number {
    return prefixLength(this.list.length, (i) => this.list[i]!.occurred.earliest <= asOf) - 1;
  }

  visible(i: number): boolean {
    return isVisibleAt(this.list[i]!, this.knownAt);
  }

  previous(i: number): number {
    let j = i - 1;
    while (j >= 0 && !this.visible(j)) j--;
    return j;
  }

  next(i: number): number {
    const n = this.list.length;
    let j = i + 1;
    while (j < n && !this.visible(j)) j++;
    return j < n ? j : -1;
  }
}

const BLOCK = 16;

/**
 * The report dates of a list, with the earliest of each block of 16: a step skips a
 * whole block none of whose evidence was reported yet. Reading as known at an early
 * date then costs the number of blocks plus one block, not the length of the list.
 * Built for a list as it is; a list that changes needs a new one.
 */
export class ReportedBlocks {
  private readonly begins: Int32Array;
  /** Each piece's report date as a day number, in list order. */
  readonly reported: Int32Array;
  private readonly earliest: Int32Array;

  // One loop, not Int32Array.from with a mapping function: that took four times as long, and the first read as
  // known at a date builds these for every state.
  constructor(private readonly list: readonly Steppable[]) {
    const n = list.length;
    this.begins = new Int32Array(n);
    this.reported = new Int32Array(n);
    this.earliest = new Int32Array(Math.ceil(n / BLOCK)).fill(2 ** 31 - 1);
    for (let i = 0; i < n; i++) {
      const e = list[i]!;
      const r = dayNumber(e.reported);
      this.begins[i] = dayNumber(e.occurred.earliest);
      this.reported[i] = r;
      const b = Math.floor(i / BLOCK);
      if (r < this.earliest[b]!) this.earliest[b] = r;
    }
  }

  /** Steps for `knownAt` (a date, and `k`, its day number; with everything known, nothing is skipped by report date). */
  steps(knownAt: string, k = dayNumber(knownAt)): VisibleSteps {
    return new BlockSteps(this.list, this.begins, this.reported, this.earliest, knownAt, k);
  }
}

class BlockSteps implements VisibleSteps {
  constructor(
    private readonly list: readonly Visibility[],
    private readonly begins: Int32Array,
    private readonly reported: Int32Array,
    private readonly earliest: Int32Array,
    private readonly knownAt: string,
    private readonly k: number,
  ) {}

  lastBegunBy(asOf: string): number {
    return lastAtOrBeforeDay(this.begins, dayNumber(asOf));
  }

  // By the day number, not the report date's string; retractions are rare, and only then is the date compared.
  visible(j: number): boolean {
    if (this.reported[j]! > this.k) return false;
    const { retractedAt } = this.list[j]!;
    return retractedAt === null || retractedAt > this.knownAt;
  }

  previous(i: number): number {
    let j = i - 1;
    while (j >= 0) {
      if (j % BLOCK === BLOCK - 1 && this.earliest[(j - BLOCK + 1) / BLOCK]! > this.k) j -= BLOCK;
      else if (this.visible(j)) return j;
      else j--;
    }
    return -1;
  }

  next(i: number): number {
    const n = this.list.length;
    let j = i + 1;
    while (j < n) {
      if (j % BLOCK === 0 && this.earliest[j / BLOCK]! > this.k) j += BLOCK;
      else if (this.visible(j)) return j;
      else j++;
    }
    return -1;
  }
}
