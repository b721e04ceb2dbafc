import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { corpusEvents } from '../../events/corpus';
import { importEvents } from '../../src/engine/import-corpus';
import { ProjectionEngine } from '../../src/engine/projection-engine';
import { createApp } from '../../src/http/app';
import { createLogger } from '../../src/logger';
import { SqliteEventStore } from '../../src/store/sqlite';
import { expectToMatchSpec } from './contract';

export interface TestApp {
  app: Express;
  store: SqliteEventStore;
  engine: ProjectionEngine;
  /** GET through the real app; every response is checked against the OpenAPI spec. */
  get(url: string, headers?: Record<string, string>): Promise<request.Response>;
  close(): Promise<void>;
}

/** The real app on a real SQLite file in a temporary folder, with the corpus loaded. */
export async function startTestApp({ corpus = true } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'csto-api-'));
  const store = new SqliteEventStore(join(dir, 'events.db'));
  if (corpus) await importEvents(store, corpusEvents());
  const engine = new ProjectionEngine(store);
  await engine.start();
  const app = createApp({ store, engine, logger: createLogger('silent') });
  return {
    app,
    store,
    engine,
    async get(url, headers = {}) {
      const res = await request(app).get(url).set(headers);
      expectToMatchSpec('get', url, res);
      return res;
    },
    async close() {
      engine.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
