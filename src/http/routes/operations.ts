import { Router } from 'express';
import type { components } from '../../../openapi/schema';
import type { ProjectionEngine } from '../../read/projection-engine';
import type { StoreHealth } from '../../store/health';
import type { EventStore } from '../../store/port';

type Schemas = components['schemas'];

/** Liveness, readiness and the contract itself. */
export function operationRoutes(
  store: EventStore,
  engine: ProjectionEngine,
  spec: object,
  health: StoreHealth,
): Router {
  const r = Router();

  r.get('/healthz', (_req, res) => {
    const body: Schemas['Health'] = { status: 'ok' };
    res.json(body);
  });

  r.get('/readyz', async (_req, res) => {
    const up = await health.check();
    const head = up ? await store.head().catch(() => null) : null;
    const body: Schemas['Readiness'] = {
      ready: head !== null && engine.currentPosition >= head,
      store: store.name,
      storeError: health.error,
      position: engine.currentPosition,
      head,
      rebuilding: engine.rebuilding,
    };
    res.status(body.ready ? 200 : 503).json(body);
  });

  r.get('/openapi.json', (_req, res) => {
    res.json(spec);
  });

  return r;
}
