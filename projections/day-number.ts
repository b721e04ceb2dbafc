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
 * Index of the last of `sorted` on or before `day`, or -1. Its own loop rather than
 * prefixLength: reads search once per state, and prefixLength's predicate is a closure.
 */
export function lastAtOrBeforeDay(sorted: ArrayLike<number>, day: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
