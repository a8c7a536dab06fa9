// Dashboard figures for the officer console. Each query is answered from an index.
import type { Db } from './db.js';
import type { RegistrationStatus } from '../core/types.js';
import type { ProgrammeSettings } from '../settings.js';
import { addDays, dayIn, dayStart, DEFAULT_TIME_ZONE, isoWeekStart } from '../domain/time.js';
import { cachedStatement } from './statements.js';

const ALL_STATUSES: readonly RegistrationStatus[] = ['submitted', 'needs_correction', 'approved', 'registered', 'rejected', 'deleted'];

/** How many registrations are in each status: every status, in workflow order, 0 when none. */
export function totalsByStatus(db: Db): { status: RegistrationStatus; count: number }[] {
  const rows = cachedStatement(db, 'SELECT status, count(*) AS n FROM registrations GROUP BY status').all() as {
    status: RegistrationStatus;
    n: number;
  }[];
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
export function coverageByGroup(db: Db, settings: Pick<ProgrammeSettings, 'groups'>): GroupCoverage[] {
  const rows = cachedStatement(
    db,
    `SELECT group_id,
            sum(status IN ('approved', 'registered')) AS taken,
            sum(status IN ('submitted', 'needs_correction')) AS open
       FROM registrations WHERE group_id IS NOT NULL GROUP BY group_id`,
  ).all() as { group_id: string; taken: number; open: number }[];
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
  const out = settings.groups.map((g) => make(g.id, g.label.id, g.quota ?? null));
  const known = new Set(settings.groups.map((g) => g.id));
  for (const r of rows) if (!known.has(r.group_id)) out.push(make(r.group_id, r.group_id, null));
  return out;
}

/** Registrations per kecamatan (every status but deleted), most first, then by name. */
export function byKecamatan(db: Db): { kecamatan: string; count: number }[] {
  return cachedStatement(
    db,
    `SELECT kecamatan, count(*) AS count FROM registrations
      WHERE status <> 'deleted' AND kecamatan IS NOT NULL
      GROUP BY kecamatan ORDER BY count DESC, kecamatan`,
  ).all() as { kecamatan: string; count: number }[];
}

/**
 * Submissions per ISO week (Monday to Sunday in the regency's time zone) for the last `weeks`
 * weeks, the current one included, oldest first, weeks without any counted as 0. Every
 * registration created counts, including ones later deleted.
 */
export function perWeek(
  db: Db,
  weeks = 12,
  now: number = Date.now(),
  timeZone: string = DEFAULT_TIME_ZONE,
): { weekStart: string; count: number }[] {
  const current = isoWeekStart(dayIn(timeZone, now));
  const count = cachedStatement(db, 'SELECT count(*) AS n FROM registrations WHERE created_at >= ? AND created_at < ?');
  const out: { weekStart: string; count: number }[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const weekStart = addDays(current, -7 * w);
    const from = dayStart(weekStart, timeZone);
    const to = dayStart(addDays(weekStart, 7), timeZone);
    out.push({ weekStart, count: (count.get(from, to) as { n: number }).n });
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
export function topCadres(db: Db, limit = 10): CadreActivity[] {
  return cachedStatement(
    db,
    `SELECT c.person_id AS personId, c.desa, c.kecamatan, c.role, count(*) AS count
       FROM cadres c JOIN registrations r ON r.submitter_id = c.person_id
      WHERE r.status <> 'deleted'
      GROUP BY c.person_id ORDER BY count DESC, c.person_id LIMIT ?`,
  ).all(limit) as CadreActivity[];
}

/** The dashboard's figures bound to one connection (what the console is given). */
export function createStats(db: Db) {
  return {
    totalsByStatus: () => totalsByStatus(db),
    coverageByGroup: (settings: Pick<ProgrammeSettings, 'groups'>) => coverageByGroup(db, settings),
    byKecamatan: () => byKecamatan(db),
    perWeek: (weeks?: number, now?: number, timeZone?: string) => perWeek(db, weeks, now, timeZone),
    topCadres: (limit?: number) => topCadres(db, limit),
  };
}

export type Stats = ReturnType<typeof createStats>;
