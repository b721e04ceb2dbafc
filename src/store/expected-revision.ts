import { conflict } from '../errors';
import type { ExpectedRevision } from './port';

/** Throws the port's conflict error when the stream is not where the writer expects it. */
export function checkExpectedRevision(stream: string, current: number, expected: ExpectedRevision): void {
  const ok = expected === 'any' || (expected === 'no-stream' ? current === -1 : current === expected);
  if (!ok) {
    throw conflict(`stream ${stream} is at revision ${current}, expected ${expected}`, {
      stream,
      currentRevision: current,
      expectedRevision: expected,
    });
  }
}
