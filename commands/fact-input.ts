import { z } from 'zod';
import { ArticleKey, EventData, EventTypeSchema } from '../events/catalog';
import { OccurredInput } from './occurred';

/** One fact as a client records it; the service adds the envelope's other fields. */
export const FactInput = z
  .object({
    /** Optional: the client may choose the id (a UUID) to make retries safe without an Idempotency-Key. */
    id: z.uuid().optional(),
    type: EventTypeSchema,
    occurred: OccurredInput,
    data: z.record(z.string(), z.unknown()),
    source: z
      .object({
        /** The key of a registered source (SourceRegistered). */
        article: ArticleKey,
        outlet: z.string().min(1).max(200).nullable().default(null),
        /** Verbatim from the article. */
        quote: z.string().min(1).max(5000).nullable().default(null),
      })
      .strict(),
    correlationId: z.string().min(1).max(120).optional(),
    causationId: z.string().min(1).max(120).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    // The data is checked against its own type's schema, so errors point into it.
    const parsed = EventData[f.type].safeParse(f.data);
    if (!parsed.success)
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['data', ...issue.path] });
    else f.data = parsed.data;
  });
export type FactInput = z.output<typeof FactInput>;

export const MAX_BATCH = 1000;

export const ExpectedRevisionInput = z.union([
  z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER),
  z.enum(['no-stream', 'any']),
]);

/** The body of an append: one fact, or a batch with an optional expected revision. */
export const AppendBody = z.union([
  z
    .object({
      expectedRevision: ExpectedRevisionInput.optional(),
      facts: z.array(FactInput).min(1).max(MAX_BATCH),
    })
    .strict(),
  FactInput.transform((f) => ({ expectedRevision: undefined, facts: [f] })),
]);
export type AppendBody = z.output<typeof AppendBody>;
