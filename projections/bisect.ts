/**
 * How many leading items satisfy a predicate that holds for a prefix of a sorted
 * sequence and fails for the rest (binary search over indexes 0..length-1).
 */
export function prefixLength(length: number, inPrefix: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inPrefix(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
