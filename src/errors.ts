/**
 * Failures as values with a kind. Every layer raises these; the HTTP layer maps
 * each kind to a status in one place (src/http/problem.ts).
 */
export type ErrorKind =
  'invalid' | 'rejected' | 'not-found' | 'conflict' | 'unavailable' | 'unauthenticated' | 'forbidden' | 'rate-limited';

export interface FieldIssue {
  /** Where the problem is: a query parameter name, or a JSON pointer into the body. */
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: { issues?: FieldIssue[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (message: string, issues: FieldIssue[] = []) => new AppError('invalid', message, { issues });
/** Well-formed, but a domain rule forbids it: names the rule and the field. */
export const rejected = (message: string, rule: string, field: string) =>
  new AppError('rejected', message, { rule, issues: [{ field, message }] });
export const notFound = (message: string) => new AppError('not-found', message);
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('conflict', message, details);
export const unavailable = (message: string) => new AppError('unavailable', message);
export const unauthenticated = (message: string) => new AppError('unauthenticated', message);
export const forbidden = (message: string) => new AppError('forbidden', message);

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
