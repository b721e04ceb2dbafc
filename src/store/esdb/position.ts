/** EventStoreDB's place in its transaction log: the commit record and the event's own prepare record. */
export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

/**
 * A log position as an opaque cursor string (base64url of "commit.prepare"): safe in
 * a URL or a header, and never read as a number by whoever holds it.
 */
export function encodePosition(p: LogPosition): string {
  return Buffer.from(`${p.commit}.${p.prepare}`, 'utf8').toString('base64url');
}

/** The position a cursor stands for, or null when it is not one this adapter wrote. */
export function decodePosition(cursor: string): LogPosition | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return null;
  const m = /^(\d{1,20})\.(\d{1,20})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) return null;
  const p = { commit: BigInt(m[1]!), prepare: BigInt(m[2]!) };
  return p.commit < 1n << 64n && p.prepare < 1n << 64n ? p : null;
}

/** Log order: by commit position, then by prepare position within one commit. */
export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}
