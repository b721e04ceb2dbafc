import type { StreamingRead } from '@eventstore/db-client';

/**
 * The items of a read, cancelling the call when the caller stops early. Leaving a
 * `for await` only detaches the client's reader: the gRPC call would stay open, paused
 * by flow control, and hold one of the connection's streams until enough of them
 * leaked to block every call.
 */
export async function* each<E>(read: StreamingRead<E>): AsyncGenerator<E> {
  let finished = false;
  try {
    for await (const item of read) yield item;
    finished = true;
  } finally {
    if (!finished) await read.cancel().catch(() => undefined);
  }
}

/** How long one read may take before it fails as "unavailable", instead of hanging on a stalled node. */
export const READ_DEADLINE_MS = 10_000;
