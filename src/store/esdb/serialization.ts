import { jsonEvent, type EventData, type RecordedEvent as StoredEvent } from '@eventstore/db-client';
import { NewEvent, type DomainEvent, type RecordedEvent } from '../../../events/envelope';

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
 * A stored event as a recorded domain event, or null when it is not one of ours (not
 * JSON, or not a valid event of the catalog). Every replica decides the same way, so
 * every replica numbers the log alike.
 */
export function fromStored(stored: StoredEvent, stream: string, position: number): RecordedEvent | null {
  if (!stored.isJson || typeof stored.data !== 'object' || stored.data === null || Array.isArray(stored.data))
    return null;
  const meta = (stored.metadata ?? {}) as Partial<StoredMetadata>;
  const candidate = {
    ...(stored.data as Record<string, unknown>),
    id: stored.id,
    type: stored.type,
    stream,
    metadata: {
      recordedBy: meta.recordedBy ?? 'unknown',
      correlationId: meta.correlationId ?? null,
      causationId: meta.causationId ?? null,
    },
  };
  const parsed = NewEvent.safeParse(candidate);
  if (!parsed.success) return null;
  return {
    ...parsed.data,
    position,
    revision: Number(stored.revision),
    recordedAt: stored.created.toISOString(),
  };
}

/** The idempotency mark a stored event carries, if any. */
export const idempotencyMarkOf = (stored: StoredEvent): IdempotencyMark | undefined =>
  (stored.metadata as Partial<StoredMetadata> | undefined)?.idempotency;
