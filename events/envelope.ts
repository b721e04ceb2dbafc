import { z } from 'zod';
import { ArticleKey, EventData, EventTypeSchema, type DataOf, type EventType } from './catalog';
import { FuzzyDate, IsoDay } from './dates';

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
  quote: z.string().max(5000).nullable(),
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
  id: z.uuid(),
  stream: StreamName,
  schemaVersion: z.literal(SCHEMA_VERSION),
  occurred: FuzzyDate,
  reported: Reported,
  source: Source,
  metadata: Metadata,
};

/** An event as proposed for appending: everything but what the store assigns. */
export const NewEvent = z.discriminatedUnion(
  'type',
  EventTypeSchema.options.map((type) =>
    z.object({ ...envelopeBase, type: z.literal(type), data: EventData[type] }),
  ) as unknown as [z.ZodObject<{ type: z.ZodLiteral<EventType> }>],
);

export interface NewEventOf<T extends EventType = EventType> {
  id: string;
  type: T;
  stream: string;
  schemaVersion: typeof SCHEMA_VERSION;
  occurred: FuzzyDate;
  reported: z.infer<typeof Reported>;
  source: Source;
  metadata: z.infer<typeof Metadata>;
  data: DataOf<T>;
}
export type DomainEvent = { [T in EventType]: NewEventOf<T> }[EventType];

/** An event as the store holds it: with its global position, stream revision and append time. */
export interface StoreAssigned {
  position: number;
  revision: number;
  recordedAt: string;
}
export type RecordedEvent<T extends EventType = EventType> = (T extends EventType ? NewEventOf<T> : never) &
  StoreAssigned;

/** Validates an unknown value as a domain event, throwing a zod error that names the field. */
export function parseEvent(value: unknown): DomainEvent {
  return NewEvent.parse(value) as DomainEvent;
}

/** A type guard for one event type, for code that reads events back from a store. */
export const isOfType =
  <T extends EventType>(type: T) =>
  (e: RecordedEvent): e is Extract<RecordedEvent, { type: T }> =>
    e.type === type;
