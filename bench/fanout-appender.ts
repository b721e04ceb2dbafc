/**
 * The fan-out benchmark's writer, in its own thread so that reading a thousand
 * streams cannot slow the append rate down. Posts RATE facts a second for SECONDS
 * and reports each acknowledged position with the (process-wide) time it was acknowledged.
 */
import { parentPort, workerData } from 'node:worker_threads';

const { url, token, rate, seconds } = workerData as { url: string; token: string; rate: number; seconds: number };
const now = () => performance.timeOrigin + performance.now();

async function main() {
  const acks: [number, number][] = [];
  const failed: Record<string, number> = {};
  const fail = (why: string) => (failed[why] = (failed[why] ?? 0) + 1);
  let sent = 0;
  const start = now();
  const inFlight = new Set<Promise<void>>();
  while (now() - start < seconds * 1000) {
    const due = Math.floor(((now() - start) / 1000) * rate) - sent;
    for (let i = 0; i < due; i++) {
      sent++;
      const p = fetch(`${url}/v1/streams/bench-fanout-${sent % 16}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          type: 'DecisionTaken',
          occurred: '2010-01-29',
          data: { body: 'fan-out', decision: `decision ${sent}`, topics: [] },
          source: { article: 'edm-v7-i31' },
        }),
      })
        .then(async (res) => {
          if (res.status !== 201) return void fail(String(res.status));
          const { position } = (await res.json()) as { position: number };
          acks.push([position, now()]);
        })
        .catch((err: Error) => void fail((err.cause as Error | undefined)?.message ?? err.message));
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await Promise.all(inFlight);
  parentPort!.postMessage({ acks, failed, elapsed: (now() - start) / 1000 });
}

void main();
