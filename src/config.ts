import { z } from 'zod';
import { configurationError } from './errors';

const Config = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    /** Where events live: the embedded SQLite file, or an EventStoreDB cluster. */
    EVENT_STORE: z.enum(['sqlite', 'esdb']).default('sqlite'),
    /** The SQLite file: events with EVENT_STORE=sqlite; this replica's read-model checkpoints either way. */
    SQLITE_PATH: z.string().min(1).default('./data/events.db'),
    /** EventStoreDB connection string, e.g. esdb://localhost:2113?tls=false (EVENT_STORE=esdb). */
    ESDB_URL: z
      .string()
      .regex(/^esdb(\+discover)?:\/\/\S+$/, 'must be an esdb:// or esdb+discover:// connection string')
      .optional(),
    /** Stores streams as `namespace.stream` so several records can share one cluster. */
    ESDB_NAMESPACE: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'must be a lower-case slug')
      .optional(),
    /** Refuse appends (503) once the event file reaches this size, rather than fill the disk. */
    SQLITE_MAX_SIZE_MB: z.coerce.number().positive().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Load the article corpus into the store at start (idempotent). */
    SEED_CORPUS: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /** Write tokens, `principal:secret` pairs separated by commas. */
    API_TOKENS: z.string().optional(),
    /** A file of write tokens, one `principal:secret` per line (# comments allowed). */
    API_TOKENS_FILE: z.string().min(1).optional(),
    /** When set, reads need this bearer token (or a write token). */
    READ_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** How long a read with minPosition waits for the read models, in milliseconds. */
    MIN_POSITION_WAIT_MS: z.coerce.number().int().min(0).max(60000).default(2000),
    /** Event streams: a heartbeat comment this often, and at most this many open at once. */
    SSE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300000).default(15000),
    SSE_MAX_SUBSCRIBERS: z.coerce.number().int().min(1).max(100000).default(2000),
    /** Origins allowed to read from a browser (comma-separated, or *); none by default. */
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    /** Whether those origins may also record facts. */
    CORS_ALLOW_WRITES: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** Writes a second per client (a token bucket; 0 turns the limit off), and the burst allowed. */
    WRITE_RATE_PER_SECOND: z.coerce.number().min(0).max(1e6).default(200),
    WRITE_RATE_BURST: z.coerce.number().int().min(1).max(1e6).default(400),
    /** The longest a client may take to send a request. */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3600000).default(30000),
    /** How often read-model checkpoints are saved while events arrive. */
    CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(10).max(3600000).default(30000),
  })
  .refine((c) => c.EVENT_STORE !== 'esdb' || c.ESDB_URL !== undefined, {
    path: ['ESDB_URL'],
    message: 'is required when EVENT_STORE=esdb',
  });
export type Config = z.infer<typeof Config>;

/** Reads the configuration from the environment; a bad value is an error that names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    throw configurationError(
      parsed.error.issues.map(
        (i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`,
      ),
    );
  }
  return parsed.data;
}
