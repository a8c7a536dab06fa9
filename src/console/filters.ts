// Queue filters of the officer console: one parsed filter drives the queue page, the export and
// the counts, so all three always agree on which registrations are meant.
import { z } from 'zod';
import type { Db } from '../storage/db.js';
import type { Statement } from 'better-sqlite3';
import { OPEN_STATUSES, type RegistrationStatus } from '../core/types.js';
import { parseIsoYmd, toIso } from '../domain/dates.js';
import { maskNik } from '../domain/nik.js';

/** The regency's time zone when none is given (WITA, UTC+8, no daylight saving). */
export const DEFAULT_TIME_ZONE = 'Asia/Makassar';

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

/** The statuses each filter value stands for. 'all' is every status except 'deleted' (rows without personal data). */
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
 * absent. `limit` above MAX_LIMIT is clamped to it rather than refused.
 */
export const QueueFilterSchema = z.object({
  status: z.preprocess(blank, z.enum(STATUS_FILTERS).default('open')),
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
});

export type QueueFilter = z.output<typeof QueueFilterSchema>;

// ---- time zone ------------------------------------------------------------------------------

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far the wall clock in `timeZone` is ahead of UTC at instant `t`, in ms. */
function zoneOffset(t: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(t / 1000) * 1000;
}

/** The instant (epoch ms) a calendar day yyyy-mm-dd starts in `timeZone`. */
export function dayStart(isoDay: string, timeZone: string = DEFAULT_TIME_ZONE): number {
  const ymd = parseIsoYmd(isoDay);
  if (!ymd) throw new Error(`dayStart: invalid date ${isoDay}`);
  const guess = Date.UTC(ymd.y, ymd.m - 1, ymd.d);
  // Twice, so a day whose offset differs from the guess's (daylight saving) still lands right.
  const first = guess - zoneOffset(guess, timeZone);
  return guess - zoneOffset(first, timeZone);
}

/** yyyy-mm-dd `days` later (or earlier, when negative). */
export function addDays(isoDay: string, days: number): string {
  const ymd = parseIsoYmd(isoDay);
  if (!ymd) throw new Error(`addDays: invalid date ${isoDay}`);
  const d = new Date(Date.UTC(ymd.y, ymd.m - 1, ymd.d + days));
  return toIso({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() });
}

// ---- search ---------------------------------------------------------------------------------

export type SearchKind =
  | { kind: 'reference'; reference: string }
  | { kind: 'nik'; nik: string }
  | { kind: 'name'; text: string };

/** What a search text is: a reference code, a NIK, or (anything else) part of a name. */
export function searchKind(q: string): SearchKind {
  const ref = /^\s*ld[\s-]?([a-z0-9]{5})\s*$/i.exec(q);
  if (ref) return { kind: 'reference', reference: `LD-${ref[1]!.toUpperCase()}` };
  // NIKs are often typed grouped the way the KTP card prints them.
  const digits = q.replace(/[\s.\-]/g, '');
  if (/^\d{16}$/.test(digits)) return { kind: 'nik', nik: digits };
  return { kind: 'name', text: q.trim().replace(/\s+/g, ' ') };
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// ---- query building -------------------------------------------------------------------------

const sqlList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * The WHERE condition (without the keyword) and its named parameters for a filter, shared by the
 * queue page, the export and the counts. It ignores `after` and `limit` (paging is the caller's);
 * statuses are inlined as constants so the planner can pick the status indexes.
 * `from`/`to` are whole days in `timeZone`, both inclusive.
 */
export function buildQueueQuery(
  filter: QueueFilter,
  timeZone: string = DEFAULT_TIME_ZONE,
): { where: string; params: Record<string, unknown> } {
  const terms: string[] = [];
  const params: Record<string, unknown> = {};

  const statuses = STATUSES_OF[filter.status];
  terms.push(statuses.length === 1 ? `status = '${statuses[0]}'` : `status IN (${sqlList(statuses)})`);

  if (filter.kecamatan !== undefined) {
    terms.push('kecamatan = @kecamatan');
    params.kecamatan = filter.kecamatan;
  }
  if (filter.desa !== undefined) {
    terms.push('desa = @desa');
    params.desa = filter.desa;
  }
  if (filter.group !== undefined) {
    terms.push('group_id = @groupId');
    params.groupId = filter.group;
  }
  if (filter.cadre !== undefined) {
    terms.push('submitter_id = @submitterId');
    params.submitterId = filter.cadre;
  }
  if (filter.from !== undefined) {
    terms.push('created_at >= @fromMs');
    params.fromMs = dayStart(filter.from, timeZone);
  }
  if (filter.to !== undefined) {
    terms.push('created_at < @toMs');
    params.toMs = dayStart(addDays(filter.to, 1), timeZone);
  }
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const s = searchKind(filter.q);
    if (s.kind === 'reference') {
      terms.push('reference = @reference');
      params.reference = s.reference;
    } else if (s.kind === 'nik') {
      terms.push('nik = @nik');
      params.nik = s.nik;
      // Repeating the partial index's own condition lets SQLite use registrations_open_nik.
      if (statuses.every((st) => OPEN_STATUSES.includes(st))) terms.push(`status IN (${sqlList(OPEN_STATUSES)})`);
    } else {
      // The name starts with the text, or one of its later words does (LIKE is case-blind for ASCII).
      terms.push(`(full_name LIKE @namePrefix ESCAPE '\\' OR full_name LIKE @nameWord ESCAPE '\\')`);
      params.namePrefix = `${escapeLike(s.text)}%`;
      params.nameWord = `% ${escapeLike(s.text)}%`;
    }
  }
  return { where: terms.join(' AND '), params };
}

// ---- the queue page -------------------------------------------------------------------------

/** One line of the queue: never the full NIK. */
export interface QueueRow {
  id: number;
  reference: string;
  status: RegistrationStatus;
  fullName: string | null;
  kecamatan: string | null;
  desa: string | null;
  groupId: string | null;
  applicantId: number;
  submitterId: number;
  channel: string;
  createdAt: number;
  nikMasked: string | null;
  /** Automatic checks recorded at submission (e.g. 'unknown_region', 'quota_full'). */
  checks: string[];
}

interface QueueDbRow {
  id: number;
  reference: string;
  status: RegistrationStatus;
  full_name: string | null;
  kecamatan: string | null;
  desa: string | null;
  group_id: string | null;
  applicant_id: number;
  submitter_id: number;
  channel: string;
  created_at: number;
  nik: string | null;
  checks: string | null;
}

const statementCache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement per connection and SQL text (the WHERE varies only with the filter's shape). */
export function cachedStatement(db: Db, sql: string): Statement {
  let byText = statementCache.get(db);
  if (!byText) {
    byText = new Map();
    statementCache.set(db, byText);
  }
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (byText.size > 200) byText.clear();
    byText.set(sql, stmt);
  }
  return stmt;
}

/** The keyset condition for rows after a cursor, in ORDER BY created_at, id. */
export const AFTER_CURSOR = '(created_at, id) > (@afterCreatedAt, @afterId)';

function parseChecks(json: string | null): string[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

const QUEUE_COLUMNS = `id, reference, status, full_name, kecamatan, desa, group_id, applicant_id, submitter_id, channel,
            created_at, nik, json_extract(data, '$.checks') AS checks`;

/**
 * The two statements behind a queue page, with their parameters: the page itself (filter,
 * cursor, ORDER BY created_at, id, one row more than the limit to know whether a next page
 * exists) and the count of the whole filtered set (without the cursor).
 */
export function queueStatements(
  filter: QueueFilter,
  timeZone: string = DEFAULT_TIME_ZONE,
): { page: { sql: string; params: Record<string, unknown> }; count: { sql: string; params: Record<string, unknown> } } {
  const { where, params } = buildQueueQuery(filter, timeZone);
  const cursor = filter.after !== undefined ? decodeCursor(filter.after) : undefined;
  const pageParams: Record<string, unknown> = { ...params, limit: filter.limit + 1 };
  if (cursor) {
    pageParams.afterCreatedAt = cursor.createdAt;
    pageParams.afterId = cursor.id;
  }
  return {
    page: {
      sql: `SELECT ${QUEUE_COLUMNS} FROM registrations WHERE ${cursor ? `${where} AND ${AFTER_CURSOR}` : where}
      ORDER BY created_at, id LIMIT @limit`,
      params: pageParams,
    },
    count: { sql: `SELECT count(*) AS n FROM registrations WHERE ${where}`, params },
  };
}

/**
 * One page of the queue, oldest first (ORDER BY created_at, id), after the filter's cursor.
 * `next` is the cursor for the following page, null on the last one; `total` counts the whole
 * filtered set (regardless of the cursor).
 */
export function queuePage(
  db: Db,
  filter: QueueFilter,
  timeZone: string = DEFAULT_TIME_ZONE,
): { rows: QueueRow[]; next: string | null; total: number } {
  const { page, count } = queueStatements(filter, timeZone);
  const rows = cachedStatement(db, page.sql).all(page.params) as QueueDbRow[];
  const more = rows.length > filter.limit;
  if (more) rows.length = filter.limit;
  const last = rows[rows.length - 1];
  const total = (cachedStatement(db, count.sql).get(count.params) as { n: number }).n;

  return {
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status,
      fullName: r.full_name,
      kecamatan: r.kecamatan,
      desa: r.desa,
      groupId: r.group_id,
      applicantId: r.applicant_id,
      submitterId: r.submitter_id,
      channel: r.channel,
      createdAt: r.created_at,
      nikMasked: r.nik === null ? null : maskNik(r.nik),
      checks: parseChecks(r.checks),
    })),
    next: more && last ? encodeCursor(last.created_at, last.id) : null,
    total,
  };
}
