/** Why the EventStoreDB legs did not run, and how to run them. */
export const ESDB_SKIPPED = 'no ESDB_URL; start EventStoreDB (docker compose up -d eventstore) and run ESDB_URL=esdb://localhost:2113?tls=false npm test';
