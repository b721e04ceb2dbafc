import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const SPEC_PATH = join(__dirname, '..', '..', 'openapi', 'openapi.yaml');

/** The contract, parsed from openapi/openapi.yaml. */
export const loadSpec = (): { paths: Record<string, Record<string, unknown>> } & Record<string, unknown> =>
  parse(readFileSync(SPEC_PATH, 'utf8'));
