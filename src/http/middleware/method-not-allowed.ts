import type { RequestHandler } from 'express';
import { methodNotAllowed as notAllowed } from '../../errors';

/** A known path with a method it does not have is a 405 with Allow, not a 404. */
export function methodNotAllowed(paths: Record<string, Record<string, unknown>>): RequestHandler {
  const routes = Object.entries(paths).map(([path, ops]) => ({
    pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    allow: [...Object.keys(ops).map((m) => m.toUpperCase()), 'HEAD'],
  }));
  return (req, _res, next) => {
    const route = routes.find((r) => r.pattern.test(req.path));
    if (!route) return next();
    throw notAllowed(`${req.method} is not allowed on ${req.path}`, route.allow);
  };
}
