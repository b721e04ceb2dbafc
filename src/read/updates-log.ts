import type { EventType } from '../../events/catalog';
import type { Change } from '../../projections/changes';

/** What one event changed, in every read model it touched. */
export interface Update {
  position: number;
  eventId: string;
  type: EventType;
  changes: Change[];
}

/** The updates held and where they start: what a checkpoint saves of the log. */
export interface SavedUpdates {
  floor: number;
  entries: Update[];
}

/**
 * The changes of the most recent events, so a subscriber that reconnects can be
 * given exactly what it missed. Older than the window, it is told to re-read.
 */
export class UpdatesLog {
  private readonly entries: Update[] = [];
  /** Updates after this position are all held. */
  private floor: number;

  constructor(
    private readonly capacity: number,
    startPosition: number,
  ) {
    this.floor = startPosition;
  }

  /** Held from `floor` on: what a checkpoint keeps, so the history outlives a restart. */
  snapshot(): SavedUpdates {
    return { floor: this.floor, entries: [...this.entries] };
  }

  static restore(capacity: number, saved: SavedUpdates): UpdatesLog {
    const log = new UpdatesLog(capacity, saved.floor);
    for (const u of saved.entries) log.push(u);
    return log;
  }

  /** Updates after this position are all held. */
  get heldAfter(): number {
    return this.floor;
  }

  push(u: Update): void {
    this.entries.push(u);
    const dropped = this.entries.length > this.capacity ? this.entries.shift() : undefined;
    if (dropped) this.floor = dropped.position;
  }

  /** Every update after `position`, or null when some of them are no longer held. */
  after(position: number): Update[] | null {
    if (position < this.floor) return null;
    return this.entries.filter((u) => u.position > position);
  }
}
