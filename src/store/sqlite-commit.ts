import type Database from 'better-sqlite3';
import { AppError, duplicateEvent, type Failure } from '../errors';
import { checkExpectedRevision } from './expected-revision';
import { replay } from './idempotency';
import type { AppendOptions, AppendResult, ExpectedRevision } from './port';

/**
 * An append as the writer thread receives it. Its shape is for the copy between threads,
 * which costs per value: the events' stored JSON bodies travel as one string, and ids and
 * types as flat lists. A group of 16 appends of 100 events took 0.7 ms of the event loop
 * so, and 2 to 3 ms as a list of [id, type, body] rows.
 */
export interface WireAppend {
  stream: string;
  expected: ExpectedRevision;
  idempotency: AppendOptions['idempotency'];
  ids: string[];
  types: string[];
  /** The stored bodies in order, joined by newlines, which JSON.stringify never writes. */
  bodies: string;
}

/**
 * What became of one append of a group. Appended: the head and the stream's revision it
 * followed on from (its events took the next positions and revisions), and when it was
 * recorded. Replayed: the first result of its idempotency key. Refused: the domain error.
 */
export type WireOutcome =
  | { kind: 'appended'; head: number; revision: number; recordedAt: string }
  | { kind: 'replayed'; result: AppendResult }
  | { kind: 'refused'; failure: Failure; message: string };

/** The result of an append the writer reports as appended after `head` and `revision`. */
export function appendedResult(a: Pick<WireAppend, 'stream' | 'ids'>, head: number, revision: number): AppendResult {
  const events = a.ids.map((id, i) => ({ id, position: head + 1 + i, revision: revision + 1 + i }));
  return { replayed: false, stream: a.stream, revision: revision + a.ids.length, events };
}

/** Commits groups of appends, one after another in the order given. */
export interface GroupWriter {
  /** Rejects when the group failed as a whole. */
  commit(group: WireAppend[]): Promise<WireOutcome[]>;
  /** Call with no group in flight. */
  close(): Promise<void>;
}

/**
 * Makes a connection ready to append: WAL, and synchronous=FULL so that an acknowledged
 * append survives a crash or power loss. `maxSizeBytes` is a quota: past it SQLite
 * answers "database or disk is full" and appends are refused (503), as on a full disk.
 */
export function prepareForWriting(db: Database.Database, maxSizeBytes: number | undefined): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  if (!maxSizeBytes) return;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma(`max_page_count = ${Math.max(1, Math.floor(maxSizeBytes / pageSize))}`);
}

/** Commits on `db`, prepared for writing, on the calling thread. */
export function inlineWriter(db: Database.Database): GroupWriter {
  const commit = groupCommit(db);
  return { commit: async (group) => commit(group), close: async () => undefined };
}

/** A stream's revision as the file has it (-1 when it does not exist). */
export const REVISION_SQL = 'SELECT max(revision) AS revision FROM events WHERE stream = ?';
/** The head as the file has it (null when empty). */
export const HEAD_SQL = 'SELECT max(position) AS head FROM events';

/** Inserts an event row; an id already in the log is a duplicate, found by the id index the insert consults anyway. */
function insertOnce(insert: Database.Statement, row: [number, string, string, number, string, string, string]): void {
  try {
    insert.run(...row);
  } catch (err) {
    // By its code, not instanceof: the native binding keeps the SqliteError class of the first copy of the module loaded.
    const { code, message } = err as { code?: unknown; message?: unknown };
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.endsWith('events.id'))
      throw duplicateEvent(row[1]);
    throw err;
  }
}

/**
 * Group commit on one connection: a group of appends is written in one IMMEDIATE
 * transaction, each inside its own savepoint (better-sqlite3 nests a transaction
 * function as a savepoint), so each is atomic and fails alone, and one fsync
 * acknowledges them all. Positions are safe to read: the group takes SQLite's single
 * write lock before it reads the head, assigns head+1.. inside it and commits them
 * together, so no reader can observe position N+1 before N.
 *
 * A domain error refuses its append alone; any other error (disk full, I/O) is thrown,
 * and the whole group is rolled back.
 */
export function groupCommit(db: Database.Database): (group: WireAppend[]) => WireOutcome[] {
  const stmts = {
    head: db.prepare<[], { head: number | null }>(HEAD_SQL),
    revision: db.prepare<[string], { revision: number | null }>(REVISION_SQL),
    insert: db.prepare(
      'INSERT INTO events (position, id, stream, revision, type, recorded_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    idempotencyGet: db.prepare<[string], { fingerprint: string; result: string }>(
      'SELECT fingerprint, result FROM idempotency WHERE key = ?',
    ),
    idempotencyPut: db.prepare('INSERT INTO idempotency (key, fingerprint, result, created_at) VALUES (?, ?, ?, ?)'),
  };
  const appendTx = db.transaction((a: WireAppend): WireOutcome => {
    const idem = a.idempotency;
    if (idem) {
      const row = stmts.idempotencyGet.get(idem.key);
      if (row) {
        const first = { fingerprint: row.fingerprint, result: JSON.parse(row.result) as AppendResult };
        return { kind: 'replayed', result: replay(idem.key, first, idem.fingerprint) };
      }
    }
    const revision = stmts.revision.get(a.stream)?.revision ?? -1;
    checkExpectedRevision(a.stream, revision, a.expected);
    const head = stmts.head.get()?.head ?? 0;
    const recordedAt = new Date().toISOString();
    const bodies = a.bodies.split('\n');
    for (let i = 0; i < a.ids.length; i++)
      insertOnce(stmts.insert, [
        head + 1 + i,
        a.ids[i]!,
        a.stream,
        revision + 1 + i,
        a.types[i]!,
        recordedAt,
        bodies[i]!,
      ]);
    // In the same transaction as the events: both are durable, or neither.
    if (idem) {
      const result = JSON.stringify(appendedResult(a, head, revision));
      stmts.idempotencyPut.run(idem.key, idem.fingerprint, result, recordedAt);
    }
    return { kind: 'appended', head, revision, recordedAt };
  });
  const groupTx = db.transaction((group: WireAppend[]) =>
    group.map((a): WireOutcome => {
      try {
        return appendTx(a);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return { kind: 'refused', failure: error.failure, message: error.message };
      }
    }),
  );
  return (group) => groupTx.immediate(group);
}
