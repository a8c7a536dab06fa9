import { pino, type DestinationStream, type Logger } from 'pino';
import { maskDigits } from './domain/normalize.js';

/** Field names that may carry personal data; pino blanks them wherever they appear. */
export const REDACT_PATHS = ['nik', 'phone', 'text', '*.nik', '*.phone', '*.text', 'data', '*.data', 'externalId', '*.externalId'];

/** An object too deep to walk, as text (binary data by its size only). */
function nestedText(value: object): string {
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '[unserialisable]';
  }
}

/** Masks digit runs in every string of a log record (an error text may quote a JID or a number). */
function maskStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskDigits(value);
  if (value instanceof Error) {
    return { type: value.name, message: maskDigits(value.message), stack: value.stack ? maskDigits(value.stack) : undefined };
  }
  if (value === null || typeof value !== 'object') return value;
  // Deeper than this (Baileys logs whole protocol nodes: content[0].attrs.jid), the rest becomes masked text.
  if (depth > 3) return maskDigits(nestedText(value));
  if (Array.isArray(value)) return value.map((v) => maskStrings(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v, depth + 1)]));
}

/**
 * JSON logs on stderr (stdout belongs to the terminal chat), with personal fields redacted and
 * any NIK- or phone-like digit run masked, whatever field or message it hides in.
 */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { log: (record) => maskStrings(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskDigits(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
