/**
 * The writer thread of the embedded store: it owns the connection that appends, so the
 * inserts and the fsync of each group commit run beside the event loop, not on it.
 * It takes one group at a time and answers each with its outcomes, or with why the
 * whole group failed.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { groupCommit, limitSize, type WireAppend, type WireOutcome } from './sqlite-commit';

export interface WriterData {
  path: string;
  maxSizeBytes?: number;
}
export type WriterRequest = { group: WireAppend[] } | { close: true };
export type WriterReply = { outcomes: WireOutcome[] } | { failed: string };

const { path, maxSizeBytes } = workerData as WriterData;
const port = parentPort!;
let db: Database.Database | null = null;
let commit: ((group: WireAppend[]) => WireOutcome[]) | null = null;

/** Opened on the first group, so a file that cannot be opened fails that group, as any other store error would. */
function writer(): (group: WireAppend[]) => WireOutcome[] {
  if (commit) return commit;
  const opened = new Database(path, { fileMustExist: true });
  try {
    opened.pragma('journal_mode = WAL');
    opened.pragma('synchronous = FULL');
    opened.pragma('busy_timeout = 5000');
    limitSize(opened, maxSizeBytes);
    commit = groupCommit(opened);
  } catch (err) {
    opened.close();
    throw err;
  }
  db = opened;
  return commit;
}

port.on('message', (m: WriterRequest) => {
  if ('close' in m) {
    db?.close();
    port.close();
    return;
  }
  let reply: WriterReply;
  try {
    reply = { outcomes: writer()(m.group) };
  } catch (err) {
    reply = { failed: (err as Error).message };
  }
  port.postMessage(reply);
});
