import fc from 'fast-check';
import request from 'supertest';
import { loadSpec } from '../src/http/spec';
import { AS_ALICE, startTestApp, type TestApp } from './support/app';
import { expectToMatchSpec } from './support/contract';

/** Runs per operation; FUZZ_RUNS raises it for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const spec = loadSpec();
// Streams never end on their own; their bad-input answers are covered in the SSE tests.
const STREAMING = new Set(['/v1/events/stream', '/v1/projections/{name}/updates']);

let t: TestApp;
// A short minPosition wait: fuzzed positions past the log would otherwise each wait 2 s.
beforeAll(async () => (t = await startTestApp({ minPositionWaitMs: 20 })));
afterAll(() => t.close());

const nasty = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '__proto__',
    'constructor',
    'prototype',
    'null',
    'undefined',
    'NaN',
    '-1',
    '0',
    '1e309',
    '2007-02-30',
    '2008-02-29',
    '2007-13-01',
    '9999-12-31',
    '0000-00-00',
  ),
  fc.constantFrom('%00', '%', '../../etc/passwd', '<script>', "' OR 1=1 --", '\u202e', '😀', 'Ω≈ç√', 'a'.repeat(5000)),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

interface Param {
  name: string;
  in: string;
  schema?: { enum?: string[]; type?: string | string[] };
}

const resolve = (p: Param | { $ref: string }): Param =>
  '$ref' in p
    ? ((spec.components as { parameters: Record<string, Param> }).parameters[p.$ref.split('/').pop()!] as Param)
    : p;

function valueFor(p: Param) {
  const enumValues = p.schema?.enum;
  return enumValues ? fc.oneof(fc.constantFrom(...enumValues), nasty) : nasty;
}

const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
  Object.entries(ops as Record<string, { parameters?: (Param | { $ref: string })[] }>)
    .filter(([method]) => ['get', 'post'].includes(method) && !STREAMING.has(path))
    .map(([method, op]) => ({ path, method, params: (op.parameters ?? []).map(resolve) })),
);

const factLike = fc.record(
  {
    type: fc.oneof(fc.constantFrom('StatementMade', 'MembershipSuspended', 'SourceRegistered', 'FactRetracted'), nasty),
    occurred: fc.oneof(fc.constantFrom('2010-02-04', '2006-06/2006-08', '2000/..', '1999'), nasty, fc.anything()),
    data: fc.oneof(
      fc.dictionary(fc.oneof(nasty, fc.constantFrom('speaker', 'country', '__proto__')), fc.anything()),
      fc.anything(),
    ),
    source: fc.oneof(
      fc.record({ article: fc.oneof(fc.constantFrom('edm-v7-i31'), nasty), quote: fc.oneof(fc.constant(null), nasty) }),
      fc.anything(),
    ),
    id: fc.oneof(fc.uuid(), nasty),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  factLike,
  fc.record(
    { facts: fc.array(factLike, { maxLength: 3 }), expectedRevision: fc.oneof(fc.integer(), nasty) },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

describe.each(operations)('$method $path', ({ path, method, params }) => {
  test('answers every input without a 5xx, as the spec says, and a refusal changes nothing', async () => {
    const query = params.filter((p) => p.in === 'query');
    const pathParams = params.filter((p) => p.in === 'path');
    const input = fc.record({
      query: fc.record(Object.fromEntries(query.map((p) => [p.name, valueFor(p)])), { requiredKeys: [] }),
      extra: fc.dictionary(nasty, nasty, { maxKeys: 2 }),
      // An empty or dot segment would be another path altogether (URLs drop "." and resolve "..").
      path: fc.record(
        Object.fromEntries(pathParams.map((p) => [p.name, valueFor(p).filter((v) => !['', '.', '..'].includes(v))])),
      ),
      body: method === 'post' ? body : fc.constant(undefined),
      raw: fc.option(fc.oneof(fc.constant('{"type":'), fc.constant('[]'), fc.constant('null'), fc.string()), {
        nil: undefined,
      }),
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
      ),
      auth: fc.constantFrom(true, true, false),
    });
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const before = await t.store.head();
        let url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(i.path[name] ?? 'x')));
        const qs = new URLSearchParams({ ...i.extra, ...(i.query as Record<string, string>) }).toString();
        if (qs) url += `?${qs}`;
        let req = method === 'post' ? request(t.app).post(url) : request(t.app).get(url);
        if (i.auth) req = req.set(AS_ALICE);
        if (method === 'post')
          req = req.set('Content-Type', i.contentType).send(i.raw ?? JSON.stringify(i.body ?? null));
        const res = await req;
        // The one 5xx the contract has: asking to read a position the log has not reached (503, retry later).
        const minPosition = (i.query as Record<string, string>).minPosition;
        const ahead = minPosition !== undefined && /^\d{1,15}$/.test(minPosition) && Number(minPosition) > before;
        if (ahead && res.status === 503) expect(res.headers['retry-after']).toBeDefined();
        else expect(res.status).toBeLessThan(500);
        expectToMatchSpec(method, url, res);
        if (res.status >= 400) {
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(await t.store.head()).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
