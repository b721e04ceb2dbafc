import type { DomainEvent } from '../../events/envelope';
import { isFailure } from '../errors';
import type { EventStore } from '../store/port';

/**
 * Appends the events not yet in the store. Ids are derived from article and fact,
 * so running it again (or twice at once, from two replicas) appends nothing new.
 */
export async function importEvents(
  store: EventStore,
  events: readonly DomainEvent[],
): Promise<{ appended: number; skipped: number }> {
  let appended = 0;
  for (const e of events) {
    // Each append expects the revision it saw, so two importers cannot both add an event.
    while (!(await store.getEvent(e.id))) {
      const revision = await store.streamRevision(e.stream);
      try {
        await store.append(e.stream, [e], revision === -1 ? 'no-stream' : revision);
        appended++;
        break;
      } catch (err) {
        // Another importer got there first: look again.
        if (!isFailure(err, 'revision-conflict', 'duplicate-event')) throw err;
      }
    }
  }
  return { appended, skipped: events.length - appended };
}
