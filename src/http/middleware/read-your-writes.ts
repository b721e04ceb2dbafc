import type { RequestHandler } from 'express';
import { z } from 'zod';
import { invalid } from '../../errors';

const MinPosition = z
  .string()
  .regex(/^\d{1,15}$/, 'expected a log position (a whole number)')
  .transform(Number);

/**
 * `?minPosition=N`: waits (bounded) until the read models reflect position N, so a
 * client reads its own write; answers 503 with Retry-After when they cannot in time.
 */
export const readYourWrites =
  (engine: { waitFor(position: number, timeoutMs: number): Promise<void> }, timeoutMs: number): RequestHandler =>
  async (req, _res, next) => {
    const raw = (req.query as Record<string, unknown>).minPosition;
    if (raw === undefined) return next();
    const r = MinPosition.safeParse(raw);
    if (!r.success)
      throw invalid('invalid query parameter: minPosition', [
        { field: 'minPosition', message: r.error.issues[0]!.message },
      ]);
    await engine.waitFor(r.data, timeoutMs);
    next();
  };
