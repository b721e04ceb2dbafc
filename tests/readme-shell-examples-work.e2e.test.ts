import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnService } from './support/service-process';

/**
 * Every fenced `sh` block of the README that talks to the API, run as written against a
 * real service: only the address and the secret are put in. Each curl prints its status
 * (event streams are read for a second), and any answer of 400 or more fails the block.
 */
const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const BLOCKS = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => /\bcurl\b/.test(b));
const SECRET = 'readme-secret-0123456789abcdef';

const PRELUDE = `set -e
secret='${SECRET}'
curl() {
  case " $* " in
    *" -N "*) command curl -sS --fail --max-time 1 "$@" > /dev/null 2>&1 || [ $? -eq 28 ] ;;
    *) command curl -sS --fail-with-body -o /dev/null -w '%{http_code}\\n' "$@" ;;
  esac
}
`;

let dir: string;
let service: Awaited<ReturnType<typeof spawnService>>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'csto-readme-'));
  service = await spawnService({ SQLITE_PATH: join(dir, 'events.db'), API_TOKENS: `analyst:${SECRET}` });
});
afterAll(async () => {
  service.child.kill('SIGTERM');
  await service.exited;
  rmSync(dir, { recursive: true, force: true });
});

test('the README has shell examples that talk to the API', () => {
  expect(BLOCKS.length).toBeGreaterThanOrEqual(3);
});

test.each(BLOCKS.map((b) => [b.split('\n')[0]!, b]))(
  'the block starting %s works as written',
  async (_first, block) => {
    const script = PRELUDE + block.replaceAll('localhost:3000', service.url.replace('http://', ''));
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile('bash', ['-c', script], { timeout: 60_000 }, (err, out, errOut) =>
        resolve({ code: err ? Number(err.code) : 0, stdout: out, stderr: errOut }),
      ),
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    for (const status of stdout.trim().split('\n').filter(Boolean)) expect(status).toMatch(/^2\d\d$/);
  },
);
