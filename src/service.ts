import { createServer, type Server } from 'node:http';
import { corpusEvents } from '../events/corpus';
import type { Config } from './config';
import { importEvents } from './write/import-corpus';
import { ProjectionEngine } from './read/projection-engine';
import { StoreHealth } from './store/health';
import { createApp } from './http/app';
import { Auth } from './http/middleware/auth';
import { DEFAULT_SSE, SseHub } from './http/sse';
import type { Logger } from './logger';
import { SqliteCheckpointStore } from './store/checkpoints';
import { openStore } from './store/open-store';
import { claimWriter } from './store/writer-lock';
import { cannotStart } from './errors';

const LISTEN_FAILURES: Record<string, string> = {
  EADDRINUSE: 'is in use by another process',
  EACCES: 'needs privileges this process lacks',
  EADDRNOTAVAIL: 'names an address this machine does not have',
};

/** Why the port cannot be listened on, as the one line the service exits with. */
function listenFailure(err: NodeJS.ErrnoException, config: Config): Error {
  const why = err.code && LISTEN_FAILURES[err.code];
  if (!why) return err;
  const subject = err.code === 'EADDRNOTAVAIL' ? `HOST=${config.HOST}` : `PORT=${config.PORT} on ${config.HOST}`;
  return cannotStart(`${subject} ${why} (${err.code})`, err);
}

export interface RunningService {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/** Opens the store, loads the corpus if asked, catches the read models up, and listens. */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  // Token configuration is checked before anything is opened.
  const auth = new Auth(config);
  // One process per file: the events (SQLite) or this replica's checkpoints (EventStoreDB) live there.
  const lock = claimWriter(config.SQLITE_PATH);
  let store;
  try {
    store = await openStore(config, logger);
  } catch (err) {
    lock.release();
    throw err;
  }
  if (config.SEED_CORPUS) {
    const { appended, skipped } = await importEvents(store, corpusEvents());
    logger.info({ appended, skipped }, 'corpus imported');
  }
  const checkpoints = new SqliteCheckpointStore(config.SQLITE_PATH);
  const engine = new ProjectionEngine(store, {
    checkpoints,
    checkpointIntervalMs: config.CHECKPOINT_INTERVAL_MS,
    // A restart then replays more of the log; nothing is lost.
    onCheckpointFailed: (err) => logger.warn({ err }, 'could not save checkpoints; will try again'),
  });
  await engine.start();
  logger.info(
    {
      position: engine.currentPosition,
      restoredFrom: engine.restoredFrom,
      foldedFromTheLog: engine.missingAtStart,
      rebuilding: engine.rebuilding,
      store: store.name,
      checkpoints: config.SQLITE_PATH,
    },
    'read models caught up',
  );

  if (!auth.canWrite)
    logger.warn('no write tokens configured (API_TOKENS or API_TOKENS_FILE): recording facts is disabled');
  const sse = new SseHub({
    ...DEFAULT_SSE,
    heartbeatMs: config.SSE_HEARTBEAT_MS,
    maxSubscribers: config.SSE_MAX_SUBSCRIBERS,
  });
  const health = new StoreHealth(store);
  health.start();
  const app = createApp({
    health,
    store,
    engine,
    logger,
    auth,
    minPositionWaitMs: config.MIN_POSITION_WAIT_MS,
    sse,
    cors: { origins: config.CORS_ORIGINS, allowWrites: config.CORS_ALLOW_WRITES },
    writeRate: { perSecond: config.WRITE_RATE_PER_SECOND, burst: config.WRITE_RATE_BURST },
  });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(listenFailure(err, config)));
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  // Slow clients cannot hold a connection open indefinitely (event streams are responses, not requests, and are unaffected).
  server.requestTimeout = config.REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(config.REQUEST_TIMEOUT_MS, 10_000);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
  logger.info({ url }, 'listening');

  return {
    server,
    url,
    async stop() {
      // Stop accepting, end the event streams (clients resume with Last-Event-ID), let requests in flight finish.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      sse.closeAll();
      server.closeIdleConnections();
      await closed;
      health.stop();
      await engine.stop();
      await checkpoints.close();
      await store.close();
      lock.release();
    },
  };
}
