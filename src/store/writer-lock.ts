import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { cannotStart } from '../errors';

/** Held while a process writes to a SQLite file; releasing it (or the process ending) lets another take it. */
export interface WriterLock {
  release: () => void;
}

/**
 * Claims `path` for this process alone. Two processes writing one file would each
 * fold and number events the other appended behind its back, so the second is refused.
 *
 * The claim is an exclusive SQLite lock held on `<path>.lock`: SQLite's own file
 * locking, so the operating system drops it when the process dies, and no stale
 * lock outlives a crash. Readers of the database itself (the CLI's replay) are not
 * affected. `variable` names the setting the path came from, for the message.
 */
export function claimWriter(path: string, variable = 'SQLITE_PATH'): WriterLock {
  if (path === ':memory:') return { release: () => undefined };
  const named = `${variable}=${path}`;
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
    throw cannotStart(`${named} is a directory; name a file in it, such as ${path.replace(/\/$/, '')}/events.db`);
  let lock: Database.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    lock = new Database(`${path}.lock`, { timeout: 0 });
  } catch (err) {
    throw cannotStart(`${named} cannot be opened: ${(err as Error).message}`, err);
  }
  try {
    lock.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lock.close();
    throw cannotStart(
      `${named} is in use by another process; each process needs its own file (one writer per SQLite file)`,
      err,
    );
  }
  return {
    release: () => {
      if (lock.open) lock.close();
    },
  };
}
