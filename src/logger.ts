import { pino, type Logger } from 'pino';

/** Field names that may carry personal data; pino blanks them wherever they appear. */
export const REDACT_PATHS = ['nik', 'phone', 'text', '*.nik', '*.phone', '*.text', 'data', '*.data', 'externalId', '*.externalId'];

/** JSON logs on stderr (stdout belongs to the terminal chat), with personal fields redacted. */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, pino.destination(2));
}
