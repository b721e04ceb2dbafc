import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs; the authorization header is never written. */
export const createLogger = (level: string): Logger =>
  pino({ level, redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' } });
