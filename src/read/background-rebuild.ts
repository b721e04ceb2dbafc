import type { Projection } from '../../projections/projection';
import type { EventStore } from '../store/port';

const PAGE = 1000;

/**
 * Folds a read model afresh from the start of the log up to `target()` (the live
 * engine's position, which moves on meanwhile), a page per turn of the event loop,
 * so the old state keeps serving until the new one has caught up. `install` is called
 * in the same turn that finds it caught up, before the engine can fold another event.
 */
export async function rebuildFromLog<S>(
  store: EventStore,
  p: Projection<S>,
  target: () => number,
  install: (state: S) => void,
): Promise<void> {
  const state = p.init();
  let at = 0;
  for (;;) {
    const page = await store.readAll({ after: at, limit: PAGE });
    for (const e of page) {
      if (e.position > target()) break;
      p.apply(state, e);
      at = e.position;
    }
    if (at === target()) return install(state);
    await new Promise((r) => setImmediate(r));
  }
}
