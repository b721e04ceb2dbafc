import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { loadSpec } from '../../src/http/spec';

const spec = loadSpec();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec, 'spec');

const templates = Object.keys(spec.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Asserts that a response is one the contract describes: a declared status, the
 * declared media type, and a body valid against the declared schema.
 */
export function expectToMatchSpec(method: string, url: string, res: Response): void {
  const path = new URL(url, 'http://x').pathname;
  const match = templates.find((t) => t.pattern.test(path));
  if (!match) throw new Error(`${path} is not in the spec`);
  const op = spec.paths[match.template]![method] as
    { responses: Record<string, { content?: Record<string, unknown> }> } | undefined;
  if (!op) throw new Error(`${method.toUpperCase()} ${match.template} is not in the spec`);
  const declared = op.responses[String(res.status)];
  if (!declared)
    throw new Error(
      `${method.toUpperCase()} ${url} answered ${res.status}, which the spec does not declare: ${res.text?.slice(0, 300)}`,
    );
  const resolved = declared as { $ref?: string; content?: Record<string, unknown> };
  const response = resolved.$ref
    ? (spec.components as { responses: Record<string, typeof resolved> }).responses[resolved.$ref.split('/').pop()!]!
    : resolved;
  if (!response.content) return;
  const mediaType = Object.keys(response.content)[0]!;
  expect(res.headers['content-type']).toContain(mediaType);
  const schemaPointer = resolved.$ref
    ? `spec#/${pointer('components', 'responses', resolved.$ref.split('/').pop()!, 'content', mediaType, 'schema')}`
    : `spec#/${pointer('paths', match.template, method, 'responses', String(res.status), 'content', mediaType, 'schema')}`;
  const body = mediaType.includes('json') ? JSON.parse(res.text) : res.text;
  const errors = errorsAt(schemaPointer, body);
  if (errors) throw new Error(`${method.toUpperCase()} ${url} ${res.status} does not match the spec: ${errors}`);
}

/** Why a value is not valid against the schema at a location in the spec, or null when it is. */
export function schemaErrors(location: string[], value: unknown): string | null {
  return errorsAt(`spec#/${pointer(...location)}`, value);
}

function errorsAt(schemaPointer: string, value: unknown): string | null {
  const validate = ajv.getSchema(schemaPointer);
  if (!validate) throw new Error(`no schema at ${schemaPointer}`);
  return validate(value) ? null : ajv.errorsText(validate.errors);
}
