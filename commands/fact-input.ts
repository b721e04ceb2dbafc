import { z } from 'zod';
import { ArticleKey, EVENT_TYPES, EventData, type EventType } from '../events/catalog';
import { EventId } from '../events/event-id';
import { OccurredInput } from './occurred';

export const FactSource = z
  .object({
    /** The key of a registered source (SourceRegistered). */
    article: ArticleKey,
    outlet: z.string().min(1).max(200).nullable().default(null),
    /** Verbatim from the article. */
    quote: z.string().min(1).max(5000).nullable().default(null).describe('Verbatim from the article.'),
  })
  .strict();

/** One fact of one type as a client records it; the service adds the envelope's other fields. */
const factOf = <T extends EventType>(type: T) =>
  z
    .object({
      /** Optional: the client may choose the id (a UUID) to make retries safe without an Idempotency-Key. */
      id: EventId.optional().describe(
        'Optional; chosen by the client to make a retry fail with 409 instead of appending twice. Without one, the service assigns a time-ordered UUID v7.',
      ),
      type: z.literal(type),
      occurred: OccurredInput,
      data: EventData[type],
      source: FactSource,
      correlationId: z.string().min(1).max(120).optional(),
      causationId: z.string().min(1).max(120).optional(),
    })
    .strict();

export const FACT_SCHEMAS = Object.fromEntries(EVENT_TYPES.map((type) => [type, factOf(type)])) as {
  [T in EventType]: ReturnType<typeof factOf<T>>;
};
export type FactInputOf<T extends EventType> = z.output<(typeof FACT_SCHEMAS)[T]>;
export type FactInput = { [T in EventType]: FactInputOf<T> }[EventType];

/** One fact: its `type` chooses the schema of its `data`, so errors point into the fields of that type. */
export const FactInput = z.discriminatedUnion(
  'type',
  Object.values(FACT_SCHEMAS) as unknown as [(typeof FACT_SCHEMAS)[EventType]],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? `expected one of the event types: ${EVENT_TYPES.join(', ')}` : undefined,
  },
) as unknown as z.ZodType<FactInput>;

export const MAX_BATCH = 1000;

export const ExpectedRevisionInput = z.union([
  z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER),
  z.enum(['no-stream', 'any']),
]);

/** A batch of facts with an optional expected revision. */
export const FactBatch = z
  .object({
    expectedRevision: ExpectedRevisionInput.optional(),
    facts: z
      .array(FactInput)
      .min(1, 'expected at least one fact')
      .max(MAX_BATCH, `at most ${MAX_BATCH} facts in one request; send the rest in another`),
  })
  .strict();

/** An append as the recorder takes it; a single fact arrives as a batch of one. */
export type AppendBody = z.output<typeof FactBatch>;
