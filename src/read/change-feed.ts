import type { RecordedEvent } from '../../events/envelope';
import type { ReadModels } from '../../projections';
import { captureBefore, changesOf } from '../../projections/changes';
import { UpdatesLog, type Update } from './updates-log';

/** Called with each event folded once live, and what it changed. */
export type AppliedListener = (e: RecordedEvent, update: Update) => void;

/**
 * What each event changes in the read models, worked out once the engine is live
 * (the catch-up at start skips the cost), kept for resuming subscribers, and announced.
 */
export class ChangeFeed {
  private log: UpdatesLog | null = null;
  private readonly listeners = new Set<AppliedListener>();

  constructor(private readonly capacity: number) {}

  /** From here on (the engine caught up at `position`), every fold's changes are kept. */
  goLive(position: number): void {
    this.log = new UpdatesLog(this.capacity, position);
  }

  /** Runs `fold` for `e`; once live, reads what it changed and announces it. */
  record(models: ReadModels, e: RecordedEvent, fold: () => void): void {
    if (!this.log) return fold();
    const before = captureBefore(models, e);
    fold();
    const update = { position: e.position, eventId: e.id, type: e.type, changes: changesOf(models, e, before) };
    this.log.push(update);
    for (const l of this.listeners) l(e, update);
  }

  /** The updates after `position`, or null when they are older than those kept (or not live yet). */
  after(position: number): Update[] | null {
    return this.log?.after(position) ?? null;
  }

  subscribe(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
