import { jsonEvent, type EventData, type RecordedEvent as StoredEvent } from '@eventstore/db-client';
import type { DomainEvent, RecordedEvent } from '../../../events/envelope';
import { unavailable } from '../../errors';
import { positionAt } from './position';

/** Marks the first event of an append made with an idempotency key: enough to answer a retry. */
export interface IdempotencyMark {
  key: string;
  fingerprint: string;
  /** How many events the append held. */
  count: number;
}

/**
 * What goes into EventStoreDB's metadata: our metadata, the same ids under the names
 * EventStoreDB's own projections read ($correlationId, $causationId), and the idempotency
 * mark. `recordedBy` is the recording principal.
 */
export interface StoredMetadata {
  recordedBy: string;
  correlationId: string | null;
  causationId: string | null;
  $correlationId?: string;
  $causationId?: string;
  idempotency?: IdempotencyMark;
}

/** A domain event as EventStoreDB event data: the envelope's fields as data, provenance as metadata. */
export function toEventData(e: DomainEvent, idempotency?: IdempotencyMark): EventData {
  const { recordedBy, correlationId, causationId } = e.metadata;
  const metadata: StoredMetadata = {
    recordedBy,
    correlationId,
    causationId,
    ...(correlationId ? { $correlationId: correlationId } : {}),
    ...(causationId ? { $causationId: causationId } : {}),
    ...(idempotency ? { idempotency } : {}),
  };
  return jsonEvent({
    id: e.id,
    type: e.type,
    data: {
      schemaVersion: e.schemaVersion,
      occurred: e.occurred,
      reported: e.reported,
      source: e.source,
      data: e.data,
    },
    metadata: metadata as unknown as Record<string, unknown>,
  });
}

/**
 * A stored event of ours as a recorded event, or null when it is not JSON (we never
 * write anything else). It is not checked against this version's catalog: an event of
 * a type or schema this version does not know is carried as it is stored, as the
 * SQLite store does, so no event vanishes from the log or moves in it when the code
 * changes. The read models pass over what they do not know.
 */
export function fromStored(stored: StoredEvent, stream: string): RecordedEvent | null {
  if (!stored.isJson || typeof stored.data !== 'object' || stored.data === null || Array.isArray(stored.data))
    return null;
  if (!stored.position)
    throw unavailable('EventStoreDB gave an event without its log position: version 21.10 or later is needed');
  const meta = (stored.metadata ?? {}) as Partial<StoredMetadata>;
  return {
    ...(stored.data as Record<string, unknown>),
    id: stored.id,
    type: stored.type,
    stream,
    metadata: {
      recordedBy: meta.recordedBy ?? 'unknown',
      correlationId: meta.correlationId ?? null,
      causationId: meta.causationId ?? null,
    },
    position: positionAt(stored.position),
    revision: Number(stored.revision),
    recordedAt: stored.created.toISOString(),
  } as RecordedEvent;
}

/** The idempotency mark a stored event carries, if any. */
export const idempotencyMarkOf = (stored: StoredEvent): IdempotencyMark | undefined =>
  (stored.metadata as Partial<StoredMetadata> | undefined)?.idempotency;
