import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { unavailable } from '../errors';

/** A read model's state as of a log position, saved so a restart resumes instead of replaying. */
export interface Checkpoint {
  name: string;
  version: number;
  position: number;
  state: unknown;
}

export interface CheckpointStore {
  load(): Promise<Checkpoint[]>;
  /** Saves all together: the read models are folded in lockstep. */
  save(checkpoints: Checkpoint[]): Promise<void>;
  close(): Promise<void>;
}

/** Checkpoints in the embedded store's SQLite file, beside the events. */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly db: Database.Database;
  private readonly saveAll;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (
      name     TEXT PRIMARY KEY,
      version  INTEGER NOT NULL,
      position INTEGER NOT NULL,
      state    TEXT NOT NULL,
      saved_at TEXT NOT NULL
    )`);
    const put = this.db.prepare(
      'INSERT OR REPLACE INTO checkpoints (name, version, position, state, saved_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.saveAll = this.db.transaction((cps: Checkpoint[]) => {
      const now = new Date().toISOString();
      for (const c of cps) put.run(c.name, c.version, c.position, JSON.stringify(c.state), now);
    });
  }

  async load(): Promise<Checkpoint[]> {
    const rows = this.db
      .prepare<[], { name: string; version: number; position: number; state: string }>(
        'SELECT name, version, position, state FROM checkpoints',
      )
      .all();
    return rows.map((r) => ({
      name: r.name,
      version: r.version,
      position: r.position,
      state: JSON.parse(r.state) as unknown,
    }));
  }

  async save(checkpoints: Checkpoint[]): Promise<void> {
    try {
      this.saveAll(checkpoints);
    } catch (err) {
      throw unavailable(`could not save checkpoints: ${(err as Error).message}`);
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
