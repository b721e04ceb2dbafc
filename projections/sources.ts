import type { Projection } from './projection';

/** Which facts each article contributed (article key → event ids in log order). */
export type SourcesState = Map<string, string[]>;

export const sources: Projection<SourcesState> = {
  name: 'sources',
  version: 1,
  init: () => new Map(),
  apply(state, e) {
    let ids = state.get(e.source.article);
    if (!ids) state.set(e.source.article, (ids = []));
    ids.push(e.id);
  },
};
