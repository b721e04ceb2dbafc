import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnService } from './support/service-process';
import { connect } from './support/sse-client';

const TOKEN = 'historian-secret-0123456789';

test('given a membership change and a restart, resuming the updates from before it replays the change, not a reset', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'csto-updates-'));
  const env = { SQLITE_PATH: join(dir, 'events.db'), API_TOKENS: `historian:${TOKEN}` };
  try {
    const first = await spawnService(env);
    const res = await fetch(`${first.url}/v1/streams/country-armenia/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'MembershipSuspended',
        occurred: '2010-02-01',
        data: { country: 'country-armenia' },
        source: { article: 'edm-v7-i31' },
      }),
    });
    expect(res.status).toBe(201);
    const { events } = (await res.json()) as { events: { position: number }[] };
    const position = events[0]!.position;
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await spawnService(env);
    try {
      const resumed = await connect(`${second.url}/v1/projections/membership/updates?from=${position - 1}`);
      const [message] = await resumed.waitFor(1);
      resumed.close();
      expect(message!.event).toBe('update');
      expect(message!.id).toBe(String(position));
      expect(JSON.parse(message!.data)).toMatchObject({ country: 'country-armenia', from: 'member', to: 'not-member' });

      // The corpus itself is within the 10,000 events kept: resuming from the start replays, too.
      const fromStart = await connect(`${second.url}/v1/projections/membership/updates?from=0`);
      const [firstOfAll] = await fromStart.waitFor(1);
      fromStart.close();
      expect(firstOfAll!.event).toBe('update');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
