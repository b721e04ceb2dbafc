import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const SPEC_YAML = join(ROOT, 'openapi', 'openapi.yaml');
export const SCHEMA_TS = join(ROOT, 'openapi', 'schema.d.ts');

/**
 * Runs openapi-typescript on the spec. A property with a default stays optional in the
 * types (--default-non-nullable false): a client may leave it out and the service fills it in.
 */
export function writeTypes(spec: string, out: string): void {
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'openapi-typescript'),
    [spec, '-o', out, '--default-non-nullable', 'false'],
    {
      stdio: 'pipe',
    },
  );
}
