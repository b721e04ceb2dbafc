import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../project-root';

export const SPEC_PATH = join(PROJECT_ROOT, 'openapi', 'openapi.yaml');

export type Spec = { paths: Record<string, Record<string, unknown>> } & Record<string, unknown>;

/** The contract, parsed from openapi/openapi.yaml (whose shape the drift check and the spec tests guard). */
export const loadSpec = (): Spec => parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
