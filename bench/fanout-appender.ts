/**
 * The fan-out benchmark's writer, in its own thread so that reading a thousand
 * streams cannot slow the append rate down. Posts RATE facts a second for SECONDS
 * and reports each acknowledged position with the (process-wide) time it was acknowledged.
 *
 * Posts go over a bounded pool of keep-alive connections, as a real client's would:
 * when the service falls behind they queue here and the figure drops. An unbounded
 * client (fetch's default) opens a connection per waiting post instead, and on a
 * loaded machine that storm ends in connect timeouts and resets that measure the
 * client's connection churn, not the service.
 */
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, token, rate, seconds } = workerData as { url: string; token: string; rate: number; seconds: number };
const now = () => performance.timeOrigin + performance.now();
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** Posts one fact; resolves with the status and body. */
const post = (path: string, body: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      new URL(path, url),
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });

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
      const p = post(
        `/v1/streams/bench-fanout-${sent % 16}/events`,
        JSON.stringify({
          type: 'DecisionTaken',
          occurred: '2010-01-29',
          data: { body: 'fan-out', decision: `decision ${sent}`, topics: [] },
          source: { article: 'edm-v7-i31' },
        }),
      )
        .then((res) => {
          if (res.status !== 201) return void fail(String(res.status));
          const { position } = JSON.parse(res.body) as { position: number };
          acks.push([position, now()]);
        })
        .catch((err: Error) => void fail(err.message));
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await Promise.all(inFlight);
  agent.destroy();
  parentPort!.postMessage({ acks, failed, elapsed: (now() - start) / 1000 });
}

void main();
