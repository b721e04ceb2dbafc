/**
 * Failures as values with a kind. Every layer raises these; the HTTP layer maps
 * each kind to a status in one place (src/http/problem.ts).
 */
export type ErrorKind = 'invalid' | 'not-found' | 'conflict' | 'unavailable';

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
export const notFound = (message: string) => new AppError('not-found', message);
export const conflict = (message: string, details: Record<string, unknown> = {}) => new AppError('conflict', message, details);
export const unavailable = (message: string) => new AppError('unavailable', message);
