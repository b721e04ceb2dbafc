import type { RequestHandler } from 'express';
import { rateLimited } from '../../errors';

/**
 * A token bucket per client (the principal, or the address when anonymous): `perSecond`
 * requests a second on average, bursts up to `burst`. Past it: 429 with Retry-After.
 */
export function rateLimit(perSecond: number, burst: number): RequestHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (req, _res, next) => {
    if (perSecond <= 0) return next();
    const key = req.principal ?? req.ip ?? 'unknown';
    const now = Date.now();
    const b = buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    buckets.set(key, b);
    if (b.tokens < 1) {
      throw rateLimited(
        `more than ${perSecond} writes a second from ${req.principal ?? 'this address'}; retry later`,
        Math.max(1, Math.ceil((1 - b.tokens) / perSecond)),
      );
    }
    b.tokens -= 1;
    next();
  };
}
