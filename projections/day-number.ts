/**
 * An ISO day as a comparable integer (2007-10-06 → 20071006). Reads search arrays of
 * these: comparing two numbers in one array touches no string, where comparing day
 * strings loads each of them from wherever the heap put it.
 */
export function dayNumber(d: string): number {
  const digit = (i: number) => d.charCodeAt(i) - 48;
  return (
    digit(0) * 10_000_000 +
    digit(1) * 1_000_000 +
    digit(2) * 100_000 +
    digit(3) * 10_000 +
    digit(5) * 1000 +
    digit(6) * 100 +
    digit(8) * 10 +
    digit(9)
  );
}

/** Index of the last of `sorted` on or before `day`, or -1. */
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
