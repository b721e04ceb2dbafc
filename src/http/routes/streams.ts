import { createHash } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import { FactBatch, FactInput, type AppendBody } from '../../../commands/fact-input';
import type { components } from '../../../openapi/schema';
import type { Recorder } from '../../write/recorder';
import { invalid, invalidFromZod, notFound, unsupportedMediaType } from '../../errors';
import type { EventStore } from '../../store/port';
import type { Auth } from '../middleware/auth';
import { decodeCursor, encodeCursor } from '../pagination';
import { parseQuery } from '../params';

type Schemas = components['schemas'];

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const STREAM_ETAG = /^(?:W\/)?"(\d{1,15}|-1)"$/;

const BODY_LIMIT = '1mb';

/** Streams: read one with its revision as ETag. */
export function streamRoutes(store: EventStore): Router {
  const r = Router();

  r.get('/v1/streams/:stream', async (req, res) => {
    const p = parseQuery(req, ['cursor', 'limit']);
    const from = p.cursor === undefined ? 0 : Number(decodeCursor(p.cursor)) + 1;
    if (!Number.isSafeInteger(from))
      throw invalid('invalid cursor', [{ field: 'cursor', message: 'not a cursor this service issued' }]);
    const limit = p.limit ?? 100;
    const [revision, events] = await Promise.all([
      store.streamRevision(req.params.stream),
      store.readStream(req.params.stream, { fromRevision: from, limit: limit + 1 }),
    ]);
    if (revision === -1) throw notFound(`no stream ${req.params.stream}`);
    const items = events.slice(0, limit);
    const body: Schemas['Stream'] = {
      stream: req.params.stream,
      revision,
      items,
      next: events.length > limit ? encodeCursor(String(items[items.length - 1]!.revision)) : null,
    };
    res.set('ETag', `"${revision}"`).json(body);
  });

  return r;
}

/**
 * Records facts on a stream. The body is parsed only once the writer is known and
 * within its rate, so a refused post costs no parse of up to a megabyte.
 */
export function appendRoutes(
  recorder: Recorder,
  auth: Auth,
  limitWrites: RequestHandler,
  onAppended: (events: number) => void,
): Router {
  const r = Router();
  const json = express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] });

  r.post('/v1/streams/:stream/events', auth.requireWrite, limitWrites, json, async (req, res) => {
    parseQuery(req, []);
    if (!req.is('application/json')) throw unsupportedMediaType('send the facts as application/json');
    const body = parseBody(req.body);
    const key = req.get('idempotency-key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      throw invalid('invalid Idempotency-Key', [
        { field: 'Idempotency-Key', message: '1 to 200 visible ASCII characters' },
      ]);
    const ifMatch = req.get('if-match');
    const match = ifMatch === undefined ? undefined : STREAM_ETAG.exec(ifMatch);
    if (match === null)
      throw invalid('invalid If-Match', [
        { field: 'If-Match', message: 'expected the stream ETag, a quoted revision such as "3"' },
      ]);
    const stream = String(req.params.stream);
    const result = await recorder.record({
      stream,
      body,
      ifMatch: match ? Number(match[1]) : undefined,
      principal: req.principal!,
      requestId: req.id,
      // Keys are per principal; the fingerprint ties a key to one request.
      idempotency:
        key === undefined
          ? undefined
          : {
              key: `${req.principal}:${key}`,
              fingerprint: createHash('sha256')
                .update(`${stream}\n${JSON.stringify(req.body)}`)
                .digest('hex'),
            },
    });
    const out: Schemas['AppendResult'] = {
      stream: result.stream,
      revision: result.revision,
      position: result.events[result.events.length - 1]!.position,
      events: result.events,
    };
    res.set('Location', `/v1/events/${result.events[0]!.id}`).set('ETag', `"${result.revision}"`);
    if (result.replayed) res.set('Idempotent-Replayed', 'true');
    else onAppended(result.events.length);
    res.status(result.replayed ? 200 : 201).json(out);
  });

  return r;
}

/** One fact, or `{ expectedRevision?, facts: [...] }`; errors point into the body. */
function parseBody(raw: unknown): AppendBody {
  const message = 'the request body is not a valid fact or batch of facts';
  if (Array.isArray(raw))
    throw invalid(message, [
      { field: '/', message: 'send one fact as an object, or several as {"facts": [...], "expectedRevision"?}' },
    ]);
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'facts' in raw) {
    const batch = FactBatch.safeParse(raw);
    if (!batch.success) throw invalidFromZod(message, batch.error);
    return batch.data;
  }
  if (raw !== null && typeof raw === 'object' && 'expectedRevision' in raw)
    throw invalid(message, [
      {
        field: '/expectedRevision',
        message:
          'goes beside the facts: {"expectedRevision": 0, "facts": [fact]}; or send the stream\'s ETag as If-Match',
      },
    ]);
  const fact = FactInput.safeParse(raw);
  if (!fact.success) throw invalidFromZod(message, fact.error, '/facts/0');
  return { expectedRevision: undefined, facts: [fact.data] };
}
