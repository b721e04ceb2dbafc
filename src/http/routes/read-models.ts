import { Router } from 'express';
import type { components } from '../../../openapi/schema';
import { chairmanshipAt } from '../../../projections/chairmanship';
import type { EntityRegistry } from '../../../projections/entities';
import { membershipAt, membershipTimeline } from '../../../projections/membership';
import { relationsAt } from '../../../projections/relations';
import { statementFilter, statementView } from '../../../projections/statements';
import { summitsAt } from '../../../projections/summits';
import { timelineEntry, timelineFilter } from '../../../projections/timeline';
import type { EventType } from '../../../events/catalog';
import { isOfType, type RecordedEvent } from '../../../events/envelope';
import type { ProjectionEngine } from '../../read/projection-engine';
import { invalid, unavailable } from '../../errors';
import type { EventStore } from '../../store/port';
import { pageOfLog, paginate, type Page } from '../pagination';
import { checkRange, parseQuery, temporal } from '../params';

type Schemas = components['schemas'];

/** The read models, each as of a date and as known at a date. */
function unknownSpeaker(speaker: string, registry: EntityRegistry): Error {
  const near = registry.nearest(speaker).map((e) => `${e.name} (${e.id})`);
  return invalid(`no entity the record knows matches speaker=${speaker}`, [
    {
      field: 'speaker',
      message: `matches no known entity${near.length ? `; did you mean ${near.join(' or ')}?` : '.'} GET /v1/entities lists them`,
    },
  ]);
}

export function readModelRoutes(engine: ProjectionEngine, store: EventStore): Router {
  const r = Router();
  const m = engine.models;

  /**
   * Read models that index facts serve a page of them as read from the log. An indexed
   * fact the log does not return (or returns as another type) means the two disagree:
   * that is the store failing, not an empty answer.
   */
  async function hydrate<T extends EventType, V>(
    page: Page<{ id: string }>,
    isWanted: (e: RecordedEvent) => e is Extract<RecordedEvent, { type: T }>,
    view: (e: Extract<RecordedEvent, { type: T }>) => V,
  ): Promise<Page<V>> {
    const events = await Promise.all(page.items.map((i) => store.getEvent(i.id)));
    const items = events.map((e, i) => {
      if (e === null || !isWanted(e)) throw unavailable(`the log did not return indexed fact ${page.items[i]?.id}`);
      return view(e);
    });
    return { items, next: page.next };
  }

  r.get('/v1/membership', (req, res) => {
    const q = temporal(parseQuery(req, ['asOf', 'knownAt']));
    const body: Schemas['Membership'] = {
      ...q,
      position: engine.currentPosition,
      ...membershipAt(m.membership, q, m.entities.nameOf),
    };
    res.json(body);
  });

  r.get('/v1/membership/timeline', (req, res) => {
    const { knownAt } = temporal(parseQuery(req, ['knownAt']));
    const body: Schemas['MembershipTimeline'] = {
      knownAt,
      position: engine.currentPosition,
      items: membershipTimeline(m.membership, knownAt, m.entities.nameOf),
    };
    res.json(body);
  });

  r.get('/v1/relations/nato-csto', (req, res) => {
    const q = temporal(parseQuery(req, ['asOf', 'knownAt']));
    const body: Schemas['Relations'] = {
      ...q,
      position: engine.currentPosition,
      ...relationsAt(m.relations, 'relations-nato-csto', q),
    };
    res.json(body);
  });

  r.get('/v1/chairmanship', (req, res) => {
    const q = temporal(parseQuery(req, ['asOf', 'knownAt']));
    const body: Schemas['Chairmanship'] = {
      ...q,
      position: engine.currentPosition,
      ...chairmanshipAt(m.chairmanship, q, m.entities.nameOf),
    };
    res.json(body);
  });

  r.get('/v1/summits', (req, res) => {
    const p = parseQuery(req, ['asOf', 'knownAt', 'cursor', 'limit']);
    const q = temporal(p);
    const page = paginate(summitsAt(m.summits, q), (s) => `${s.date.earliest}|${s.id}`, p.cursor, p.limit);
    const body: Schemas['SummitPage'] = { ...q, position: engine.currentPosition, ...page };
    res.json(body);
  });

  r.get('/v1/statements', async (req, res) => {
    const p = parseQuery(req, ['speaker', 'topic', 'from', 'to', 'asOf', 'knownAt', 'cursor', 'limit']);
    checkRange(p.from, p.to);
    const q = temporal(p);
    const speakers = p.speaker === undefined ? [] : m.entities.search(p.speaker, q.knownAt).map((e) => e.id);
    // A speaker that matches nobody is most likely misspelt: say so rather than answer an empty page.
    if (p.speaker !== undefined && speakers.length === 0) throw unknownSpeaker(p.speaker, m.entities);
    const wanted = statementFilter({ ...q, speakers, topic: p.topic ?? null, from: p.from ?? null, to: p.to ?? null });
    const page = await hydrate(
      pageOfLog(m.statements, wanted, q.asOf, p.cursor, p.limit),
      isOfType('StatementMade'),
      (e) => statementView(e, m.entities.nameOf),
    );
    const body: Schemas['StatementPage'] = { ...q, position: engine.currentPosition, ...page };
    res.json(body);
  });

  r.get('/v1/timeline', async (req, res) => {
    const p = parseQuery(req, ['asOf', 'knownAt', 'type', 'cursor', 'limit']);
    const q = temporal(p);
    const page = await hydrate(
      pageOfLog(m.timeline, timelineFilter({ ...q, types: p.type }), q.asOf, p.cursor, p.limit),
      (_e): _e is RecordedEvent => true,
      (e) => timelineEntry(e, m.entities.nameOf),
    );
    const body: Schemas['TimelinePage'] = { ...q, position: engine.currentPosition, ...page };
    res.json(body);
  });

  return r;
}
