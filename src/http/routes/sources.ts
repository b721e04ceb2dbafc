import { Router } from 'express';
import type { components } from '../../../openapi/schema';
import { ENTITIES, entityById, searchEntities } from '../../../events/entities';
import { sourcesList, type SourceEntry } from '../../../projections/sources';
import type { ProjectionEngine } from '../../read/projection-engine';
import { notFound } from '../../errors';
import { paginate } from '../pagination';
import { parseQuery } from '../params';

type Schemas = components['schemas'];

/** The articles and the entities: the record's references. */
export function sourceRoutes(engine: ProjectionEngine): Router {
  const r = Router();
  const articleView = ({ source, eventIds }: SourceEntry): Schemas['Article'] => ({
    ...source,
    facts: eventIds.length,
  });
  const sortedEntities = [...ENTITIES].sort((a, b) => a.id.localeCompare(b.id));

  r.get('/v1/sources', (req, res) => {
    const p = parseQuery(req, ['cursor', 'limit']);
    const page = paginate(
      sourcesList(engine.models.sources),
      (a) => `${a.source.published.earliest}|${a.source.key}`,
      p.cursor,
      p.limit,
    );
    const body: Schemas['SourcePage'] = { items: page.items.map(articleView), next: page.next };
    res.json(body);
  });

  r.get('/v1/sources/:key', (req, res) => {
    parseQuery(req, []);
    const entry = engine.models.sources.get(req.params.key);
    if (!entry) throw notFound(`no source with key ${req.params.key}`);
    const body: Schemas['SourceDetail'] = { ...articleView(entry), eventIds: entry.eventIds };
    res.json(body);
  });

  r.get('/v1/entities', (req, res) => {
    const p = parseQuery(req, ['q', 'cursor', 'limit']);
    const items = p.q === undefined ? sortedEntities : sortedEntities.filter((e) => searchEntities(p.q!).includes(e));
    const body: Schemas['EntityPage'] = paginate(items, (e) => e.id, p.cursor, p.limit);
    res.json(body);
  });

  r.get('/v1/entities/:id', (req, res) => {
    parseQuery(req, []);
    const entity = entityById(req.params.id);
    if (!entity) throw notFound(`no entity with id ${req.params.id}`);
    const body: Schemas['Entity'] = entity;
    res.json(body);
  });

  return r;
}
