/**
 * The parts of openapi/openapi.yaml that come from the zod schemas: every event
 * type's payload, the recorded event and the fact input as unions told apart by
 * `type`, the envelope's pieces, and the rule names. The rest of the spec is
 * written by hand; these keys are replaced wherever they stand, so the two never
 * disagree. `npm run spec:generate` writes them; `npm run spec:check` fails on drift.
 */
import { format, resolveConfig } from 'prettier';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { FACT_SCHEMAS, FactSource } from '../../commands/fact-input';
import { OccurredInput } from '../../commands/occurred';
import { RULES } from '../../commands/rule-names';
import { EVENT_TYPES, EventData, EventTypeSchema } from '../../events/catalog';
import { FuzzyDate, IsoDay } from '../../events/dates';
import { Metadata, RECORDED_EVENT_SCHEMAS, Reported, Source } from '../../events/envelope';

type JsonSchema = Record<string, unknown>;
const ref = (id: string) => `#/components/schemas/${id}`;

/** One JSON Schema per registered id; `io` picks what is sent (input) or what is answered (output). */
function fromRegistry(entries: [z.ZodType, string][], io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of entries) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    uri: ref,
    io,
    unrepresentable: 'throw',
    // What a client may leave out is said in words: type generators read a `default` as "always present",
    // which holds for what the service answers, not for what a client sends.
    override: ({ jsonSchema: s }) => {
      if (io !== 'input' || !('default' in s)) return;
      const text = `Default: ${JSON.stringify(s.default)}.`;
      delete s.default;
      s.description = s.description ? `${s.description} ${text}` : text;
    },
  });
  // Components need neither their own dialect nor an $id (Ajv would resolve refs against it).
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema as JsonSchema]),
  );
}

/** A union of one schema per event type, with the discriminator that lets tools pick the branch. */
const unionByType = (description: string, idOf: (type: string) => string): JsonSchema => ({
  description,
  oneOf: EVENT_TYPES.map((t) => ({ $ref: ref(idOf(t)) })),
  discriminator: { propertyName: 'type', mapping: Object.fromEntries(EVENT_TYPES.map((t) => [t, ref(idOf(t))])) },
});

export function generatedSchemas(): Record<string, JsonSchema> {
  const shared: [z.ZodType, string][] = [
    [IsoDay, 'Date'],
    [FuzzyDate, 'FuzzyDate'],
  ];
  const events = fromRegistry(
    [
      ...shared,
      [Source, 'EventSource'],
      [Reported, 'EventReported'],
      [Metadata, 'EventMetadata'],
      [EventTypeSchema, 'EventType'],
      ...EVENT_TYPES.flatMap((t): [z.ZodType, string][] => [
        [EventData[t], `${t}Data`],
        [RECORDED_EVENT_SCHEMAS[t], `${t}Event`],
      ]),
    ],
    'output',
  );
  const facts = fromRegistry(
    [
      ...shared,
      [FactSource, 'FactSource'],
      [OccurredInput, 'OccurredInput'],
      ...EVENT_TYPES.map((t): [z.ZodType, string] => [FACT_SCHEMAS[t], `${t}Fact`]),
    ],
    'input',
  );
  // The shared schemas are registered on both sides so facts refer to them; their output form (which also
  // forbids unknown keys, where the service would strip them) documents both.
  for (const [, id] of shared) delete facts[id];
  return {
    ...events,
    ...facts,
    Event: unionByType(
      'An event as recorded, with its envelope; `type` decides the shape of `data`.',
      (t) => `${t}Event`,
    ),
    FactInput: unionByType(
      'One fact as a client records it; `type` decides the shape of `data`. `occurred` is an EDTF date (`2005-10-29`, `2005-10`, `1999`, `2006-06/2006-08`, `2000/..`) or the full interval.',
      (t) => `${t}Fact`,
    ),
    RuleName: {
      type: 'string',
      enum: Object.keys(RULES),
      description: `The domain rule a 422 names:\n\n${Object.entries(RULES)
        .map(([rule, what]) => `- \`${rule}\`: ${what}`)
        .join('\n')}\n`,
    },
  };
}

/** The spec's text with every generated schema in place, formatted as the repository formats YAML. */
export async function specWithGeneratedSchemas(path: string, text: string): Promise<string> {
  const doc = parseDocument(text);
  for (const [id, schema] of Object.entries(generatedSchemas())) {
    doc.setIn(['components', 'schemas', id], doc.createNode(schema));
  }
  return format(doc.toString({ lineWidth: 0 }), { ...(await resolveConfig(path)), parser: 'yaml' });
}
