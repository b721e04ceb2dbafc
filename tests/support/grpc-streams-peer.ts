import { Server, ServerCredentials, type ServerWritableStream } from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';

/**
 * A gRPC peer that speaks EventStoreDB's Streams.Read, for what needs no server but a
 * real gRPC connection: it serves a log of `size` JSON events of about 1 KiB each, all
 * on `stream` (more than HTTP/2's window, so a reader that stops early leaves a call
 * paused, not finished), serves subscriptions the whole log then "caught up" and
 * keeps them open, and counts the reads still open.
 */
export class StreamsPeer {
  private readonly server = new Server();
  private readonly open = new Set<ServerWritableStream<ReadReq, ReadResp>>();
  readonly reads: { backwards: boolean; count: number }[] = [];
  /** Where each subscription started: the index of the first event it was sent. */
  readonly subscriptions: number[] = [];
  port = 0;

  constructor(
    private readonly stream: string,
    readonly size = 5000,
  ) {
    this.server.addService(StreamsService, {
      read: (call: ServerWritableStream<ReadReq, ReadResp>) => this.read(call),
    });
  }

  async start(): Promise<string> {
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, port) =>
        err ? reject(err) : resolve(port),
      ),
    );
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Reads (not subscriptions) neither finished nor cancelled by the client. */
  get openReads(): number {
    return this.open.size;
  }

  private read(call: ServerWritableStream<ReadReq, ReadResp>): void {
    const options = call.request.getOptions()!;
    if (options.hasSubscription()) return this.subscribe(call, options);
    this.open.add(call);
    const done = () => this.open.delete(call);
    call.on('cancelled', done);
    call.on('close', done);
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = Number(options.getCount());
    this.reads.push({ backwards, count });
    // Event n is at position n * 1000; a read from a position includes the event there, as EventStoreDB's does.
    const at = options.getAll()?.getPosition();
    const from = at ? Math.ceil(Number(at.getCommitPosition()) / 1000) : backwards ? this.size - 1 : 0;
    void this.serve(call, from, count, backwards).then(() => {
      call.end();
      done();
    });
  }

  /**
   * A subscription to $all: the events after its start position (or all, from the start),
   * then "caught up", then it stays open. Records where each one started.
   */
  private subscribe(call: ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): void {
    const at = options.getAll()?.getPosition();
    const from = at ? Math.floor(Number(at.getCommitPosition()) / 1000) + 1 : 0;
    this.subscriptions.push(from);
    void this.serve(call, from, this.size, false).then(() => {
      const caughtUp = new ReadResp();
      caughtUp.setCaughtUp(new ReadResp.CaughtUp());
      if (!call.cancelled) call.write(caughtUp);
    });
  }

  private async serve(call: ServerWritableStream<ReadReq, ReadResp>, from: number, count: number, backwards: boolean) {
    for (let i = 0; i < count && !call.cancelled; i++) {
      const n = backwards ? from - i : from + i;
      if (n < 0 || n >= this.size) return;
      if (!call.write(eventAt(n, this.stream))) await new Promise((resolve) => call.once('drain', resolve));
    }
  }

  async stop(): Promise<void> {
    this.server.forceShutdown();
  }
}

/** Event n's id: the same on every read, as a stored event's is. */
export const eventId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Event n's position as the port numbers it (its place in $all, plus one). */
export const positionOf = (n: number) => n * 1000 + 1;

function eventAt(n: number, streamName: string): ReadResp {
  const record = new ReadResp.ReadEvent.RecordedEvent();
  const id = new UUID();
  id.setString(eventId(n));
  record.setId(id);
  const stream = new StreamIdentifier();
  stream.setStreamName(Buffer.from(streamName));
  record.setStreamIdentifier(stream);
  record.setStreamRevision(String(n));
  record.setPreparePosition(String(n * 1000));
  record.setCommitPosition(String(n * 1000));
  record.getMetadataMap().set('type', 'ThingHappened');
  record.getMetadataMap().set('content-type', 'application/json');
  record.getMetadataMap().set('created', '638000000000000000');
  record.setData(Buffer.from(JSON.stringify({ padding: 'x'.repeat(1000) })));
  record.setCustomMetadata(Buffer.from('{}'));
  const event = new ReadResp.ReadEvent();
  event.setEvent(record);
  event.setCommitPosition(String(n * 1000));
  const resp = new ReadResp();
  resp.setEvent(event);
  return resp;
}
