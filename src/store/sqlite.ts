import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DomainEvent, RecordedEvent } from '../../events/envelope';
import { AppError, unavailable } from '../errors';
import type { AppendOptions, AppendResult, EventStore, ExpectedRevision, ReadAllOptions, WriteBasis } from './port';
import { Subscribers } from './pump';
import {
  appendedResult,
  HEAD_SQL,
  inlineWriter,
  prepareForWriting,
  REVISION_SQL,
  type GroupWriter,
  type WireAppend,
  type WireOutcome,
} from './sqlite-commit';
import { WriterThread } from './writer-thread';

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

/**
 * A second group queues in the writer thread behind the first, so the thread goes from one
 * to the next without waiting for this event loop to answer the first and hand it more.
 */
const GROUPS_IN_FLIGHT = 2;

/**
 * Groups of up to this many events commit on the event loop. Handed to the thread and
 * back, a group waits a turn of the loop for its answer, which under the fan-out
 * benchmark (1000 subscribers) costs more than a small commit: its delivery p99 went
 * from 67-77 ms to 89-101 ms with every group on the thread.
 */
const INLINE_MAX_EVENTS = 32;

interface PendingAppend {
  /** Each event's stored form, which becomes its recorded form once committed. */
  stored: Partial<RecordedEvent>[];
  wire: WireAppend;
  resolve(r: AppendResult): void;
  reject(e: unknown): void;
}

/**
 * The embedded store: one SQLite file in WAL mode, each append atomic,
 * synchronous=FULL so an acknowledged append survives a crash or power loss.
 *
 * Large groups of appends are committed on a writer thread of the store's own (see
 * WriterThread and groupCommit, which says why positions are safe to read), so their
 * inserts and fsync run beside the event loop: in a profile of batches over HTTP they
 * were about 45% of its time. Small ones commit on this connection.
 */
export class SqliteEventStore implements EventStore {
  readonly name = 'sqlite';
  private readonly db: Database.Database;
  private readonly subscribers = new Subscribers();
  private readonly stmts;
  /** Null when read-only. */
  private readonly writers: { inline: GroupWriter; thread: GroupWriter | null } | null;
  /** Appends waiting for the next group. */
  private pending: PendingAppend[] = [];
  private scheduled = false;
  /** Groups with the writer, not yet answered. */
  private inFlight = 0;
  /** Who waits for every append handed over to be answered (close). */
  private readonly drained: (() => void)[] = [];
  private closing = false;
  private readonly inlineMaxEvents: number;
  private readonly queryCache = new Map<string, Database.Statement<(string | number)[], Row>>();
  /**
   * With `soleWriter`, the head and the revisions of the streams written or asked about,
   * kept as commits land: every commit to the file goes through this store, so its own
   * account is the file's, and a writer's basis costs no read: the two reads per fact cost
   * single facts over HTTP 6 to 20% of their rate in four A/B runs. Streams that do not
   * exist yet are not kept.
   */
  private account: { head: number; revisions: Map<string, number> } | null;

  /**
   * `soleWriter`: this process holds the file's writer claim (see claimWriter), so nothing
   * else commits to it. `inlineMaxEvents`: see INLINE_MAX_EVENTS.
   */
  constructor(
    readonly path: string,
    options: { maxSizeBytes?: number; readOnly?: boolean; soleWriter?: boolean; inlineMaxEvents?: number } = {},
  ) {
    if (options.readOnly) {
      // For tools that only read (replay, export): the file must exist, and a running service may hold it.
      this.db = new Database(path, { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 5000');
      this.writers = null;
    } else {
      const inMemory = path === ':memory:';
      if (!inMemory) mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
      prepareForWriting(this.db, options.maxSizeBytes);
      this.db.exec(SCHEMA);
      this.writers = {
        inline: inlineWriter(this.db),
        // A database in memory is this connection's alone: a thread could not open it.
        thread: inMemory ? null : new WriterThread({ path, maxSizeBytes: options.maxSizeBytes }),
      };
    }
    this.stmts = {
      head: this.db.prepare<[], { head: number | null }>(HEAD_SQL),
      streamRevision: this.db.prepare<[string], { revision: number | null }>(REVISION_SQL),
      idempotencyGet: this.db.prepare<[string], { fingerprint: string; result: string }>(
        'SELECT fingerprint, result FROM idempotency WHERE key = ?',
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
    this.account = options.soleWriter && this.writers ? this.fileAccount() : null;
    this.inlineMaxEvents = options.inlineMaxEvents ?? INLINE_MAX_EVENTS;
  }

  /**
   * Group commit: appends that arrive while a group is being committed, or in the same
   * turn of the event loop, are written together, each atomic and failing alone (see
   * groupCommit), and one fsync acknowledges them all.
   */
  append(
    stream: string,
    events: DomainEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (!this.writers || this.closing)
      return Promise.reject(
        unavailable(`the event store cannot append: it is ${this.writers ? 'closed' : 'read-only'}`),
      );
    return new Promise((resolve, reject) => {
      const stored = events.map(storedForm);
      const wire: WireAppend = {
        stream,
        expected,
        idempotency: options.idempotency,
        ids: events.map((e) => e.id),
        types: events.map((e) => e.type),
        bodies: stored.map((r) => JSON.stringify(r)).join('\n'),
      };
      this.pending.push({ stored, wire, resolve, reject });
      this.dispatchSoon();
    });
  }

  /** Hands the pending appends to the writer as a group, in the next turn so that appends of this one join it. */
  private dispatchSoon(): void {
    if (this.scheduled || this.inFlight >= GROUPS_IN_FLIGHT) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    const group = this.pending.splice(0);
    if (!group.length) return;
    const { inline, thread } = this.writers!;
    const events = group.reduce((n, a) => n + a.wire.ids.length, 0);
    // Inline only with no group in the thread, so that groups commit in the order given.
    const writer = thread && (events > this.inlineMaxEvents || this.inFlight > 0) ? thread : inline;
    this.inFlight += 1;
    writer
      .commit(group.map((a) => a.wire))
      .then(
        (outcomes) => this.committed(group, outcomes),
        (err: Error) => {
          const failure = unavailable(`the event store failed: ${err.message}`);
          for (const a of group) a.reject(failure);
          // A thread that stopped mid-commit may have committed the group: take the file's word for it.
          this.resync();
        },
      )
      .finally(() => {
        this.inFlight -= 1;
        if (this.pending.length) this.dispatchSoon();
        else if (!this.inFlight) this.drained.splice(0).forEach((wake) => wake());
      });
  }

  /** Subscribers get the events before the appenders resume, so the read models already reflect them. */
  private committed(group: PendingAppend[], outcomes: WireOutcome[]): void {
    const recorded: RecordedEvent[] = [];
    const results = outcomes.map((o, i) => {
      if (o.kind !== 'appended') return o.kind === 'replayed' ? o.result : new AppError(o.failure, o.message);
      const { stored, wire } = group[i]!;
      const result = appendedResult(wire, o.head, o.revision);
      result.events.forEach(({ position, revision }, j) => {
        const r = stored[j]!;
        r.stream = wire.stream;
        r.position = position;
        r.revision = revision;
        r.recordedAt = o.recordedAt;
        recorded.push(r as RecordedEvent);
      });
      return result;
    });
    if (recorded.length) {
      if (this.account) {
        for (const e of recorded) this.account.revisions.set(e.stream, e.revision);
        this.account.head = recorded[recorded.length - 1]!.position;
      }
      this.subscribers.committed(recorded);
    }
    results.forEach((r, i) => (r instanceof AppError ? group[i]!.reject(r) : group[i]!.resolve(r)));
  }

  private resync(): void {
    try {
      if (this.account) this.account = this.fileAccount();
    } catch {
      // The file cannot be read either: keep the account; the next appends fail, or conflict and check again.
    }
    this.subscribers.notify();
  }

  private fileAccount(): { head: number; revisions: Map<string, number> } {
    return { head: this.fileHead(), revisions: new Map() };
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
      if (!this.db.open) throw new Error('the database connection is closed');
      const known = account?.revisions.get(stream);
      if (account && known !== undefined) return { head: account.head, revision: known };
      // From the file, the revision first: a commit may land in between, and the head must not be older.
      const revision = this.fileRevision(stream);
      if (account && revision >= 0) account.revisions.set(stream, revision);
      return { head: this.fileHead(), revision };
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

  /** Appends already handed over are committed and answered first. */
  async close() {
    this.closing = true;
    while (this.pending.length || this.inFlight) await new Promise<void>((wake) => this.drained.push(wake));
    await this.writers?.thread?.close();
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
