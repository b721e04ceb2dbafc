import type { EventType } from '../events/catalog';
import type { RecordedEvent } from '../events/envelope';
import { intern, internTopics } from './intern';
import type { Dated } from './sorted-log';

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

  constructor(e: RecordedEvent) {
    this.id = e.id;
    this.position = e.position;
    this.earliest = intern(e.occurred.earliest);
    this.latest = intern(e.occurred.latest);
    this.reported = intern(e.reported.date);
    this.type = e.type;
  }
}

class Statement extends Fact implements StatementRef {
  readonly speaker: string;
  readonly topics: readonly string[];

  constructor(e: RecordedEvent<'StatementMade'>) {
    super(e);
    this.speaker = intern(e.data.speaker);
    this.topics = internTopics(e.data.topics);
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
  if (last?.event !== e) last = { event: e, ref: e.type === 'StatementMade' ? new Statement(e) : new Fact(e) };
  return last.ref;
}
