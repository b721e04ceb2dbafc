import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The package's folder, where openapi/ and web/ live: the nearest folder above this
 * module with a package.json. Found rather than counted, so the same code works run
 * from source (src/) and from the build (dist/src/).
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
