/** @jsxImportSource hono/jsx */
import type { T } from '../../core/types.js';
import { formatDateId } from '../../domain/dates.js';
import { formatRupiah } from '../../domain/income.js';
import type { CoverageProgress, ProgrammeCost } from '../../domain/programme-cost.js';
import type { GroupCoverage } from '../../storage/stats.js';
import { BarChart, ColumnChart, formatNumber, formatPercentShare, ProgressBar, type ChartItem } from '../charts.js';
import { Layout, type PageBase } from '../layout.js';
import { figureSourceLine, reportedLabel, reportedValue, sourceWords, type ReportedFigure } from '../reported-figures.js';
import { RegencyTable, type CombinedFigures } from './regencies.js';

/** How a contribution price was reached, for the note under the cost table. */
export interface PriceBasis {
  floor: number;
  jkk: number;
  jkm: number;
  source: string;
  from: string;
}

/** "450 dari 900 (50%)", or the number alone without a quota. */
export function ofFigure(t: T, value: number, max: number | null | undefined): string {
  if (!max) return t('console.dashboard.no_quota', { value: formatNumber(value) });
  return t('console.dashboard.of', { value: formatNumber(value), max: formatNumber(max), percent: formatPercentShare((value / max) * 100) });
}

/** Coverage against the regency's target, with where the figure before Lindung comes from. */
export function TargetCard({ t, progress, groupLabels }: { t: T; progress: CoverageProgress | null; groupLabels: string[] }) {
  if (!progress) {
    return (
      <section class="card" aria-labelledby="target-title">
        <h2 id="target-title">{t('console.dashboard.target_title')}</h2>
        <p class="muted">{t('console.dashboard.no_target')}</p>
      </section>
    );
  }
  return (
    <section class="card" aria-labelledby="target-title">
      <h2 id="target-title">{t('console.dashboard.target_title')}</h2>
      <p class="headline" data-figure="coverage">
        {ofFigure(t, progress.covered, progress.target)}
      </p>
      <ProgressBar label={t('console.dashboard.target_groups', { groups: groupLabels.join(', ') })} value={progress.covered} max={progress.target} figure="" />
      <p class="muted">
        {progress.before > 0
          ? t('console.dashboard.target_split', { before: formatNumber(progress.before), lindung: formatNumber(progress.throughLindung) })
          : t('console.dashboard.target_lindung', { lindung: formatNumber(progress.throughLindung) })}{' '}
        {progress.source ? sourceLine(t, progress.source, progress.asOf) : null}
      </p>
    </section>
  );
}

const sourceLine = (t: T, source: string, asOf: string | undefined): string =>
  asOf ? t('console.dashboard.source_dated', { source, date: formatDateId(asOf, 'id') }) : t('console.dashboard.source', { source });

/** The yearly cost of the regency-paid members against the budget, per group, with its formula. */
export function CostCard({ t, cost, basis, title }: { t: T; cost: ProgrammeCost; basis: PriceBasis; title: string }) {
  const b = cost.budget;
  return (
    <section class="card" aria-labelledby="cost-title">
      <h2 id="cost-title">{title}</h2>
      <p class="headline" data-figure="cost">
        {b
          ? t('console.dashboard.cost_of_budget', { cost: formatRupiah(cost.yearly), budget: formatRupiah(b.yearly), percent: formatPercentShare(b.percent) })
          : t('console.dashboard.cost_total', { cost: formatRupiah(cost.yearly) })}
      </p>
      {b ? (
        <ProgressBar
          label={b.year ? t('console.dashboard.budget_year', { year: String(b.year) }) : t('console.dashboard.budget')}
          value={cost.yearly}
          max={b.yearly}
          figure={b.remaining >= 0 ? t('console.dashboard.cost_remaining', { amount: formatRupiah(b.remaining) }) : t('console.dashboard.cost_over', { amount: formatRupiah(-b.remaining) })}
        />
      ) : (
        <p class="muted">{t('console.dashboard.no_budget')}</p>
      )}
      {cost.groups.length === 0 ? (
        <p class="muted">{t('console.dashboard.no_regency_groups')}</p>
      ) : (
        <div class="table-wrap">
          <table class="figures">
            <thead>
              <tr>
                <th>{t('console.dashboard.cost_group')}</th>
                <th class="num">{t('console.dashboard.cost_members')}</th>
                <th class="num">{t('console.dashboard.cost_monthly')}</th>
                <th class="num">{t('console.dashboard.cost_yearly')}</th>
              </tr>
            </thead>
            <tbody>
              {cost.groups.map((g) => (
                <tr>
                  <td>
                    {g.label}
                    <br />
                    <small class="muted">
                      {g.programmes.join(' + ')}
                      {g.priceFromSettings ? `; ${t('console.dashboard.cost_price_settings')}` : ''}
                    </small>
                  </td>
                  <td class="num">{formatNumber(g.members)}</td>
                  <td class="num">{formatRupiah(g.monthlyPerPerson)}</td>
                  <td class="num">{formatRupiah(g.yearly)}</td>
                </tr>
              ))}
              {cost.before ? (
                <tr>
                  <td>{t('console.dashboard.cost_before')}</td>
                  <td class="num">{formatNumber(cost.before.members)}</td>
                  <td class="num">{formatRupiah(cost.before.monthlyPerPerson)}</td>
                  <td class="num">{formatRupiah(cost.before.yearly)}</td>
                </tr>
              ) : null}
            </tbody>
            <tfoot>
              <tr>
                <th>{t('console.dashboard.cost_sum')}</th>
                <td />
                <td />
                <th class="num">{formatRupiah(cost.yearly)}</th>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p class="muted">
        {t('console.dashboard.cost_formula', {
          floor: formatRupiah(basis.floor),
          jkk: formatRupiah(basis.jkk),
          jkm: formatRupiah(basis.jkm),
          source: basis.source,
          from: formatDateId(basis.from, 'id'),
        })}{' '}
        {b?.source ? t('console.dashboard.source', { source: b.source }) : null}
      </p>
    </section>
  );
}

/**
 * "Angka dari laporan publik": each figure the regency's settings file records from a public report
 * (reported-figures.ts), in words with its unit, its source and the month it counts; what each
 * source says underneath, folded. Nothing when the file records none.
 */
export function ReportedCard({ t, regency, figures }: { t: T; regency: string; figures: ReportedFigure[] }) {
  if (figures.length === 0) return null;
  const sources = [...new Map(figures.flatMap((f) => (f.source ? [[f.source.id, f.source] as const] : []))).values()];
  return (
    <section class="card reported" aria-labelledby="reported-title">
      <h2 id="reported-title">{t('console.reported.title')}</h2>
      <p class="muted">{t('console.reported.intro', { regency })}</p>
      <ul class="reported-figures">
        {figures.map((f) => (
          <li data-figure-key={f.key}>
            <span class="rf-what">{reportedLabel(t, f)}</span>
            <strong class="rf-value">{reportedValue(t, f)}</strong>
            <small class="rf-source">{figureSourceLine(t, f)}</small>
          </li>
        ))}
      </ul>
      {sources.length > 0 ? (
        <details class="rf-sources">
          <summary>{t('console.reported.sources_title')}</summary>
          <ul>
            {sources.map((s) => (
              <li>
                <strong>{sourceWords(t, s)}</strong>: {s.what}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

export interface DashboardFigures {
  totals: { all: number; waiting: number; correction: number; covered: number; rejected: number };
  byStatus: ChartItem[];
  coverage: GroupCoverage[];
  target: CoverageProgress | null;
  targetGroups: string[];
  cost: ProgrammeCost;
  basis: PriceBasis;
  areas: ChartItem[];
  weeks: ChartItem[];
  cadres: ChartItem[];
  /** What public reports say about the regency (its settings' `reported.…` figures); none: the card is left out. */
  reported: ReportedFigure[];
  /** The regency's name, for the reported figures' card. */
  regencyName: string;
  /** yyyy-mm of this month, for the report link. */
  month: string;
}

/** The totals as tiles. */
function Totals({ t, totals }: { t: T; totals: DashboardFigures['totals'] }) {
  const tiles: [string, number, string][] = [
    ['all', totals.all, t('console.dashboard.total_all')],
    ['waiting', totals.waiting, t('console.dashboard.total_waiting')],
    ['correction', totals.correction, t('console.dashboard.total_correction')],
    ['covered', totals.covered, t('console.dashboard.total_covered')],
    ['rejected', totals.rejected, t('console.dashboard.total_rejected')],
  ];
  return (
    <section aria-labelledby="totals-title">
      <h2 id="totals-title">{t('console.dashboard.totals')}</h2>
      <dl class="stats">
        {tiles.map(([key, n, label]) => (
          <div class="stat" data-total={key}>
            <dt>{label}</dt>
            <dd>{formatNumber(n)}</dd>
          </div>
        ))}
      </dl>
      <p class="muted">{t('console.dashboard.total_note')}</p>
    </section>
  );
}

/**
 * The view of an officer who sees several regencies (a province's, a BPJS branch's): each regency
 * against its own target and budget, with their total, each linking to its own dashboard; then
 * the totals and weeks of all of them together.
 */
export function CombinedDashboardPage({
  t,
  officer,
  csrf,
  flash,
  figures,
  totals,
  weeks,
  month,
}: PageBase & { figures: CombinedFigures; totals: DashboardFigures['totals']; weeks: ChartItem[]; month: string }) {
  return (
    <Layout title={t('console.scope.combined_title')} t={t} officer={officer} csrf={csrf} active="/dashboard" flash={flash}>
      {figures.rows.length === 0 ? <p class="flash error">{t('console.scope.no_regency')}</p> : null}
      <p class="no-print">
        <a class="button secondary" href={`/dashboard/report?month=${month}`}>
          {t('console.dashboard.report_link')}
        </a>{' '}
        <a class="button secondary" href="/dashboard/export?format=csv">
          {t('console.scope.download_csv')}
        </a>{' '}
        <a class="button secondary" href="/dashboard/export?format=xlsx">
          {t('console.scope.download_xlsx')}
        </a>
      </p>
      <section class="card" aria-labelledby="regencies-title">
        <h2 id="regencies-title">{t('console.scope.regencies_title')}</h2>
        <RegencyTable t={t} figures={figures} link="/dashboard" />
        <p class="muted">{t('console.scope.combined_note')}</p>
        <p class="muted">{t('console.scope.reported_note')}</p>
      </section>
      <Totals t={t} totals={totals} />
      <section class="card" aria-labelledby="weeks-title">
        <h2 id="weeks-title">{t('console.dashboard.per_week')}</h2>
        <ColumnChart label={t('console.dashboard.per_week')} items={weeks} empty={t('console.dashboard.empty')} />
      </section>
    </Layout>
  );
}

/** The head of office's view: totals, target and budget first, then where and when registrations come from. */
export function DashboardPage({
  t,
  officer,
  csrf,
  flash,
  f,
  unfilled = [],
  regency,
  settingsFile,
}: PageBase & {
  f: DashboardFigures;
  unfilled?: string[];
  /** One regency of several the officer sees: named, with the way back to all of them. */
  regency?: { key: string; name: string } | undefined;
  /** The regency's settings file, where the missing settings are filled in. */
  settingsFile?: string | undefined;
}) {
  const empty = t('console.dashboard.empty');
  const title = regency ? t('console.scope.regency_dashboard', { regency: regency.name }) : t('console.dashboard.title');
  const also = regency ? `&regency=${encodeURIComponent(regency.key)}` : '';
  return (
    <Layout title={title} t={t} officer={officer} csrf={csrf} active="/dashboard" flash={flash}>
      {regency ? (
        <p class="no-print">
          <a href="/dashboard">{t('console.scope.back_to_combined')}</a>
        </p>
      ) : null}
      {unfilled.length > 0 ? (
        <section class="flash error unfilled" role="alert">
          <p>
            <strong>{t('console.unfilled.title')}</strong>
          </p>
          <p>{t('console.unfilled.intro', { file: settingsFile ?? 'PROGRAMME_SETTINGS_PATH' })}</p>
          <ul>
            {unfilled.map((u) => (
              <li>{u}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="no-print">
        <a class="button secondary" href={`/dashboard/report?month=${f.month}${also}`}>
          {t('console.dashboard.report_link')}
        </a>
      </p>
      <Totals t={t} totals={f.totals} />
      <div class="grid top">
        <TargetCard t={t} progress={f.target} groupLabels={f.targetGroups} />
        <CostCard t={t} cost={f.cost} basis={f.basis} title={t('console.dashboard.cost_title')} />
      </div>
      <ReportedCard t={t} regency={f.regencyName} figures={f.reported} />
      <section class="card" aria-labelledby="weeks-title">
        <h2 id="weeks-title">{t('console.dashboard.per_week')}</h2>
        <ColumnChart label={t('console.dashboard.per_week')} items={f.weeks} empty={empty} />
      </section>
      <div class="grid">
        <section class="card" aria-labelledby="status-title">
          <h2 id="status-title">{t('console.dashboard.by_status')}</h2>
          <BarChart label={t('console.dashboard.by_status')} items={f.byStatus} empty={empty} />
        </section>
        <section class="card" aria-labelledby="coverage-title">
          <h2 id="coverage-title">{t('console.dashboard.coverage')}</h2>
          {f.coverage.map((g) => (
            <ProgressBar label={g.label} value={g.approvedOrRegistered} max={g.quota} figure={ofFigure(t, g.approvedOrRegistered, g.quota)} />
          ))}
          <p class="muted">{t('console.dashboard.coverage_note')}</p>
        </section>
        <section class="card" aria-labelledby="areas-title">
          <h2 id="areas-title">{t('console.dashboard.by_kecamatan')}</h2>
          <BarChart label={t('console.dashboard.by_kecamatan')} items={f.areas} empty={empty} />
        </section>
        <section class="card" aria-labelledby="cadres-title">
          <h2 id="cadres-title">{t('console.dashboard.cadres')}</h2>
          <BarChart label={t('console.dashboard.cadres')} items={f.cadres} empty={empty} />
        </section>
      </div>
    </Layout>
  );
}
