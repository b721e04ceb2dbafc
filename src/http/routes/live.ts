import { Router } from 'express';
import type { RecordedEvent } from '../../../events/envelope';
import { PROJECTIONS } from '../../../projections';
import type { ProjectionName } from '../../../projections/changes';
import type { ProjectionEngine } from '../../read/projection-engine';
import { notFound } from '../../errors';
import { matchesFilter } from '../../store/filter';
import type { EventStore } from '../../store/port';
import { parseQuery } from '../params';
import { frame, resumePosition, type SseChannel, type SseHub } from '../sse';
import { updateMessage } from '../update-message';
import type { Update } from '../../read/updates-log';

const PAGE = 500;

// Each event is serialised once however many subscribers receive it.
const frames = new WeakMap<RecordedEvent, string>();
function eventFrame(e: RecordedEvent): string {
  let f = frames.get(e);
  if (f === undefined) frames.set(e, (f = frame(e.position, 'event', e)));
  return f;
}

/** Server-Sent Events: the log as it grows, and each read model's changes. */
export function liveRoutes(store: EventStore, engine: ProjectionEngine, hub: SseHub): Router {
  const r = Router();

  r.get('/v1/events/stream', (req, res) => {
    const p = parseQuery(req, ['type', 'stream'], ['from', 'lastEventId']);
    const after = resumePosition(
      req,
      (req.query.from ?? req.query.lastEventId) as string | undefined,
      engine.currentPosition,
    );
    const channel = hub.accept(res);
    followLog(channel, store, engine, after, (e) => matchesFilter(e, { types: p.type, streams: p.stream }));
  });

  r.get('/v1/projections/:name/updates', (req, res) => {
    parseQuery(req, [], ['from', 'lastEventId']);
    const name = req.params.name as ProjectionName;
    if (!Object.hasOwn(PROJECTIONS, name))
      throw notFound(`no read model ${req.params.name}; there are ${Object.keys(PROJECTIONS).join(', ')}`);
    const after = resumePosition(
      req,
      (req.query.from ?? req.query.lastEventId) as string | undefined,
      engine.currentPosition,
    );
    const channel = hub.accept(res);
    const sendUpdate = (u: Update) => {
      const message = updateMessage(name, u);
      if (message) channel.send(u.position, 'update', message);
    };
    const missed = engine.updatesAfter(after);
    if (missed === null) {
      // Too far behind to say exactly what changed: re-read the read model, then follow from here.
      channel.send(engine.currentPosition, 'reset', { projection: name, position: engine.currentPosition });
    } else {
      for (const u of missed) sendUpdate(u);
    }
    const stop = engine.onApplied((_e, u) => sendUpdate(u));
    channel.whenClosed(stop);
  });

  return r;
}

/**
 * Sends every event after `after` that passes the filter, in order, once. Live
 * events come from the engine; a gap (at the start, or after the engine moved on
 * while this subscriber was catching up) is filled from the log.
 */
function followLog(
  channel: SseChannel,
  store: EventStore,
  engine: ProjectionEngine,
  after: number,
  wanted: (e: RecordedEvent) => boolean,
): void {
  let last = after;
  let catchingUp = false;
  const deliver = (e: RecordedEvent) => {
    if (wanted(e)) channel.sendFrame(eventFrame(e));
    last = e.position;
  };
  const catchUp = async () => {
    if (catchingUp) return;
    catchingUp = true;
    try {
      while (!channel.isClosed && last < engine.currentPosition) {
        const page = await store.readAll({ after: last, limit: PAGE });
        if (page.length === 0) break;
        for (const e of page) if (!channel.isClosed && e.position > last) deliver(e);
      }
    } catch {
      // The store failed; the client reconnects with Last-Event-ID.
      channel.close();
    } finally {
      catchingUp = false;
    }
  };
  const stop = engine.onApplied((e) => {
    if (catchingUp || e.position <= last) return;
    if (e.position === last + 1) deliver(e);
    else void catchUp();
  });
  channel.whenClosed(stop);
  void catchUp();
}
