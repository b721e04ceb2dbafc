import { Router } from 'express';
import type { components } from '../../../openapi/schema';
import type { ProjectionEngine } from '../../engine/projection-engine';
import type { EventStore } from '../../store/port';

type Schemas = components['schemas'];

/** Liveness, readiness and the contract itself. */
export function operationRoutes(store: EventStore, engine: ProjectionEngine, spec: object): Router {
  const r = Router();

  r.get('/healthz', (_req, res) => {
    const body: Schemas['Health'] = { status: 'ok' };
    res.json(body);
  });

  r.get('/readyz', async (_req, res) => {
    const head = await store.head().catch(() => null);
    const body: Schemas['Readiness'] = { ready: head !== null && engine.currentPosition >= head, store: store.name, position: engine.currentPosition, head, rebuilding: engine.rebuilding };
    res.status(body.ready ? 200 : 503).json(body);
  });

  r.get('/openapi.json', (_req, res) => {
    res.json(spec);
  });

  return r;
}
