import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { unavailable } from '../../errors';
import type { IdempotencyRecord } from '../idempotency';
import { logPositionAt, type LogPosition } from './position';

/** One event of ours as the follower of `$all` saw it. */
export interface IndexedEvent {
  id: string;
  stream: string;
  revision: number;
  position: number;
  at: LogPosition;
  idempotency?: { key: string; fingerprint: string; count: number };
}

interface Row {
  position: number;
  commit_pos: number;
}

/**
 * This replica's index of our events in EventStoreDB: event id → position, position →
 * place in `$all`, and the idempotency keys. Events have no other lookup by id in
 * EventStoreDB. It lives in a SQLite file beside this replica's checkpoints, so memory
 * stays flat however long the log, and a restart goes on from where it stopped
 * (`resumeFrom`) instead of reading `$all` again. Everything in it can be rebuilt from
 * `$all`: deleting the file costs one catch-up, never data.
 */
export class LogIndex {
  private readonly db: Database.Database;
  private readonly waiters = new Set<() => void>();
  private readonly stmts;
  private lastPosition: number;
  private seen: LogPosition | null;
  private isLive = false;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // Derived data: a crash loses at most the last events seen, and they are read again from `resumeFrom`.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS esdb_events (
        position   INTEGER PRIMARY KEY,
        commit_pos INTEGER NOT NULL,
        id         TEXT NOT NULL UNIQUE,
        stream     TEXT NOT NULL,
        revision   INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS esdb_keys (
        key         TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        stream      TEXT NOT NULL,
        first       INTEGER NOT NULL,
        count       INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS esdb_follower (
        one        INTEGER PRIMARY KEY CHECK (one = 1),
        commit_pos INTEGER NOT NULL,
        prepare_pos INTEGER NOT NULL
      );`);
    this.stmts = {
      add: this.db.prepare(
        'INSERT OR IGNORE INTO esdb_events (position, commit_pos, id, stream, revision) VALUES (?, ?, ?, ?, ?)',
      ),
      key: this.db.prepare(
        'INSERT OR IGNORE INTO esdb_keys (key, fingerprint, stream, first, count) VALUES (?, ?, ?, ?, ?)',
      ),
      seen: this.db.prepare('INSERT OR REPLACE INTO esdb_follower (one, commit_pos, prepare_pos) VALUES (1, ?, ?)'),
      byId: this.db.prepare<[string], { position: number }>('SELECT position FROM esdb_events WHERE id = ?'),
      at: this.db.prepare<[number], Row>('SELECT position, commit_pos FROM esdb_events WHERE position = ?'),
      atOrBefore: this.db.prepare<[number], Row>(
        'SELECT position, commit_pos FROM esdb_events WHERE position <= ? ORDER BY position DESC LIMIT 1',
      ),
      last: this.db.prepare<[], { position: number }>(
        'SELECT position FROM esdb_events ORDER BY position DESC LIMIT 1',
      ),
      nthLast: this.db.prepare<[number], { position: number }>(
        'SELECT position FROM esdb_events ORDER BY position DESC LIMIT 1 OFFSET ?',
      ),
      countAfter: this.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM esdb_events WHERE position > ?'),
      keyOf: this.db.prepare<[string], { fingerprint: string; stream: string; first: number; count: number }>(
        'SELECT fingerprint, stream, first, count FROM esdb_keys WHERE key = ?',
      ),
      appendOf: this.db.prepare<[string, number, number], { id: string; position: number; revision: number }>(
        'SELECT id, position, revision FROM esdb_events WHERE stream = ? AND position >= ? ORDER BY position LIMIT ?',
      ),
      follower: this.db.prepare<[], { commit_pos: number; prepare_pos: number }>(
        'SELECT commit_pos, prepare_pos FROM esdb_follower',
      ),
    };
    this.lastPosition = this.stmts.last.get()?.position ?? 0;
    const f = this.stmts.follower.get();
    this.seen = f ? { commit: BigInt(f.commit_pos), prepare: BigInt(f.prepare_pos) } : null;
  }

  /** The position of the last event of ours seen (0 when none). */
  get head(): number {
    return this.lastPosition;
  }

  /** Where following `$all` goes on from: the last place seen, an event of ours or a checkpoint. */
  get resumeFrom(): LogPosition | null {
    return this.seen;
  }

  /** Records events seen on `$all`, and how far it has been read; a re-delivery changes nothing. */
  add(events: readonly IndexedEvent[], seen: LogPosition | null): void {
    this.db.transaction(() => {
      for (const e of events) {
        this.stmts.add.run(e.position, Number(e.at.commit), e.id, e.stream, e.revision);
        const k = e.idempotency;
        if (k) this.stmts.key.run(k.key, k.fingerprint, e.stream, e.position, k.count);
        if (e.position > this.lastPosition) this.lastPosition = e.position;
      }
      if (seen) this.stmts.seen.run(Number(seen.commit), Number(seen.prepare));
    })();
    if (seen) this.seen = seen;
    for (const wake of [...this.waiters]) wake();
  }

  positionOf(id: string): number | undefined {
    return this.stmts.byId.get(id)?.position;
  }

  /** Where to start reading `$all` to see every event after `position`: the last event of ours at or before it. */
  startFor(position: number): LogPosition | null {
    const row = this.stmts.atOrBefore.get(position);
    return row ? toLogPosition(row) : null;
  }

  /** Where the event at `position` is in `$all`, if it is one of ours. */
  logPositionOf(position: number): LogPosition | undefined {
    const row = this.stmts.at.get(position);
    return row ? toLogPosition(row) : undefined;
  }

  /** The position before the last `n` events of ours (0 when there are no more than `n`). */
  positionBefore(n: number): number {
    return this.stmts.nthLast.get(n)?.position ?? 0;
  }

  countAfter(position: number): number {
    return this.stmts.countAfter.get(position)!.n;
  }

  /** What an idempotency key's append recorded, once all of its events are seen. */
  idempotency(key: string): IdempotencyRecord | null {
    const k = this.stmts.keyOf.get(key);
    if (!k) return null;
    const events = this.stmts.appendOf.all(k.stream, k.first, k.count);
    if (events.length < k.count) return null;
    return {
      fingerprint: k.fingerprint,
      result: { replayed: false, stream: k.stream, revision: events.at(-1)!.revision, events },
    };
  }

  /** Whether following `$all` has caught up with its end, and not fallen behind since. */
  get live(): boolean {
    return this.isLive;
  }

  setLive(live: boolean): void {
    this.isLive = live;
    if (live) for (const wake of [...this.waiters]) wake();
  }

  /**
   * Resolves once `ready()` holds, re-checked whenever following `$all` makes progress.
   * "Unavailable" when `stallMs` pass with no progress at all: following has stopped.
   */
  waitFor(ready: () => boolean, stallMs: number, what: string): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.waiters.delete(check);
          reject(
            unavailable(`EventStoreDB: ${what} was not seen on $all; following it made no progress for ${stallMs} ms`),
          );
        }, stallMs);
      };
      const check = () => {
        if (!ready()) return arm();
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      arm();
      this.waiters.add(check);
    });
  }

  close(): void {
    this.db.close();
  }
}

/** Log positions are kept as SQLite integers: exact below 2^53 bytes of log, as every real log is. */
const toLogPosition = (row: Row): LogPosition => logPositionAt(row.position, BigInt(row.commit_pos));
