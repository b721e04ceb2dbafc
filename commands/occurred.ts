import { z } from 'zod';
import { DAY_FORM, FuzzyDate, daysInMonth, isRealDay } from '../events/dates';

const MONTH = /^\d{4}-\d{2}$/;
const YEAR = /^\d{4}$/;

/** The first and last day a day, month or year stands for; null if it is none of these. */
function bounds(s: string): { earliest: string; latest: string; precision: 'day' | 'month' | 'year' } | null {
  // isRealDay checks the shape itself, so a real day (the common case) is matched once.
  if (isRealDay(s)) return { earliest: s, latest: s, precision: 'day' };
  if (DAY_FORM.test(s)) return null;
  if (MONTH.test(s)) {
    const m = Number(s.slice(5, 7));
    return m >= 1 && m <= 12
      ? { earliest: `${s}-01`, latest: `${s}-${daysInMonth(Number(s.slice(0, 4)), m)}`, precision: 'month' }
      : null;
  }
  if (YEAR.test(s)) return { earliest: `${s}-01-01`, latest: `${s}-12-31`, precision: 'year' };
  return null;
}

/**
 * Reads the EDTF subset a client may write for `occurred`: a day, a month, a year
 * (`2005-10-29`, `2005-10`, `1999`), an interval of those (`2006-06/2006-08`), or an
 * open one (`2000/..`, "since 2000": the interval is when it began; `../2005-11-11`, on or before).
 */
export function parseEdtf(edtf: string, text = edtf): FuzzyDate | null {
  const parts = edtf.split('/');
  if (parts.length === 1) {
    const b = bounds(edtf);
    // Spelled out: a spread followed by new keys takes V8's slow path, about 1.3 µs a fact on this machine.
    return b && { earliest: b.earliest, latest: b.latest, precision: b.precision, text, edtf };
  }
  if (parts.length !== 2) return null;
  const [from, to] = parts as [string, string];
  if (from === '..') {
    const end = bounds(to);
    return end && { earliest: end.latest, latest: end.latest, precision: 'before', text, edtf };
  }
  const start = bounds(from);
  if (!start) return null;
  if (to === '..') return { earliest: start.earliest, latest: start.latest, precision: 'since', text, edtf };
  const end = bounds(to);
  if (!end || end.latest < start.earliest) return null;
  return { earliest: start.earliest, latest: end.latest, precision: 'range', text, edtf };
}

const FORMS =
  'expected an EDTF date: a day (2005-10-29), a month (2005-10), a year (1999), an interval (2006-06/2006-08), ' +
  'an open one (2000/.. since, ../2005-11-11 on or before), or the full interval {earliest, latest, precision, text, edtf}';

/** `occurred` as a client sends it: an EDTF string, or the full interval. */
export const OccurredInput = z
  .union(
    [
      z
        .string()
        .max(40)
        .transform((s, ctx) => {
          const d = parseEdtf(s);
          if (!d) ctx.addIssue({ code: 'custom', message: FORMS });
          return d ?? z.NEVER;
        }),
      FuzzyDate,
    ],
    {
      // Without this, a union that matches neither form says only "Invalid input".
      error: (issue) => {
        if (issue.code !== 'invalid_union') return undefined;
        if (issue.input === undefined) return `required: ${FORMS}`;
        if (typeof issue.input !== 'string') return FORMS;
        const day = DAY_FORM.test(issue.input) && !isRealDay(issue.input);
        return `${JSON.stringify(issue.input)} is ${day ? 'no calendar day' : 'not a date this accepts'}; ${FORMS}`;
      },
    },
  )
  .describe(
    'An EDTF date (`2005-10-29`, `2005-10`, `1999`, `2006-06/2006-08`, `2000/..`, `../2005-11-11`) or the full interval.',
  );
