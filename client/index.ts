/**
 * A typed client for the CSTO record API: openapi-fetch over the types that
 * openapi-typescript generates from openapi/openapi.yaml, so it cannot drift from
 * the contract.
 *
 *   const api = createClient('http://localhost:3000', { token });
 *   const { data, error } = await api.GET('/v1/membership', { params: { query: { asOf: '2007-06-01' } } });
 */
import createFetchClient from 'openapi-fetch';
import type { components, paths } from '../openapi/schema';

export type { components, paths };

export function createClient(baseUrl: string, options: { token?: string; fetch?: typeof fetch } = {}) {
  return createFetchClient<paths>({
    baseUrl,
    headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
