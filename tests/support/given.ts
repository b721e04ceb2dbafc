/**
 * given/when/then for the domain: facts already recorded, folded by the real
 * projections; a command checked by the real rule checker. No HTTP, no store.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { RuleName } from '../../commands/rule-names';
import { firstViolation } from '../../commands/rules';
import type { EventData, EventType } from '../../events/catalog';
import { parseEdtf } from '../../commands/occurred';
import { parseEvent, SCHEMA_VERSION, type DomainEvent, type RecordedEvent } from '../../events/envelope';
import { initReadModels, PROJECTIONS, type ReadModels } from '../../projections';
import type { Projection } from '../../projections/projection';

/** "Today" for the rules: fixed, so not-in-future does not move with the calendar. */
export const TODAY = '2020-01-01';

interface FactOptions {
  /** EDTF: `2005-10-29`, `1999`, `2006-06/2006-08`. */
  occurred?: string;
  article?: string;
  /** The day the article appeared. */
  reported?: string;
  id?: string;
}

/** A domain event as the recorder would build it, validated by the catalog (so defaults are filled in). */
export function fact<T extends EventType>(
  type: T,
  stream: string,
  data: z.input<(typeof EventData)[T]>,
  { occurred = '2005-01-01', article = 'a1', reported = '2010-01-01', id = randomUUID() }: FactOptions = {},
): DomainEvent {
  return parseEvent({
    id,
    type,
    stream,
    schemaVersion: SCHEMA_VERSION,
    occurred: parseEdtf(occurred),
    reported: { article, date: reported },
    source: { article, outlet: null, quote: null },
    metadata: { recordedBy: 'test', correlationId: null, causationId: null },
    data,
  });
}

/** A source registration: the article `key`, published on `published`. */
export const source = (key = 'a1', published = '2010-01-01') =>
  fact(
    'SourceRegistered',
    `source-${key}`,
    {
      key,
      publication: 'Test Monitor',
      volume: null,
      issue: null,
      title: null,
      published: parseEdtf(published)!,
      datedBy: null,
    },
    { occurred: published, article: key, reported: published },
  );

/** Registrations of the entities a test names, as the corpus registers its own. */
export const registered = (...ids: string[]) =>
  ids.map((id) =>
    fact('EntityRegistered', id, {
      id,
      kind: id.split('-')[0] as 'person',
      name: id.replace(/^[a-z]+-/, '').replace(/-/g, ' '),
      aliases: [],
    }),
  );

/** The events as a store would hold them, folded in order into fresh read models, as the engine folds them. */
export function fold(events: readonly DomainEvent[]): { models: ReadModels; recorded: RecordedEvent[] } {
  const models = initReadModels();
  const recorded = events.map((e, i) => ({
    ...e,
    position: i + 1,
    revision: 0,
    recordedAt: '2020-01-01T00:00:00.000Z',
  }));
  for (const e of recorded) {
    for (const [name, p] of Object.entries(PROJECTIONS))
      (p as Projection<unknown>).apply(models[name as keyof ReadModels], e);
  }
  return { models, recorded };
}

/** given(history).when(stream, ...facts).thenAccepted() / .thenRefused(rule, field). */
export function given(...history: DomainEvent[]) {
  const { models, recorded } = fold(history);
  return {
    when(stream: string, ...facts: DomainEvent[]) {
      const targets = new Map(recorded.map((e) => [e.id, e]));
      const violation = firstViolation(
        { models, stream, today: TODAY, targets },
        facts.map((f) => ({ ...f, stream })),
      );
      return {
        thenAccepted: () => expect(violation).toBeNull(),
        thenRefused: (rule: RuleName, field: string) => expect(violation).toMatchObject({ rule, field }),
      };
    },
  };
}
