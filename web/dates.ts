/** Calendar days as integers, so the slider and the chart share one scale. */
const MS_PER_DAY = 86_400_000;

export const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
export const isoDay = (n: number): string => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);

/** A linear map from a span of days onto a span of pixels. */
export interface Scale {
  from: number;
  to: number;
  x(iso: string): number;
}

export function scale(fromIso: string, toIso: string, left: number, width: number): Scale {
  const from = dayNumber(fromIso);
  const to = dayNumber(toIso);
  return { from, to, x: (iso) => left + ((dayNumber(iso) - from) / Math.max(1, to - from)) * width };
}
