import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { AppError, revisionConflict, unavailable } from '../../errors';
import type { ExpectedRevision } from '../port';

const UNREACHABLE = [UnavailableError, DeadlineExceededError, NotLeaderError, TimeoutError, CancelledError];

/**
 * EventStoreDB's failures as the port's errors: a wrong expected version is the same
 * conflict the other stores raise (so the API answers the same 409), and a server that
 * cannot be reached is "unavailable" (503). Anything else is passed on as it is.
 */
export function toStoreError(err: unknown, append?: { stream: string; expected: ExpectedRevision }): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof WrongExpectedVersionError) {
    const current = typeof err.actualVersion === 'bigint' ? Number(err.actualVersion) : -1;
    const stream = append?.stream ?? err.streamName;
    const wanted = err.expectedVersion;
    // Without the append's own expectation, the client's is read back into the port's terms.
    const expected: ExpectedRevision =
      append?.expected ?? (typeof wanted === 'bigint' ? Number(wanted) : wanted === 'no_stream' ? 'no-stream' : 'any');
    return revisionConflict(stream, current, expected);
  }
  if (UNREACHABLE.some((type) => err instanceof type))
    return unavailable(`EventStoreDB is unavailable: ${(err as Error).message}`);
  return err;
}
