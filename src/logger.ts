import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs (to stdout unless told otherwise); the authorization header is never written. */
export const createLogger = (level: string, destination?: pino.DestinationStream): Logger =>
  pino(
    { level, redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' } },
    destination,
  );
