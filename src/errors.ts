import type { RuleName } from '../commands/rule-names';
import type { ExpectedRevision } from './store/port';

/** Where a problem is: a query parameter or header name, or a JSON pointer into the body. */
export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * Every way an operation fails, each with what a caller needs to act on it. Every
 * layer raises these as values; src/http/problem.ts alone turns them into HTTP.
 */
export type Failure =
  | { kind: 'invalid'; issues: FieldIssue[] }
  /** Well-formed, but a domain rule forbids it. */
  | { kind: 'rejected'; rule: RuleName; issues: FieldIssue[] }
  | { kind: 'not-found' }
  | { kind: 'revision-conflict'; stream: string; currentRevision: number; expectedRevision: ExpectedRevision }
  | { kind: 'duplicate-event'; eventId: string }
  /** The stream was deleted in the store (by an operator): it can never be written again. */
  | { kind: 'stream-deleted'; stream: string }
  /** More than the store accepts in one write. */
  | { kind: 'too-large' }
  | { kind: 'idempotency-key-reused' }
  | { kind: 'unsupported-media-type' }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'unavailable' }
  | { kind: 'unauthenticated' }
  | { kind: 'forbidden' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  /** A setting found wrong at start; the message names the variable. */
  | { kind: 'configuration' };

export type ErrorKind = Failure['kind'];
export type FailureOf<K extends ErrorKind> = Extract<Failure, { kind: K }>;

export class AppError extends Error {
  constructor(
    readonly failure: Failure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  get kind(): ErrorKind {
    return this.failure.kind;
  }
}

/** Whether `err` is a failure of one of these kinds, narrowed to it. */
export const isFailure = <K extends ErrorKind>(
  err: unknown,
  ...kinds: K[]
): err is AppError & { failure: FailureOf<K> } =>
  err instanceof AppError && (kinds as ErrorKind[]).includes(err.failure.kind);

export const invalid = (message: string, issues: FieldIssue[] = []) =>
  new AppError({ kind: 'invalid', issues }, message);
export const rejected = (message: string, rule: RuleName, field: string) =>
  new AppError({ kind: 'rejected', rule, issues: [{ field, message }] }, message);
export const notFound = (message: string) => new AppError({ kind: 'not-found' }, message);
export const revisionConflict = (stream: string, currentRevision: number, expectedRevision: ExpectedRevision) =>
  new AppError(
    { kind: 'revision-conflict', stream, currentRevision, expectedRevision },
    `stream ${stream} is at revision ${currentRevision}, expected ${expectedRevision}`,
  );
export const duplicateEvent = (eventId: string) =>
  new AppError({ kind: 'duplicate-event', eventId }, `event ${eventId} already exists`);
export const streamDeleted = (stream: string) =>
  new AppError({ kind: 'stream-deleted', stream }, `stream ${stream} was deleted in the store and cannot be written`);
export const tooLarge = (message: string) => new AppError({ kind: 'too-large' }, message);
export const idempotencyKeyReused = (key: string) =>
  new AppError({ kind: 'idempotency-key-reused' }, `idempotency key ${key} was used for a different request`);
export const unsupportedMediaType = (message: string) => new AppError({ kind: 'unsupported-media-type' }, message);
export const methodNotAllowed = (message: string, allow: string[]) =>
  new AppError({ kind: 'method-not-allowed', allow }, message);
export const unavailable = (message: string, cause?: unknown) =>
  new AppError({ kind: 'unavailable' }, message, { cause });
export const unauthenticated = (message: string) => new AppError({ kind: 'unauthenticated' }, message);
export const forbidden = (message: string) => new AppError({ kind: 'forbidden' }, message);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new AppError({ kind: 'rate-limited', retryAfterSeconds }, message);
/** `lines` are `VARIABLE: what is wrong`; the message is what the service prints before it exits. */
export const configurationError = (lines: string[], cause?: unknown) =>
  new AppError({ kind: 'configuration' }, `Invalid configuration:\n${lines.map((l) => `  ${l}`).join('\n')}`, {
    cause,
  });

/** The service cannot start with a setting as it is: one line that names the variable and says why. */
export const cannotStart = (message: string, cause?: unknown) =>
  new AppError({ kind: 'configuration' }, `Cannot start: ${message}`, { cause });

/** A zod failure as an "invalid" error, each issue named by a JSON pointer under `root`. */
export function invalidFromZod(
  message: string,
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
  root = '',
): AppError {
  return invalid(
    message,
    error.issues.map((i) => ({
      field: `${root}/${i.path.map(String).join('/')}`.replace(/\/$/, '') || '/',
      message: i.message,
    })),
  );
}
