import type { DataOf } from '../events/catalog';
import type { Projection } from './projection';

export interface SourceEntry {
  source: DataOf<'SourceRegistered'>;
  /** The facts citing it, in log order (its own registration excluded). */
  eventIds: string[];
}

/** The registered sources and the facts each contributed. */
export type SourcesState = Map<string, SourceEntry>;

export const sources: Projection<SourcesState> = {
  name: 'sources',
  version: 2,
  init: () => new Map(),
  snapshot: (state) => [...state],
  restore: (s) => new Map(s as [string, SourceEntry][]),
  apply(state, e) {
    if (e.type === 'SourceRegistered') {
      state.set(e.data.key, { source: e.data, eventIds: state.get(e.data.key)?.eventIds ?? [] });
      return;
    }
    state.get(e.source.article)?.eventIds.push(e.id);
  },
};

/** Registered sources, oldest first. */
export function sourcesList(state: SourcesState): SourceEntry[] {
  return [...state.values()].sort((a, b) =>
    a.source.published.earliest !== b.source.published.earliest
      ? a.source.published.earliest < b.source.published.earliest
        ? -1
        : 1
      : a.source.key < b.source.key
        ? -1
        : 1,
  );
}
