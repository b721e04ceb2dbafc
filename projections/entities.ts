import type { DataOf } from '../events/catalog';
import type { RecordedEvent } from '../events/envelope';
import { isVisibleAt, retractionOf, type Projection, type Visibility } from './projection';

export type EntityKind = DataOf<'EntityRegistered'>['kind'];

/** An entity as a reader sees it: one id, its name, the other names the sources use for it. */
export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  registered: { eventId: string; article: string; reported: string };
}

interface Named extends Visibility {
  eventId: string;
  article: string;
}
interface Registration extends Named {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: (Named & { alias: string })[];
}

/** Maps an id to a display name, for views; an id the record does not know stays as it is. */
export type NameOf = (id: string) => string;

/**
 * The entities the record knows: registered by `EntityRegistered`, named further by
 * `AliasAdded`. Each registration and alias is visible from its report, so a read
 * as known at a date sees the entities and names reported by then.
 */
export class EntityRegistry {
  private readonly byId = new Map<string, Registration>();
  private readonly byEvent = new Map<string, Named>();

  apply(e: RecordedEvent): void {
    const r = retractionOf(e);
    if (r) {
      const found = this.byEvent.get(r.eventId);
      if (found && found.retractedAt === null) found.retractedAt = r.at;
      return;
    }
    if (e.type !== 'EntityRegistered' && e.type !== 'AliasAdded') return;
    const named = (): Named => ({
      eventId: e.id,
      article: e.source.article,
      reported: e.reported.date,
      retractedAt: null,
    });
    if (e.type === 'EntityRegistered') {
      if (this.visible(e.data.id, null)) return;
      const reg: Registration = {
        ...named(),
        id: e.data.id,
        kind: e.data.kind,
        name: e.data.name,
        aliases: e.data.aliases.map((alias) => ({ ...named(), alias })),
      };
      // A registration's own aliases stand or fall with it: an entity is only seen while its registration stands.
      this.byId.set(reg.id, reg);
      this.byEvent.set(e.id, reg);
    } else if (e.type === 'AliasAdded') {
      const alias = { ...named(), alias: e.data.alias };
      this.byId.get(e.data.id)?.aliases.push(alias);
      this.byEvent.set(e.id, alias);
    }
  }

  private visible(id: string, knownAt: string | null): Registration | undefined {
    const reg = this.byId.get(id);
    return reg && isVisibleAt(reg, knownAt) ? reg : undefined;
  }

  get(id: string, knownAt: string | null = null): Entity | undefined {
    const reg = this.visible(id, knownAt);
    return reg && viewOf(reg, knownAt);
  }

  has(id: string): boolean {
    return this.visible(id, null) !== undefined;
  }

  /** Every entity known at `knownAt`, by id. */
  all(knownAt: string | null = null): Entity[] {
    return [...this.byId.values()]
      .filter((r) => isVisibleAt(r, knownAt))
      .map((r) => viewOf(r, knownAt))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  readonly nameOf: NameOf = (id) => this.byId.get(id)?.name ?? id;

  /** Entities whose id, name or an alias contains the query (case- and accent-insensitive). */
  search(q: string, knownAt: string | null = null): Entity[] {
    const needle = fold(q);
    return this.all(knownAt).filter((e) => [e.id, e.name, ...e.aliases].some((n) => fold(n).includes(needle)));
  }

  /** The entities whose name, an alias or a word of them is a few typing slips from the query, nearest first. */
  nearest(q: string, limit = 3): Entity[] {
    const needle = fold(q);
    return this.all()
      .map((e) => {
        const words = [e.name, ...e.aliases].flatMap((n) => [fold(n), ...fold(n).split(/[\s-]+/)]);
        return { e, d: Math.min(...words.map((w) => editDistance(needle, w))) };
      })
      .filter((x) => x.d <= Math.max(2, Math.floor(needle.length / 3)))
      .sort((x, y) => x.d - y.d)
      .slice(0, limit)
      .map((x) => x.e);
  }

  toJSON(): Registration[] {
    return [...this.byId.values()];
  }

  static fromJSON(regs: Registration[]): EntityRegistry {
    const registry = new EntityRegistry();
    for (const reg of regs) {
      registry.byId.set(reg.id, reg);
      registry.byEvent.set(reg.eventId, reg);
      for (const a of reg.aliases) if (a.eventId !== reg.eventId) registry.byEvent.set(a.eventId, a);
    }
    return registry;
  }
}

const viewOf = (r: Registration, knownAt: string | null): Entity => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  aliases: r.aliases.filter((a) => isVisibleAt(a, knownAt)).map((a) => a.alias),
  registered: { eventId: r.eventId, article: r.article, reported: r.reported },
});

export const entities: Projection<EntityRegistry> = {
  name: 'entities',
  version: 1,
  init: () => new EntityRegistry(),
  snapshot: (state) => state.toJSON(),
  restore: (s) => EntityRegistry.fromJSON(s as Registration[]),
  apply: (state, e) => state.apply(e),
};

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/** Edits (insertions, deletions, substitutions) that turn one string into the other. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
