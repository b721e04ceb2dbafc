import type { Response } from 'supertest';
import { EVENT_TYPES } from '../events/catalog';
import { loadSpec } from '../src/http/spec';
import { expectToMatchSpec } from './support/contract';

const spec = loadSpec() as { components: { schemas: { EventType: { enum: string[] } } } } & ReturnType<typeof loadSpec>;

test('the spec lists exactly the event types of the catalog', () => {
  expect([...spec.components.schemas.EventType.enum].sort()).toEqual([...EVENT_TYPES].sort());
});

test('the response check rejects a body the spec does not describe', () => {
  const fake = (status: number, body: unknown) =>
    ({ status, text: JSON.stringify(body), headers: { 'content-type': 'application/json; charset=utf-8' } }) as unknown as Response;
  expect(() => expectToMatchSpec('get', '/v1/membership', fake(200, { asOf: '2007-06-01', knownAt: null, position: 1, members: [{ country: 'X' }] }))).toThrow(/does not match/);
  expect(() => expectToMatchSpec('get', '/v1/membership', fake(200, { asOf: '2007-02-30', knownAt: null, position: 1, members: [] }))).toThrow(/does not match/);
  expect(() => expectToMatchSpec('get', '/v1/membership', fake(418, {}))).toThrow(/does not declare/);
  expect(() => expectToMatchSpec('get', '/v1/membership', fake(200, { asOf: '2007-06-01', knownAt: null, position: 1, members: [] }))).not.toThrow();
});
