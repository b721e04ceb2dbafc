import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { components } from '../../openapi/schema';
import { AppError, type Failure } from '../errors';

type Problem = components['schemas']['Problem'];

const TITLE: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface HttpFailure {
  status: number;
  /** The last part of the problem `type`, `/problems/<slug>`. */
  slug: string;
  extensions?: Partial<Problem>;
  headers?: Record<string, string>;
}

/** The one place where failures become HTTP: status, problem type, extensions and headers. */
function toHttp(f: Failure, message: string): HttpFailure {
  switch (f.kind) {
    case 'invalid':
      return { status: 400, slug: 'invalid', extensions: f.issues.length ? { issues: f.issues } : {} };
    case 'rejected':
      return { status: 422, slug: 'rejected', extensions: { rule: f.rule, issues: f.issues } };
    case 'idempotency-key-reused':
      return {
        status: 422,
        slug: 'rejected',
        extensions: { rule: 'idempotency-key-reused', issues: [{ field: 'Idempotency-Key', message }] },
      };
    case 'not-found':
      return { status: 404, slug: 'not-found' };
    case 'revision-conflict':
      return {
        status: 409,
        slug: 'conflict',
        extensions: { stream: f.stream, currentRevision: f.currentRevision, expectedRevision: f.expectedRevision },
      };
    case 'duplicate-event':
      return { status: 409, slug: 'conflict', extensions: { eventId: f.eventId } };
    case 'stream-deleted':
      return { status: 409, slug: 'conflict', extensions: { stream: f.stream } };
    case 'too-large':
      return { status: 413, slug: 'entity-too-large' };
    case 'unsupported-media-type':
      return { status: 415, slug: 'unsupported-media-type' };
    case 'method-not-allowed':
      return { status: 405, slug: 'method-not-allowed', headers: { Allow: f.allow.join(', ') } };
    case 'unauthenticated':
      return { status: 401, slug: 'unauthenticated', headers: { 'WWW-Authenticate': 'Bearer realm="csto-record"' } };
    case 'forbidden':
      return { status: 403, slug: 'forbidden' };
    case 'rate-limited':
      return { status: 429, slug: 'rate-limited', headers: { 'Retry-After': String(f.retryAfterSeconds) } };
    case 'unavailable':
      return { status: 503, slug: 'unavailable', headers: { 'Retry-After': '1' } };
    case 'configuration':
      // Raised at start, before anything listens; here it would be a bug.
      return { status: 500, slug: 'internal' };
  }
}

/** Writes an RFC 9457 problem document. */
function sendProblem(res: Response, status: number, slug: string, detail: string, extensions: Partial<Problem> = {}) {
  const body: Problem = {
    type: `/problems/${slug}`,
    title: TITLE[status] ?? 'Error',
    status,
    detail,
    instance: res.req.originalUrl,
    ...extensions,
  };
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

/** What body-parser and its kind attach to the errors they raise. */
interface HttpLibraryError {
  status?: unknown;
  type?: unknown;
  expose?: unknown;
  message?: unknown;
}

export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  if (err instanceof AppError) {
    const http = toHttp(err.failure, err.message);
    if (http.status === 500) req.log?.error({ err }, 'unexpected failure');
    if (http.headers) res.set(http.headers);
    return sendProblem(res, http.status, http.slug, err.message, http.extensions);
  }
  const lib = (typeof err === 'object' && err !== null ? err : {}) as HttpLibraryError;
  const status = typeof lib.status === 'number' && lib.status >= 400 && lib.status < 500 ? lib.status : 500;
  if (status === 500) {
    req.log?.error({ err }, 'unhandled error');
    return sendProblem(res, 500, 'internal', 'The server failed to answer this request.');
  }
  // Errors raised by body parsing carry a 4xx status and, when `expose` is set, a safe message.
  return sendProblem(
    res,
    status,
    (typeof lib.type === 'string' ? lib.type : 'bad-request').replace(/\./g, '-'),
    lib.expose === true && typeof lib.message === 'string' ? lib.message : (TITLE[status] ?? 'Bad request'),
  );
};

export const notFoundHandler: RequestHandler = (req) => {
  throw new AppError({ kind: 'not-found' }, `No route for ${req.method} ${req.path}`);
};
