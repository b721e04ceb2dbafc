import { Router } from 'express';
import type { components } from '../../../openapi/schema';
import { sourcesList, type SourceEntry } from '../../../projections/sources';
import type { ProjectionEngine } from '../../read/projection-engine';
import { notFound } from '../../errors';
import { paginate } from '../pagination';
import { parseQuery, temporal } from '../params';

type Schemas = components['schemas'];

/** The articles and the entities: the record's references. */
export function sourceRoutes(engine: ProjectionEngine): Router {
  const r = Router();
  const articleView = ({ source, eventIds }: SourceEntry): Schemas['Article'] => ({
    ...source,
    facts: eventIds.length,
  });

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
    const p = parseQuery(req, ['q', 'kind', 'knownAt', 'cursor', 'limit']);
    const { knownAt } = temporal(p);
    const registry = engine.models.entities;
    const found = p.q === undefined ? registry.all(knownAt) : registry.search(p.q, knownAt);
    const items = p.kind === undefined ? found : found.filter((e) => e.kind === p.kind);
    const body: Schemas['EntityPage'] = { knownAt, ...paginate(items, (e) => e.id, p.cursor, p.limit) };
    res.json(body);
  });

  r.get('/v1/entities/:id', (req, res) => {
    const { knownAt } = temporal(parseQuery(req, ['knownAt']));
    const entity = engine.models.entities.get(req.params.id, knownAt);
    if (!entity)
      throw notFound(
        `no entity with id ${req.params.id}${knownAt ? ` known at ${knownAt}` : ''}; register one with an EntityRegistered on stream ${req.params.id}`,
      );
    const body: Schemas['Entity'] = entity;
    res.json(body);
  });

  return r;
}
