import type { DomainEvent } from '../../events/envelope';
import { isFailure } from '../errors';
import type { EventStore } from '../store/port';

interface StreamSeen {
  ids: Set<string>;
  revision: number;
}

/**
 * Appends the events not yet in the store. Ids are derived from article and fact, so
 * running it again appends nothing new. Two importers at once (two replicas starting)
 * append each event once: each append expects the revision of the read that found the
 * event missing from its stream, so of two importers only one can add it, and the
 * other reads the stream again. (Looking the id up and then reading the revision would
 * leave a gap between the two in which both could append.)
 */
export async function importEvents(
  store: EventStore,
  events: readonly DomainEvent[],
): Promise<{ appended: number; skipped: number }> {
  const streams = new Map<string, StreamSeen>();
  const read = async (stream: string): Promise<StreamSeen> => {
    const held = await store.readStream(stream);
    const seen = { ids: new Set(held.map((e) => e.id)), revision: held.at(-1)?.revision ?? -1 };
    streams.set(stream, seen);
    return seen;
  };
  let appended = 0;
  for (const e of events) {
    for (;;) {
      const seen = streams.get(e.stream) ?? (await read(e.stream));
      if (seen.ids.has(e.id)) break;
      try {
        const result = await store.append(e.stream, [e], seen.revision === -1 ? 'no-stream' : seen.revision);
        seen.ids.add(e.id);
        seen.revision = result.revision;
        appended++;
        break;
      } catch (err) {
        // The id is already in the log, on another stream: nothing to add.
        if (isFailure(err, 'duplicate-event')) break;
        // Another importer appended to the stream: read it again.
        if (!isFailure(err, 'revision-conflict')) throw err;
        streams.delete(e.stream);
      }
    }
  }
  return { appended, skipped: events.length - appended };
}
