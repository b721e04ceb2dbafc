/** What a sorted log needs of an entry: when it happened, and its log position to break ties. */
export interface Dated {
  earliest: string;
  position: number;
}

/**
 * Entries ordered by when they happened (then by log position). Appends are cheap;
 * the order is restored once, lazily, on the next read after a late fact.
 */
export class SortedLog<E extends Dated> {
  private items: E[] = [];
  private sorted = true;

  add(e: E): void {
    const last = this.items[this.items.length - 1];
    if (last && compare(last, e) > 0) this.sorted = false;
    this.items.push(e);
  }

  all(): readonly E[] {
    if (!this.sorted) {
      this.items.sort(compare);
      this.sorted = true;
    }
    return this.items;
  }
}

function compare(a: Dated, b: Dated): number {
  if (a.earliest !== b.earliest) return a.earliest < b.earliest ? -1 : 1;
  return a.position - b.position;
}
