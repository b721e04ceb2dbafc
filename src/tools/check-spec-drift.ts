/**
 * Fails when openapi/schema.d.ts is not what openapi-typescript generates from
 * openapi/openapi.yaml today: the types must come from the contract, not drift from it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'spec-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  execFileSync(
    join(root, 'node_modules', '.bin', 'openapi-typescript'),
    [join(root, 'openapi', 'openapi.yaml'), '-o', fresh],
    { stdio: 'pipe' },
  );
  const norm = (s: string) =>
    s
      .split('\n')
      .filter((l) => l.trim() !== '')
      .join('\n');
  if (norm(readFileSync(fresh, 'utf8')) !== norm(readFileSync(join(root, 'openapi', 'schema.d.ts'), 'utf8'))) {
    console.error('openapi/schema.d.ts is stale: run `npm run spec:generate` and commit the result.');
    process.exit(1);
  }
  console.log('openapi/schema.d.ts matches openapi/openapi.yaml');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
