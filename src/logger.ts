import { isIP } from 'node:net';
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

// Network addresses an operator needs to read in an error line (which address is in use?): kept
// whole, while every other run of digits is masked. None of them can hold a whole NIK or mobile number.
/** IPv6 (::1, fe80::1, ::ffff:10.0.0.1), checked with isIP; a JID (6281…:3@s.whatsapp.net) is none. */
const IPV6_CANDIDATE = /(?<![\w:.])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?:\.\d{1,3}){0,3}(?![\w:])/g;
/** IPv4 with each part 0–255, not glued to more digits ("+62 81.23.45.67" or "08.12.34.56.78" stay masked). */
const IPV4 = /(?<![\d.])(?<!\d[\s-])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d]|[.\s-]\d)/g;
/** host:port with a host name holding a letter (db-10-0-0-12.internal:5432), a port not followed by more digits. */
const HOST_PORT = /(?<![\w.-])(?=[\w.-]*[A-Za-z][\w.-]*:)[A-Za-z0-9](?:[\w-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[\w-]*[A-Za-z0-9])?)*:\d{1,5}(?!\d|[.\s-]\d)/g;
/** Each kept address waits as one private-use character (its index) while the rest is masked. */
const HOLE_BASE = 0xe000;
const HOLES = /[\uE000-\uF8FF]/g;
const MAX_HOLES = 0xf8ff - HOLE_BASE;

/**
 * Masks NIK-, phone- and JID-like digit runs (as maskDigits) but keeps IP addresses and host:port
 * whole, so "address already in use 127.0.0.1:8080" stays readable.
 */
export function maskForLog(text: string): string {
  if (!/\d/.test(text)) return text;
  // A text that already holds such characters is masked the plain way (its addresses included).
  if (/[\uE000-\uF8FF]/.test(text)) return maskDigits(text);
  const kept: string[] = [];
  const keep = (match: string) => {
    if (kept.length >= MAX_HOLES) return match;
    kept.push(match);
    return String.fromCharCode(HOLE_BASE + kept.length - 1);
  };
  const holed = text
    .replace(IPV6_CANDIDATE, (m) => (isIP(m) === 6 ? keep(m) : m))
    .replace(IPV4, keep)
    .replace(HOST_PORT, keep);
  return maskDigits(holed).replace(HOLES, (hole) => kept[hole.charCodeAt(0) - HOLE_BASE] ?? '');
}

const REDACTED_KEYS = new Set(REDACT_PATHS.filter((p) => !p.includes('.')));

/**
 * An error with its message, stack and plain own fields (code, errno, syscall, address, port, a
 * platform's error_code…) masked, and its cause. Fields holding objects stay out: a client error
 * may carry the whole request (a reply's text, a chat id) in one.
 */
function maskError(err: Error, depth: number): Error {
  // Its own class: pino's serializer names the error by its constructor.
  const copy = Object.create(Object.getPrototypeOf(err) as object) as Error & Record<string, unknown>;
  for (const [key, value] of Object.entries(err)) {
    if (REDACTED_KEYS.has(key) || (value !== null && typeof value === 'object') || typeof value === 'function') continue;
    copy[key] = maskStrings(value, depth + 1);
  }
  copy.message = maskForLog(err.message);
  copy.stack = err.stack ? maskForLog(err.stack) : undefined;
  // An error's cause (not deeper than a few: a chain may loop), or a plain value; never an object.
  if (err.cause instanceof Error && depth < 6) copy.cause = maskError(err.cause, depth + 1);
  else if (err.cause !== undefined && (err.cause === null || typeof err.cause !== 'object')) copy.cause = maskStrings(err.cause, depth + 1);
  return copy;
}

/** Masks digit runs in every string of a log record (an error text may quote a JID or a number). */
function maskStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskForLog(value);
  if (value instanceof Error) return maskError(value, depth);
  if (value === null || typeof value !== 'object') return value;
  // Deeper than this (Baileys logs whole protocol nodes: content[0].attrs.jid), the rest becomes masked text.
  if (depth > 3) return maskForLog(nestedText(value));
  if (Array.isArray(value)) return value.map((v) => maskStrings(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v, depth + 1)]));
}

/**
 * JSON logs on stderr (stdout belongs to the terminal chat), with personal fields redacted and
 * any NIK- or phone-like digit run masked, whatever field or message it hides in (IP addresses and
 * host:port kept readable).
 */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { log: (record) => maskStrings(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskForLog(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
