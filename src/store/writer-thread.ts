import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GroupWriter, WireAppend, WireOutcome } from './sqlite-commit';
import type { WriterData, WriterReply, WriterRequest } from './sqlite-writer.worker';

interface InFlight {
  resolve(outcomes: WireOutcome[]): void;
  reject(err: Error): void;
}

/**
 * The event loop's side of the writer thread (sqlite-writer.worker): it hands groups
 * over in order and settles each when it is committed or has failed. The thread starts
 * with the first group, and keeps the process alive only while a group is in it.
 */
export class WriterThread implements GroupWriter {
  private worker: Worker | null = null;
  /** The groups handed over and not yet answered, oldest first: the thread answers in that order. */
  private readonly inFlight: InFlight[] = [];

  constructor(private readonly data: WriterData) {}

  /**
   * Groups are committed one after another, in the order given. Rejects when the group
   * failed as a whole (nothing of it committed) or the thread stopped (it may have).
   */
  commit(group: WireAppend[]): Promise<WireOutcome[]> {
    const worker = this.worker ?? this.spawn();
    return new Promise((resolve, reject) => {
      this.inFlight.push({ resolve, reject });
      worker.ref();
      worker.postMessage({ group } satisfies WriterRequest);
    });
  }

  /** Call with no group in flight: the thread closes its connection and ends. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    await new Promise((resolve) => {
      worker.once('exit', resolve);
      // Held until it has ended: the caller may have nothing else keeping the process alive meanwhile.
      worker.ref();
      worker.postMessage({ close: true } satisfies WriterRequest);
    });
  }

  private spawn(): Worker {
    const entry = join(__dirname, `sqlite-writer.worker${extname(__filename)}`);
    // Run from TypeScript sources (tests, `npm run dev`), the thread compiles them as this one does.
    const worker = entry.endsWith('.ts')
      ? new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`, {
          eval: true,
          workerData: this.data,
        })
      : new Worker(entry, { workerData: this.data });
    worker.unref();
    worker.on('message', (reply: WriterReply) => {
      const settle = this.inFlight.shift();
      if (!this.inFlight.length) worker.unref();
      if (!settle) return;
      if ('failed' in reply) settle.reject(new Error(reply.failed));
      else settle.resolve(reply.outcomes);
    });
    // An error the thread did not catch ends it; 'exit' follows and settles the groups.
    let error: Error | null = null;
    worker.on('error', (err) => (error = err));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      const stopped = error ?? new Error(`the writer thread stopped (exit code ${code})`);
      for (const f of this.inFlight.splice(0)) f.reject(stopped);
    });
    this.worker = worker;
    return worker;
  }
}
