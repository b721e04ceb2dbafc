import { prefixLength } from './bisect';
import type { Visibility } from './projection';

/** What a sorted log needs of an entry: when it happened, its log position to break ties, and whether it stands. */
export interface Dated extends Visibility {
  id: string;
  earliest: string;
  position: number;
}

/**
 * Entries ordered by when they happened (then by log position). Until the first
 * read, entries are only appended and sorted once (a rebuild folds millions); once
 * the log is being read, a late fact is inserted in place, so a live service never
 * re-sorts the whole log for one fact.
 */
export class SortedLog<E extends Dated> {
  private items: E[] = [];
  /** Built on the first lookup by id: a rebuild of a log without retractions never pays for it. */
  private byId: Map<string, E> | null = null;
  private sorted = true;
  private read = false;

  add(e: E): void {
    this.byId?.set(e.id, e);
    const last = this.items[this.items.length - 1];
    if (!last || compare(last, e) <= 0) {
      this.items.push(e);
    } else if (this.read && this.sorted) {
      this.items.splice(
        prefixLength(this.items.length, (i) => compare(this.items[i]!, e) <= 0),
        0,
        e,
      );
    } else {
      this.items.push(e);
      this.sorted = false;
    }
  }

  /**
   * Up to `limit` entries after `after` (in log order) that pass `wanted` and began by
   * `until`, and whether there are more: a page costs its own length, not the log's.
   */
  page(
    wanted: (e: E) => boolean,
    after: Pick<Dated, 'earliest' | 'position'> | null,
    limit: number,
    until: string,
  ): { items: E[]; more: boolean } {
    const items = this.all();
    const page: E[] = [];
    let i = after === null ? 0 : prefixLength(items.length, (k) => compare(items[k]!, after) <= 0);
    // The log is in date order: nothing past the first entry after `until` can be wanted.
    const end = prefixLength(items.length, (k) => items[k]!.earliest <= until);
    for (; i < end; i++) {
      if (!wanted(items[i]!)) continue;
      if (page.length === limit) return { items: page, more: true };
      page.push(items[i]!);
    }
    return { items: page, more: false };
  }

  static of<E extends Dated>(items: E[]): SortedLog<E> {
    const log = new SortedLog<E>();
    for (const e of items) log.add(e);
    return log;
  }

  get(id: string): E | undefined {
    this.byId ??= new Map(this.items.map((e) => [e.id, e]));
    return this.byId.get(id);
  }

  /** Withdraws an entry from `at` on; readers that know less still see it. */
  retract(id: string, at: string): void {
    const e = this.get(id);
    if (e && e.retractedAt === null) e.retractedAt = at;
  }

  all(): readonly E[] {
    this.read = true;
    if (!this.sorted) {
      this.items.sort(compare);
      this.sorted = true;
    }
    return this.items;
  }
}

function compare(a: Pick<Dated, 'earliest' | 'position'>, b: Pick<Dated, 'earliest' | 'position'>): number {
  if (a.earliest !== b.earliest) return a.earliest < b.earliest ? -1 : 1;
  return a.position - b.position;
}
