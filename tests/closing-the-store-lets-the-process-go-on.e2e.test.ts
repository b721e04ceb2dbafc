import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The build (dist/), from plain node: under tsx, its loader keeps the process alive by itself and hides the fault.
const DIST = join(__dirname, '..', 'dist');
const run = promisify(execFile);

// While close() waits for the writer thread to end, nothing else keeps this process alive: if the thread does not
// hold it, the process exits in the middle of close() without a word, and nothing after close() runs.
const SCRIPT = `
const { randomUUID } = require('node:crypto');
const { SqliteEventStore } = require(${JSON.stringify(join(DIST, 'src', 'store', 'sqlite.js'))});
const { day } = require(${JSON.stringify(join(DIST, 'events', 'dates.js'))});
const { SCHEMA_VERSION } = require(${JSON.stringify(join(DIST, 'events', 'envelope.js'))});
const attestation = () => ({
  id: randomUUID(),
  type: 'MembershipAttested',
  stream: 'country-testland',
  schemaVersion: SCHEMA_VERSION,
  occurred: day('2001-02-03'),
  reported: { article: 'test-article', date: '2001-02-03' },
  source: { article: 'test-article', outlet: null, quote: null },
  metadata: { recordedBy: 'test', correlationId: null, causationId: null },
  data: { country: 'country-testland', member: true },
});
(async () => {
  const path = process.argv[1];
  const store = new SqliteEventStore(path);
  // Larger than a group committed on the event loop: it goes to the writer thread.
  await store.append('country-testland', Array.from({ length: 100 }, attestation), 'no-stream');
  await store.close();
  const again = new SqliteEventStore(path);
  process.stdout.write(JSON.stringify({ afterClose: await again.head() }));
  await again.close();
})();
`;

test('a process that closes the SQLite store after a batch on the writer thread carries on after close', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'csto-close-'));
  try {
    const { stdout } = await run(process.execPath, ['-e', SCRIPT, join(dir, 'events.db')]);
    expect(stdout).toBe(JSON.stringify({ afterClose: 100 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
