import type { AppendBody, FactInput, FactInputOf } from '../../commands/fact-input';
import { firstViolation } from '../../commands/rules';
import { StreamName, SCHEMA_VERSION, type DomainEvent, type RecordedEvent } from '../../events/envelope';
import { uuidv7 } from '../../events/ids';
import { retractionOf } from '../../projections/projection';
import { invalid, isFailure, rejected, unavailable } from '../errors';
import { Turns } from './turns';
import { replay } from '../store/idempotency';
import type { AppendResult, EventStore, ExpectedRevision } from '../store/port';
import type { ProjectionEngine } from '../read/projection-engine';

export interface RecordCommand {
  stream: string;
  body: AppendBody;
  /** From If-Match, when the client sent one. */
  ifMatch?: number;
  principal: string;
  requestId: string;
  idempotency?: { key: string; fingerprint: string };
}

const CATCH_UP_MS = 2000;
/** How long a write without an expected revision keeps retrying races with other processes before a 503. */
const RACE_DEADLINE_MS = 5000;

/**
 * Records facts: shape already checked, it builds the envelopes, checks the domain
 * rules against read models that have caught up with the log, and appends with an
 * expected revision so nothing slips in between the check and the append.
 */
export class Recorder {
  constructor(
    private readonly store: EventStore,
    private readonly engine: ProjectionEngine,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  async record(cmd: RecordCommand): Promise<AppendResult> {
    if (!StreamName.safeParse(cmd.stream).success)
      throw invalid('invalid stream name', [
        { field: 'stream', message: 'expected a lower-case slug such as country-uzbekistan' },
      ]);
    const expected = this.expectation(cmd);
    if (cmd.idempotency) {
      const previous = await this.store.findIdempotency(cmd.idempotency.key);
      if (previous) return replay(cmd.idempotency.key, previous, cmd.idempotency.fingerprint);
    }
    const events = cmd.body.facts.map((f, i) => this.envelope(f, i, cmd));
    // Writes to one stream from this process take turns between check and append, so they
    // never race each other; only another process can move the stream in between.
    return this.turns.run(cmd.stream, () => this.checkAndAppend(cmd, events, expected));
  }

  private readonly turns = new Turns();

  private async checkAndAppend(
    cmd: RecordCommand,
    events: DomainEvent[],
    expected: ExpectedRevision | undefined,
  ): Promise<AppendResult> {
    const deadline = Date.now() + RACE_DEADLINE_MS;
    for (;;) {
      const { head, revision: current } = await this.store.writeBasis(cmd.stream);
      // Usually caught up already (the store hands its commits to the read models before it answers): then no await.
      if (this.engine.currentPosition < head) await this.engine.waitFor(head, CATCH_UP_MS);
      const targets = events.some((e) => retractionOf(e) !== null) ? await this.targetsOf(events) : NO_TARGETS;
      this.check(cmd.stream, events, targets);
      try {
        // Without an expectation from the client, expect what the rules were checked against.
        return await this.store.append(cmd.stream, events, expected ?? (current === -1 ? 'no-stream' : current), {
          idempotency: cmd.idempotency,
        });
      } catch (err) {
        // Another process moved the stream between the check and the append: check again.
        // A client that named no revision never gets that 409; past the deadline it is a 503 to retry.
        if (expected !== undefined || !isFailure(err, 'revision-conflict')) throw err;
        if (Date.now() > deadline)
          throw unavailable(`stream ${cmd.stream} kept moving under other writers for ${RACE_DEADLINE_MS} ms`);
      }
    }
  }

  private expectation(cmd: RecordCommand): ExpectedRevision | undefined {
    const fromBody = cmd.body.expectedRevision;
    if (fromBody !== undefined && cmd.ifMatch !== undefined && fromBody !== cmd.ifMatch) {
      throw invalid('If-Match and expectedRevision disagree', [
        { field: 'expectedRevision', message: `If-Match names revision ${cmd.ifMatch}` },
      ]);
    }
    const e = fromBody ?? cmd.ifMatch;
    return e === -1 ? 'no-stream' : e;
  }

  private envelope(f: FactInput, i: number, cmd: RecordCommand): DomainEvent {
    const published = this.publishedOn(f, cmd.body.facts);
    if (published === undefined) {
      throw rejected(
        `source ${f.source.article} is not registered: record a SourceRegistered first`,
        'source-registered',
        `/facts/${i}/source/article`,
      );
    }
    // FactInput has validated every part the client sent; the rest is built here, so no second parse.
    // (The cast: TypeScript does not carry the link between `type` and `data` through a rebuilt object.)
    return {
      id: f.id ?? uuidv7(),
      type: f.type,
      stream: cmd.stream,
      schemaVersion: SCHEMA_VERSION,
      occurred: f.occurred,
      reported: { article: f.source.article, date: published },
      source: f.source,
      metadata: {
        recordedBy: cmd.principal,
        correlationId: f.correlationId ?? cmd.requestId,
        causationId: f.causationId ?? null,
      },
      data: f.data,
    } as DomainEvent;
  }

  /** When the cited source appeared: from the record, or from its registration in the same batch. */
  private publishedOn(f: FactInput, batch: readonly FactInput[]): string | undefined {
    const registered = this.engine.models.sources.get(f.source.article);
    if (registered) return registered.source.published.earliest;
    const inBatch = batch.find(
      (x): x is FactInputOf<'SourceRegistered'> => x.type === 'SourceRegistered' && x.data.key === f.source.article,
    );
    return inBatch?.data.published.earliest;
  }

  /** The facts that retractions and corrections in `events` name, as the log has them (null: not in it). */
  private async targetsOf(events: DomainEvent[]): Promise<Map<string, RecordedEvent | null>> {
    const targets = new Map<string, RecordedEvent | null>();
    for (const e of events) {
      const withdrawn = retractionOf(e)?.eventId;
      if (withdrawn !== undefined) targets.set(withdrawn, await this.store.getEvent(withdrawn));
    }
    return targets;
  }

  private check(stream: string, events: DomainEvent[], targets: ReadonlyMap<string, RecordedEvent | null>): void {
    const v = firstViolation({ models: this.engine.models, stream, today: this.today(), targets }, events);
    if (v) throw rejected(v.message, v.rule, v.field);
  }
}

const NO_TARGETS: ReadonlyMap<string, RecordedEvent | null> = new Map();
