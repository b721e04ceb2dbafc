import { z } from 'zod';
import { ArticleKey, EVENT_TYPES, EventData, type EventType } from './catalog';
import { FuzzyDate, IsoDay } from './dates';
import { EventId } from './event-id';

export const SCHEMA_VERSION = 1;

/** Stream names are entity-like slugs: `country-uzbekistan`, `relations-nato-csto`. */
export const StreamName = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'expected a lower-case slug such as country-uzbekistan')
  .max(120);

/** Where a fact comes from: the article, the outlet it cites, and for statements the verbatim quote. */
export const Source = z.object({
  article: ArticleKey,
  outlet: z.string().max(200).nullable(),
  /** Verbatim. Fragments the article separates (by "he said" and the like) are joined by " … ". */
  quote: z.string().max(5000).nullable().describe('Verbatim from the article.'),
});
export type Source = z.infer<typeof Source>;

/** When the fact became public: the article's date. `knownAt` filters on `date`. */
export const Reported = z.object({ article: ArticleKey, date: IsoDay });

export const Metadata = z.object({
  recordedBy: z.string().max(120),
  correlationId: z.string().max(120).nullable(),
  causationId: z.string().max(120).nullable(),
});

const envelopeBase = {
  id: EventId,
  stream: StreamName,
  schemaVersion: z.literal(SCHEMA_VERSION),
  occurred: FuzzyDate,
  reported: Reported,
  source: Source,
  metadata: Metadata,
};

const eventOf = <T extends EventType>(type: T) =>
  z.object({ ...envelopeBase, type: z.literal(type), data: EventData[type] });

/** What the store adds: the global position (1-based), the stream revision (0-based) and the append time. */
export const StoreAssigned = z.object({
  position: z.number().int().min(1),
  revision: z.number().int().min(0),
  recordedAt: z.iso.datetime(),
});
export type StoreAssigned = z.infer<typeof StoreAssigned>;

const recordedOf = <T extends EventType>(type: T) => eventOf(type).extend(StoreAssigned.shape);

const byType = <S>(schemaOf: (type: EventType) => S) =>
  Object.fromEntries(EVENT_TYPES.map((type) => [type, schemaOf(type)])) as Record<EventType, S>;

/** One schema per event type: the event as proposed for appending, and as the store holds it. */
export const EVENT_SCHEMAS = byType(eventOf) as { [T in EventType]: ReturnType<typeof eventOf<T>> };
export const RECORDED_EVENT_SCHEMAS = byType(recordedOf) as { [T in EventType]: ReturnType<typeof recordedOf<T>> };

/** An event of one type as proposed for appending: everything but what the store assigns. */
export type NewEventOf<T extends EventType = EventType> = z.output<(typeof EVENT_SCHEMAS)[T]>;
export type DomainEvent = { [T in EventType]: NewEventOf<T> }[EventType];

/** Any domain event, told apart by `type`. */
export const NewEvent = z.discriminatedUnion(
  'type',
  Object.values(EVENT_SCHEMAS) as unknown as [(typeof EVENT_SCHEMAS)[EventType]],
) as unknown as z.ZodType<DomainEvent>;

/** An event as the store holds it: with its global position, stream revision and append time. */
export type RecordedEvent<T extends EventType = EventType> = (T extends EventType ? NewEventOf<T> : never) &
  StoreAssigned;

/** Validates an unknown value as a domain event, throwing a zod error that names the field. */
export function parseEvent(value: unknown): DomainEvent {
  return NewEvent.parse(value);
}

/** A type guard for one event type, for code that reads events back from a store. */
export const isOfType =
  <T extends EventType>(type: T) =>
  (e: RecordedEvent): e is Extract<RecordedEvent, { type: T }> =>
    e.type === type;
