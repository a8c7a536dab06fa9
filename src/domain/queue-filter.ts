// Which registrations an officer means: one parsed filter drives the console's queue page, the
// export and the counts (storage/queue.ts turns it into a query), so all three always agree.
import { normalizePhone } from './phone.js';
import { z } from 'zod';
import type { RegistrationStatus } from './status.js';
import { parseIsoYmd } from './dates.js';
import { parseReference } from './reference.js';

export const STATUS_FILTERS = [
  'submitted',
  'needs_correction',
  'approved',
  'registered',
  'rejected',
  'deleted',
  'open',
  'all',
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/**
 * The statuses each filter value stands for. 'submitted' is "waiting for a decision" (ours, the
 * queue's default), 'needs_correction' "waiting for the person" (theirs); 'open' (both) stays for
 * old links. 'all' is every status except 'deleted' (rows without personal data).
 */
export const STATUSES_OF: Record<StatusFilter, readonly RegistrationStatus[]> = {
  submitted: ['submitted'],
  needs_correction: ['needs_correction'],
  approved: ['approved'],
  registered: ['registered'],
  rejected: ['rejected'],
  deleted: ['deleted'],
  open: ['submitted', 'needs_correction'],
  all: ['submitted', 'needs_correction', 'approved', 'registered', 'rejected'],
};

/** The status an unfiltered queue shows: the registrations waiting for an officer's decision. */
export const DEFAULT_STATUS: StatusFilter = 'submitted';

/**
 * The channel of the console's chat simulator. A registration made there is a test registration:
 * the queue, the export (and the dashboard's figures) leave it out unless asked (`test`).
 */
export const TEST_CHANNEL = 'web';

/** Test registrations: left out (absent), included with the others, or the only ones shown. */
export const TEST_FILTERS = ['include', 'only'] as const;

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

// ---- cursor ---------------------------------------------------------------------------------

/** The keyset cursor of a row: its (created_at, id), opaque to the page ('<created_at>.<id>' in base 36). */
export function encodeCursor(createdAt: number, id: number): string {
  return `${createdAt.toString(36)}.${id.toString(36)}`;
}

/** Reads a cursor made by encodeCursor; undefined when it is not one. */
export function decodeCursor(cursor: string): { createdAt: number; id: number } | undefined {
  const m = /^([0-9a-z]{1,12})\.([0-9a-z]{1,12})$/.exec(cursor);
  if (!m) return undefined;
  const createdAt = parseInt(m[1]!, 36);
  const id = parseInt(m[2]!, 36);
  if (!Number.isSafeInteger(createdAt) || !Number.isSafeInteger(id)) return undefined;
  return { createdAt, id };
}

// ---- schema ---------------------------------------------------------------------------------

/** Query strings send empty fields for untouched form inputs: treat them as absent. */
const blank = (v: unknown): unknown => {
  if (Array.isArray(v)) v = v[v.length - 1]; // ?a=1&a=2: the last one wins
  if (typeof v !== 'string') return v;
  const t = v.trim();
  return t === '' ? undefined : t;
};

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-mm-dd')
  .refine((s) => parseIsoYmd(s) !== undefined, 'not a calendar date');

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional()).optional();

/**
 * Query parameters of the queue and the export. Every field is optional; empty strings count as
 * absent. `limit` above MAX_LIMIT is clamped to it rather than refused. Without a status a search
 * (`q`) looks in every status (an approved reference is found), and the plain queue shows
 * DEFAULT_STATUS; test registrations are left out unless `test` asks for them.
 */
export const QueueFilterSchema = z
  .object({
    status: optional(z.enum(STATUS_FILTERS)),
    /** Test registrations (made in the simulator): 'include' them or show 'only' them; absent: left out. */
    test: optional(z.enum(TEST_FILTERS)),
    kecamatan: optional(z.string().max(100)),
    desa: optional(z.string().max(100)),
    /** A group id from the programme settings. */
    group: optional(z.string().regex(/^[a-z0-9_]+$/).max(60)),
    /** The submitter's person id (a cadre). */
    cadre: optional(z.coerce.number().int().positive()),
    /** First day, inclusive, yyyy-mm-dd in the regency's time zone. */
    from: optional(isoDate),
    /** Last day, inclusive, yyyy-mm-dd in the regency's time zone. */
    to: optional(isoDate),
    /** A reference (LD-XXXXX), a 16-digit NIK, or the start of a word of the name. */
    q: optional(z.string().max(100)),
    /** Keyset cursor from a previous page's `next`. */
    after: optional(z.string().max(40).refine((s) => decodeCursor(s) !== undefined, 'invalid cursor')),
    limit: z.preprocess(
      blank,
      z.coerce
        .number()
        .int()
        .min(1)
        .default(DEFAULT_LIMIT)
        .transform((n) => Math.min(n, MAX_LIMIT)),
    ),
  })
  .transform(({ status, ...rest }) => ({ ...rest, status: status ?? (rest.q === undefined ? DEFAULT_STATUS : 'all') }));

export type QueueFilter = z.output<typeof QueueFilterSchema>;

// ---- search ---------------------------------------------------------------------------------

export type SearchKind =
  | { kind: 'reference'; reference: string }
  | { kind: 'nik'; nik: string }
  | { kind: 'phone'; phone: string }
  /** A BPJS membership number (11 digits); one typed without its leading 0 may be a phone number too. */
  | { kind: 'kpj'; kpj: string; phone?: string }
  /** Part of a name; a word that could also be a code without its "LD-" (e.g. "RAHMA") finds that code too. */
  | { kind: 'name'; text: string; reference?: string };

/** What a search text is: a reference code, a NIK, an Indonesian mobile number, or (anything else) part of a name. */
export function searchKind(q: string): SearchKind {
  const reference = parseReference(q) ?? parseReference(`LD-${q.trim()}`);
  // A code without its "LD-": certain when it has a digit (names have none), else a name as well.
  if (reference && (/^\s*ld/i.test(q) || /\d/.test(q))) return { kind: 'reference', reference };
  // NIKs are often typed grouped the way the KTP card prints them.
  const digits = q.replace(/[\s.\-]/g, '');
  if (/^\d{16}$/.test(digits)) return { kind: 'nik', nik: digits };
  // However it is typed (0812…, +62 812…, 62812…), as stored: E.164.
  const phone = /\d{9}/.test(digits.replace(/\D/g, '')) ? normalizePhone(q) : undefined;
  // A KPJ is 11 digits; a phone number is never written with a leading 0 and 11 digits as a KPJ is.
  if (/^\d{11}$/.test(digits) && !digits.startsWith('0')) return { kind: 'kpj', kpj: digits, ...(phone?.ok ? { phone: phone.e164 } : {}) };
  if (phone?.ok) return { kind: 'phone', phone: phone.e164 };
  return { kind: 'name', text: q.trim().replace(/\s+/g, ' '), ...(reference ? { reference } : {}) };
}
