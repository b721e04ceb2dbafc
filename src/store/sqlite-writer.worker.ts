/**
 * The writer thread of the embedded store: it owns the connection that appends, so the
 * inserts and the fsync of each group commit run beside the event loop, not on it.
 * It takes one group at a time and answers each with its outcomes, or with why the
 * whole group failed.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { groupCommit, prepareForWriting, type WireAppend, type WireOutcome } from './sqlite-commit';

export interface WriterData {
  path: string;
  maxSizeBytes?: number;
}
export type WriterRequest = { group: WireAppend[] } | { close: true };
export type WriterReply = { outcomes: WireOutcome[] } | { failed: string };

const { path, maxSizeBytes } = workerData as WriterData;
const port = parentPort!;
let opened: { db: Database.Database; commit: (group: WireAppend[]) => WireOutcome[] } | null = null;

/** Opened on the first group, so a file that cannot be opened fails that group, as any other store error would. */
function writer(): (group: WireAppend[]) => WireOutcome[] {
  if (opened) return opened.commit;
  const db = new Database(path, { fileMustExist: true });
  try {
    prepareForWriting(db, maxSizeBytes);
    opened = { db, commit: groupCommit(db) };
  } catch (err) {
    db.close();
    throw err;
  }
  return opened.commit;
}

port.on('message', (m: WriterRequest) => {
  if ('close' in m) {
    opened?.db.close();
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
