import type { EventType } from '../../events/catalog';
import type { DomainEvent, RecordedEvent } from '../../events/envelope';
import type { IdempotencyRecord } from './idempotency';

/**
 * What the append expects of the stream: a revision (the last event's, 0-based),
 * 'no-stream' (must not exist yet) or 'any'. A mismatch is a conflict error.
 */
export type ExpectedRevision = number | 'no-stream' | 'any';

export interface AppendResult {
  /** True when an append with the same idempotency key had already succeeded: nothing new was appended. */
  replayed: boolean;
  stream: string;
  /** The stream's revision after the append. */
  revision: number;
  events: { id: string; position: number; revision: number }[];
}

export interface AppendOptions {
  /**
   * Recorded in the same transaction as the events. A later append with the same key
   * and fingerprint returns the first result and appends nothing; with another
   * fingerprint it is a conflict (details.idempotency = 'mismatch').
   */
  idempotency?: { key: string; fingerprint: string };
}

export interface ReadAllOptions {
  /** Exclusive: read events after this global position (0 reads from the start). */
  after?: number;
  limit?: number;
  types?: EventType[];
  streams?: string[];
}

export interface WriteBasis {
  head: number;
  /** -1 when the stream does not exist. */
  revision: number;
}

export interface Subscription {
  /** Resolves once everything committed when the subscription started has been delivered. */
  caughtUp: Promise<void>;
  close(): void;
}

/**
 * The event store port. Positions are global, 1-based and increase in log order; they
 * need not be consecutive (on EventStoreDB they are the events' places in `$all`), so
 * callers compare them and never count with them: `countAfter` and `positionBefore`
 * count. Revisions are per stream and 0-based. An acknowledged append is durable.
 */
export interface EventStore {
  readonly name: string;
  append(
    stream: string,
    events: DomainEvent[],
    expected: ExpectedRevision,
    options?: AppendOptions,
  ): Promise<AppendResult>;
  readStream(stream: string, options?: { fromRevision?: number; limit?: number }): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  getEvent(id: string): Promise<RecordedEvent | null>;
  /** What an idempotency key recorded, if it was used. */
  findIdempotency(key: string): Promise<IdempotencyRecord | null>;
  /** The stream's last revision, or -1 when it does not exist. */
  streamRevision(stream: string): Promise<number>;
  /** The last committed global position (0 when empty). */
  head(): Promise<number>;
  /**
   * What a writer checks against before it appends: the stream's revision and the head,
   * the revision read no later than the head, so read models that have caught up with
   * the head hold the stream's events up to that revision.
   */
  writeBasis(stream: string): Promise<WriteBasis>;
  /** How many events are after `position`. */
  countAfter(position: number): Promise<number>;
  /** The position before the last `n` events (0 when the log holds no more than `n`). */
  positionBefore(n: number): Promise<number>;
  /** Delivers every event after `after` in order, then new ones as they commit. */
  subscribe(after: number, onEvent: (e: RecordedEvent) => void): Subscription;
  close(): Promise<void>;
}
