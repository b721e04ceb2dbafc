import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DomainEvent, RecordedEvent } from '../../events/envelope';
import { AppError, duplicateEvent, unavailable } from '../errors';
import { checkExpectedRevision } from './expected-revision';
import { replay } from './idempotency';
import type { AppendOptions, AppendResult, EventStore, ExpectedRevision, ReadAllOptions, WriteBasis } from './port';
import { Subscribers } from './pump';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY,
  id          TEXT    NOT NULL UNIQUE,
  stream      TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  body        TEXT    NOT NULL,
  UNIQUE (stream, revision)
);
CREATE INDEX IF NOT EXISTS events_type ON events (type, position);
CREATE TABLE IF NOT EXISTS idempotency (
  key         TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  result      TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
`;

/** position, stream, revision, recorded_at, body: rows are read as arrays, the cheapest shape better-sqlite3 returns. */
type Row = [number, string, number, string, string];

/** Rebuilds read every event through here, so it assigns onto the parsed body instead of copying it. */
function toRecorded(r: Row): RecordedEvent {
  // The body was validated when it was appended; the columns complete it.
  const e = JSON.parse(r[4]) as RecordedEvent;
  e.stream = r[1];
  e.position = r[0];
  e.revision = r[2];
  e.recordedAt = r[3];
  return e;
}

/**
 * The event as toRecorded makes it from its row, but for the columns: the id first, then
 * everything but the stream. Its JSON is the stored body.
 */
function storedForm(e: DomainEvent): Partial<RecordedEvent> {
  const { id, stream: _stream, ...rest } = e;
  return { id, ...rest };
}

/** An append's result, and the events it recorded (none when it replayed an earlier one). */
interface Appended {
  result: AppendResult;
  recorded: RecordedEvent[];
}

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

interface PendingAppend {
  stream: string;
  events: DomainEvent[];
  expected: ExpectedRevision;
  options: AppendOptions;
  resolve(r: AppendResult): void;
  reject(e: unknown): void;
}

/**
 * The embedded store: one SQLite file in WAL mode, each append atomic (see
 * append for how appends share a commit), synchronous=FULL so an acknowledged
 * append survives a crash or power loss.
 *
 * Why positions are safe to read: every append runs as one IMMEDIATE transaction
 * that takes SQLite's single write lock before it reads the head, and assigns
 * head+1.. inside it. Writers are therefore serialised and commit in position
 * order, and readers only see committed rows, so no reader can observe position
 * N+1 before N. Batched or parallel writers must keep position assignment inside
 * the write lock to keep this true.
 */
export class SqliteEventStore implements EventStore {
  readonly name = 'sqlite';
  private readonly db: Database.Database;
  private readonly subscribers = new Subscribers();
  private readonly stmts;
  private readonly appendTx;
  private readonly groupTx;
  private pending: PendingAppend[] = [];
  private readonly queryCache = new Map<string, Database.Statement<(string | number)[], Row>>();
  /**
   * With `soleWriter`, the head and the revisions of the streams written or asked about,
   * kept as commits land: every commit to the file goes through this store, so its own
   * account is the file's, and a writer's basis costs no read: the two reads per fact cost
   * single facts over HTTP 6 to 20% of their rate in four A/B runs. Streams that do not
   * exist yet are not kept.
   */
  private readonly account: { head: number; revisions: Map<string, number> } | null;

  /**
   * `soleWriter`: this process holds the file's writer claim (see claimWriter), so nothing
   * else commits to it.
   */
  constructor(
    readonly path: string,
    options: { maxSizeBytes?: number; readOnly?: boolean; soleWriter?: boolean } = {},
  ) {
    if (options.readOnly) {
      // For tools that only read (replay, export): the file must exist, and a running service may hold it.
      this.db = new Database(path, { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 5000');
    } else {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(SCHEMA);
    }
    if (options.maxSizeBytes) {
      // A quota: past it SQLite answers "database or disk is full" and appends are refused (503), as on a full disk.
      const pageSize = this.db.pragma('page_size', { simple: true }) as number;
      this.db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxSizeBytes / pageSize))}`);
    }
    this.stmts = {
      head: this.db.prepare<[], { head: number | null }>('SELECT max(position) AS head FROM events'),
      streamRevision: this.db.prepare<[string], { revision: number | null }>(
        'SELECT max(revision) AS revision FROM events WHERE stream = ?',
      ),
      insert: this.db.prepare(
        'INSERT INTO events (position, id, stream, revision, type, recorded_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      idempotencyGet: this.db.prepare<[string], { fingerprint: string; result: string }>(
        'SELECT fingerprint, result FROM idempotency WHERE key = ?',
      ),
      idempotencyPut: this.db.prepare(
        'INSERT INTO idempotency (key, fingerprint, result, created_at) VALUES (?, ?, ?, ?)',
      ),
      byId: this.db
        .prepare<[string], Row>('SELECT position, stream, revision, recorded_at, body FROM events WHERE id = ?')
        .raw(),
      stream: this.db
        .prepare<[string, number, number], Row>(
          'SELECT position, stream, revision, recorded_at, body FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
        )
        .raw(),
    };
    this.account = options.soleWriter && !options.readOnly ? { head: this.fileHead(), revisions: new Map() } : null;
    this.appendTx = this.db.transaction(
      (stream: string, events: DomainEvent[], expected: ExpectedRevision, options: AppendOptions): Appended => {
        const idem = options.idempotency;
        if (idem) {
          const row = this.stmts.idempotencyGet.get(idem.key);
          if (row)
            return {
              result: replay(
                idem.key,
                { fingerprint: row.fingerprint, result: JSON.parse(row.result) as AppendResult },
                idem.fingerprint,
              ),
              recorded: [],
            };
        }
        const current = this.fileRevision(stream);
        checkExpectedRevision(stream, current, expected);
        let position = this.fileHead();
        const recordedAt = new Date().toISOString();
        const out: AppendResult['events'] = [];
        const recorded: RecordedEvent[] = [];
        let revision = current;
        for (const e of events) {
          position += 1;
          revision += 1;
          const r = storedForm(e);
          insertOnce(this.stmts.insert, [position, e.id, stream, revision, e.type, recordedAt, JSON.stringify(r)]);
          r.stream = stream;
          r.position = position;
          r.revision = revision;
          r.recordedAt = recordedAt;
          recorded.push(r as RecordedEvent);
          out.push({ id: e.id, position, revision });
        }
        const result = { replayed: false, stream, revision, events: out };
        // In the same transaction as the events: both are durable, or neither.
        if (idem) this.stmts.idempotencyPut.run(idem.key, idem.fingerprint, JSON.stringify(result), recordedAt);
        return { result, recorded };
      },
    );
    this.groupTx = this.db.transaction((group: PendingAppend[]) =>
      group.map((a) => {
        try {
          return { ok: true as const, ...this.appendTx(a.stream, a.events, a.expected, a.options) };
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          return { ok: false as const, error };
        }
      }),
    );
  }

  /**
   * Group commit: appends that arrive in the same turn of the event loop are written
   * in one transaction, each inside its own savepoint (better-sqlite3 nests a
   * transaction function as a savepoint), so each is atomic and fails alone, and
   * one fsync acknowledges them all. Positions stay safe: the group holds the one
   * write lock while it assigns them, and commits them together.
   */
  append(
    stream: string,
    events: DomainEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ stream, events, expected, options, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const group = this.pending.splice(0);
    let outcomes: (({ ok: true } & Appended) | { ok: false; error: unknown })[];
    try {
      outcomes = this.guard(() => this.groupTx.immediate(group));
    } catch (err) {
      for (const a of group) a.reject(err);
      return;
    }
    // Subscribers get the events before the appenders resume, so the read models already reflect them.
    const committed = outcomes.flatMap((o) => (o.ok ? o.recorded : []));
    if (committed.length) {
      if (this.account) {
        for (const e of committed) this.account.revisions.set(e.stream, e.revision);
        this.account.head = committed[committed.length - 1]!.position;
      }
      this.subscribers.committed(committed);
    }
    outcomes.forEach((o, i) => (o.ok ? group[i]!.resolve(o.result) : group[i]!.reject(o.error)));
  }

  async readStream(stream: string, options: { fromRevision?: number; limit?: number } = {}) {
    return this.guard(() =>
      this.stmts.stream.all(stream, options.fromRevision ?? 0, options.limit ?? -1).map(toRecorded),
    );
  }

  async readAll(options: ReadAllOptions = {}) {
    const where = ['position > ?'];
    const params: (string | number)[] = [options.after ?? 0];
    if (options.types?.length) {
      where.push(`type IN (${options.types.map(() => '?').join(',')})`);
      params.push(...options.types);
    }
    if (options.streams?.length) {
      where.push(`stream IN (${options.streams.map(() => '?').join(',')})`);
      params.push(...options.streams);
    }
    params.push(options.limit ?? -1);
    const sql = `SELECT position, stream, revision, recorded_at, body FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`;
    return this.guard(() =>
      this.prepared(sql)
        .all(...params)
        .map(toRecorded),
    );
  }

  /** readAll builds a few shapes of query; keep each compiled once. */
  private prepared(sql: string): Database.Statement<(string | number)[], Row> {
    let stmt = this.queryCache.get(sql);
    if (!stmt) this.queryCache.set(sql, (stmt = this.db.prepare<(string | number)[], Row>(sql).raw()));
    return stmt;
  }

  async getEvent(id: string) {
    return this.guard(() => {
      const row = this.stmts.byId.get(id);
      return row ? toRecorded(row) : null;
    });
  }

  async findIdempotency(key: string) {
    return this.guard(() => {
      const row = this.stmts.idempotencyGet.get(key);
      return row ? { fingerprint: row.fingerprint, result: JSON.parse(row.result) as AppendResult } : null;
    });
  }

  async streamRevision(stream: string) {
    return this.guard(() => this.fileRevision(stream));
  }

  async head() {
    return this.guard(() => this.fileHead());
  }

  async writeBasis(stream: string): Promise<WriteBasis> {
    return this.guard(() => {
      const { account } = this;
      if (!account) {
        const revision = this.fileRevision(stream);
        return { head: this.fileHead(), revision };
      }
      if (!this.db.open) throw new Error('the database connection is closed');
      let revision = account.revisions.get(stream);
      if (revision === undefined) {
        revision = this.fileRevision(stream);
        if (revision >= 0) account.revisions.set(stream, revision);
      }
      return { head: account.head, revision };
    });
  }

  /** The head as the file has it (0 when empty). */
  private fileHead(): number {
    return this.stmts.head.get()?.head ?? 0;
  }

  /** A stream's revision as the file has it (-1 when it does not exist). */
  private fileRevision(stream: string): number {
    return this.stmts.streamRevision.get(stream)?.revision ?? -1;
  }

  // Positions here are consecutive, so counting is arithmetic.
  async countAfter(position: number) {
    return Math.max(0, (await this.head()) - position);
  }

  async positionBefore(n: number) {
    return Math.max(0, (await this.head()) - n);
  }

  subscribe(after: number, onEvent: (e: RecordedEvent) => void) {
    return this.subscribers.add(after, (o) => this.readAll(o), onEvent);
  }

  async close() {
    this.subscribers.closeAll();
    if (this.db.open) this.db.close();
  }

  /** Domain errors pass through; SQLite failures (disk full, I/O, locked, closed) become "unavailable". */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw unavailable(`the event store failed: ${(err as Error).message}`);
    }
  }
}
