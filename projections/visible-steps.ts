import { isVisibleAt, type Visibility } from './projection';

/** From one piece of evidence to the nearest one visible at a date, before or after it (-1: none). */
export interface VisibleSteps {
  previous(i: number): number;
  next(i: number): number;
}

/** Steps one by one: right for a list read once, costly for a long list read as known at an early date. */
export function linearSteps(list: readonly Visibility[], knownAt: string | null): VisibleSteps {
  return {
    previous(i) {
      let j = i - 1;
      while (j >= 0 && !isVisibleAt(list[j]!, knownAt)) j--;
      return j;
    },
    next(i) {
      let j = i + 1;
      while (j < list.length && !isVisibleAt(list[j]!, knownAt)) j++;
      return j < list.length ? j : -1;
    },
  };
}

const BLOCK = 16;

/** An ISO day as a comparable integer (2007-10-06 → 20071006). */
const dayNumber = (d: string) => Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));

/**
 * The report dates of a list, with the earliest of each block of 16: a step skips a
 * whole block none of whose evidence was reported yet. Reading as known at an early
 * date then costs the number of blocks plus one block, not the length of the list.
 * Built for a list as it is; a list that changes needs a new one.
 */
export class ReportedBlocks {
  private readonly reported: Int32Array;
  private readonly earliest: Int32Array;

  constructor(private readonly list: readonly Visibility[]) {
    this.reported = Int32Array.from(list, (e) => dayNumber(e.reported));
    this.earliest = new Int32Array(Math.ceil(list.length / BLOCK)).fill(2 ** 31 - 1);
    this.reported.forEach((r, i) => {
      const b = Math.floor(i / BLOCK);
      if (r < this.earliest[b]!) this.earliest[b] = r;
    });
  }

  /** Steps for `knownAt` (a date; with everything known, nothing is skipped by report date). */
  steps(knownAt: string): VisibleSteps {
    const { list, reported, earliest } = this;
    const k = dayNumber(knownAt);
    // Retractions are rare: a piece reported in time is checked in full.
    const visible = (j: number) => reported[j]! <= k && isVisibleAt(list[j]!, knownAt);
    return {
      previous(i) {
        let j = i - 1;
        while (j >= 0) {
          if (j % BLOCK === BLOCK - 1 && earliest[(j - BLOCK + 1) / BLOCK]! > k) j -= BLOCK;
          else if (visible(j)) return j;
          else j--;
        }
        return -1;
      },
      next(i) {
        let j = i + 1;
        while (j < list.length) {
          if (j % BLOCK === 0 && earliest[j / BLOCK]! > k) j += BLOCK;
          else if (visible(j)) return j;
          else j++;
        }
        return -1;
      },
    };
  }
}
