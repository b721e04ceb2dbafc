/**
 * An ISO day as a comparable integer (2007-10-06 → 20071006). Reads search arrays of
 * these: comparing two numbers in one array touches no string, where comparing day
 * strings loads each of them from wherever the heap put it.
 */
export function dayNumber(d: string): number {
  // No closure over `d`: reads convert a day per state, and this must not allocate.
  return (
    digit(d, 0) * 10_000_000 +
    digit(d, 1) * 1_000_000 +
    digit(d, 2) * 100_000 +
    digit(d, 3) * 10_000 +
    digit(d, 5) * 1000 +
    digit(d, 6) * 100 +
    digit(d, 8) * 10 +
    digit(d, 9)
  );
}

const digit = (d: string, i: number) => d.charCodeAt(i) - 48;

/**
 * Index of the last of `sorted` (from `from` to before `to`) on or before `day`, or
 * `from - 1`. Its own loop rather than prefixLength: reads search once per state, and
 * prefixLength's predicate is a closure.
 */
export function lastAtOrBeforeDay(sorted: ArrayLike<number>, day: number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Days per block of the first step of `findDay`: 16 day numbers of 4 bytes fill one cache line. */
const BLOCK = 16;

/**
 * Sorted days laid out for `findDay`, at the start of an array of `length` (at least
 * `blockedLength(days.length)`; the rest is the caller's): the day of every 16th, then
 * all of them.
 */
export function blockedDays(days: ArrayLike<number>, length: number): Int32Array {
  const n = days.length;
  const m = Math.ceil(n / BLOCK);
  const table = new Int32Array(length);
  for (let i = 0; i < n; i++) {
    if (i % BLOCK === 0) table[i / BLOCK] = days[i]!;
    table[m + i] = days[i]!;
  }
  return table;
}

/** How much of an array `blockedDays` takes for `n` days. */
export const blockedLength = (n: number): number => Math.ceil(n / BLOCK) + n;

/**
 * Index of the last of `n` days laid out by `blockedDays` on or before `day`, or -1. For
 * arrays read by reads that miss the CPU cache at every step (a read of every state
 * searches thousands): a search of the first days of each block, then of one block,
 * touches two cache lines where a binary search of all touches one per halving.
 */
export function findDay(table: ArrayLike<number>, n: number, day: number): number {
  const m = Math.ceil(n / BLOCK);
  const b = lastAtOrBeforeDay(table, day, 0, m);
  if (b < 0) return -1;
  const from = m + b * BLOCK;
  return lastAtOrBeforeDay(table, day, from, Math.min(from + BLOCK, m + n)) - m;
}
