import type { EventType } from '../events/catalog';
import type { FuzzyDate } from '../events/dates';
import type { Evidence } from './evidence';
import { intern, internDate } from './intern';
import { ValueTable } from './value-table';

/**
 * Evidence per entity as a checkpoint keeps it: a column per field, each value, date,
 * type, article and day written once and referred to by its place. As lists of objects,
 * a piece was 329 bytes of JSON and the membership of the reads benchmark's history (a
 * million events) 153.5 MB, the largest part of a checkpoint that stops the service
 * while it is saved; as columns, 61 bytes a piece.
 */
export interface EvidenceColumns<V> {
  keys: string[];
  /** How many pieces each entity has, in the order of `keys`; the other columns run over all the pieces. */
  counts: number[];
  values: V[];
  dates: FuzzyDate[];
  types: EventType[];
  articles: string[];
  days: string[];
  /** The place of [kind, basis] in FORMS. */
  form: number[];
  value: number[];
  occurred: number[];
  eventId: string[];
  type: number[];
  article: number[];
  reported: number[];
  /** In pairs: the place of a retracted piece among all of them, and the day it was retracted. */
  retracted: number[];
}

const FORMS = [
  ['change', 'stated'],
  ['change', 'implied'],
  ['attestation', 'stated'],
  ['attestation', 'implied'],
] as const;

const formOf = (e: Evidence<unknown>) => (e.kind === 'change' ? 0 : 2) + (e.basis === 'stated' ? 0 : 1);

/**
 * What makes two dates one: all their fields (a date's text may hold any character but
 * NUL). Most are a plain day, keyed by the day alone, with no string to build.
 */
const dateKey = (d: FuzzyDate) =>
  d.precision === 'day' && d.latest === d.earliest && d.text === d.earliest && d.edtf === d.earliest
    ? d.earliest
    : `${d.earliest}\0${d.latest}\0${d.precision}\0${d.text}\0${d.edtf}`;

export function evidenceColumns<V>(entries: Iterable<[string, readonly Evidence<V>[]]>): EvidenceColumns<V> {
  const values = new ValueTable<V>();
  const dates = new ValueTable<FuzzyDate, string>(dateKey);
  const types = new ValueTable<EventType>();
  const articles = new ValueTable<string>();
  const days = new ValueTable<string>();
  const c: EvidenceColumns<V> = {
    keys: [],
    counts: [],
    values: values.values,
    dates: dates.values,
    types: types.values,
    articles: articles.values,
    days: days.values,
    form: [],
    value: [],
    occurred: [],
    eventId: [],
    type: [],
    article: [],
    reported: [],
    retracted: [],
  };
  for (const [key, list] of entries) {
    c.keys.push(key);
    c.counts.push(list.length);
    for (const e of list) {
      if (e.retractedAt !== null) c.retracted.push(c.form.length, days.placeOf(e.retractedAt));
      c.form.push(formOf(e));
      c.value.push(values.placeOf(e.value));
      c.occurred.push(dates.placeOf(e.occurred));
      c.eventId.push(e.eventId);
      c.type.push(types.placeOf(e.type));
      c.article.push(articles.placeOf(e.article));
      c.reported.push(days.placeOf(e.reported));
    }
  }
  return c;
}

/** The entries evidenceColumns was given; pieces of one date share its object, which nothing changes. */
export function evidenceFromColumns<V>(c: EvidenceColumns<V>): [string, Evidence<V>[]][] {
  const dates = c.dates.map(internDate);
  const articles = c.articles.map(intern);
  const days = c.days.map(intern);
  const pieces: Evidence<V>[] = c.form.map((form, i) => ({
    kind: FORMS[form]![0],
    basis: FORMS[form]![1],
    value: c.values[c.value[i]!]!,
    occurred: dates[c.occurred[i]!]!,
    eventId: c.eventId[i]!,
    type: c.types[c.type[i]!]!,
    article: articles[c.article[i]!]!,
    reported: days[c.reported[i]!]!,
    retractedAt: null,
  }));
  for (let k = 0; k < c.retracted.length; k += 2) pieces[c.retracted[k]!]!.retractedAt = days[c.retracted[k + 1]!]!;
  let start = 0;
  return c.keys.map((key, i) => [key, pieces.slice(start, (start += c.counts[i]!))]);
}
