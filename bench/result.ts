/**
 * Every benchmark ends with one line, `RESULT {json}`: its figures and the raw
 * baseline measured in the same run, for the README's table and for comparing runs.
 */
export function printResult(bench: string, figures: Record<string, number | string | boolean | null>): void {
  console.log(`RESULT ${JSON.stringify({ bench, ...figures })}`);
}

/** The p-th percentile of ascending values (nearest rank). */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Rounded to two decimals, for milliseconds. */
export const ms = (x: number) => Math.round(x * 100) / 100;
