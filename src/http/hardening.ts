import type { RequestHandler } from 'express';
import { rateLimited } from '../errors';

/** Headers an API should send whatever it answers (what helmet sets for an API that serves no pages). */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  next();
};

export interface CorsConfig {
  /** Origins allowed to read from a browser; '*' for any. Empty: no cross-origin access. */
  origins: string[];
  /** Whether those origins may also write. Off unless configured. */
  allowWrites: boolean;
}

/** Cross-origin access as configured: reads for the listed origins, writes only when allowed. */
export function cors(config: CorsConfig): RequestHandler {
  const allowed = (origin: string) => config.origins.includes('*') || config.origins.includes(origin);
  return (req, res, next) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (!origin || !allowed(origin)) return next();
    const methods = config.allowWrites ? 'GET, HEAD, POST' : 'GET, HEAD';
    res.set({
      'Access-Control-Allow-Origin': config.origins.includes('*') ? '*' : origin,
      'Access-Control-Expose-Headers':
        'ETag, Location, Retry-After, X-Request-Id, X-Read-Model-Stale, Idempotent-Replayed',
    });
    if (req.method === 'OPTIONS') {
      const wanted = (req.get('access-control-request-method') ?? '').toUpperCase();
      if (!methods.split(', ').includes(wanted)) return res.status(204).end();
      res.set({
        'Access-Control-Allow-Methods': methods,
        'Access-Control-Allow-Headers':
          'Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, Last-Event-ID',
        'Access-Control-Max-Age': '600',
      });
      return res.status(204).end();
    }
    next();
  };
}

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
