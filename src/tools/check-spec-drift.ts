/**
 * Fails when openapi/openapi.yaml does not hold what the zod schemas generate, or
 * openapi/schema.d.ts is not what openapi-typescript generates from the spec: the
 * types come from one source each and must not drift.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_TS, SPEC_YAML, writeTypes } from './openapi-types';
import { specWithGeneratedSchemas } from './spec-from-zod';

const stale: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'spec-'));
void (async () => {
  try {
    const spec = readFileSync(SPEC_YAML, 'utf8');
    if ((await specWithGeneratedSchemas(SPEC_YAML, spec)) !== spec)
      stale.push('openapi/openapi.yaml (the zod-generated schemas)');
    const fresh = join(dir, 'schema.d.ts');
    writeTypes(SPEC_YAML, fresh);
    const norm = (s: string) =>
      s
        .split('\n')
        .filter((l) => l.trim() !== '')
        .join('\n');
    if (norm(readFileSync(fresh, 'utf8')) !== norm(readFileSync(SCHEMA_TS, 'utf8'))) stale.push('openapi/schema.d.ts');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (stale.length) {
    console.error(`Stale: ${stale.join(', ')}. Run \`npm run spec:generate\` and commit the result.`);
    process.exit(1);
  }
  console.log('openapi/openapi.yaml and openapi/schema.d.ts match their sources');
})();
