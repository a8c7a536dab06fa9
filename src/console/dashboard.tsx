/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { RouteDeps } from './deps.js';
import { pageBase } from './layout.js';
import type { ConsoleEnv } from './auth.js';
import { BarChart, ColumnChart, ProgressBar } from './charts.js';
import { statusLabel } from './labels.js';
import { Layout } from './layout.js';

/** Coverage against the regency's quotas, and where and when registrations come from. */
export function dashboardRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { settings, t, timeZone, clock } = deps;
  const { stats } = deps.store;
  web.get('/dashboard', (c) => {
    const base = pageBase(c, t, timeZone);
    const totals = stats.totalsByStatus();
    const coverage = stats.coverageByGroup(settings);
    const areas = stats.byKecamatan();
    const weeks = stats.perWeek(12, clock(), timeZone);
    const cadres = stats.topCadres(10);
    return c.html(
      <Layout title={t('console.dashboard.title')} t={t} officer={base.officer} csrf={base.csrf} active="/dashboard">
        <div class="grid">
          <section class="card">
            <h2>{t('console.dashboard.by_status')}</h2>
            <BarChart title={t('console.dashboard.by_status')} items={totals.map((s) => ({ label: statusLabel(t, s.status), value: s.count }))} />
          </section>
          <section class="card">
            <h2>{t('console.dashboard.coverage')}</h2>
            {coverage.map((g) => (
              <ProgressBar label={g.label} value={g.approvedOrRegistered} max={g.quota ?? 0} />
            ))}
            <p class="muted">{t('console.dashboard.coverage_note')}</p>
          </section>
          <section class="card">
            <h2>{t('console.dashboard.by_kecamatan')}</h2>
            <BarChart title={t('console.dashboard.by_kecamatan')} items={areas.map((a) => ({ label: a.kecamatan ?? '-', value: a.count }))} />
          </section>
          <section class="card">
            <h2>{t('console.dashboard.per_week')}</h2>
            <ColumnChart title={t('console.dashboard.per_week')} items={weeks.map((w) => ({ label: w.weekStart.slice(5), value: w.count }))} />
          </section>
          <section class="card">
            <h2>{t('console.dashboard.cadres')}</h2>
            <BarChart title={t('console.dashboard.cadres')} items={cadres.map((k) => ({ label: `#${k.personId} ${k.role} · ${k.desa}`, value: k.count }))} />
          </section>
        </div>
      </Layout>,
    );
  });
  return web;
}
