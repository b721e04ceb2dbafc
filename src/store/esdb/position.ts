/** EventStoreDB's place in its transaction log: the commit record and the event's own prepare record. */
export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

/**
 * A log position as an opaque cursor string (base64url of "commit.prepare"), safe in a
 * log line, a URL or a header: how where following `$all` stopped is shown to operators.
 */
export function encodePosition(p: LogPosition): string {
  return Buffer.from(`${p.commit}.${p.prepare}`, 'utf8').toString('base64url');
}

/** Log order: by commit position, then by prepare position within one commit. */
export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

/**
 * The port's position of an event in `$all`: its prepare position, plus one so that no
 * event is at 0 ("before everything"). It is the event's own place in EventStoreDB's
 * log, so every replica, every restart and every version of this service gives the
 * same number, and a scavenge that removes other events changes none. The price: the
 * numbers increase but are not consecutive.
 */
export const positionAt = (p: LogPosition): number => Number(p.prepare) + 1;

/** The log position of the event at `position`, given the commit position it was written in. */
export const logPositionAt = (position: number, commit: bigint): LogPosition => ({
  commit,
  prepare: BigInt(position - 1),
});
