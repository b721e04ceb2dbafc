import { PROJECTIONS, type ReadModels } from '../../projections';
import type { ProjectionName } from '../../projections/changes';
import type { Projection } from '../../projections/projection';
import type { CheckpointStore } from '../store/checkpoints';
import type { SavedUpdates } from './updates-log';

/** The checkpoint entry that holds the recent read-model updates beside the read models. */
const UPDATES = 'updates';

export const NAMES = Object.keys(PROJECTIONS) as ProjectionName[];
export const projection = (name: ProjectionName) => PROJECTIONS[name] as Projection<unknown>;

/** Read models as restored from checkpoints, and the version of the fold that built each. */
export interface Restored {
  position: number;
  models: Partial<Record<ProjectionName, unknown>>;
  versions: Partial<Record<ProjectionName, number>>;
  /** Read models whose checkpoint is of another version: they serve it while rebuilt in the background. */
  stale: ProjectionName[];
  /** Read models with no checkpoint, or one that cannot be read: nothing to serve until folded from the log. */
  missing: ProjectionName[];
  /** The updates history saved with the read models, if any. */
  updates: SavedUpdates | null;
}

/**
 * The last checkpoints, if any and not ahead of the log (a replaced file could make
 * them so; then nothing is restored and everything is folded from the start).
 */
export async function restoreCheckpoints(
  checkpoints: CheckpointStore,
  head: number,
  versionOf: (name: ProjectionName) => number,
): Promise<Restored | null> {
  const saved = await checkpoints.load();
  if (saved.length === 0) return null;
  const position = Math.min(...saved.map((c) => c.position));
  if (saved.some((c) => c.position !== position) || position > head) return null;
  const saves = saved.find((c) => c.name === UPDATES)?.state as SavedUpdates | undefined;
  const updates = saves && Number.isInteger(saves.floor) && Array.isArray(saves.entries) ? saves : null;
  const restored: Restored = { position, models: {}, versions: {}, stale: [], missing: [], updates };
  for (const name of NAMES) {
    const c = saved.find((x) => x.name === name);
    try {
      if (!c) throw new Error('no checkpoint');
      restored.models[name] = projection(name).restore(c.state);
      restored.versions[name] = c.version;
      if (c.version !== versionOf(name)) restored.stale.push(name);
    } catch {
      // An empty model folded on from the checkpoint's position would be served, and saved, as if whole.
      restored.missing.push(name);
    }
  }
  return restored;
}

/**
 * A save stops the event loop for as long as it takes, and that grows with the read
 * models (0.6 to 1.1 s at half a million events): the next one waits at least this many
 * times as long, so saving takes at most a fiftieth of the time, however large they grow.
 */
const WAIT_PER_SAVE_TIME = 50;

export interface PeriodicOptions {
  intervalMs: number;
  /** The read models as they are now, and the position they were folded to. */
  current: () => {
    position: number;
    models: ReadModels;
    versions: Record<ProjectionName, number>;
    updates: SavedUpdates | null;
  };
  /** A timed save failed (the next is tried all the same); a save on demand rejects instead. */
  onSaveFailed?: (err: unknown) => void;
  /** The clock saves are timed by (milliseconds). */
  now?: () => number;
}

/**
 * Saves every read model at the engine's position: every `intervalMs`, or less often
 * when saves take long (see WAIT_PER_SAVE_TIME), and on demand.
 */
export class PeriodicCheckpoints {
  private timer: NodeJS.Timeout | null = null;
  private savedPosition = -1;
  private stopped = false;

  constructor(
    private readonly checkpoints: CheckpointStore,
    private readonly options: PeriodicOptions,
  ) {}

  /** Saves now, then on a timer that does not keep the process alive. */
  async start(): Promise<void> {
    this.schedule(await this.timedSave());
  }

  private schedule(lastSaveMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(
      () =>
        void this.timedSave().then(this.schedule.bind(this), (err: unknown) => {
          this.options.onSaveFailed?.(err);
          this.schedule(0);
        }),
      Math.max(this.options.intervalMs, WAIT_PER_SAVE_TIME * lastSaveMs),
    );
    this.timer.unref();
  }

  /** Saves, and says how long it took. */
  private async timedSave(): Promise<number> {
    const now = this.options.now ?? (() => performance.now());
    const t = now();
    await this.save();
    return now() - t;
  }

  /** Never ahead of the log: the position saved is one the models were folded to from it. */
  async save(): Promise<void> {
    const { position, models, versions, updates } = this.options.current();
    if (position === this.savedPosition) return;
    await this.checkpoints.save([
      ...NAMES.map((name) => ({
        name,
        version: versions[name],
        position,
        state: projection(name).snapshot(models[name]),
      })),
      ...(updates ? [{ name: UPDATES, version: 1, position, state: updates }] : []),
    ]);
    this.savedPosition = position;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.save();
  }
}
