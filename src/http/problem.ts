import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { AppError, type ErrorKind, type FieldIssue } from '../errors';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  rejected: 422,
  'rate-limited': 429,
  unavailable: 503,
};
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

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  issues?: FieldIssue[];
  [extension: string]: unknown;
}

/** Writes an RFC 9457 problem document. */
export function sendProblem(
  res: Response,
  status: number,
  slug: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): void {
  const body: Problem = {
    type: `/problems/${slug}`,
    title: TITLE[status] ?? 'Error',
    status,
    detail,
    instance: res.req.originalUrl,
    ...extensions,
  };
  if (status === 503 && !res.get('Retry-After')) res.set('Retry-After', '1');
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

/** The one place where error kinds become HTTP statuses. */
/** What body-parser and its kind attach to the errors they raise. */
interface HttpLibraryError {
  status?: unknown;
  type?: unknown;
  expose?: unknown;
  message?: unknown;
}

export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  if (err instanceof AppError) {
    if (err.kind === 'unauthenticated') res.set('WWW-Authenticate', 'Bearer realm="csto-record"');
    const { issues, ...rest } = err.details;
    return sendProblem(res, STATUS[err.kind], err.kind, err.message, {
      ...(issues?.length ? { issues } : {}),
      ...rest,
    });
  }
  const lib = (typeof err === 'object' && err !== null ? err : {}) as HttpLibraryError;
  const status = typeof lib.status === 'number' && lib.status >= 400 && lib.status < 500 ? lib.status : 500;
  if (status === 500) {
    req.log?.error({ err }, 'unhandled error');
    return sendProblem(res, 500, 'internal', 'The server failed to answer this request.');
  }
  // Errors raised by body parsing and the like carry a 4xx status and a safe message.
  return sendProblem(
    res,
    status,
    (typeof lib.type === 'string' ? lib.type : 'bad-request').replace(/\./g, '-'),
    lib.expose === true && typeof lib.message === 'string' ? lib.message : (TITLE[status] ?? 'Bad request'),
  );
};

export const notFoundHandler: RequestHandler = (req, res) =>
  sendProblem(res, 404, 'not-found', `No route for ${req.method} ${req.path}`);
