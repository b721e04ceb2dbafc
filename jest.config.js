/**
 * Tests are tiered by suffix: *.unit.test.ts (pure: folds, rules, schemas), *.int.test.ts
 * (real components in one process: a SQLite file, the app over supertest or a port),
 * *.e2e.test.ts (real processes: the service, the CLI, a browser). npm run test:unit and
 * friends run one tier. Every suite runs on the SQLite store. The HTTP suites run again on the memory
 * store, and on EventStoreDB when ESDB_URL names a server: nothing about the API may
 * differ between stores.
 */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.ts$': 'ts-jest' },
};
const HTTP_SUITES = [
  'read-models-over-http',
  'recording-facts',
  'bad-input-gets-problem-json',
  'membership-as-of-and-known-at',
  'live-updates-over-sse',
  'typed-client-and-metrics',
];
const onStore = (store) => ({
  ...base,
  displayName: `http on ${store}`,
  testMatch: HTTP_SUITES.map((name) => `**/${name}.int.test.ts`),
  setupFiles: [`<rootDir>/tests/support/on-${store}-store.ts`],
});

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 20000,
  projects: [
    { ...base, displayName: 'sqlite', testMatch: ['**/*.test.ts'] },
    onStore('memory'),
    ...(process.env.ESDB_URL ? [onStore('esdb')] : []),
  ],
};
