import type { RecordedEvent } from '../../events/envelope';
import type { ReadModels } from '../../projections';
import { captureBefore, changesOf } from '../../projections/changes';
import { UpdatesLog, type SavedUpdates, type Update } from './updates-log';

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

  /** How many updates are kept: the engine asks the store where the last ones of the log begin. */
  get size(): number {
    return this.capacity;
  }

  /**
   * Keeps the changes of every event folded after `position`: those after
   * `lastOnesFrom` (where the last `size` events of the log begin), so a restart serves
   * the same history, and all once live. A history saved with the checkpoint goes on,
   * when it reaches that far.
   */
  keepFrom(position: number, lastOnesFrom: number, saved: SavedUpdates | null): void {
    const from = Math.max(position, lastOnesFrom);
    this.log =
      saved && from === position ? UpdatesLog.restore(this.capacity, saved) : new UpdatesLog(this.capacity, from);
  }

  /** The history to save with a checkpoint. */
  snapshot(): SavedUpdates | null {
    return this.log?.snapshot() ?? null;
  }

  /** Runs `fold` for `e`; for the events kept, reads what it changed and announces it. */
  record(models: ReadModels, e: RecordedEvent, fold: () => void): void {
    // Before the kept window (a long catch-up), the cost of working out changes is skipped.
    if (!this.log || e.position <= this.log.heldAfter) return fold();
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
