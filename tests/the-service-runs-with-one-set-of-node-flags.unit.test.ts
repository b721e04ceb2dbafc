import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageScripts, serviceNodeFlags } from '../bench/server';

const ROOT = join(__dirname, '..');

describe('the node flags the service runs with', () => {
  test('given npm start, the image and the benchmarks, when each starts the service, then node gets the same flags', () => {
    const flags = serviceNodeFlags();
    expect(flags).toContain('--max-semi-space-size=32');
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
    expect(cmd).not.toBeNull();
    expect(JSON.parse(cmd![1]!)).toEqual(['node', ...flags, 'dist/src/main.js']);
  });

  test('given the reads benchmark, when it reads in its own process, then node runs it with the same flags', () => {
    const reads = /&& node (.*) bench\/reads\.ts$/.exec(packageScripts()['bench:reads']!);
    expect(reads).not.toBeNull();
    for (const flag of serviceNodeFlags()) expect(reads![1]!.split(' ')).toContain(flag);
  });
});
