import express, { type Express } from 'express';
import type { ProjectionEngine } from '../read/projection-engine';
import type { Logger } from '../logger';
import type { EventStore } from '../store/port';
import { errorHandler, notFoundHandler } from './problem';
import { methodNotAllowed } from './middleware/method-not-allowed';
import { requestLog } from './middleware/request-log';
import { eventRoutes } from './routes/events';
import { operationRoutes } from './routes/operations';
import { readModelRoutes } from './routes/read-models';
import { sourceRoutes } from './routes/sources';
import { loadSpec } from './spec';
import { Auth } from './middleware/auth';
import { readYourWrites } from './middleware/read-your-writes';
import { staleness } from './middleware/staleness';
import { cors, type CorsConfig } from './middleware/cors';
import { rateLimit } from './middleware/rate-limit';
import { securityHeaders } from './middleware/security-headers';
import { appendRoutes, streamRoutes } from './routes/streams';
import { liveRoutes } from './routes/live';
import { pageRoutes } from './routes/pages';
import { SseHub } from './sse';
import { Recorder } from '../write/recorder';
import { StoreHealth } from '../store/health';
import { Metrics } from './metrics';

export interface AppDeps {
  store: EventStore;
  engine: ProjectionEngine;
  logger: Logger;
  auth?: Auth;
  /** How long a read with minPosition waits for the read models. */
  minPositionWaitMs?: number;
  /** Open event streams; the owner closes them all on shutdown. */
  sse?: SseHub;
  cors?: CorsConfig;
  /** Writes a second per client (0: no limit), and the burst allowed. */
  writeRate?: { perSecond: number; burst: number };
  health?: StoreHealth;
  metrics?: Metrics;
}

/** The Express application: routes, then the one error mapping. */
export function createApp({
  store,
  engine,
  logger,
  auth = new Auth({}),
  minPositionWaitMs = 2000,
  sse = new SseHub(),
  cors: corsConfig = { origins: [], allowWrites: false },
  writeRate = { perSecond: 0, burst: 0 },
  health = new StoreHealth(store),
  metrics = new Metrics(store, engine, sse),
}: AppDeps): Express {
  const spec = loadSpec();
  const recorder = new Recorder(store, engine);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.set('query parser', 'simple');
  app.set('trust proxy', false);
  app.use(requestLog(logger));
  app.use(metrics.middleware);
  app.use(securityHeaders);
  app.use(cors(corsConfig));
  // Writes before the pages and operations: a post then walks none of their routes (single facts 3 to 14% faster
  // in three A/B runs of six alternating rounds).
  app.use(
    appendRoutes(recorder, auth, rateLimit(writeRate.perSecond, writeRate.burst), (n) => metrics.appended.inc(n)),
  );
  app.use(operationRoutes(store, engine, spec, health));
  app.use(pageRoutes());
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/v1/*path', auth.requireRead, staleness(health), readYourWrites(engine, minPositionWaitMs));
  app.use(streamRoutes(store));
  app.use(readModelRoutes(engine, store));
  app.use(sourceRoutes(engine));
  app.use(liveRoutes(store, engine, sse));
  app.use(eventRoutes(store));
  app.use(methodNotAllowed(spec.paths));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
