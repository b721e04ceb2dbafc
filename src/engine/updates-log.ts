import type { Change, ProjectionName } from '../../projections/changes';

export interface Update {
  position: number;
  changes: Partial<Record<ProjectionName, Change>>;
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

  push(u: Update): void {
    this.entries.push(u);
    if (this.entries.length > this.capacity) this.floor = this.entries.shift()!.position;
  }

  /** Every update after `position`, or null when some of them are no longer held. */
  after(position: number): Update[] | null {
    if (position < this.floor) return null;
    return this.entries.filter((u) => u.position > position);
  }
}
