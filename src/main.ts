import { loadConfig } from './config';
import { isFailure } from './errors';
import { keepReadGarbageYoung } from './gc-tuning';
import { createLogger } from './logger';
import { startService } from './service';

async function main(): Promise<void> {
  keepReadGarbageYoung();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!isFailure(err, 'configuration')) throw err;
    console.error(err.message);
    process.exit(2);
  }
  const logger = createLogger(config.LOG_LEVEL);
  let service;
  try {
    service = await startService(config, logger);
  } catch (err) {
    // Configuration found wrong while starting (a token file, say) is said plainly.
    if (isFailure(err, 'configuration')) {
      console.error(err.message);
      process.exit(2);
    }
    // A store that does not answer at start is said in one line; whoever supervises the process restarts it.
    if (isFailure(err, 'unavailable')) {
      console.error(`Cannot start: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    // In-flight requests finish; then the store closes and the process exits.
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
