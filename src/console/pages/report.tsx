/** @jsxImportSource hono/jsx */
import { formatDateId } from '../../domain/dates.js';
import type { CoverageProgress, ProgrammeCost } from '../../domain/programme-cost.js';
import { DECISIONS, type MonthFigures } from '../../storage/stats.js';
import { formatNumber } from '../charts.js';
import { formatWhen } from '../labels.js';
import { Layout, type PageBase } from '../layout.js';
import { CostCard, ofFigure, TargetCard, type PriceBasis } from './dashboard.js';
import { RegencyTable, type CombinedFigures } from './regencies.js';

export interface MonthReport {
  /** yyyy-mm and its name, "November 2026". */
  month: string;
  monthName: string;
  prev: string;
  /** null for the current month (nothing after it yet). */
  next: string | null;
  /** The day coverage is counted at: the month's last day, or today for the current month. */
  asOf: string;
  current: boolean;
  /** Whose report: a regency's name, or the regencies together. */
  regency: string;
  /** One regency of several the officer sees: its key, carried by the month links. */
  regencyKey?: string | undefined;
  figures: MonthFigures;
  groupLabel: (id: string | null) => string;
  /** One regency: coverage per group, its target and its cost. */
  coverage?: { label: string; covered: number; quota: number | null }[];
  target?: CoverageProgress | null;
  targetGroups?: string[];
  cost?: ProgrammeCost;
  /** Several regencies together: each against its own target and budget at the month's end, and the new registrations per regency. */
  combined?: CombinedFigures;
  regencyName?: (key: string) => string;
  basis: PriceBasis;
  today: string;
  now: number;
}

/** Two-column figures: a name and a number per row, a sentence when there is nothing. */
function CountTable({ head, rows, none }: { head: [string, string]; rows: [string, number][]; none: string }) {
  if (rows.length === 0) return <p class="muted">{none}</p>;
  return (
    <table class="figures">
      <thead>
        <tr>
          <th>{head[0]}</th>
          <th class="num">{head[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, n]) => (
          <tr>
            <td>{label}</td>
            <td class="num">{formatNumber(n)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One month on paper for the head of office: new registrations, officers' decisions, coverage at
 * the month's end and the yearly cost at today's contribution figures. The navigation and the
 * month form are not printed (@media print in style.ts).
 */
export function ReportPage({ t, officer, csrf, timeZone, r }: PageBase & { r: MonthReport }) {
  const f = r.figures;
  const count = t('console.report.count');
  const none = t('console.report.none');
  const also = r.regencyKey ? `&regency=${encodeURIComponent(r.regencyKey)}` : '';
  return (
    <Layout title={t('console.report.title', { month: r.monthName })} t={t} officer={officer} csrf={csrf} active="/dashboard">
      <div class="report">
        <p class="muted">{t('console.report.made', { regency: r.regency, when: formatWhen(r.now, timeZone), username: officer.username })}</p>
        <form class="filters no-print" method="get" action="/dashboard/report">
          <a class="button secondary" href={`/dashboard/report?month=${r.prev}${also}`}>
            {t('console.report.prev')}
          </a>
          <label>
            {t('console.report.month')}
            <input type="month" name="month" value={r.month} max={r.today.slice(0, 7)} required />
          </label>
          {r.regencyKey ? <input type="hidden" name="regency" value={r.regencyKey} /> : null}
          <button type="submit">{t('console.report.show')}</button>
          {r.next ? (
            <a class="button secondary" href={`/dashboard/report?month=${r.next}${also}`}>
              {t('console.report.next')}
            </a>
          ) : null}
          <span class="muted">{t('console.report.print_hint')}</span>
        </form>

        <section class="card" aria-labelledby="new-title">
          <h2 id="new-title">{t('console.report.new_title')}</h2>
          <p class="headline" data-figure="new">
            {t('console.report.new_total', { n: formatNumber(f.newTotal) })}
          </p>
          <p>{t('console.report.new_by_cadre', { n: formatNumber(f.newByCadre) })}</p>
          <div class="grid">
            {r.combined && r.regencyName ? (
              <CountTable head={[t('console.scope.regency'), count]} rows={f.newByRegency.map((g) => [r.regencyName!(g.regency), g.count])} none={none} />
            ) : null}
            <CountTable head={[t('console.report.by_group'), count]} rows={f.newByGroup.map((g) => [r.groupLabel(g.groupId), g.count])} none={none} />
            <CountTable head={[t('console.report.by_kecamatan'), count]} rows={f.newByKecamatan.map((k) => [k.kecamatan ?? t('console.report.erased'), k.count])} none={none} />
          </div>
        </section>

        <section class="card" aria-labelledby="decisions-title">
          <h2 id="decisions-title">{t('console.report.decisions_title')}</h2>
          <CountTable head={[t('console.report.decision'), count]} rows={DECISIONS.map((d) => [t(`console.report.decisions.${d}`), f.decisions[d]])} none={none} />
          <p class="muted">{t('console.report.decisions_note')}</p>
        </section>

        <section class="card" aria-labelledby="month-coverage-title">
          <h2 id="month-coverage-title">
            {t(r.current ? 'console.report.coverage_now' : 'console.report.coverage_end', { date: formatDateId(r.asOf, 'id') })}
          </h2>
          {r.combined ? (
            <>
              <RegencyTable t={t} figures={r.combined} showOpen={false} />
              <p class="muted">{t('console.scope.report_cost_note', { date: formatDateId(r.today, 'id') })}</p>
            </>
          ) : (
            <table class="figures">
              <thead>
                <tr>
                  <th>{t('console.report.group')}</th>
                  <th class="num">{t('console.report.covered')}</th>
                </tr>
              </thead>
              <tbody>
                {(r.coverage ?? []).map((g) => (
                  <tr>
                    <td>{g.label}</td>
                    <td class="num">{ofFigure(t, g.covered, g.quota)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {r.cost ? (
          <div class="grid top">
            <TargetCard t={t} progress={r.target ?? null} groupLabels={r.targetGroups ?? []} />
            <CostCard t={t} cost={r.cost} basis={r.basis} title={t('console.report.cost_title', { date: formatDateId(r.today, 'id') })} />
          </div>
        ) : null}
        <p class="muted">{t('console.report.test_note')}</p>
      </div>
    </Layout>
  );
}
