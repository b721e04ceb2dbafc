import type { RecordedEvent } from '../../events/envelope';
import { PROJECTIONS, initReadModels, type ReadModels } from '../../projections';
import { captureBefore, changesOf, type ProjectionName } from '../../projections/changes';
import type { Projection } from '../../projections/projection';
import { unavailable } from '../errors';
import type { CheckpointStore } from '../store/checkpoints';
import type { EventStore, Subscription } from '../store/port';
import { UpdatesLog, type Update } from './updates-log';

export type AppliedListener = (e: RecordedEvent, changes: Update['changes']) => void;

export interface EngineOptions {
  checkpoints?: CheckpointStore;
  /** How often to save checkpoints while events arrive. */
  checkpointIntervalMs?: number;
  /** Overrides projection versions (tests use it to stand for a changed fold). */
  versions?: Partial<Record<ProjectionName, number>>;
  /** Fold the whole log rather than restore the checkpoints (which are then replaced). */
  rebuild?: boolean;
}

const UPDATES_KEPT = 10_000;
const PAGE = 1000;
const NAMES = Object.keys(PROJECTIONS) as ProjectionName[];
const projection = (name: ProjectionName) => PROJECTIONS[name] as Projection<unknown>;

/**
 * Keeps every read model up to date with the log: restores the last checkpoint,
 * catches up from there, then folds each new event as it commits. Reads say which
 * position they reflect.
 */
export class ProjectionEngine {
  readonly models: ReadModels = initReadModels();
  private position = 0;
  private subscription: Subscription | null = null;
  private waiters: { position: number; resolve: () => void }[] = [];
  private readonly listeners = new Set<AppliedListener>();
  /** Set once caught up: from then on each event's changes are worked out, kept and announced. */
  private updates: UpdatesLog | null = null;
  /** The version each served read model was built by; differs from the code's while it rebuilds. */
  private readonly servedVersion = {} as Record<ProjectionName, number>;
  private readonly rebuilds = new Map<ProjectionName, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private savedPosition = -1;
  /** The position the read models were restored at (0: built from the start of the log). */
  restoredFrom = 0;
  /** Read models whose checkpoint was of another version, rebuilt in the background at start. */
  staleAtStart: ProjectionName[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly options: EngineOptions = {},
  ) {
    for (const name of NAMES) this.servedVersion[name] = this.versionOf(name);
  }

  private versionOf(name: ProjectionName): number {
    return this.options.versions?.[name] ?? PROJECTIONS[name].version;
  }

  /** Resolves once the read models reflect everything committed when it was called. */
  async start(): Promise<void> {
    const stale = (this.staleAtStart = await this.restore());
    this.subscription = this.store.subscribe(this.position, (e) => this.apply(e));
    await this.subscription.caughtUp;
    this.updates = new UpdatesLog(UPDATES_KEPT, this.position);
    for (const name of stale) this.rebuilds.set(name, this.rebuildInBackground(name));
    if (this.options.checkpoints) {
      await this.checkpoint();
      this.timer = setInterval(
        () => void this.checkpoint().catch(() => undefined),
        this.options.checkpointIntervalMs ?? 30_000,
      );
      this.timer.unref();
    }
  }

  /**
   * Loads the checkpoints, if any and not ahead of the log. Returns the read models
   * whose fold changed since: they serve their old state until rebuilt.
   */
  private async restore(): Promise<ProjectionName[]> {
    const saved = this.options.rebuild ? [] : ((await this.options.checkpoints?.load()) ?? []);
    if (saved.length === 0) return [];
    const position = Math.min(...saved.map((c) => c.position));
    // A checkpoint never runs ahead of the log; if one seems to (the file was replaced), rebuild.
    if (saved.some((c) => c.position !== position) || position > (await this.store.head())) return [];
    const stale: ProjectionName[] = [];
    for (const name of NAMES) {
      const c = saved.find((x) => x.name === name);
      if (c) {
        try {
          (this.models as Record<ProjectionName, unknown>)[name] = projection(name).restore(c.state);
          this.servedVersion[name] = c.version;
        } catch {
          (this.models as Record<ProjectionName, unknown>)[name] = projection(name).init();
        }
      }
      if (!c || c.version !== this.versionOf(name)) stale.push(name);
    }
    this.position = this.restoredFrom = position;
    return stale;
  }

  /** Builds a read model afresh from the log while the current one serves, then swaps them. */
  private async rebuildInBackground(name: ProjectionName): Promise<void> {
    const p = projection(name);
    const state = p.init();
    let at = 0;
    for (;;) {
      const page = await this.store.readAll({ after: at, limit: PAGE });
      for (const e of page) {
        if (e.position > this.position) break;
        p.apply(state, e);
        at = e.position;
      }
      if (at === this.position) {
        (this.models as Record<ProjectionName, unknown>)[name] = state;
        this.servedVersion[name] = this.versionOf(name);
        this.rebuilds.delete(name);
        return;
      }
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Read models being rebuilt in the background. */
  get rebuilding(): ProjectionName[] {
    return [...this.rebuilds.keys()];
  }

  /** Resolves when every background rebuild has swapped in. */
  async rebuilt(): Promise<void> {
    await Promise.all(this.rebuilds.values());
  }

  /** Saves every read model at the current position (never ahead of the log: it was read from it). */
  async checkpoint(): Promise<void> {
    const cps = this.options.checkpoints;
    if (!cps || this.position === this.savedPosition) return;
    const position = this.position;
    await cps.save(
      NAMES.map((name) => ({
        name,
        version: this.servedVersion[name],
        position,
        state: projection(name).snapshot(this.models[name]),
      })),
    );
    this.savedPosition = position;
  }

  get currentPosition(): number {
    return this.position;
  }

  /** Called after each event is folded, in log order, with what it changed. */
  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The changes after `position`, or null when they are older than those kept. */
  updatesAfter(position: number): Update[] | null {
    return this.updates?.after(position) ?? null;
  }

  private apply(e: RecordedEvent): void {
    if (this.updates) {
      // Live: work out what the event changes (the catch-up at start skips this).
      const before = captureBefore(this.models, e);
      this.fold(e);
      const changes = changesOf(this.models, e, before);
      this.updates.push({ position: e.position, changes });
      for (const l of this.listeners) l(e, changes);
    } else {
      this.fold(e);
    }
    if (this.waiters.length) {
      const ready = this.waiters.filter((w) => w.position <= this.position);
      this.waiters = this.waiters.filter((w) => w.position > this.position);
      for (const w of ready) w.resolve();
    }
  }

  private fold(e: RecordedEvent): void {
    for (const name of NAMES) projection(name).apply(this.models[name], e);
    this.position = e.position;
  }

  /** Waits (bounded) until the read models reflect `position`; for read-your-writes. */
  async waitFor(position: number, timeoutMs: number): Promise<void> {
    if (position <= this.position) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(unavailable(`read models are at position ${this.position}, not yet at ${position}`));
      }, timeoutMs);
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Stops following the log and saves a last checkpoint. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.subscription?.close();
    this.subscription = null;
    await this.checkpoint();
  }
}
