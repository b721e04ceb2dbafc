import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root';

export const ROOT = PROJECT_ROOT;
export const SPEC_YAML = join(ROOT, 'openapi', 'openapi.yaml');
export const SCHEMA_TS = join(ROOT, 'openapi', 'schema.d.ts');

/** Runs openapi-typescript on the spec, with its default settings. */
export function writeTypes(spec: string, out: string): void {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'openapi-typescript'), [spec, '-o', out], { stdio: 'pipe' });
}
