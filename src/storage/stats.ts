// Dashboard figures for the officer console. Each query is answered from an index.
// Registrations made in the console's chat simulator (TEST_CHANNEL) are tests: no figure here
// counts them.
import type { Sql } from './sql.js';
import type { RegistrationStatus } from '../core/types.js';
import type { ProgrammeSettings } from '../settings.js';
import { TEST_CHANNEL } from '../domain/queue-filter.js';
import { addDays, dayIn, dayStart, DEFAULT_TIME_ZONE, isoWeekStart } from '../domain/time.js';
import { scopeTerms, type RowScope } from './queue.js';

const ALL_STATUSES: readonly RegistrationStatus[] = ['submitted', 'needs_correction', 'approved', 'registered', 'rejected', 'deleted'];

/** The condition that leaves out the simulator's test registrations (the queue marks them the same way). */
export const NOT_SIMULATED = `channel <> '${TEST_CHANNEL}'`;

/** 1 for each row that meets `condition` (a sum of them counts it: PostgreSQL sums no booleans). */
const one = (condition: string): string => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;

// Grouped rows come ordered where their order shows (SQLite's GROUP BY sorted them, PostgreSQL's
// need not), NULL first as SQLite puts it (PostgreSQL's default puts it last).

/** ` AND …` for the officer's scope (storage/queue.ts RowScope; none: every row), columns prefixed with `alias`. */
const within = (scope: RowScope | undefined, alias = ''): string => scopeTerms(scope, alias).map((t) => ` AND ${t}`).join('');

/** How many registrations are in each status: every status, in workflow order, 0 when none. */
export async function totalsByStatus(sql: Sql, scope?: RowScope): Promise<{ status: RegistrationStatus; count: number }[]> {
  const rows = await sql.all<{ status: RegistrationStatus; n: number }>(
    `SELECT status, count(*) AS n FROM registrations WHERE ${NOT_SIMULATED}${within(scope)} GROUP BY status`,
  );
  const counts = new Map(rows.map((r) => [r.status, r.n]));
  return ALL_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

export interface GroupCoverage {
  groupId: string;
  /** The group's Indonesian label (its id for a group no longer in the settings). */
  label: string;
  quota: number | null;
  /** Approved or registered: the places taken. */
  approvedOrRegistered: number;
  /** Submitted or waiting for a correction. */
  open: number;
  /** approvedOrRegistered / quota in %, one decimal; null without a quota. */
  percent: number | null;
}

/**
 * Quota coverage per group, in the settings' order; groups found in the data but no longer in
 * the settings come last, without a quota.
 */
export async function coverageByGroup(sql: Sql, settings: Pick<ProgrammeSettings, 'groups'>, scope?: RowScope): Promise<GroupCoverage[]> {
  const rows = await sql.all<{ group_id: string; taken: number; open: number }>(
    `SELECT group_id,
            sum(${one("status IN ('approved', 'registered')")}) AS taken,
            sum(${one("status IN ('submitted', 'needs_correction')")}) AS open
       FROM registrations WHERE group_id IS NOT NULL AND ${NOT_SIMULATED}${within(scope)} GROUP BY group_id ORDER BY group_id`,
  );
  const counts = new Map(rows.map((r) => [r.group_id, r]));
  const make = (groupId: string, label: string, quota: number | null): GroupCoverage => {
    const c = counts.get(groupId);
    const taken = c?.taken ?? 0;
    return {
      groupId,
      label,
      quota,
      approvedOrRegistered: taken,
      open: c?.open ?? 0,
      percent: quota ? Math.round((taken / quota) * 1000) / 10 : null,
    };
  };
  // An agency's officer sees their groups only.
  const shown = scope?.groups ? settings.groups.filter((g) => scope.groups!.includes(g.id)) : settings.groups;
  const out = shown.map((g) => make(g.id, g.label.id, g.quota ?? null));
  const known = new Set(settings.groups.map((g) => g.id));
  for (const r of rows) if (!known.has(r.group_id)) out.push(make(r.group_id, r.group_id, null));
  return out;
}

/** One regency's registrations per group: places taken (approved or registered) and open ones. */
export interface RegencyCounts {
  /** Approved or registered, per group id. */
  covered: Map<string, number>;
  /** Submitted or waiting for a correction, all groups. */
  open: number;
}

/** Per regency (key) in the scope: covered per group and open registrations (the combined dashboard's rows). */
export async function countsByRegency(sql: Sql, scope?: RowScope): Promise<Map<string, RegencyCounts>> {
  const rows = await sql.all<{ regency: string; group_id: string | null; taken: number; open: number }>(
    `SELECT regency, group_id,
            sum(${one("status IN ('approved', 'registered')")}) AS taken,
            sum(${one("status IN ('submitted', 'needs_correction')")}) AS open
       FROM registrations WHERE status <> 'deleted' AND ${NOT_SIMULATED}${within(scope)}
      GROUP BY regency, group_id ORDER BY regency, group_id NULLS FIRST`,
  );
  const out = new Map<string, RegencyCounts>();
  for (const r of rows) {
    const c = out.get(r.regency) ?? { covered: new Map<string, number>(), open: 0 };
    if (r.group_id !== null && r.taken > 0) c.covered.set(r.group_id, (c.covered.get(r.group_id) ?? 0) + r.taken);
    c.open += r.open;
    out.set(r.regency, c);
  }
  return out;
}

/** Registrations per kecamatan (every status but deleted), most first, then by name. */
export function byKecamatan(sql: Sql, scope?: RowScope): Promise<{ kecamatan: string; count: number }[]> {
  return sql.all<{ kecamatan: string; count: number }>(
    `SELECT kecamatan, count(*) AS count FROM registrations
      WHERE status <> 'deleted' AND kecamatan IS NOT NULL AND ${NOT_SIMULATED}${within(scope)}
      GROUP BY kecamatan ORDER BY count DESC, kecamatan`,
  );
}

/**
 * Submissions per ISO week (Monday to Sunday in the regency's time zone) for the last `weeks`
 * weeks, the current one included, oldest first, weeks without any counted as 0. Every
 * registration created counts, including ones later deleted.
 */
export async function perWeek(
  sql: Sql,
  weeks = 12,
  now: number = Date.now(),
  timeZone: string = DEFAULT_TIME_ZONE,
  scope?: RowScope,
): Promise<{ weekStart: string; count: number }[]> {
  const current = isoWeekStart(dayIn(timeZone, now));
  const count = `SELECT count(*) AS n FROM registrations WHERE created_at >= ? AND created_at < ? AND ${NOT_SIMULATED}${within(scope)}`;
  const out: { weekStart: string; count: number }[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const weekStart = addDays(current, -7 * w);
    const from = dayStart(weekStart, timeZone);
    const to = dayStart(addDays(weekStart, 7), timeZone);
    out.push({ weekStart, count: (await sql.get<{ n: number }>(count, [from, to]))?.n ?? 0 });
  }
  return out;
}

export interface CadreActivity {
  personId: number;
  desa: string;
  kecamatan: string;
  role: string;
  /** Registrations the cadre submitted that still exist (not deleted). */
  count: number;
}

/** The cadres who submitted the most registrations (deleted ones not counted). */
export function topCadres(sql: Sql, limit = 10, scope?: RowScope): Promise<CadreActivity[]> {
  // A cadre's other columns are grouped too (one row per person_id all the same): PostgreSQL wants them named.
  return sql.all<CadreActivity>(
    `SELECT c.person_id AS "personId", c.desa, c.kecamatan, c.role, count(*) AS count
       FROM cadres c JOIN registrations r ON r.submitter_id = c.person_id
      WHERE r.status <> 'deleted' AND r.${NOT_SIMULATED}${within(scope, 'r.')}
      GROUP BY c.person_id, c.desa, c.kecamatan, c.role ORDER BY count DESC, c.person_id LIMIT ?`,
    [limit],
  );
}

/** The decisions a monthly report counts, as the statuses they lead to. */
export const DECISIONS = ['approved', 'needs_correction', 'rejected', 'registered'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * People covered (approved or registered) per group at instant `at`: each registration in the
 * status its history gives it then (its last event with a status before `at`), so a past month's
 * report keeps its figures after later decisions. Erased registrations have no group any more.
 */
export async function coveredAt(sql: Sql, at: number, scope?: RowScope): Promise<Map<string, number>> {
  const total = new Map<string, number>();
  for (const groups of (await coveredAtByRegency(sql, at, scope)).values()) for (const [g, n] of groups) total.set(g, (total.get(g) ?? 0) + n);
  return total;
}

/** coveredAt per regency (key → group id → people covered at `at`): the combined report's rows. */
export async function coveredAtByRegency(sql: Sql, at: number, scope?: RowScope): Promise<Map<string, Map<string, number>>> {
  const rows = await sql.all<{ regency: string; groupId: string; n: number }>(
    `SELECT r.regency, r.group_id AS "groupId", count(*) AS n FROM registrations r
      WHERE r.created_at < @at AND r.group_id IS NOT NULL AND r.${NOT_SIMULATED}${within(scope, 'r.')}
        AND (SELECT e.to_status FROM registration_events e
              WHERE e.registration_id = r.id AND e.to_status IS NOT NULL AND e.at < @at
              ORDER BY e.at DESC, e.id DESC LIMIT 1) IN ('approved', 'registered')
      GROUP BY r.regency, r.group_id ORDER BY r.regency, r.group_id`,
    { at },
  );
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) out.set(r.regency, (out.get(r.regency) ?? new Map<string, number>()).set(r.groupId, r.n));
  return out;
}

export interface MonthFigures {
  /** yyyy-mm */
  month: string;
  /** The month's first instant and the next month's, in the regency's time zone. */
  from: number;
  to: number;
  /** Registrations sent during the month (deleted ones included: they were sent). */
  newTotal: number;
  /** Of those, sent by a cadre for a neighbour. */
  newByCadre: number;
  newByGroup: { groupId: string | null; count: number }[];
  newByKecamatan: { kecamatan: string | null; count: number }[];
  /** New registrations per regency (key). */
  newByRegency: { regency: string; count: number }[];
  /** Registrations an officer moved to each status during the month (each counted once per status; undone decisions not at all). */
  decisions: Record<Decision, number>;
}

/** The first day (yyyy-mm-01) of the month after yyyy-mm. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** New registrations and officers' decisions in one calendar month (yyyy-mm) of the regency's time zone. */
export async function monthFigures(sql: Sql, month: string, timeZone: string = DEFAULT_TIME_ZONE, scope?: RowScope): Promise<MonthFigures> {
  const from = dayStart(`${month}-01`, timeZone);
  const to = dayStart(`${nextMonth(month)}-01`, timeZone);
  const inMonth = `created_at >= @from AND created_at < @to AND ${NOT_SIMULATED}${within(scope)}`;
  const totals = (await sql.get<{ total: number; byCadre: number }>(
    `SELECT count(*) AS total, COALESCE(sum(${one('submitter_id <> applicant_id')}), 0) AS "byCadre" FROM registrations WHERE ${inMonth}`,
    { from, to },
  ))!;
  const byGroup = await sql.all<{ groupId: string | null; count: number }>(
    `SELECT group_id AS "groupId", count(*) AS count FROM registrations WHERE ${inMonth} GROUP BY group_id ORDER BY count DESC, group_id NULLS FIRST`,
    { from, to },
  );
  const byKecamatan = await sql.all<{ kecamatan: string | null; count: number }>(
    `SELECT kecamatan, count(*) AS count FROM registrations WHERE ${inMonth} GROUP BY kecamatan ORDER BY count DESC, kecamatan NULLS FIRST`,
    { from, to },
  );
  const byRegency = await sql.all<{ regency: string; count: number }>(
    `SELECT regency, count(*) AS count FROM registrations WHERE ${inMonth} GROUP BY regency ORDER BY count DESC, regency`,
    { from, to },
  );
  const decided = await sql.all<{ status: Decision; n: number }>(
    `SELECT e.to_status AS status, count(DISTINCT e.registration_id) AS n
       FROM registration_events e JOIN registrations r ON r.id = e.registration_id
      WHERE e.at >= @from AND e.at < @to AND e.action = 'status_changed' AND e.actor_kind = 'officer'
        AND e.to_status IN (${DECISIONS.map((d) => `'${d}'`).join(', ')}) AND r.${NOT_SIMULATED}${within(scope, 'r.')}
        -- A decision the officer undid within its window (app/decisions.ts) was never made.
        AND coalesce((SELECT n.action FROM registration_events n
                       WHERE n.registration_id = e.registration_id AND n.to_status IS NOT NULL AND (n.at, n.id) > (e.at, e.id)
                       ORDER BY n.at, n.id LIMIT 1), '') <> 'decision_undone'
      GROUP BY e.to_status`,
    { from, to },
  );
  const decisions = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
  for (const r of decided) decisions[r.status] = r.n;
  return { month, from, to, newTotal: totals.total, newByCadre: totals.byCadre, newByGroup: byGroup, newByKecamatan: byKecamatan, newByRegency: byRegency, decisions };
}

/** The dashboard's figures bound to one connection (what the console is given); `scope`: the officer's (none: every row). */
export function createStats(sql: Sql) {
  return {
    totalsByStatus: (scope?: RowScope) => totalsByStatus(sql, scope),
    coverageByGroup: (settings: Pick<ProgrammeSettings, 'groups'>, scope?: RowScope) => coverageByGroup(sql, settings, scope),
    countsByRegency: (scope?: RowScope) => countsByRegency(sql, scope),
    byKecamatan: (scope?: RowScope) => byKecamatan(sql, scope),
    perWeek: (weeks?: number, now?: number, timeZone?: string, scope?: RowScope) => perWeek(sql, weeks, now, timeZone, scope),
    topCadres: (limit?: number, scope?: RowScope) => topCadres(sql, limit, scope),
    coveredAt: (at: number, scope?: RowScope) => coveredAt(sql, at, scope),
    coveredAtByRegency: (at: number, scope?: RowScope) => coveredAtByRegency(sql, at, scope),
    monthFigures: (month: string, timeZone?: string, scope?: RowScope) => monthFigures(sql, month, timeZone, scope),
  };
}

export type Stats = ReturnType<typeof createStats>;
