import { Router } from 'express';
import { EventId } from '../../../events/event-id';
import type { components } from '../../../openapi/schema';
import { invalid, notFound } from '../../errors';
import type { EventStore } from '../../store/port';
import { decodeCursor, encodeCursor } from '../pagination';
import { parseQuery } from '../params';

type Schemas = components['schemas'];

/** The log itself, in global order. */
export function eventRoutes(store: EventStore): Router {
  const r = Router();

  r.get('/v1/events', async (req, res) => {
    const p = parseQuery(req, ['type', 'stream', 'cursor', 'limit']);
    const after = p.cursor === undefined ? 0 : Number(decodeCursor(p.cursor));
    if (!Number.isSafeInteger(after) || after < 0)
      throw invalid('invalid cursor', [{ field: 'cursor', message: 'not a cursor this service issued' }]);
    const limit = p.limit ?? 100;
    const [head, events] = await Promise.all([
      store.head(),
      store.readAll({ after, limit: limit + 1, types: p.type, streams: p.stream }),
    ]);
    const items = events.slice(0, limit);
    const body: Schemas['EventPage'] = {
      position: head,
      items,
      next: events.length > limit ? encodeCursor(String(items[items.length - 1]!.position)) : null,
    };
    res.json(body);
  });

  r.get('/v1/events/:id', async (req, res) => {
    parseQuery(req, []);
    const id = EventId.safeParse(req.params.id);
    if (!id.success) throw invalid('invalid event id', [{ field: 'id', message: id.error.issues[0]!.message }]);
    const event = await store.getEvent(id.data);
    if (!event) throw notFound(`no event with id ${id.data}`);
    const body: Schemas['Event'] = event;
    res.json(body);
  });

  return r;
}
