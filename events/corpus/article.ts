import type { z } from 'zod';
import { EventData, type EventType } from '../catalog';
import type { FuzzyDate } from '../dates';
import { SCHEMA_VERSION, type DomainEvent } from '../envelope';
import { uuidv5 } from '../ids';
import { CORPUS_ENTITIES } from './entities';

/** One article of the corpus: its bibliographic record and the facts it reports. */
export interface Article {
  key: string;
  publication: string;
  volume: number;
  issue: number;
  title: string | null;
  /**
   * The articles carry no dateline. `published` is the span the text allows: not
   * before the latest date it cites; the year follows from the text (see `datedBy`).
   */
  published: FuzzyDate;
  datedBy: string;
  facts: Fact[];
}

export type Fact = { [T in EventType]: FactOf<T> }[EventType];

interface FactOf<T extends EventType> {
  /** Unique within the article; with the article key it derives the event id. */
  key: string;
  type: T;
  stream: string;
  occurred: FuzzyDate;
  /** The outlet the article cites for this fact ("Interfax, November 11"), if any. */
  outlet: string | null;
  /** Verbatim from the article; fragments split by attribution are joined by " … ". */
  quote?: string;
  data: z.input<(typeof EventData)[T]>;
}

export const fact = <T extends EventType>(f: FactOf<T>): Fact => f as unknown as Fact;

export const QUOTE_FRAGMENT_SEPARATOR = ' … ';

/** The entities an article names first, and the names it adds to ones already registered. */
function entityFacts(key: string, published: FuzzyDate): Fact[] {
  const registered = CORPUS_ENTITIES.filter((e) => e.article === key).map((e) =>
    fact({
      key: `entity-${e.id}`,
      type: 'EntityRegistered',
      stream: e.id,
      occurred: published,
      outlet: null,
      data: { id: e.id, kind: e.kind, name: e.name, aliases: e.aliases },
    }),
  );
  const aliases = CORPUS_ENTITIES.flatMap((e) =>
    (e.later ?? [])
      .filter((a) => a.article === key)
      .map((a) =>
        fact({
          key: `alias-${e.id}-${a.alias}`,
          type: 'AliasAdded',
          stream: e.id,
          occurred: published,
          outlet: null,
          data: { id: e.id, alias: a.alias },
        }),
      ),
  );
  return [...registered, ...aliases];
}

/**
 * The events an article contributes: its registration as a source, the entities it
 * names first, then its facts, with deterministic ids so importing twice appends nothing.
 */
export function articleEvents(article: Article): DomainEvent[] {
  const { key, publication, volume, issue, title, published, datedBy } = article;
  const registration: Fact = fact({
    key: 'source',
    type: 'SourceRegistered',
    stream: `source-${key}`,
    occurred: published,
    outlet: null,
    data: { key, publication, volume, issue, title, published, datedBy },
  });
  return [registration, ...entityFacts(key, published), ...article.facts].map((f) => ({
    id: uuidv5(`${key}/${f.key}`),
    type: f.type,
    stream: f.stream,
    schemaVersion: SCHEMA_VERSION,
    occurred: f.occurred,
    reported: { article: key, date: published.earliest },
    source: { article: key, outlet: f.outlet, quote: f.quote ?? null },
    metadata: { recordedBy: 'corpus', correlationId: `corpus:${key}`, causationId: null },
    data: EventData[f.type].parse(f.data),
  })) as DomainEvent[];
}

/** "The CSTO's members are …": one attestation per state named, at the article's date. */
export const membersAttested = (countries: readonly string[], published: FuzzyDate): Fact[] =>
  countries.map((c) =>
    fact({
      key: `members-${c}`,
      type: 'MembershipAttested',
      stream: `country-${c}`,
      occurred: published,
      outlet: null,
      data: { country: `country-${c}`, member: true },
    }),
  );
