// The console's registration queries: the queue page, its count and the export's rows, all from
// one filter (domain/queue-filter.ts) so they always agree on which registrations are meant.
import type { Dialect, Sql } from './sql.js';
import { sqliteDialect } from './sqlite.js';
import type { FieldCipher } from './crypto.js';
import { OPEN_STATUSES, type RegistrationStatus } from '../core/types.js';
import { decodeCursor, encodeCursor, searchKind, STATUSES_OF, TEST_CHANNEL, type QueueFilter, type StatusFilter } from '../domain/queue-filter.js';
import { addDays, dayStart, DEFAULT_TIME_ZONE } from '../domain/time.js';

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// ---- query building -------------------------------------------------------------------------

const sqlList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/** A text value written into SQL as a literal (regency keys and group ids: short, but quoted safely all the same). */
const literal = (v: string): string => `'${v.replace(/'/g, "''")}'`;

/**
 * Which registrations an officer may see (console/scope.ts): those of these regencies (null: every
 * row, as in a one-regency deployment, where every row is the one regency's) and of these groups
 * (null: every group; an erased registration has no group left, so an agency's officer does not
 * see it). Inlined as literals, like the statuses, so the planner can use the regency index.
 */
export interface RowScope {
  regencies: readonly string[] | null;
  groups: readonly string[] | null;
}

/** Every registration: tools and tests (the console always passes the officer's scope). */
export const EVERY_ROW: RowScope = { regencies: null, groups: null };

/** The conditions a scope adds (none for EVERY_ROW); `alias` prefixes the columns ("r."). */
export function scopeTerms(scope: RowScope | undefined, alias = ''): string[] {
  if (!scope) return [];
  const terms: string[] = [];
  const inList = (column: string, values: readonly string[]) => (values.length === 0 ? 'FALSE' : `${alias}${column} IN (${values.map(literal).join(', ')})`);
  if (scope.regencies !== null) terms.push(inList('regency', scope.regencies));
  if (scope.groups !== null) terms.push(inList('group_id', scope.groups));
  return terms;
}

/** How a NIK typed in the search box is found: its keyed blind index (the NIK is stored sealed). */
export type NikIndex = Pick<FieldCipher, 'blindIndex'>;

/**
 * The WHERE condition (without the keyword) and its named parameters for a filter, shared by the
 * queue page, the export and the counts. It ignores `after` and `limit` (paging is the caller's);
 * statuses are inlined as constants so the planner can pick the status indexes.
 * `from`/`to` are whole days in `timeZone`, both inclusive. Test registrations (the simulator's
 * channel) are left out unless `test` asks for them. `dialect`: the database's (the name search's
 * case-insensitive LIKE; SQLite's by default, for tests that read a query plan).
 */
export function buildQueueQuery(
  filter: QueueFilter,
  timeZone: string,
  index: NikIndex,
  scope?: RowScope,
  dialect: Dialect = sqliteDialect,
): { where: string; params: Record<string, unknown> } {
  const terms: string[] = [];
  const params: Record<string, unknown> = {};

  const statuses = STATUSES_OF[filter.status];
  terms.push(statuses.length === 1 ? `status = '${statuses[0]}'` : `status IN (${sqlList(statuses)})`);

  // Test registrations (the simulator's) are left out unless asked for, or unless their very code
  // is searched for. The few test rows come from registrations_channel; every other index holds the
  // rowid, so the rest is checked without reading the table (`channel <> …` would read each row).
  const search = filter.q === undefined || filter.q.trim() === '' ? undefined : searchKind(filter.q);
  if (filter.test === 'only') terms.push(`channel = '${TEST_CHANNEL}'`);
  else if (filter.test === undefined && search?.kind !== 'reference') terms.push(`id NOT IN (SELECT id FROM registrations WHERE channel = '${TEST_CHANNEL}')`);

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
  if (search !== undefined) {
    const s = search;
    if (s.kind === 'reference') {
      terms.push('reference = @reference');
      params.reference = s.reference;
    } else if (s.kind === 'nik') {
      terms.push('nik_index = @nikIndex');
      params.nikIndex = index.blindIndex('nik', s.nik);
      // Repeating the partial index's own condition lets SQLite use registrations_open_nik.
      if (statuses.every((st) => OPEN_STATUSES.includes(st))) terms.push(`status IN (${sqlList(OPEN_STATUSES)})`);
    } else if (s.kind === 'phone') {
      terms.push('phone_index = @phoneIndex');
      params.phoneIndex = index.blindIndex('phone', s.phone);
    } else if (s.kind === 'kpj') {
      terms.push(s.phone ? '(kpj = @kpj OR phone_index = @phoneIndex)' : 'kpj = @kpj');
      params.kpj = s.kpj;
      if (s.phone) params.phoneIndex = index.blindIndex('phone', s.phone);
    } else {
      // The name starts with the text, or one of its later words does, whatever the case.
      const like = dialect.ilike;
      const name = `full_name ${like} @namePrefix ESCAPE '\\' OR full_name ${like} @nameWord ESCAPE '\\'`;
      terms.push(s.reference ? `(${name} OR reference = @reference)` : `(${name})`);
      params.namePrefix = `${escapeLike(s.text)}%`;
      params.nameWord = `% ${escapeLike(s.text)}%`;
      if (s.reference) params.reference = s.reference;
    }
  }
  terms.push(...scopeTerms(scope));
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
  /** When the person withdrew consent after approval (kept for an officer to act on). */
  consentWithdrawnAt: number | null;
  /** The regency it belongs to (its key). */
  regency: string;
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
  nik_masked: string | null;
  checks: string | null;
  consent_withdrawn_at: number | null;
  regency: string;
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

// Nothing here needs decrypting: the queue lists the masked NIK and the check codes kept beside the sealed form.
const QUEUE_COLUMNS = `id, reference, status, full_name, kecamatan, desa, group_id, applicant_id, submitter_id, channel,
            created_at, nik_masked, checks, consent_withdrawn_at, regency`;

/**
 * The two statements behind a queue page, with their parameters: the page itself (filter,
 * cursor, ORDER BY created_at, id, one row more than the limit to know whether a next page
 * exists) and the count of the whole filtered set (without the cursor).
 */
export function queueStatements(
  filter: QueueFilter,
  timeZone: string,
  index: NikIndex,
  scope?: RowScope,
  dialect: Dialect = sqliteDialect,
): { page: { sql: string; params: Record<string, unknown> }; count: { sql: string; params: Record<string, unknown> } } {
  const { where, params } = buildQueueQuery(filter, timeZone, index, scope, dialect);
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
export async function queuePage(
  sql: Sql,
  filter: QueueFilter,
  timeZone: string,
  index: NikIndex,
  scope?: RowScope,
): Promise<{ rows: QueueRow[]; next: string | null; total: number }> {
  const { page, count } = queueStatements(filter, timeZone, index, scope, sql.dialect);
  const rows = await sql.all<QueueDbRow>(page.sql, page.params);
  const more = rows.length > filter.limit;
  if (more) rows.length = filter.limit;
  const last = rows[rows.length - 1];
  const total = (await sql.get<{ n: number }>(count.sql, count.params))?.n ?? 0;

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
      nikMasked: r.nik_masked,
      checks: parseChecks(r.checks),
      consentWithdrawnAt: r.consent_withdrawn_at,
      regency: r.regency,
    })),
    next: more && last ? encodeCursor(last.created_at, last.id) : null,
    total,
  };
}

/**
 * How many registrations of each status of `within` match the filter's other fields (its own
 * status, `after` and `limit` aside): the figures on the queue's status tabs.
 */
export async function statusCounts(
  sql: Sql,
  filter: QueueFilter,
  within: StatusFilter,
  timeZone: string,
  index: NikIndex,
  scope?: RowScope,
): Promise<Partial<Record<RegistrationStatus, number>>> {
  const statement = statusCountsStatement(filter, within, timeZone, index, scope, sql.dialect);
  const rows = await sql.all<{ status: RegistrationStatus; n: number }>(statement.sql, statement.params);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** The statement behind statusCounts, with its parameters (tests read its query plan). */
export function statusCountsStatement(
  filter: QueueFilter,
  within: StatusFilter,
  timeZone: string,
  index: NikIndex,
  scope?: RowScope,
  dialect: Dialect = sqliteDialect,
): { sql: string; params: Record<string, unknown> } {
  const { where, params } = buildQueueQuery({ ...filter, status: within }, timeZone, index, scope, dialect);
  return { sql: `SELECT status, count(*) AS n FROM registrations WHERE ${where} GROUP BY status`, params };
}

/** One registration as the export reads it (the whole record, NIK included). */
export interface ExportRecord {
  id: number;
  reference: string;
  status: RegistrationStatus;
  created_at: number;
  nik: string | null;
  full_name: string | null;
  data: string | null;
  kecamatan: string | null;
  desa: string | null;
  group_id: string | null;
  officer_note: string | null;
  reject_reason: string | null;
  kpj: string | null;
  consent_withdrawn_at: number | null;
  /** The regency it belongs to (its key). */
  regency: string;
}

/** Rows fetched per query: each batch is read completely before any row is handed out. */
const BATCH = 500;

/**
 * Every registration matching the filter (its `after` and `limit` are ignored), oldest first.
 *
 * Lazy and flat in memory: rows are read in keyset batches of 500 (created_at, id), each its own
 * short query, rather than one long read: the consumer awaits the network between rows, and no
 * cursor or transaction stays open meanwhile to hold back the bot's own writes. A row changing
 * status mid-export may be in or out; none is repeated (created_at never changes).
 */
export async function* exportRecords(
  sql: Sql,
  filter: QueueFilter,
  timeZone: string,
  cipher: Pick<FieldCipher, 'blindIndex' | 'decryptNullable'>,
  scope?: RowScope,
): AsyncGenerator<ExportRecord, void, undefined> {
  const { where, params } = buildQueueQuery(filter, timeZone, cipher, scope, sql.dialect);
  const cols = 'id, reference, status, created_at, full_name, data, kecamatan, desa, group_id, officer_note, reject_reason, kpj, consent_withdrawn_at, regency';
  // Each row is opened as it is handed out: the sealed form and its note, the NIK read from the form.
  const open = (r: ExportRecord): ExportRecord => {
    const data = cipher.decryptNullable(r.data);
    let nik: string | null = null;
    try {
      nik = data === null ? null : ((JSON.parse(data) as { nik?: string }).nik ?? null);
    } catch {
      nik = null;
    }
    return { ...r, data, nik, officer_note: cipher.decryptNullable(r.officer_note) };
  };
  const first = `SELECT ${cols} FROM registrations WHERE ${where} ORDER BY created_at, id LIMIT ${BATCH}`;
  const next = `SELECT ${cols} FROM registrations WHERE ${where} AND ${AFTER_CURSOR} ORDER BY created_at, id LIMIT ${BATCH}`;
  let batch = await sql.all<ExportRecord>(first, params);
  while (batch.length > 0) {
    for (const r of batch) yield open(r);
    if (batch.length < BATCH) break;
    const last = batch[batch.length - 1]!;
    batch = await sql.all<ExportRecord>(next, { ...params, afterCreatedAt: last.created_at, afterId: last.id });
  }
}

/** Withdrawals waiting for an officer (storage/withdrawals.ts says the same), within a scope. */
const PENDING_WITHDRAWAL = "consent_withdrawn_at IS NOT NULL AND withdrawal_reviewed_at IS NULL AND status <> 'deleted'";

/** The queue's queries bound to one connection and its cipher (what the console is given); `scope`: the officer's (none: every row). */
export function createQueueQueries(sql: Sql, cipher: FieldCipher) {
  const where = (scope: RowScope | undefined, ...terms: string[]) => [...terms, ...scopeTerms(scope)].join(' AND ');
  return {
    page: (filter: QueueFilter, timeZone: string = DEFAULT_TIME_ZONE, scope?: RowScope) => queuePage(sql, filter, timeZone, cipher, scope),
    counts: (filter: QueueFilter, within: StatusFilter, timeZone: string = DEFAULT_TIME_ZONE, scope?: RowScope) =>
      statusCounts(sql, filter, within, timeZone, cipher, scope),
    /** Read in batches as the caller goes (`for await`). */
    exportRecords: (filter: QueueFilter, timeZone: string = DEFAULT_TIME_ZONE, scope?: RowScope): AsyncIterable<ExportRecord> =>
      exportRecords(sql, filter, timeZone, cipher, scope),
    /** How many other registrations (any status) carry this NIK, among those the scope sees (the detail page's duplicate check). */
    sameNikCount: async (nik: string, exceptId: number, scope?: RowScope): Promise<number> =>
      (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM registrations WHERE ${where(scope, 'nik_index = ?', 'id <> ?')}`, [cipher.blindIndex('nik', nik), exceptId]))
        ?.n ?? 0,
    /** The oldest withdrawals of consent waiting for an officer within the scope, and how many wait in all (the queue's notice). */
    pendingWithdrawals: async (limit: number, scope?: RowScope): Promise<{ rows: { id: number; reference: string }[]; total: number }> => ({
      rows: await sql.all<{ id: number; reference: string }>(
        `SELECT id, reference FROM registrations WHERE ${where(scope, PENDING_WITHDRAWAL)} ORDER BY consent_withdrawn_at, id LIMIT ?`,
        [limit],
      ),
      total: (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM registrations WHERE ${where(scope, PENDING_WITHDRAWAL)}`))?.n ?? 0,
    }),
  };
}

export type QueueQueries = ReturnType<typeof createQueueQueries>;
