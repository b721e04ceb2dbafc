import { loadConfig } from '../src/config';

test('defaults: port 3000, ./data/events.db, info logs, corpus seeded', () => {
  expect(loadConfig({})).toEqual({
    PORT: 3000,
    HOST: '0.0.0.0',
    EVENT_STORE: 'sqlite',
    SQLITE_PATH: './data/events.db',
    LOG_LEVEL: 'info',
    SEED_CORPUS: true,
    MIN_POSITION_WAIT_MS: 2000,
    SSE_HEARTBEAT_MS: 15000,
    SSE_MAX_SUBSCRIBERS: 2000,
    CHECKPOINT_INTERVAL_MS: 30000,
    CORS_ORIGINS: [],
    CORS_ALLOW_WRITES: false,
    WRITE_RATE_PER_SECOND: 200,
    WRITE_RATE_BURST: 400,
    REQUEST_TIMEOUT_MS: 30000,
  });
});

test('values come from the environment', () => {
  expect(
    loadConfig({ PORT: '8080', SQLITE_PATH: '/tmp/x.db', LOG_LEVEL: 'debug', SEED_CORPUS: 'false' }),
  ).toMatchObject({ PORT: 8080, SQLITE_PATH: '/tmp/x.db', LOG_LEVEL: 'debug', SEED_CORPUS: false });
});

test.each([
  ['PORT', 'eighty'],
  ['PORT', '70000'],
  ['LOG_LEVEL', 'loud'],
  ['SEED_CORPUS', 'yes'],
  ['SQLITE_PATH', ''],
  ['READ_TOKEN', 'short'],
  ['MIN_POSITION_WAIT_MS', '-5'],
  ['EVENT_STORE', 'postgres'],
  ['ESDB_URL', 'http://localhost:2113'],
  ['ESDB_NAMESPACE', 'Not A Slug'],
])('a bad %s=%s is refused with a message naming it', (name, value) => {
  expect(() => loadConfig({ [name]: value })).toThrow(
    new RegExp(`Invalid configuration:\\n\\s+${name}: .*got "${value}"`),
  );
});

test('EVENT_STORE=esdb needs ESDB_URL', () => {
  expect(() => loadConfig({ EVENT_STORE: 'esdb' })).toThrow(/ESDB_URL: is required when EVENT_STORE=esdb/);
  expect(
    loadConfig({ EVENT_STORE: 'esdb', ESDB_URL: 'esdb://localhost:2113?tls=false', ESDB_NAMESPACE: 'staging' }),
  ).toMatchObject({ EVENT_STORE: 'esdb', ESDB_URL: 'esdb://localhost:2113?tls=false', ESDB_NAMESPACE: 'staging' });
});
