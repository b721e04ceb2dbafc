import type { RequestHandler } from 'express';

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
