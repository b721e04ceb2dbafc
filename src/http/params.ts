import type { Request } from 'express';
import { z } from 'zod';
import { ENTITY_KINDS, EventTypeSchema } from '../../events/catalog';
import { IsoDay } from '../../events/dates';
import { StreamName } from '../../events/envelope';
import { invalid } from '../errors';

export const today = () => new Date().toISOString().slice(0, 10);

/** Parameters that may repeat (`?type=A&type=B`); every other one must be given once. */
const many = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(schema).max(50),
  );

const LIMIT = 'expected a whole number from 1 to 500';

export const Params = {
  asOf: IsoDay.optional(),
  knownAt: IsoDay.optional(),
  to: IsoDay.optional(),
  cursor: z.string().max(200).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, LIMIT)
    .transform(Number)
    .pipe(z.number().int().min(1, LIMIT).max(500, LIMIT))
    .optional(),
  speaker: z.string().min(1).max(200).optional(),
  topic: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'expected a lower-case topic such as nato')
    .optional(),
  q: z.string().min(1).max(200).optional(),
  kind: z.enum(ENTITY_KINDS).optional(),
  from: IsoDay.optional(),
  type: many(EventTypeSchema),
  stream: many(StreamName),
};
type ParamName = keyof typeof Params;

/**
 * Validates the query string against the parameters an operation accepts. Unknown
 * parameters are rejected too, so a misspelt `asof` is not silently ignored.
 * `minPosition` is every read's, handled by the readYourWrites middleware.
 */
export function parseQuery<K extends ParamName>(
  req: Request,
  names: readonly K[],
  checkedElsewhere: readonly string[] = [],
): { [P in K]: z.output<(typeof Params)[P]> } {
  const query = req.query as Record<string, unknown>;
  const accepted = [...names, ...checkedElsewhere, ...(req.method === 'GET' ? ['minPosition'] : [])];
  const issues = Object.keys(query)
    .filter((k) => k !== 'minPosition' && !checkedElsewhere.includes(k) && !(names as readonly string[]).includes(k))
    .map((k) => ({ field: k, message: `unknown parameter; this operation accepts: ${accepted.join(', ') || 'none'}` }));
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const r = Params[name].safeParse(query[name]);
    if (r.success) out[name] = r.data;
    else
      issues.push(
        ...r.error.issues.map((i) => ({
          field: name,
          message: i.code === 'invalid_type' ? `expected a single value` : i.message,
        })),
      );
  }
  if (issues.length)
    throw invalid(
      `invalid query parameter${issues.length > 1 ? 's' : ''}: ${[...new Set(issues.map((i) => i.field))].join(', ')}`,
      issues,
    );
  return out as { [P in K]: z.output<(typeof Params)[P]> };
}

/** The two time axes, with their defaults: as of today, everything recorded. */
export function temporal(p: { asOf?: string; knownAt?: string }) {
  return { asOf: p.asOf ?? today(), knownAt: p.knownAt ?? null };
}

export function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to)
    throw invalid('from is after to', [{ field: 'to', message: `must not be before from (${from})` }]);
}
