import type { DomainEvent } from '../../events/envelope';
import { AppError } from '../errors';
import type { EventStore } from '../store/port';

/**
 * Appends the events not yet in the store. Ids are derived from article and fact,
 * so running it again (or twice at once) appends nothing new.
 */
export async function importEvents(store: EventStore, events: readonly DomainEvent[]): Promise<{ appended: number; skipped: number }> {
  let appended = 0;
  for (const e of events) {
    if (await store.getEvent(e.id)) continue;
    try {
      await store.append(e.stream, [e], 'any');
      appended++;
    } catch (err) {
      // Another importer got there first.
      if (!(err instanceof AppError && err.kind === 'conflict' && err.details.eventId === e.id)) throw err;
    }
  }
  return { appended, skipped: events.length - appended };
}
