import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { AppError, revisionConflict, streamDeleted, tooLarge, unavailable } from '../../errors';
import type { ExpectedRevision } from '../port';

/** Failures that pass: no node reachable, no leader yet (an election), a node not ready, a call cut short. */
const TRANSIENT = [UnavailableError, DeadlineExceededError, NotLeaderError, TimeoutError, CancelledError, UnknownError];

/** The client's own message when no node of a cluster answered its gossip. */
const DISCOVERY_FAILED = /^Failed to discover after \d+ attempts/;

/** What a caller may do after an append whose outcome is not known. */
const MAY_HAVE_BEEN_RECORDED =
  'The facts may have been recorded: retry with the same Idempotency-Key or the same event ids, so that the retry cannot record them twice.';

export interface AppendContext {
  stream: string;
  expected: ExpectedRevision;
}

/**
 * EventStoreDB's failures as the port's errors, so the API answers the same for every
 * store: a wrong expected version is the same conflict the other stores raise (409), a
 * deleted stream a conflict naming it, an append over the server's size limit a 413,
 * and a node that cannot answer now "unavailable" (503). Access denied is the
 * service's own credentials failing, not the caller's, so it is also "unavailable".
 * Anything else is passed on as it is (a 500, logged).
 */
export function toStoreError(err: unknown, append?: AppendContext): unknown {
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
  if (err instanceof StreamDeletedError) return streamDeleted(append?.stream ?? err.streamName);
  if (err instanceof MaxAppendSizeExceededError)
    return tooLarge(
      `The batch is larger than EventStoreDB accepts in one write (${err.maxAppendSize} bytes): send fewer facts at a time.`,
    );
  if (err instanceof AccessDeniedError)
    return unavailable(`EventStoreDB refused this service's credentials: ${err.message}`, err);
  const transient = TRANSIENT.some((type) => err instanceof type);
  if (transient || (err instanceof Error && DISCOVERY_FAILED.test(err.message))) {
    const message = `EventStoreDB is unavailable: ${(err as Error).message}`;
    return unavailable(append ? `${message}. ${MAY_HAVE_BEEN_RECORDED}` : message, err);
  }
  return err;
}
