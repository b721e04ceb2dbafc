/** Writes the zod-generated schemas into openapi/openapi.yaml, then the TypeScript types from the whole spec. */
import { readFileSync, writeFileSync } from 'node:fs';
import { SCHEMA_TS, SPEC_YAML, writeTypes } from './openapi-types';
import { specWithGeneratedSchemas } from './spec-from-zod';

void (async () => {
  writeFileSync(SPEC_YAML, await specWithGeneratedSchemas(SPEC_YAML, readFileSync(SPEC_YAML, 'utf8')));
  writeTypes(SPEC_YAML, SCHEMA_TS);
  console.log('openapi/openapi.yaml and openapi/schema.d.ts regenerated');
})();
