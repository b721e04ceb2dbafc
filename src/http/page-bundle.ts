import { build } from 'esbuild';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root';

/** The page sources: HTML, CSS and the TypeScript bundled below. */
export const WEB_DIR = join(PROJECT_ROOT, 'web');

/** The browser scripts, bundled from web/*.ts on first request (tens of milliseconds) and kept. */
let bundle: Promise<Map<string, string>> | undefined;

export function pageScripts(): Promise<Map<string, string>> {
  bundle ??= build({
    entryPoints: { timeline: join(WEB_DIR, 'main.ts'), docs: join(WEB_DIR, 'docs.ts') },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    write: false,
    outdir: 'out',
    logLevel: 'silent',
  }).then((r) => new Map(r.outputFiles.map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), f.text])));
  // A failed build is retried on the next request rather than cached.
  bundle.catch(() => (bundle = undefined));
  return bundle;
}
