import type { Response } from 'supertest';
import { RULES } from '../commands/rule-names';
import { EVENT_TYPES, EventData } from '../events/catalog';
import { loadSpec } from '../src/http/spec';
import { expectToMatchSpec, schemaErrors } from './support/contract';

type SchemaObject = { enum?: string[]; properties?: Record<string, unknown>; oneOf?: { $ref: string }[] };
const spec = loadSpec() as { components: { schemas: Record<string, SchemaObject> } } & ReturnType<typeof loadSpec>;
const schemas = spec.components.schemas;

test('the spec lists exactly the event types of the catalog', () => {
  expect([...(schemas.EventType?.enum ?? [])].sort()).toEqual([...EVENT_TYPES].sort());
});

test.each(EVENT_TYPES)('the spec documents every field of a %s, as an event and as a fact', (type) => {
  const fields = Object.keys(EventData[type].shape).sort();
  expect(Object.keys(schemas[`${type}Data`]?.properties ?? {}).sort()).toEqual(fields);
  expect(schemas.Event?.oneOf).toContainEqual({ $ref: `#/components/schemas/${type}Event` });
  expect(schemas.FactInput?.oneOf).toContainEqual({ $ref: `#/components/schemas/${type}Fact` });
  expect(Object.keys((schemas[`${type}Fact`]?.properties?.data as SchemaObject).properties ?? {}).sort()).toEqual(
    fields,
  );
});

test('the spec names every domain rule a 422 can carry', () => {
  expect(schemas.RuleName?.enum).toEqual(Object.keys(RULES));
});

test('the response check rejects a body the spec does not describe', () => {
  const fake = (status: number, body: unknown) =>
    ({
      status,
      text: JSON.stringify(body),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    }) as unknown as Response;
  expect(() =>
    expectToMatchSpec(
      'get',
      '/v1/membership',
      fake(200, { asOf: '2007-06-01', knownAt: null, position: 1, members: [{ country: 'X' }] }),
    ),
  ).toThrow(/does not match/);
  expect(() =>
    expectToMatchSpec(
      'get',
      '/v1/membership',
      fake(200, { asOf: '2007-02-30', knownAt: null, position: 1, members: [], unknown: [] }),
    ),
  ).toThrow(/does not match/);
  expect(() => expectToMatchSpec('get', '/v1/membership', fake(418, {}))).toThrow(/does not declare/);
  expect(() =>
    expectToMatchSpec(
      'get',
      '/v1/membership',
      fake(200, { asOf: '2007-06-01', knownAt: null, position: 1, members: [], unknown: [] }),
    ),
  ).not.toThrow();
});

type Media = Record<string, { example?: unknown; examples?: Record<string, { value: unknown }> }>;
type Operation = {
  operationId: string;
  requestBody?: { content: Media };
  responses: Record<string, { content?: Media }>;
};

const examplesOf = (media: Media[string]): unknown[] =>
  media.example !== undefined ? [media.example] : Object.values(media.examples ?? {}).map((e) => e.value);

test('every operation documents an example of each success, and each example is valid against its schema', () => {
  const checked: string[] = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops as Record<string, Operation>)) {
      const successes = Object.entries(op.responses).filter(([c]) => c.startsWith('2'));
      const documented = [
        ...successes.flatMap(([code, success]) =>
          Object.entries(success.content ?? {}).map(([type, media]) => ({
            at: ['paths', path, method, 'responses', code, 'content', type, 'schema'],
            type,
            media,
          })),
        ),
        ...Object.entries(op.requestBody?.content ?? {}).map(([type, media]) => ({
          at: ['paths', path, method, 'requestBody', 'content', type, 'schema'],
          type,
          media,
        })),
      ];
      for (const { at, type, media } of documented) {
        const examples = examplesOf(media);
        expect({ operation: op.operationId, type, examples: examples.length > 0 }).toEqual({
          operation: op.operationId,
          type,
          examples: true,
        });
        const errors = type.includes('json') ? examples.map((e) => schemaErrors(at, e)).filter(Boolean) : [];
        expect({ operation: op.operationId, errors }).toEqual({ operation: op.operationId, errors: [] });
      }
      checked.push(op.operationId);
    }
  }
  expect(checked).toHaveLength(Object.values(spec.paths).flatMap((ops) => Object.keys(ops)).length);
  expect(checked.length).toBeGreaterThanOrEqual(21);
});
