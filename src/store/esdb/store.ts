import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamRecordedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type ReadPosition,
} from '@eventstore/db-client';
import type { DomainEvent, RecordedEvent } from '../../../events/envelope';
import { duplicateEvent } from '../../errors';
import { matchesFilter } from '../filter';
import { replay } from '../idempotency';
import type { AppendOptions, AppendResult, EventStore, ExpectedRevision, ReadAllOptions, Subscription } from '../port';
import { Subscribers } from '../pump';
import { toStoreError } from './errors';
import { LogIndex } from './log-index';
import { comparePositions, encodePosition } from './position';
import { fromStored, idempotencyMarkOf, toEventData } from './serialization';
import { StreamNames } from './stream-names';

const PAGE = 500;

export interface EsdbOptions {
  /** Streams are stored as `namespace.stream`, and only those are read. */
  namespace?: string | null;
  /** How long to wait for $all to show an event just written (or the log's end). */
  waitMs?: number;
  /** Told when following $all fails; it is retried after `retryMs`. */
  onFollowError?: (err: unknown, resumeFrom: string | null) => void;
  retryMs?: number;
}

export const toEsdbRevision = (expected: ExpectedRevision): AppendExpectedRevision =>
  expected === 'any' ? ANY : expected === 'no-stream' ? NO_STREAM : BigInt(expected);

/**
 * The EventStore port on EventStoreDB. Streams are EventStoreDB streams; the global
 * order is `$all`'s, numbered by this replica's LogIndex as it follows `$all` with a
 * server-side filter. Reads go to EventStoreDB; the index only maps numbers to log
 * positions and ids to numbers.
 */
export class EsdbEventStore implements EventStore {
  readonly name = 'esdb';
  private readonly index = new LogIndex();
  private readonly subscribers = new Subscribers();
  private readonly names: StreamNames;
  private readonly waitMs: number;
  private following?: AllStreamSubscription;
  private closed = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbOptions,
  ) {
    this.names = new StreamNames(options.namespace ?? null);
    this.waitMs = options.waitMs ?? 5000;
  }

  /** Connects, numbers what the log already holds, then follows it. Fails fast ("unavailable") when no server answers. */
  static async connect(connectionString: string, options: EsdbOptions = {}): Promise<EsdbEventStore> {
    const store = new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options);
    try {
      await store.lastEventOfOurs();
      store.follow();
      await store.head();
      return store;
    } catch (err) {
      await store.close();
      throw err;
    }
  }

  private follow(): void {
    if (this.closed) return;
    const filter =
      this.names.namespace === null ? excludeSystemEvents() : streamNameFilter({ prefixes: [this.names.toStore('')] });
    const sub = this.client.subscribeToAll({ fromPosition: this.index.lastLogPosition ?? START, filter });
    this.following = sub;
    sub.on('data', ({ event }) => event && this.number(event));
    let restarting = false;
    const restart = (err: unknown) => {
      if (restarting || this.closed) return;
      restarting = true;
      const last = this.index.lastLogPosition;
      this.options.onFollowError?.(toStoreError(err), last ? encodePosition(last) : null);
      setTimeout(() => this.follow(), this.options.retryMs ?? 1000).unref();
    };
    sub.on('error', restart);
    sub.on('close', () => restart(new Error('the subscription to $all ended')));
  }

  private number(stored: AllStreamRecordedEvent): void {
    const stream = this.names.fromStore(stored.streamId);
    if (stream === null || !stored.position || fromStored(stored, stream, 0) === null) return;
    this.index.add(stored.id, stream, Number(stored.revision), stored.position, idempotencyMarkOf(stored));
    this.subscribers.notify();
  }

  private decode(stored: AllStreamRecordedEvent | undefined, position: number): RecordedEvent | null {
    const stream = stored && this.names.fromStore(stored.streamId);
    return stream ? fromStored(stored, stream, position) : null;
  }

  async append(
    stream: string,
    events: DomainEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const key = options.idempotency;
    if (key) {
      await this.head();
      const previous = this.index.idempotency(key.key);
      if (previous) return replay(key.key, previous, key.fingerprint);
    }
    const seen = new Set<string>();
    for (const e of events) {
      if (seen.has(e.id) || this.index.positionOf(e.id) !== undefined) throw duplicateEvent(e.id);
      seen.add(e.id);
    }
    const data = events.map((e, i) =>
      toEventData(e, key && i === 0 ? { key: key.key, fingerprint: key.fingerprint, count: events.length } : undefined),
    );
    let written;
    try {
      written = await this.client.appendToStream(this.names.toStore(stream), data, {
        expectedRevision: toEsdbRevision(expected),
      });
    } catch (err) {
      throw toStoreError(err, { stream, expected });
    }
    // The append is durable; its numbers come from $all, which shows it within milliseconds.
    await this.index.waitFor(
      () => events.every((e) => this.index.positionOf(e.id) !== undefined),
      this.waitMs,
      `the append to ${stream}`,
    );
    const revision = Number(written.nextExpectedRevision);
    return {
      replayed: false,
      stream,
      revision,
      events: events.map((e, i) => ({
        id: e.id,
        position: this.index.positionOf(e.id)!,
        revision: revision - events.length + 1 + i,
      })),
    };
  }

  async readStream(stream: string, options: { fromRevision?: number; limit?: number } = {}): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(this.names.toStore(stream), {
        fromRevision: options.fromRevision ? BigInt(options.fromRevision) : START,
        ...(options.limit !== undefined ? { maxCount: options.limit } : {}),
      });
      for await (const { event } of read) {
        const e = event && fromStored(event, stream, 0);
        if (!e) continue;
        // A stream read can show an event another replica wrote before $all has shown it here.
        await this.index.waitFor(() => this.index.positionOf(e.id) !== undefined, this.waitMs, `event ${e.id}`);
        out.push({ ...e, position: this.index.positionOf(e.id)! });
      }
    } catch (err) {
      if (err instanceof StreamNotFoundError) return [];
      throw toStoreError(err);
    }
    return out;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0;
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const end = this.index.size;
    const out: RecordedEvent[] = [];
    // From the last event already read (or the start): whether a read from a position includes
    // that position's event or not, nothing after it is missed, and what is read twice is skipped.
    let from: ReadPosition | undefined = after === 0 ? START : this.index.logPositionOf(after);
    let delivered = after;
    try {
      while (from && delivered < end && out.length < limit) {
        let read = 0;
        let next: ReadPosition | undefined;
        for await (const { event } of this.client.readAll({ fromPosition: from, maxCount: PAGE })) {
          read++;
          next = event?.position;
          // Only numbered events are ours; the ones before `delivered` were already read (positions are inclusive).
          const position = event ? this.index.positionOf(event.id) : undefined;
          if (position === undefined || position <= delivered || position > end) continue;
          delivered = position;
          const e = this.decode(event, position);
          if (e && matchesFilter(e, options)) out.push(e);
          if (out.length >= limit || delivered >= end) break;
        }
        from = read < PAGE ? undefined : next;
      }
    } catch (err) {
      throw toStoreError(err);
    }
    return out;
  }

  async getEvent(id: string): Promise<RecordedEvent | null> {
    let position = this.index.positionOf(id);
    if (position === undefined) {
      await this.head();
      position = this.index.positionOf(id);
      if (position === undefined) return null;
    }
    try {
      for await (const { event } of this.client.readAll({
        fromPosition: this.index.logPositionOf(position)!,
        maxCount: 2,
      })) {
        if (event?.id === id) return this.decode(event, position);
      }
    } catch (err) {
      throw toStoreError(err);
    }
    return null;
  }

  async findIdempotency(key: string) {
    await this.head();
    return this.index.idempotency(key);
  }

  async streamRevision(stream: string): Promise<number> {
    try {
      for await (const { event } of this.client.readStream(this.names.toStore(stream), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        if (event) return Number(event.revision);
      }
      return -1;
    } catch (err) {
      if (err instanceof StreamNotFoundError) return -1;
      throw toStoreError(err);
    }
  }

  /** The number of our events in the log: waits until this replica has numbered the last one EventStoreDB holds. */
  async head(): Promise<number> {
    const last = await this.lastEventOfOurs();
    if (last !== null)
      await this.index.waitFor(() => this.index.positionOf(last) !== undefined, this.waitMs, 'the end of the log');
    return this.index.size;
  }

  /** The id of the last event of ours in the log, reading back from its end only as far as what is already numbered. */
  private async lastEventOfOurs(): Promise<string | null> {
    const floor = this.index.lastLogPosition;
    let from: ReadPosition = END;
    // The health check asks every second, and the answer is nearly always among the last few events.
    let size = 8;
    try {
      for (;;) {
        let read = 0;
        let next: ReadPosition | undefined;
        for await (const { event } of this.client.readAll({
          direction: BACKWARDS,
          fromPosition: from,
          maxCount: size,
        })) {
          read++;
          if (!event?.position) continue;
          if (floor && comparePositions(event.position, floor) <= 0)
            return this.index.positionOf(event.id) !== undefined ? event.id : null;
          if (this.decode(event, 0)) return event.id;
          next = event.position;
        }
        if (read < size || !next) return null;
        from = next;
        size = PAGE;
      }
    } catch (err) {
      throw toStoreError(err);
    }
  }

  subscribe(after: number, onEvent: (e: RecordedEvent) => void): Subscription {
    return this.subscribers.add(after, (o) => this.readAll(o), onEvent);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.closeAll();
    await this.following?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }
}
