import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/storage/sql.js';
import { dayIn, isoWeekStart } from '../../src/domain/time.js';
import type { RegistrationStatus } from '../../src/core/types.js';
import { byKecamatan, coverageByGroup, perWeek, topCadres, totalsByStatus } from '../../src/storage/stats.js';
import { seedRegistrations, type SeedResult } from '../helpers/seed.js';
import { freshStore, type FreshStore } from '../helpers/stores.js';

const TZ = 'Asia/Makassar';
// Monday 2026-11-30, 12:00 WITA.
const NOW = Date.UTC(2026, 10, 30, 4, 0, 0);

let db: FreshStore;
let sql: Sql;
let seed: SeedResult;

beforeAll(async () => {
  db = await freshStore();
  sql = db.sql;
  seed = await seedRegistrations(sql, 300, {
    now: NOW,
    cadres: 5,
    cadreShare: 0.4,
    // A group since removed from the settings still shows on the dashboard.
    tweak: (data, i) => {
      if (i % 50 === 0) data.groupId = 'lama';
    },
  });
});
afterAll(() => db.close());

const count = <T>(xs: readonly T[], pred: (x: T) => boolean): number => xs.filter(pred).length;

describe('dashboard figures', () => {
  it('counts registrations by status', async () => {
    const statuses: RegistrationStatus[] = ['submitted', 'needs_correction', 'approved', 'registered', 'rejected', 'deleted'];
    expect(await totalsByStatus(sql)).toEqual(statuses.map((status) => ({ status, count: count(seed.rows, (r) => r.status === status) })));
    expect((await totalsByStatus(sql)).reduce((s, t) => s + t.count, 0)).toBe(300);
  });

  it('reports every status even on an empty database', async () => {
    const emptyDb = await freshStore();
    const empty = emptyDb.sql;
    try {
      expect((await totalsByStatus(empty)).map((t) => t.count)).toEqual([0, 0, 0, 0, 0, 0]);
      expect(await byKecamatan(empty)).toEqual([]);
      expect(await topCadres(empty)).toEqual([]);
      expect((await perWeek(empty, 4, NOW, TZ)).map((w) => w.count)).toEqual([0, 0, 0, 0]);
      expect((await coverageByGroup(empty, seed.settings)).every((g) => g.approvedOrRegistered === 0 && g.open === 0)).toBe(true);
    } finally {
      await emptyDb.close();
    }
  });

  it('measures coverage against each quota', async () => {
    const coverage = await coverageByGroup(sql, seed.settings);
    expect(coverage.map((g) => g.groupId)).toEqual([...seed.settings.groups.map((g) => g.id), 'lama']);
    for (const g of coverage) {
      const setting = seed.settings.groups.find((s) => s.id === g.groupId);
      const rows = seed.rows.filter((r) => r.groupId === g.groupId);
      const taken = count(rows, (r) => r.status === 'approved' || r.status === 'registered');
      const open = count(rows, (r) => r.status === 'submitted' || r.status === 'needs_correction');
      expect(g).toEqual({
        groupId: g.groupId,
        label: setting?.label.id ?? g.groupId,
        quota: setting?.quota ?? null,
        approvedOrRegistered: taken,
        open,
        percent: setting?.quota ? Math.round((taken / setting.quota) * 1000) / 10 : null,
      });
    }
    expect(coverage.find((g) => g.groupId === 'mandiri')).toMatchObject({ quota: null, percent: null });
    expect(coverage.find((g) => g.groupId === 'bpd')!.quota).toBe(300);
  });

  it('counts registrations per kecamatan, deleted ones left out', async () => {
    const want = new Map<string, number>();
    for (const r of seed.rows) if (r.status !== 'deleted') want.set(r.kecamatan!, (want.get(r.kecamatan!) ?? 0) + 1);
    const got = await byKecamatan(sql);
    expect(new Map(got.map((k) => [k.kecamatan, k.count]))).toEqual(want);
    for (let i = 1; i < got.length; i++) expect(got[i - 1]!.count).toBeGreaterThanOrEqual(got[i]!.count);
  });

  it('counts submissions per ISO week in the regency time zone', async () => {
    const weeks = await perWeek(sql, 12, NOW, TZ);
    expect(weeks).toHaveLength(12);
    expect(weeks[11]!.weekStart).toBe('2026-11-30');
    expect(weeks[0]!.weekStart).toBe('2026-09-14');
    for (const w of weeks) expect(new Date(`${w.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    const want = new Map<string, number>();
    for (const r of seed.rows) {
      const week = isoWeekStart(dayIn(TZ, r.createdAt));
      want.set(week, (want.get(week) ?? 0) + 1);
    }
    for (const w of weeks) expect(w.count, w.weekStart).toBe(want.get(w.weekStart) ?? 0);
    // The seed spans 120 days: some rows are older than the twelve weeks shown.
    expect(weeks.reduce((s, w) => s + w.count, 0)).toBeLessThan(300);
    expect(weeks.reduce((s, w) => s + w.count, 0)).toBeGreaterThan(150);
  });

  it('finds the Monday of a week', () => {
    expect(isoWeekStart('2026-11-30')).toBe('2026-11-30'); // Monday
    expect(isoWeekStart('2026-12-06')).toBe('2026-11-30'); // Sunday
    expect(isoWeekStart('2027-01-01')).toBe('2026-12-28'); // across the year
    expect(isoWeekStart('2024-03-03')).toBe('2024-02-26'); // across a leap day
  });

  it('splits weeks at local midnight, not UTC', async () => {
    const local = await freshStore();
    try {
      // Sunday 2026-11-29 23:30 WITA and Monday 2026-11-30 00:30 WITA (both 2026-11-29 in UTC).
      await seedRegistrations(local.sql, 1, { now: Date.UTC(2026, 10, 29, 15, 30), spanDays: 0.0001, cadres: 0 });
      await seedRegistrations(local.sql, 1, { now: Date.UTC(2026, 10, 29, 16, 30), spanDays: 0.0001, cadres: 0, startIndex: 1 });
      expect(await perWeek(local.sql, 2, NOW, TZ)).toEqual([
        { weekStart: '2026-11-23', count: 1 },
        { weekStart: '2026-11-30', count: 1 },
      ]);
      expect(await perWeek(local.sql, 2, NOW, 'UTC')).toEqual([
        { weekStart: '2026-11-23', count: 2 },
        { weekStart: '2026-11-30', count: 0 },
      ]);
    } finally {
      await local.close();
    }
  });

  it('ranks the cadres by submissions', async () => {
    const got = await topCadres(sql, 10);
    const want = seed.cadres
      .map((c) => ({ ...c, count: count(seed.rows, (r) => r.submitterId === c.personId && r.status !== 'deleted') }))
      .filter((c) => c.count > 0)
      .sort((a, b) => b.count - a.count || a.personId - b.personId);
    expect(got).toEqual(want.map((c) => ({ personId: c.personId, desa: c.desa, kecamatan: c.kecamatan, role: c.role, count: c.count })));
    expect(await topCadres(sql, 2)).toEqual(got.slice(0, 2));
    expect(got.length).toBeGreaterThan(2);
  });
});
