import type { EventType } from '../events/catalog';
import type { RecordedEvent } from '../events/envelope';
import { intern, internTopics } from './intern';
import type { Dated } from './sorted-log';
import { ValueTable } from './value-table';

/** What the timeline keeps of each fact; the fact itself is read from the log for the page served. */
export interface FactRef extends Dated {
  id: string;
  position: number;
  earliest: string;
  latest: string;
  reported: string;
  type: EventType;
}

/** What the statements read model keeps of a statement besides: enough to filter it. */
export interface StatementRef extends FactRef {
  speaker: string;
  topics: readonly string[];
}

/** Built by constructors, so every ref of a kind has one shape (a spread would give each its own). */
class Fact implements FactRef {
  readonly id: string;
  readonly position: number;
  readonly earliest: string;
  readonly latest: string;
  readonly reported: string;
  retractedAt: string | null = null;
  readonly type: EventType;

  // From its parts, not from the event: a ref restored from a checkpoint is made by the same constructor.
  constructor(id: string, position: number, earliest: string, latest: string, reported: string, type: EventType) {
    this.id = id;
    this.position = position;
    this.earliest = earliest;
    this.latest = latest;
    this.reported = reported;
    this.type = type;
  }
}

class Statement extends Fact implements StatementRef {
  readonly speaker: string;
  readonly topics: readonly string[];

  constructor(
    id: string,
    position: number,
    earliest: string,
    latest: string,
    reported: string,
    speaker: string,
    topics: readonly string[],
  ) {
    super(id, position, earliest, latest, reported, 'StatementMade');
    this.speaker = speaker;
    this.topics = topics;
  }
}

let last: { event: RecordedEvent; ref: FactRef } | null = null;

/**
 * The one object the read models that list facts keep for an event: the timeline and,
 * for a statement, the statements read model hold the same object (most facts are
 * statements, so two would cost tens of bytes per event). The engine folds each event
 * into every read model before the next, so remembering the last event is enough (a
 * WeakMap cost a tenth of a rebuild); a read model rebuilt alone gets its own. A
 * retraction sets `retractedAt` once, whichever read model applies it first.
 */
export function factRef(e: RecordedEvent): FactRef {
  if (last?.event !== e) last = { event: e, ref: refOf(e) };
  return last.ref;
}

function refOf(e: RecordedEvent): FactRef {
  const earliest = intern(e.occurred.earliest);
  const latest = intern(e.occurred.latest);
  const reported = intern(e.reported.date);
  return e.type === 'StatementMade'
    ? new Statement(
        e.id,
        e.position,
        earliest,
        latest,
        reported,
        intern((e as RecordedEvent<'StatementMade'>).data.speaker),
        internTopics((e as RecordedEvent<'StatementMade'>).data.topics),
      )
    : new Fact(e.id, e.position, earliest, latest, reported, e.type);
}

/**
 * Refs as a checkpoint keeps them: a column per field, and each day, type, speaker and
 * list of topics written once and referred to by its place in a table. A checkpoint
 * holds a ref of every fact: as a list of objects (176 bytes of JSON a fact), saving
 * it at half a million facts took 1.2 to 1.8 s with the service stopped meanwhile; as
 * columns its JSON is a third of the size.
 */
export interface FactColumns {
  days: string[];
  types: EventType[];
  speakers: string[];
  topicLists: (readonly string[])[];
  id: string[];
  /** Each ref's position less the one before it: refs are in date order, mostly the log's, so the numbers are short. */
  position: number[];
  earliest: number[];
  /** -1: the same day as earliest. */
  latest: number[];
  reported: number[];
  type: number[];
  /** For each statement, in order: its speaker and its topics. */
  speaker: number[];
  topics: number[];
  /** In pairs: the place of a retracted ref, and the day it was retracted. */
  retracted: number[];
}

export function factColumns(refs: readonly FactRef[]): FactColumns {
  const days = new ValueTable<string>();
  const types = new ValueTable<EventType>();
  const speakers = new ValueTable<string>();
  // Topic lists are interned (internTopics), so one list is one array.
  const topicLists = new ValueTable<readonly string[]>();
  const c: FactColumns = {
    days: days.values,
    types: types.values,
    speakers: speakers.values,
    topicLists: topicLists.values,
    id: [],
    position: [],
    earliest: [],
    latest: [],
    reported: [],
    type: [],
    speaker: [],
    topics: [],
    retracted: [],
  };
  let position = 0;
  refs.forEach((r, i) => {
    c.id.push(r.id);
    c.position.push(r.position - position);
    position = r.position;
    c.earliest.push(days.placeOf(r.earliest));
    c.latest.push(r.latest === r.earliest ? -1 : days.placeOf(r.latest));
    c.reported.push(days.placeOf(r.reported));
    c.type.push(types.placeOf(r.type));
    if (r.type === 'StatementMade') {
      c.speaker.push(speakers.placeOf((r as StatementRef).speaker));
      c.topics.push(topicLists.placeOf((r as StatementRef).topics));
    }
    if (r.retractedAt !== null) c.retracted.push(i, days.placeOf(r.retractedAt));
  });
  return c;
}

export function factsFromColumns(c: FactColumns): FactRef[] {
  const days = c.days.map(intern);
  const speakers = c.speakers.map(intern);
  const topicLists = c.topicLists.map(internTopics);
  const refs: FactRef[] = [];
  let position = 0;
  let statement = 0;
  for (let i = 0; i < c.id.length; i++) {
    position += c.position[i]!;
    const earliest = days[c.earliest[i]!]!;
    const latest = c.latest[i] === -1 ? earliest : days[c.latest[i]!]!;
    const reported = days[c.reported[i]!]!;
    const type = c.types[c.type[i]!]!;
    refs.push(
      type === 'StatementMade'
        ? new Statement(
            c.id[i]!,
            position,
            earliest,
            latest,
            reported,
            speakers[c.speaker[statement]!]!,
            topicLists[c.topics[statement++]!]!,
          )
        : new Fact(c.id[i]!, position, earliest, latest, reported, type),
    );
  }
  for (let k = 0; k < c.retracted.length; k += 2) refs[c.retracted[k]!]!.retractedAt = days[c.retracted[k + 1]!]!;
  return refs;
}
