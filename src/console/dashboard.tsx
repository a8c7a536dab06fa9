/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { keyIn } from '../core/locale-key.js';
import { computeBpuContribution } from '../domain/contribution.js';
import { coverageProgress, programmeCost, targetGroupIds } from '../domain/programme-cost.js';
import { addDays, dayIn } from '../domain/time.js';
import { nextMonth } from '../storage/stats.js';
import type { ConsoleEnv } from './auth.js';
import { weekLabel } from './charts.js';
import type { RouteDeps } from './deps.js';
import { groupLabel, statusLabel, unfilledLabel } from './labels.js';
import { unfilledSettings } from '../settings.js';
import { pageBase } from './layout.js';
import { DashboardPage, type PriceBasis } from './pages/dashboard.js';
import { ReportPage } from './pages/report.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month before yyyy-mm. */
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const monthName = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The dashboard for the head of office (totals, coverage against the regency's target, the yearly
 * cost of the members it pays against its budget, and where and when registrations come from) and
 * a printable monthly report. Test registrations from the chat simulator count nowhere.
 */
export function dashboardRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { settings, t, timeZone, clock, app } = deps;
  const { stats } = deps.store;
  const { rates } = app;
  const label = (id: string | null) => (id === null ? t('console.report.erased') : groupLabel(settings, id));
  const targetGroups = targetGroupIds(settings).map((id) => groupLabel(settings, id));

  /** The contribution a regency-paid member costs today, as the note under the cost table explains it. */
  const basisOn = (today: string): PriceBasis => {
    const c = computeBpuContribution(rates, { income: rates.bpu.minIncome, date: today, transport: false, governmentPays: true });
    // The rates file names the BPU regulation first ("Permenaker 5/2021; PP 44/2015 as amended…"):
    // that one sets these contributions, and its name reads the same in Indonesian.
    const source = rates.bpu.source.split(';')[0]!.trim();
    return { floor: rates.bpu.minIncome, jkk: c.jkk, jkm: c.jkm, source, from: rates.bpu.effectiveFrom };
  };

  web.get('/dashboard', (c) => {
    const now = clock();
    const today = dayIn(timeZone, now);
    const byStatus = stats.totalsByStatus();
    const n = (s: string) => byStatus.find((x) => x.status === s)?.count ?? 0;
    const coverage = stats.coverageByGroup(settings);
    const covered = new Map(coverage.map((g) => [g.groupId, g.approvedOrRegistered]));
    return c.html(
      <DashboardPage
        {...pageBase(c, t, timeZone)}
        unfilled={unfilledSettings(settings).map((u) => unfilledLabel(t, u))}
        f={{
          totals: {
            all: byStatus.filter((s) => s.status !== 'deleted').reduce((sum, s) => sum + s.count, 0),
            waiting: n('submitted'),
            correction: n('needs_correction'),
            covered: n('approved') + n('registered'),
            rejected: n('rejected'),
          },
          byStatus: byStatus.filter((s) => s.status !== 'deleted').map((s) => ({ label: statusLabel(t, s.status), value: s.count })),
          coverage,
          target: coverageProgress(settings, covered),
          targetGroups,
          cost: programmeCost(settings, rates, covered, today),
          basis: basisOn(today),
          areas: stats.byKecamatan().map((a) => ({ label: a.kecamatan, value: a.count })),
          weeks: stats.perWeek(12, now, timeZone).map((w) => ({ label: weekLabel(w.weekStart), value: w.count })),
          cadres: stats.topCadres(10).map((k) => ({ label: t('console.dashboard.cadre_item', { role: t(keyIn('cadre.role.', k.role)), desa: k.desa }), value: k.count })),
          month: today.slice(0, 7),
        }}
      />,
    );
  });

  web.get('/dashboard/report', (c) => {
    const now = clock();
    const today = dayIn(timeZone, now);
    const thisMonth = today.slice(0, 7);
    const asked = c.req.query('month') ?? '';
    // A later month has nothing yet: it shows this one.
    const month = MONTH.test(asked) && asked <= thisMonth ? asked : thisMonth;
    const current = month === thisMonth;
    const figures = stats.monthFigures(month, timeZone);
    const end = current ? now : figures.to;
    const covered = stats.coveredAt(end);
    const known = new Set(settings.groups.map((g) => g.id));
    const coverage = [
      ...settings.groups.map((g) => ({ label: g.label.id, covered: covered.get(g.id) ?? 0, quota: g.quota ?? null })),
      ...[...covered].filter(([id]) => !known.has(id)).map(([id, n]) => ({ label: id, covered: n, quota: null })),
    ];
    const [y, m] = month.split('-').map(Number) as [number, number];
    return c.html(
      <ReportPage
        {...pageBase(c, t, timeZone)}
        r={{
          month,
          monthName: monthName.format(Date.UTC(y, m - 1, 1)),
          prev: previousMonth(month),
          next: current ? null : nextMonth(month),
          asOf: current ? today : addDays(`${nextMonth(month)}-01`, -1),
          current,
          regency: settings.regency.name,
          figures,
          groupLabel: label,
          coverage,
          target: coverageProgress(settings, covered),
          targetGroups,
          cost: programmeCost(settings, rates, covered, today),
          basis: basisOn(today),
          today,
          now,
        }}
      />,
    );
  });
  return web;
}
