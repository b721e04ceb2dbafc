import { z } from 'zod';

/** The shape of a day, `YYYY-MM-DD`; isRealDay says whether the calendar has it. */
export const DAY_FORM = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, `YYYY-MM-DD`, that exists (2007-02-30 does not). */
export const IsoDay = z
  .string()
  .regex(DAY_FORM, { error: 'expected a day as YYYY-MM-DD, such as 2007-06-01', abort: true })
  .refine(isRealDay, 'no such calendar day')
  // The refinement is invisible to JSON Schema; `format: date` says the same there.
  .meta({ format: 'date' });
export type IsoDay = z.infer<typeof IsoDay>;

// Every fact recorded checks its dates here, so it slices and does arithmetic rather than build a Date.
export function isRealDay(s: string): boolean {
  if (!DAY_FORM.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const mo = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1-12) of a year of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The day `n` days after (or, negative, before) an ISO day. */
export function addDays(iso: IsoDay, n: number): IsoDay {
  // The day before, inside the same month, is the common case (every change implies its eve): no Date needed.
  const dd = Number(iso.slice(8, 10));
  if (n === -1 && dd > 1) return `${iso.slice(0, 8)}${pad(dd - 1)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * When something happened, kept at the precision the source gives. The interval
 * [earliest, latest] (inclusive days) holds every day it may have happened on;
 * `text` is the wording it came from and `edtf` the ISO 8601-2 notation.
 * For `since`, the interval is when the ongoing activity began. For `before`, the
 * source bounds it only from above (an outlet's date on a statement it reports):
 * it happened on or before `latest`, and `earliest`, which repeats `latest`, is only
 * the first day the record can place it, not a bound.
 */
export const FuzzyDate = z
  .object({
    earliest: IsoDay,
    latest: IsoDay,
    precision: z.enum(['day', 'month', 'year', 'season', 'range', 'since', 'before']),
    text: z.string().min(1).max(200).describe('The wording the date came from.'),
    edtf: z.string().min(4).max(40).describe('ISO 8601-2 (EDTF) notation.'),
  })
  .refine((d) => d.earliest <= d.latest, { message: 'earliest must not be after latest', path: ['latest'] })
  .refine((d) => d.precision !== 'before' || d.earliest === d.latest, {
    message: 'a `before` date repeats latest as earliest',
    path: ['earliest'],
  })
  .describe(
    'When something happened, at the precision the source gives. [earliest, latest] holds every day it may have happened on; for `before`, it happened on or before `latest` and `earliest` repeats `latest`, the first day the record can place it.',
  );
export type FuzzyDate = z.infer<typeof FuzzyDate>;

export const day = (iso: string, text = iso): FuzzyDate => ({
  earliest: iso,
  latest: iso,
  precision: 'day',
  text,
  edtf: iso,
});

export function month(ym: string, text = ym): FuzzyDate {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return { earliest: `${ym}-01`, latest: `${ym}-${pad(daysInMonth(y, m))}`, precision: 'month', text, edtf: ym };
}

export const year = (y: number, text = String(y)): FuzzyDate => ({
  earliest: `${y}-01-01`,
  latest: `${y}-12-31`,
  precision: 'year',
  text,
  edtf: String(y),
});

/** A season as explicit months: EDTF season codes are read inconsistently by tools. */
export function season(fromMonth: string, toMonth: string, text: string): FuzzyDate {
  return {
    ...range(month(fromMonth).earliest, month(toMonth).latest, text),
    precision: 'season',
    edtf: `${fromMonth}/${toMonth}`,
  };
}

export const range = (earliest: string, latest: string, text: string): FuzzyDate => ({
  earliest,
  latest,
  precision: 'range',
  text,
  edtf: `${earliest}/${latest}`,
});

/** On or before a day, with no earlier bound in the source: placed on that day, and saying so. */
export const before = (iso: string, text: string): FuzzyDate => ({
  earliest: iso,
  latest: iso,
  precision: 'before',
  text,
  edtf: `../${iso}`,
});

export const since = (y: number, text = `since ${y}`): FuzzyDate => ({
  ...year(y, text),
  precision: 'since',
  edtf: `${y}/..`,
});
