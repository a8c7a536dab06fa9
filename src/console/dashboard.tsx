/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { PassThrough } from 'node:stream';
import { keyIn } from '../core/locale-key.js';
import { computeBpuContribution } from '../domain/contribution.js';
import { coverageProgress, programmeCost, targetGroupIds } from '../domain/programme-cost.js';
import { addDays, dayIn } from '../domain/time.js';
import { nextMonth } from '../storage/stats.js';
import type { RowScope } from '../storage/queue.js';
import type { ConsoleEnv } from './auth.js';
import { weekLabel } from './charts.js';
import type { RouteDeps } from './deps.js';
import { writeCsv, writeXlsx, type ExportColumn } from './export.js';
import { groupLabel, statusLabel, unfilledLabel } from './labels.js';
import { unfilledSettings } from '../settings.js';
import { pageBase, type ConsoleContext } from './layout.js';
import { CombinedDashboardPage, DashboardPage, type PriceBasis } from './pages/dashboard.js';
import { ReportPage } from './pages/report.js';
import { figuresTable } from './pages/regencies.js';
import { regencyFigures } from './regency-figures.js';
import { reportedFigures } from './reported-figures.js';
import { askedRegency, groupsIn, notFoundPage, rowScope, scopedRegencies, scopeOf, type Scope } from './scope.js';

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
 *
 * An officer who sees several regencies (a province's, a BPJS branch's) first gets the combined
 * view: one row per regency against its own target and budget, and their total, each row linking
 * to that regency's own dashboard (?regency=63.03); the report and a download carry the same rows.
 * An agency's officer counts only their groups, except in the target and budget: those are the
 * regency's programme as a whole.
 */
export function dashboardRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { regencies, t, timeZone, clock, app, store } = deps;
  const { stats } = store;
  const { rates } = app;

  /** The contribution a regency-paid member costs today, as the note under the cost table explains it. */
  const basisOn = (today: string): PriceBasis => {
    const c = computeBpuContribution(rates, { income: rates.bpu.minIncome, date: today, transport: false, governmentPays: true });
    // The rates file names the BPU regulation first ("Permenaker 5/2021; PP 44/2015 as amended…"):
    // that one sets these contributions, and its name reads the same in Indonesian.
    const source = rates.bpu.source.split(';')[0]!.trim();
    return { floor: rates.bpu.minIncome, jkk: c.jkk, jkm: c.jkm, source, from: rates.bpu.effectiveFrom };
  };

  /** The regency a page is about: the one asked for, else the officer's only one; undefined: the combined view; null: not theirs (404). */
  const regencyOf = (c: ConsoleContext, scope: Scope): string | undefined | null => {
    const asked = askedRegency(c.req.query('regency'), scope);
    if (!asked.ok) return null;
    return asked.regency ?? (scope.regencies.length === 1 ? scope.regencies[0] : undefined);
  };

  /** The programme figures (target, budget) count the whole regency: an agency's officer's scope without its groups. */
  const wholeRegencies = (scope: Scope, regency?: string): RowScope => ({ ...rowScope(scope, regency), groups: null });

  /** The combined rows of the regencies in scope, with today's contribution figures. */
  const combined = async (scope: Scope, today: string) => {
    const inScope = scopedRegencies(scope, regencies);
    const whole = await stats.countsByRegency(wholeRegencies(scope));
    const own = scope.groups === null ? whole : await stats.countsByRegency(rowScope(scope));
    return regencyFigures({
      regencies: inScope,
      covered: new Map([...whole].map(([k, v]) => [k, v.covered])),
      open: new Map([...own].map(([k, v]) => [k, v.open])),
      rates,
      today,
    });
  };

  web.get('/dashboard', async (c) => {
    const scope = scopeOf(c);
    const regency = regencyOf(c, scope);
    if (regency === null) return notFoundPage(c, t, timeZone, t('console.scope.regency_not_found'));
    const now = clock();
    const today = dayIn(timeZone, now);
    if (regency === undefined) {
      const rs = rowScope(scope);
      const byStatus = await stats.totalsByStatus(rs);
      const n = (s: string) => byStatus.find((x) => x.status === s)?.count ?? 0;
      const figures = await combined(scope, today);
      const weeks = await stats.perWeek(12, now, timeZone, rs);
      return c.html(
        <CombinedDashboardPage
          {...pageBase(c, t, timeZone)}
          figures={figures}
          totals={{
            all: byStatus.filter((s) => s.status !== 'deleted').reduce((sum, s) => sum + s.count, 0),
            waiting: n('submitted'),
            correction: n('needs_correction'),
            covered: n('approved') + n('registered'),
            rejected: n('rejected'),
          }}
          weeks={weeks.map((w) => ({ label: weekLabel(w.weekStart), value: w.count }))}
          month={today.slice(0, 7)}
        />,
      );
    }
    // One regency, in its own settings as read now.
    const settings = regencies.get(regency);
    const rs = rowScope(scope, regency);
    const byStatus = await stats.totalsByStatus(rs);
    const n = (s: string) => byStatus.find((x) => x.status === s)?.count ?? 0;
    const coverage = await stats.coverageByGroup(settings, rs);
    const whole = scope.groups === null ? coverage : await stats.coverageByGroup(settings, wholeRegencies(scope, regency));
    const areas = await stats.byKecamatan(rs);
    const weeks = await stats.perWeek(12, now, timeZone, rs);
    const cadres = await stats.topCadres(10, rs);
    const covered = new Map(whole.map((g) => [g.groupId, g.approvedOrRegistered]));
    return c.html(
      <DashboardPage
        {...pageBase(c, t, timeZone)}
        unfilled={unfilledSettings(settings).map((u) => unfilledLabel(t, u))}
        regency={scope.regencies.length > 1 ? { key: regency, name: settings.regency.name } : undefined}
        settingsFile={regencies.several ? regencies.regency(regency).path : undefined}
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
          targetGroups: targetGroupIds(settings).map((id) => groupLabel(settings, id)),
          cost: programmeCost(settings, rates, covered, today),
          basis: basisOn(today),
          areas: areas.map((a) => ({ label: a.kecamatan, value: a.count })),
          weeks: weeks.map((w) => ({ label: weekLabel(w.weekStart), value: w.count })),
          cadres: cadres.map((k) => ({ label: t('console.dashboard.cadre_item', { role: t(keyIn('cadre.role.', k.role)), desa: k.desa }), value: k.count })),
          reported: reportedFigures(settings),
          regencyName: settings.regency.name,
          month: today.slice(0, 7),
        }}
      />,
    );
  });

  web.get('/dashboard/report', async (c) => {
    const scope = scopeOf(c);
    const regency = regencyOf(c, scope);
    if (regency === null) return notFoundPage(c, t, timeZone, t('console.scope.regency_not_found'));
    const now = clock();
    const today = dayIn(timeZone, now);
    const thisMonth = today.slice(0, 7);
    const asked = c.req.query('month') ?? '';
    // A later month has nothing yet: it shows this one.
    const month = MONTH.test(asked) && asked <= thisMonth ? asked : thisMonth;
    const current = month === thisMonth;
    const rs = rowScope(scope, regency);
    const figures = await stats.monthFigures(month, timeZone, rs);
    const end = current ? now : figures.to;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const common = {
      month,
      monthName: monthName.format(Date.UTC(y, m - 1, 1)),
      prev: previousMonth(month),
      next: current ? null : nextMonth(month),
      asOf: current ? today : addDays(`${nextMonth(month)}-01`, -1),
      current,
      figures,
      basis: basisOn(today),
      today,
      now,
      regencyKey: scope.regencies.length > 1 ? regency : undefined,
    };
    if (regency === undefined) {
      // Several regencies: the month's figures together, and each regency against its own target and budget at the month's end.
      const inScope = scopedRegencies(scope, regencies);
      const covered = await stats.coveredAtByRegency(end, wholeRegencies(scope));
      const names = new Map(inScope.map((r) => [r.key, r.name]));
      const labels = new Map(inScope.flatMap((r) => groupsIn(scope, r.settings).map((g) => [g.id, g.label.id] as const)).reverse());
      return c.html(
        <ReportPage
          {...pageBase(c, t, timeZone)}
          r={{
            ...common,
            regency: t('console.scope.combined_name', { n: inScope.length }),
            groupLabel: (id) => (id === null ? t('console.report.erased') : labels.get(id) ?? id),
            regencyName: (key) => names.get(key) ?? regencies.name(key),
            combined: regencyFigures({ regencies: inScope, covered, open: new Map(), rates, today }),
          }}
        />,
      );
    }
    const settings = regencies.get(regency);
    const covered = await stats.coveredAt(end, wholeRegencies(scope, regency));
    const own = scope.groups === null ? covered : await stats.coveredAt(end, rs);
    const known = new Set(settings.groups.map((g) => g.id));
    const coverage = [
      ...groupsIn(scope, settings).map((g) => ({ label: g.label.id, covered: own.get(g.id) ?? 0, quota: g.quota ?? null })),
      ...[...own].filter(([id]) => !known.has(id)).map(([id, n]) => ({ label: id, covered: n, quota: null })),
    ];
    return c.html(
      <ReportPage
        {...pageBase(c, t, timeZone)}
        r={{
          ...common,
          regency: settings.regency.name,
          groupLabel: (id) => (id === null ? t('console.report.erased') : groupLabel(settings, id)),
          coverage,
          target: coverageProgress(settings, covered),
          targetGroups: targetGroupIds(settings).map((id) => groupLabel(settings, id)),
          cost: programmeCost(settings, rates, covered, today),
        }}
      />,
    );
  });

  /** The combined rows as a spreadsheet (CSV or XLSX), audited like any export. */
  web.get('/dashboard/export', async (c) => {
    const scope = scopeOf(c);
    const today = dayIn(timeZone, clock());
    const format = c.req.query('format') === 'xlsx' ? 'xlsx' : 'csv';
    const { columns, rows } = figuresTable(t, await combined(scope, today));
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const cols: ExportColumn[] = columns;
    await (format === 'csv' ? writeCsv(rows, out, cols) : writeXlsx(rows, out, cols));
    await store.officers.audit({
      officerId: c.get('officer')!.id,
      action: 'export_figures',
      detail: { format, regencies: scope.regencies.length },
      regency: scope.regencies.length === 1 ? scope.regencies[0] : null,
      now: clock(),
    });
    c.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('content-disposition', `attachment; filename="lindung-kabupaten-${today}.${format}"`);
    return c.body(Buffer.concat(chunks));
  });
  return web;
}
