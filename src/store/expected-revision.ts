import { revisionConflict } from '../errors';
import type { ExpectedRevision } from './port';

/** Throws the port's revision conflict when the stream is not where the writer expects it. */
export function checkExpectedRevision(stream: string, current: number, expected: ExpectedRevision): void {
  const ok = expected === 'any' || (expected === 'no-stream' ? current === -1 : current === expected);
  if (!ok) throw revisionConflict(stream, current, expected);
}
