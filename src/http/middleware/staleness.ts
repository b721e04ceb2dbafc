import type { RequestHandler } from 'express';
import type { StoreHealth } from '../../store/health';

/** While the store does not answer, reads still come from the read models, with how stale they may be. */
export const staleness =
  (health: StoreHealth): RequestHandler =>
  (_req, res, next) => {
    const stale = health.staleSeconds;
    if (stale !== null) res.set('X-Read-Model-Stale', String(stale));
    next();
  };
