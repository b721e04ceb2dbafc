import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  NO_STREAM,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamRecordedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type Position,
  type ReadPosition,
  type RecordedEvent as StoredEvent,
} from '@eventstore/db-client';
import type { DomainEvent, RecordedEvent } from '../../../events/envelope';
import { duplicateEvent, unavailable } from '../../errors';
import { matchesFilter } from '../filter';
import { replay } from '../idempotency';
import type { AppendOptions, AppendResult, EventStore, ExpectedRevision, ReadAllOptions, Subscription } from '../port';
import { Subscribers } from '../pump';
import { toStoreError } from './errors';
import { LogIndex, type IndexedEvent } from './log-index';
import { comparePositions, encodePosition, positionAt } from './position';
import { READ_DEADLINE_MS, each } from './reads';
import { fromStored, idempotencyMarkOf, toEventData } from './serialization';
import { StreamNames } from './stream-names';

const PAGE = 500;
/** How far back from the end of `$all` `head()` looks for an event of ours the follower has not seen yet. */
const HEAD_SCAN_LIMIT = 2000;

export interface EsdbOptions {
  /** Streams are stored as `namespace.stream`, and only those are read. */
  namespace?: string | null;
  /** This replica's index of our events (a SQLite file; ':memory:' for a throwaway one). */
  indexPath?: string;
  /** How long a wait on following `$all` may see no progress before it fails as "unavailable". */
  waitMs?: number;
  /** Told when following $all fails; it is retried after `retryMs`. */
  onFollowError?: (err: unknown, resumeFrom: string | null) => void;
  retryMs?: number;
}

export const toEsdbRevision = (expected: ExpectedRevision): AppendExpectedRevision =>
  expected === 'any' ? ANY : expected === 'no-stream' ? NO_STREAM : BigInt(expected);

/**
 * The EventStore port on EventStoreDB. Streams are EventStoreDB streams; the global
 * order is `$all`'s, and an event's position is its own place in `$all` (see
 * `positionAt`): the same on every replica, whatever happens to other events. Reads go
 * to EventStoreDB; this replica's LogIndex, fed by following `$all`, only answers what
 * EventStoreDB cannot: an event by id, an idempotency key, where a position is in `$all`.
 */
export class EsdbEventStore implements EventStore {
  readonly name = 'esdb';
  private readonly index: LogIndex;
  private readonly subscribers = new Subscribers();
  private readonly names: StreamNames;
  private readonly waitMs: number;
  private following?: AllStreamSubscription;
  private headInFlight: Promise<number> | null = null;
  private closed = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbOptions,
  ) {
    this.names = new StreamNames(options.namespace ?? null);
    this.waitMs = options.waitMs ?? 5000;
    this.index = new LogIndex(options.indexPath ?? ':memory:');
  }

  /** Connects and starts following `$all` from where this replica's index stopped. Fails fast ("unavailable") when no server answers. */
  static async connect(connectionString: string, options: EsdbOptions = {}): Promise<EsdbEventStore> {
    let store: EsdbEventStore | undefined;
    try {
      store = new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options);
      await store.head();
      store.follow();
      return store;
    } catch (err) {
      await store?.close();
      throw toStoreError(err);
    }
  }

  private follow(): void {
    if (this.closed) return;
    const checkpointReached = (_: unknown, at: Position) => this.index.add([], at);
    const filter =
      this.names.namespace === null
        ? { ...excludeSystemEvents(), checkpointReached }
        : streamNameFilter({ prefixes: [this.names.toStore('')], checkpointReached });
    const sub = this.client.subscribeToAll({ fromPosition: this.index.resumeFrom ?? START, filter });
    this.following = sub;
    sub.on('data', ({ event }) => event && this.see(event));
    // Until it is live, the follower may not have indexed events older than the end of the scan in head().
    sub.on('caughtUp', () => this.index.setLive(true));
    sub.on('fellBehind', () => this.index.setLive(false));
    let restarting = false;
    const restart = (err: unknown) => {
      if (restarting || this.closed) return;
      restarting = true;
      this.index.setLive(false);
      const last = this.index.resumeFrom;
      this.options.onFollowError?.(toStoreError(err), last ? encodePosition(last) : null);
      setTimeout(() => this.follow(), this.options.retryMs ?? 1000).unref();
    };
    sub.on('error', restart);
    sub.on('close', () => restart(new Error('the subscription to $all ended')));
  }

  private see(stored: AllStreamRecordedEvent): void {
    const indexed = this.indexable(stored);
    if (!indexed) return;
    this.index.add([indexed], stored.position);
    this.subscribers.notify();
  }

  /** Every event in our streams is indexed, whatever its type or schema: it keeps its place in the log. */
  private indexable(stored: StoredEvent): IndexedEvent | null {
    const stream = this.names.fromStore(stored.streamId);
    if (stream === null || !stored.position) return null;
    return {
      id: stored.id,
      stream,
      revision: Number(stored.revision),
      position: positionAt(stored.position),
      at: stored.position,
      idempotency: idempotencyMarkOf(stored),
    };
  }

  private decode(stored: AllStreamRecordedEvent | undefined): RecordedEvent | null {
    const stream = stored && this.names.fromStore(stored.streamId);
    return stream ? fromStored(stored, stream) : null;
  }

  /** Waits until this replica's index holds every event of ours committed before the call. */
  private async indexCaughtUp(what: string): Promise<void> {
    const head = await this.head();
    await this.index.waitFor(() => this.index.live && this.index.head >= head, this.waitMs, what);
  }

  async append(
    stream: string,
    events: DomainEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const key = options.idempotency;
    await this.indexCaughtUp(`the end of the log, before the append to ${stream}`);
    if (key) {
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
    let next: number;
    try {
      const written = await this.client.appendToStream(this.names.toStore(stream), data, {
        expectedRevision: toEsdbRevision(expected),
      });
      next = Number(written.nextExpectedRevision);
    } catch (err) {
      throw toStoreError(err, { stream, expected });
    }
    // The append is durable. Its positions come back with a read of the stream, and are
    // indexed now so that the next duplicate check sees them before the follower does.
    const stored = await this.readStored(stream, {
      fromRevision: next - events.length + 1,
      limit: events.length,
    }).catch((err: unknown) => {
      throw unavailable(
        `The facts were recorded on ${stream} (revision ${next}), but their positions could not be read back: ${(err as Error).message}. A retry must carry the same Idempotency-Key or event ids, or it records them again.`,
        err,
      );
    });
    this.index.add(
      stored.map((e) => this.indexable(e)!),
      null,
    );
    return {
      replayed: false,
      stream,
      revision: next,
      events: stored.map((e) => ({ id: e.id, position: positionAt(e.position!), revision: Number(e.revision) })),
    };
  }

  async readStream(stream: string, options: { fromRevision?: number; limit?: number } = {}): Promise<RecordedEvent[]> {
    const stored = await this.readStored(stream, options);
    return stored.map((e) => fromStored(e, stream)).filter((e): e is RecordedEvent => e !== null);
  }

  private async readStored(stream: string, options: { fromRevision?: number; limit?: number }): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    try {
      const read = this.client.readStream(this.names.toStore(stream), {
        fromRevision: options.fromRevision ? BigInt(options.fromRevision) : START,
        deadline: READ_DEADLINE_MS,
        ...(options.limit !== undefined ? { maxCount: options.limit } : {}),
      });
      for await (const { event } of each(read)) if (event) out.push(event);
    } catch (err) {
      // A deleted stream holds nothing any more; writing to it is refused (a conflict).
      if (err instanceof StreamNotFoundError || err instanceof StreamDeletedError) return [];
      throw toStoreError(err);
    }
    return out;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0;
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const out: RecordedEvent[] = [];
    // From the last event of ours at or before `after`; each page from the last event of
    // the one before. Whether a read from a position includes that position's event or
    // not, nothing is missed, and what is read twice is skipped (`passed`).
    let from: ReadPosition | undefined = (after > 0 && this.index.startFor(after)) || START;
    let passed = after;
    try {
      while (from && out.length < limit) {
        let read = 0;
        let next: ReadPosition | undefined;
        for await (const { event } of each(
          this.client.readAll({ fromPosition: from, maxCount: PAGE, deadline: READ_DEADLINE_MS }),
        )) {
          read++;
          next = event?.position;
          const e = this.decode(event);
          if (!e || e.position <= passed) continue;
          passed = e.position;
          if (matchesFilter(e, options)) out.push(e);
          if (out.length >= limit) break;
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
      await this.indexCaughtUp(`event ${id}`);
      position = this.index.positionOf(id);
      if (position === undefined) return null;
    }
    const at = this.index.logPositionOf(position);
    try {
      for await (const { event } of each(
        this.client.readAll({ fromPosition: at ?? START, maxCount: 2, deadline: READ_DEADLINE_MS }),
      )) {
        if (event?.id === id) return this.decode(event);
      }
    } catch (err) {
      throw toStoreError(err);
    }
    return null;
  }

  async findIdempotency(key: string) {
    await this.indexCaughtUp(`idempotency key ${key}`);
    return this.index.idempotency(key);
  }

  async streamRevision(stream: string): Promise<number> {
    try {
      for await (const { event } of each(
        this.client.readStream(this.names.toStore(stream), {
          direction: BACKWARDS,
          fromRevision: END,
          maxCount: 1,
          deadline: READ_DEADLINE_MS,
        }),
      )) {
        if (event) return Number(event.revision);
      }
      return -1;
    } catch (err) {
      if (err instanceof StreamNotFoundError || err instanceof StreamDeletedError) return -1;
      throw toStoreError(err);
    }
  }

  /** Its own read of the head, not one shared with a call begun before the revision was read. */
  async writeBasis(stream: string) {
    const revision = await this.streamRevision(stream);
    return { head: await this.lastOfOurs(), revision };
  }

  /**
   * The position of the last event of ours in the log. Calls made while one is under way
   * share its answer: the health check asks every second and must never pile up.
   */
  head(): Promise<number> {
    this.headInFlight ??= this.lastOfOurs().finally(() => (this.headInFlight = null));
    return this.headInFlight;
  }

  /**
   * Reads back from the end of `$all` only as far as the follower has seen (what is older
   * is in the index), and at most HEAD_SCAN_LIMIT events: a follower still catching up
   * on a long log of other records gives its own last event instead of a long scan.
   */
  private async lastOfOurs(): Promise<number> {
    const floor = this.index.resumeFrom;
    let from: ReadPosition = END;
    // The answer is nearly always among the last few events.
    let size = 8;
    let scanned = 0;
    try {
      for (;;) {
        let read = 0;
        let next: ReadPosition | undefined;
        for await (const { event } of each(
          this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: size, deadline: READ_DEADLINE_MS }),
        )) {
          read++;
          if (!event?.position) continue;
          if (floor && comparePositions(event.position, floor) <= 0) return this.index.head;
          if (this.names.fromStore(event.streamId) !== null)
            return Math.max(positionAt(event.position), this.index.head);
          next = event.position;
        }
        scanned += read;
        if (read < size || !next || scanned >= HEAD_SCAN_LIMIT) return this.index.head;
        from = next;
        size = PAGE;
      }
    } catch (err) {
      throw toStoreError(err);
    }
  }

  async positionBefore(n: number): Promise<number> {
    await this.indexCaughtUp('the end of the log');
    return this.index.positionBefore(n);
  }

  async countAfter(position: number): Promise<number> {
    await this.indexCaughtUp('the end of the log');
    return this.index.countAfter(position);
  }

  subscribe(after: number, onEvent: (e: RecordedEvent) => void): Subscription {
    return this.subscribers.add(after, (o) => this.readAll(o), onEvent);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.closeAll();
    await this.following?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
    this.index.close();
  }
}
