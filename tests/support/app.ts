import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { corpusEvents } from '../../events/corpus';
import { importEvents } from '../../src/write/import-corpus';
import { ProjectionEngine } from '../../src/read/projection-engine';
import { createApp } from '../../src/http/app';
import { Auth } from '../../src/http/middleware/auth';
import { createLogger } from '../../src/logger';
import { MemoryEventStore } from '../../src/store/memory';
import type { EventStore } from '../../src/store/port';
import { EsdbEventStore } from '../../src/store/esdb/store';
import { SqliteEventStore } from '../../src/store/sqlite';
import { expectToMatchSpec } from './contract';

export interface TestApp {
  app: Express;
  store: EventStore;
  engine: ProjectionEngine;
  /** GET through the real app; every response is checked against the OpenAPI spec. */
  get(url: string, headers?: Record<string, string>): Promise<request.Response>;
  /** POST JSON as the writer `alice` (or with the given headers); the response is checked against the spec. */
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<request.Response>;
  close(): Promise<void>;
}

/** Tokens the test app accepts: alice and bob write, the read token only reads. */
export const TOKENS = { alice: 'alice-secret-0123456789', bob: 'bob-secret-0123456789', read: 'read-only-0123456789' };
export const AS_ALICE = { Authorization: `Bearer ${TOKENS.alice}` };

export type StoreKind = 'sqlite' | 'memory' | 'esdb';

/**
 * The store the HTTP suites run on: API_STORE (set per jest project), SQLite by default.
 * The same suites run on every store, because nothing about the API may differ between them.
 */
export const API_STORE = (process.env.API_STORE ?? 'sqlite') as StoreKind;

async function openStore(kind: StoreKind, dir: string): Promise<EventStore> {
  if (kind === 'memory') return new MemoryEventStore();
  // A namespace of its own gives each app an empty log on a shared server.
  if (kind === 'esdb')
    return EsdbEventStore.connect(process.env.ESDB_URL!, { namespace: `api-${randomUUID().slice(0, 8)}` });
  return new SqliteEventStore(join(dir, 'events.db'));
}

/** The real app on a real store (see API_STORE; a SQLite file in a temporary folder by default), with the corpus loaded. */
export async function startTestApp({
  corpus = true,
  readToken = false,
  minPositionWaitMs = 2000,
  store: kind = API_STORE,
  updatesKept = undefined as number | undefined,
} = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'csto-api-'));
  const store = await openStore(kind, dir);
  if (corpus) await importEvents(store, corpusEvents());
  const engine = new ProjectionEngine(store, { updatesKept });
  await engine.start();
  const auth = new Auth({
    API_TOKENS: `alice:${TOKENS.alice},bob:${TOKENS.bob}`,
    READ_TOKEN: readToken ? TOKENS.read : undefined,
  });
  const app = createApp({ store, engine, logger: createLogger('silent'), auth, minPositionWaitMs });
  return {
    app,
    store,
    engine,
    async get(url, headers = {}) {
      const res = await request(app).get(url).set(headers);
      expectToMatchSpec('get', url, res);
      return res;
    },
    async post(url, body, headers = AS_ALICE) {
      const res = await request(app)
        .post(url)
        .set(headers)
        .send(body as object);
      expectToMatchSpec('post', url, res);
      return res;
    },
    async close() {
      await engine.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A real HTTP server on a free loopback port (supertest would buffer streams whole). */
export async function listen(app: Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The test app for a suite whose every request must be refused: it is started before
 * the suite, and after it the log must be as it was (a refusal changes nothing).
 */
export function appThatMustNotChange(): () => TestApp {
  let t: TestApp;
  let head: number;
  beforeAll(async () => {
    t = await startTestApp();
    head = await t.store.head();
  });
  afterAll(async () => {
    expect(await t.store.head()).toBe(head);
    await t.close();
  });
  return () => t;
}
