import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnService } from './support/service-process';
import { connect } from './support/sse-client';

test('SIGTERM ends event streams, finishes, and exits 0; tokens can come from a file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'csto-sigterm-'));
  try {
    const tokens = join(dir, 'tokens');
    writeFileSync(tokens, '# writers\ncarol:carol-secret-0123456789\n');
    const { url, child, exited } = await spawnService({ SQLITE_PATH: join(dir, 'events.db'), API_TOKENS_FILE: tokens });
    const write = await fetch(`${url}/v1/streams/person-nikolai-bordyuzha/events`, {
      method: 'POST',
      headers: { Authorization: 'Bearer carol-secret-0123456789', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'StatementMade',
        occurred: '2010-02-04',
        data: {
          speaker: 'person-nikolai-bordyuzha',
          role: null,
          roleText: null,
          summary: 'before shutdown',
          topics: [],
        },
        source: { article: 'edm-v7-i31' },
      }),
    });
    expect(write.status).toBe(201);
    const stream = await connect(`${url}/v1/events/stream?from=0`);
    await stream.waitFor(1);
    child.kill('SIGTERM');
    await stream.ended;
    expect(await exited).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
