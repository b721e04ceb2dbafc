import type { RecordedEvent } from '../../events/envelope';
import { initReadModels, type ReadModels } from '../../projections';
import type { ProjectionName } from '../../projections/changes';
import type { CheckpointStore } from '../store/checkpoints';
import type { EventStore, Subscription } from '../store/port';
import { rebuildFromLog } from './background-rebuild';
import { ChangeFeed, type AppliedListener } from './change-feed';
import { NAMES, PeriodicCheckpoints, projection, restoreCheckpoints, type Restored } from './checkpointing';
import { PositionWaiters } from './position-waiters';
import type { Update } from './updates-log';

export interface EngineOptions {
  checkpoints?: CheckpointStore;
  /** How often to save checkpoints while events arrive. */
  checkpointIntervalMs?: number;
  /** A periodic checkpoint could not be saved; the read models go on, and the next save is tried. */
  onCheckpointFailed?: (err: unknown) => void;
  /** Overrides projection versions (tests use it to stand for a changed fold). */
  versions?: Partial<Record<ProjectionName, number>>;
  /** Fold the whole log rather than restore the checkpoints (which are then replaced). */
  rebuild?: boolean;
  /** How many recent events' read-model updates are kept for resuming subscribers. */
  updatesKept?: number;
}

/**
 * Keeps every read model up to date with the log: restores the last checkpoint,
 * catches up from there, then folds each new event as it commits. Reads say which
 * position they reflect. Checkpoints, background rebuilds, read-your-writes waits
 * and the change feed are its collaborators; folding is its own job.
 */
export class ProjectionEngine {
  readonly models: ReadModels = initReadModels();
  private position = 0;
  private subscription: Subscription | null = null;
  private readonly waiters = new PositionWaiters(() => this.position);
  private readonly feed: ChangeFeed;
  private readonly periodic: PeriodicCheckpoints | null;
  /** The version each served read model was built by; differs from the code's while it rebuilds. */
  private readonly servedVersion = {} as Record<ProjectionName, number>;
  private readonly rebuilds = new Map<ProjectionName, Promise<void>>();
  /** The position the read models were restored at (0: built from the start of the log). */
  restoredFrom = 0;
  /** Read models whose checkpoint was of another version, rebuilt in the background at start. */
  staleAtStart: ProjectionName[] = [];
  /** Read models whose checkpoint was missing or unreadable, folded from the log before start resolved. */
  missingAtStart: ProjectionName[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly options: EngineOptions = {},
  ) {
    this.feed = new ChangeFeed(options.updatesKept ?? 10_000);
    for (const name of NAMES) this.servedVersion[name] = this.versionOf(name);
    const { checkpoints, checkpointIntervalMs = 30_000, onCheckpointFailed } = options;
    this.periodic = checkpoints
      ? new PeriodicCheckpoints(checkpoints, {
          intervalMs: checkpointIntervalMs,
          current: () => ({
            position: this.position,
            models: this.models,
            versions: this.servedVersion,
            updates: this.feed.snapshot(),
          }),
          onSaveFailed: onCheckpointFailed,
        })
      : null;
  }

  private versionOf(name: ProjectionName): number {
    return this.options.versions?.[name] ?? projection(name).version;
  }

  /** Resolves once the read models reflect everything committed when it was called. */
  async start(): Promise<void> {
    const savedUpdates = await this.restore();
    this.feed.keepFrom(this.position, await this.store.positionBefore(this.feed.size), savedUpdates);
    this.subscription = this.store.subscribe(this.position, (e) => this.apply(e));
    await this.subscription.caughtUp;
    for (const name of this.staleAtStart) this.rebuilds.set(name, this.rebuildInBackground(name));
    await this.periodic?.start();
  }

  /** Restores the read models, and returns the updates history saved with them. */
  private async restore(): Promise<Restored['updates']> {
    const { checkpoints, rebuild } = this.options;
    if (!checkpoints || rebuild) return null;
    const restored = await restoreCheckpoints(checkpoints, await this.store.head(), (n) => this.versionOf(n));
    if (!restored) return null;
    Object.assign(this.models, restored.models);
    Object.assign(this.servedVersion, restored.versions);
    this.staleAtStart = restored.stale;
    this.missingAtStart = restored.missing;
    this.position = this.restoredFrom = restored.position;
    // Nothing is served until these have caught up with the others: start() resolves after them.
    for (const name of restored.missing)
      await rebuildFromLog(
        this.store,
        projection(name),
        () => restored.position,
        (state) => ((this.models as Record<ProjectionName, unknown>)[name] = state),
      );
    return restored.updates;
  }

  private rebuildInBackground(name: ProjectionName): Promise<void> {
    return rebuildFromLog(
      this.store,
      projection(name),
      () => this.position,
      (state) => {
        (this.models as Record<ProjectionName, unknown>)[name] = state;
        this.servedVersion[name] = this.versionOf(name);
        this.rebuilds.delete(name);
      },
    );
  }

  /** Read models being rebuilt in the background. */
  get rebuilding(): ProjectionName[] {
    return [...this.rebuilds.keys()];
  }

  /** Resolves when every background rebuild has swapped in. */
  async rebuilt(): Promise<void> {
    await Promise.all(this.rebuilds.values());
  }

  get currentPosition(): number {
    return this.position;
  }

  /** Called after each event is folded, once live, in log order, with what it changed. */
  onApplied(listener: AppliedListener): () => void {
    return this.feed.subscribe(listener);
  }

  /** The changes after `position`, or null when they are older than those kept. */
  updatesAfter(position: number): Update[] | null {
    return this.feed.after(position);
  }

  /** Waits (bounded) until the read models reflect `position`; for read-your-writes. */
  waitFor(position: number, timeoutMs: number): Promise<void> {
    return this.waiters.wait(position, timeoutMs);
  }

  private apply(e: RecordedEvent): void {
    this.feed.record(this.models, e, () => {
      for (const name of NAMES) projection(name).apply(this.models[name], e);
      this.position = e.position;
    });
    this.waiters.reached(this.position);
  }

  /** Stops following the log and saves a last checkpoint. */
  async stop(): Promise<void> {
    this.subscription?.close();
    this.subscription = null;
    await this.periodic?.stop();
  }
}
