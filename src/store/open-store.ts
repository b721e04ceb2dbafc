import type { Config } from '../config';
import type { Logger } from '../logger';
import { EsdbEventStore } from './esdb/store';
import type { EventStore } from './port';
import { SqliteEventStore } from './sqlite';

/** The store the configuration names: the embedded SQLite file, or an EventStoreDB cluster. */
export async function openStore(
  config: Config,
  logger: Logger,
  options: { readOnly?: boolean } = {},
): Promise<EventStore> {
  if (config.EVENT_STORE === 'esdb') {
    return EsdbEventStore.connect(config.ESDB_URL!, {
      namespace: config.ESDB_NAMESPACE ?? null,
      // This replica's index of the log lives beside its checkpoints.
      indexPath: config.SQLITE_PATH,
      onFollowError: (err, resumeFrom) => logger.warn({ err, resumeFrom }, 'following $all failed; retrying'),
    });
  }
  return new SqliteEventStore(config.SQLITE_PATH, {
    maxSizeBytes: config.SQLITE_MAX_SIZE_MB && config.SQLITE_MAX_SIZE_MB * 1024 * 1024,
    readOnly: options.readOnly,
    // Its callers open it for writing only once they hold the file's writer claim.
    soleWriter: !options.readOnly,
  });
}
