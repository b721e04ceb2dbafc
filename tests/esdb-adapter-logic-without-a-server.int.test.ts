import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  AccessDeniedError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  type RecordedEvent as StoredEvent,
} from '@eventstore/db-client';
import express from 'express';
import request from 'supertest';
import fc from 'fast-check';
import { corpusEvents } from '../events/corpus';
import { AppError } from '../src/errors';
import { errorHandler } from '../src/http/problem';
import { toStoreError } from '../src/store/esdb/errors';
import { LogIndex, type IndexedEvent } from '../src/store/esdb/log-index';
import { comparePositions, encodePosition, positionAt } from '../src/store/esdb/position';
import { fromStored, idempotencyMarkOf, toEventData } from '../src/store/esdb/serialization';
import { EsdbEventStore, toEsdbRevision } from '../src/store/esdb/store';
import { StreamNames } from '../src/store/esdb/stream-names';

const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });

describe('log positions as opaque cursors', () => {
  test('distinct positions give distinct URL-safe cursors', () => {
    fc.assert(
      fc.property(u64, u64, u64, u64, (c1, p1, c2, p2) => {
        const a = encodePosition({ commit: c1, prepare: p1 });
        const b = encodePosition({ commit: c2, prepare: p2 });
        expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(a === b).toBe(c1 === c2 && p1 === p2);
      }),
    );
  });

  test('order is by commit, then prepare', () => {
    expect(comparePositions({ commit: 5n, prepare: 9n }, { commit: 6n, prepare: 1n })).toBeLessThan(0);
    expect(comparePositions({ commit: 6n, prepare: 2n }, { commit: 6n, prepare: 1n })).toBeGreaterThan(0);
    expect(comparePositions({ commit: 6n, prepare: 1n }, { commit: 6n, prepare: 1n })).toBe(0);
  });
});

describe('errors map to the port', () => {
  test('a wrong expected version is the same conflict the other stores raise, with the current revision', () => {
    const err = toStoreError(
      new WrongExpectedVersionError(undefined, { streamName: 'ns.country-a', expected: 3n, current: 7n }),
      { stream: 'country-a', expected: 3 },
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      failure: { kind: 'revision-conflict', stream: 'country-a', currentRevision: 7, expectedRevision: 3 },
    });
    const none = toStoreError(
      new WrongExpectedVersionError(undefined, { streamName: 'country-a', expected: 0n, current: 'no_stream' }),
      { stream: 'country-a', expected: 0 },
    );
    expect(none).toMatchObject({ failure: { kind: 'revision-conflict', currentRevision: -1 } });
  });

  test('a server that cannot be reached is "unavailable"; anything else passes unchanged', () => {
    expect(toStoreError(new UnavailableError())).toMatchObject({ kind: 'unavailable' });
    const other = new TypeError('a bug');
    expect(toStoreError(other)).toBe(other);
  });

  test.each([
    ['a deleted stream', StreamDeletedError.fromStreamName('ns.country-a'), 409, { stream: 'country-a' }],
    ['an append over the server limit', MaxAppendSizeExceededError.fromMaxAppendSize(1048576), 413, {}],
    ['access denied to the service', new AccessDeniedError(), 503, {}],
    ['an unknown server error (an election, a node not ready)', new UnknownError(), 503, {}],
    ['a deadline exceeded', new DeadlineExceededError(), 503, {}],
    ['a cluster discovery that failed', new Error('Failed to discover after 10 attempts.'), 503, {}],
  ])('on an append, %s is a problem with its own status, not a 500', async (_name, clientError, status, extensions) => {
    const app = express();
    app.post('/append', () => {
      throw toStoreError(clientError, { stream: 'country-a', expected: 'any' });
    });
    app.use(errorHandler);
    const res = await request(app).post('/append');
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject(extensions);
    // An append whose outcome is unknown says how to retry it safely.
    if (status === 503 && !(clientError instanceof AccessDeniedError))
      expect(res.body.detail).toMatch(/may have been recorded: retry with the same Idempotency-Key/);
  });

  test('connecting to several hosts where none answers fails as "unavailable", with one line', async () => {
    const err = await EsdbEventStore.connect(
      'esdb://127.0.0.1:1,127.0.0.1:2?tls=false&maxDiscoverAttempts=1&discoveryInterval=10&gossipTimeout=1',
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unavailable' });
    expect((err as Error).message).toMatch(/^EventStoreDB is unavailable: Failed to discover/);
  });

  test('expected revisions translate to the client constants', () => {
    expect(toEsdbRevision('any')).toBe('any');
    expect(toEsdbRevision('no-stream')).toBe('no_stream');
    expect(toEsdbRevision(4)).toBe(4n);
  });

  test('connecting where no server listens fails fast as "unavailable"', async () => {
    const err = await EsdbEventStore.connect('esdb://127.0.0.1:1?tls=false').catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unavailable' });
  });

  test('the service pointed at an unreachable EventStoreDB stops with one clear line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csto-esdb-'));
    try {
      const run = promisify(execFile)(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src', 'main.ts')], {
        env: {
          ...process.env,
          EVENT_STORE: 'esdb',
          ESDB_URL: 'esdb://127.0.0.1:1?tls=false',
          SQLITE_PATH: join(dir, 'checkpoints.db'),
          PORT: '0',
          LOG_LEVEL: 'silent',
        },
      });
      const failed = (await run.then(
        () => null,
        (e: unknown) => e,
      )) as { code: number; stderr: string } | null;
      expect(failed?.code).toBe(1);
      expect(failed?.stderr.trim()).toMatch(/^Cannot start: EventStoreDB is unavailable: .*ECONNREFUSED/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** What EventStoreDB hands back for what we wrote. */
function stored(data: ReturnType<typeof toEventData>, streamId: string, revision: bigint, prepare = 9n): StoredEvent {
  return {
    streamId,
    id: data.id,
    isJson: true,
    revision,
    type: data.type,
    created: new Date('2026-11-22T10:00:00Z'),
    data: data.data,
    metadata: data.metadata,
    position: { commit: 9n, prepare },
  } as StoredEvent;
}

describe('event (de)serialisation', () => {
  const events = corpusEvents();

  test('every corpus event survives the round trip; its position is its place in $all, plus one', () => {
    events.forEach((e, i) => {
      const back = fromStored(stored(toEventData(e), `ns.${e.stream}`, 3n, BigInt(i * 1000)), e.stream);
      expect(back).toEqual({ ...e, position: i * 1000 + 1, revision: 3, recordedAt: '2026-11-22T10:00:00.000Z' });
    });
  });

  test('metadata carries correlation and causation ids (also under the names EventStoreDB reads) and the recording principal', () => {
    const e = { ...events[0]!, metadata: { recordedBy: 'alice', correlationId: 'req-1', causationId: 'cmd-9' } };
    const data = toEventData(e, { key: 'k', fingerprint: 'f', count: 2 });
    expect(data.metadata).toEqual({
      recordedBy: 'alice',
      correlationId: 'req-1',
      causationId: 'cmd-9',
      $correlationId: 'req-1',
      $causationId: 'cmd-9',
      idempotency: { key: 'k', fingerprint: 'f', count: 2 },
    });
    expect(idempotencyMarkOf(stored(data, e.stream, 0n))).toEqual({ key: 'k', fingerprint: 'f', count: 2 });
  });

  test('an event this version cannot parse is carried as stored, keeping its position; only non-JSON is not ours', () => {
    const good = stored(toEventData(events[0]!), events[0]!.stream, 0n, 41n);
    expect(fromStored({ ...good, isJson: false } as StoredEvent, 'x')).toBeNull();
    const newer = fromStored({ ...good, type: 'TreatyAmended' }, 'x');
    expect(newer).toMatchObject({ type: 'TreatyAmended', position: 42, stream: 'x' });
    const otherSchema = { ...(good.data as object), schemaVersion: 2, occurred: 'yesterday' };
    expect(fromStored({ ...good, data: otherSchema } as StoredEvent, 'x')).toMatchObject({
      schemaVersion: 2,
      occurred: 'yesterday',
      position: 42,
    });
  });
});

describe('stream names', () => {
  test('a namespace prefixes our streams and hides everyone else’s', () => {
    const ns = new StreamNames('staging');
    expect(ns.toStore('country-uzbekistan')).toBe('staging.country-uzbekistan');
    expect(ns.fromStore('staging.country-uzbekistan')).toBe('country-uzbekistan');
    expect(ns.fromStore('prod.country-uzbekistan')).toBeNull();
    expect(ns.fromStore('$stats-127.0.0.1:2113')).toBeNull();
    const plain = new StreamNames(null);
    expect(plain.fromStore('country-uzbekistan')).toBe('country-uzbekistan');
    expect(plain.fromStore('staging.country-uzbekistan')).toBeNull();
    expect(plain.fromStore('$all')).toBeNull();
    expect(() => new StreamNames('Bad Name')).toThrow(/namespace/);
  });
});

describe('the log index', () => {
  const at = (n: number) => ({ commit: BigInt(n * 100), prepare: BigInt(n * 100 + 7) });
  const ev = (id: string, n: number, stream = 's', extra: Partial<IndexedEvent> = {}): IndexedEvent => ({
    id,
    stream,
    revision: n,
    position: positionAt(at(n)),
    at: at(n),
    ...extra,
  });
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'csto-index-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('finds events by id and their places in $all; a re-delivery changes nothing', () => {
    const index = new LogIndex(join(dir, 'replica.db'));
    index.add([ev('a', 1), ev('b', 2)], at(2));
    index.add([ev('a', 1)], at(2));
    expect(index.head).toBe(positionAt(at(2)));
    expect(index.positionOf('b')).toBe(positionAt(at(2)));
    expect(index.logPositionOf(positionAt(at(2)))).toEqual(at(2));
    expect(index.logPositionOf(5)).toBeUndefined();
    // A read after any position starts at the last event of ours at or before it.
    expect(index.startFor(positionAt(at(2)) - 1)).toEqual(at(1));
    expect(index.startFor(1)).toBeNull();
    expect(index.countAfter(0)).toBe(2);
    expect(index.countAfter(positionAt(at(1)))).toBe(1);
    expect(index.positionBefore(1)).toBe(positionAt(at(1)));
    expect(index.positionBefore(2)).toBe(0);
    index.close();
  });

  test('a restart goes on from where following $all stopped, with everything it had seen', () => {
    const path = join(dir, 'replica.db');
    const first = new LogIndex(path);
    expect(first.resumeFrom).toBeNull();
    first.add([ev('a', 1)], at(1));
    // A checkpoint: $all was read this far, with nothing of ours.
    first.add([], at(5));
    first.close();
    const again = new LogIndex(path);
    expect(again.resumeFrom).toEqual(at(5));
    expect(again.head).toBe(positionAt(at(1)));
    expect(again.positionOf('a')).toBe(positionAt(at(1)));
    again.close();
  });

  test('an idempotency key answers with its whole append, once all of it is seen', () => {
    const index = new LogIndex(':memory:');
    const mark = { key: 'k', fingerprint: 'f', count: 2 };
    index.add([ev('x', 1, 'other'), ev('a', 2, 'country-a', { idempotency: mark })], at(2));
    expect(index.idempotency('k')).toBeNull();
    index.add([ev('b', 3, 'country-a')], at(3));
    expect(index.idempotency('k')).toEqual({
      fingerprint: 'f',
      result: {
        replayed: false,
        stream: 'country-a',
        revision: 3,
        events: [
          { id: 'a', position: positionAt(at(2)), revision: 2 },
          { id: 'b', position: positionAt(at(3)), revision: 3 },
        ],
      },
    });
    expect(index.idempotency('unknown')).toBeNull();
  });

  test('waiting resolves when the event is seen, and is "unavailable" once following makes no progress', async () => {
    const index = new LogIndex(':memory:');
    const seen = index.waitFor(() => index.positionOf('late') !== undefined, 1000, 'late');
    setTimeout(() => index.add([ev('late', 1)], at(1)), 10);
    await expect(seen).resolves.toBeUndefined();
    await expect(index.waitFor(() => false, 20, 'never')).rejects.toMatchObject({ kind: 'unavailable' });
  });

  test('a long catch-up through other records does not time out while checkpoints keep arriving', async () => {
    const index = new LogIndex(':memory:');
    const done = index.waitFor(() => index.live, 300, 'the end of the log');
    for (let i = 1; i <= 5; i++) {
      await new Promise((r) => setTimeout(r, 100));
      index.add([], at(i));
    }
    index.setLive(true);
    await expect(done).resolves.toBeUndefined();
  });
});
