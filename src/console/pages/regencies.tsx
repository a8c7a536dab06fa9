/** @jsxImportSource hono/jsx */
import type { T } from '../../core/types.js';
import { formatRupiah } from '../../domain/income.js';
import { formatNumber, formatPercentShare } from '../charts.js';
import type { ExportColumn, ExportRow } from '../export.js';
import type { FiguresTotal, RegencyFigures } from '../regency-figures.js';
import { headlineWords } from '../reported-figures.js';

export interface CombinedFigures {
  rows: RegencyFigures[];
  total: FiguresTotal;
}

/** "13.251 dari 15.000 (88 %)", or the number and "no target". */
function coveredWords(t: T, covered: number, target: number | null, percent: number | null): string {
  if (target === null || percent === null) return t('console.scope.covered_no_target', { covered: formatNumber(covered) });
  return t('console.dashboard.of', { value: formatNumber(covered), max: formatNumber(target), percent: formatPercentShare(percent) });
}

/** "Rp1.234.000 dari Rp3.100.000.000 (40 %)", or the cost and "no budget". */
function costWords(t: T, cost: number, budget: number | null, percent: number | null): string {
  if (budget === null || percent === null) return t('console.scope.cost_no_budget', { cost: formatRupiah(cost) });
  return t('console.scope.cost_of_budget', { cost: formatRupiah(cost), budget: formatRupiah(budget), percent: formatPercentShare(percent) });
}

/**
 * One row per regency against its own target and budget, with what public reports count as covered
 * there, and their total (the reported figures are never summed: they come from different reports
 * and months); each name links to that regency's dashboard (`link`: the page, e.g. "/dashboard";
 * none: plain names, as on paper). On a phone each row is a block of labelled lines (style.ts).
 */
export function RegencyTable({ t, figures, link, showOpen = true }: { t: T; figures: CombinedFigures; link?: string; showOpen?: boolean }) {
  const { rows, total } = figures;
  const head = {
    covered: t('console.scope.col_covered'),
    reported: t('console.scope.col_reported'),
    open: t('console.scope.col_open'),
    cost: t('console.scope.col_cost'),
    unfilled: t('console.scope.col_unfilled'),
  };
  return (
    <div class="table-wrap">
      <table class="figures regencies">
        <thead>
          <tr>
            <th>{t('console.scope.regency')}</th>
            <th class="num">{head.covered}</th>
            <th>{head.reported}</th>
            {showOpen ? <th class="num">{head.open}</th> : null}
            <th class="num">{head.cost}</th>
            <th class="num">{head.unfilled}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr data-regency={r.key}>
              <td class="name">{link ? <a href={`${link}?regency=${encodeURIComponent(r.key)}`}>{r.name}</a> : r.name}</td>
              <td class="num" data-figure="covered" data-label={head.covered}>
                {coveredWords(t, r.covered, r.target, r.percent)}
              </td>
              <td class="reported" data-figure="reported" data-label={head.reported}>
                {headlineWords(t, r.reported) ?? t('console.scope.reported_none')}
              </td>
              {showOpen ? (
                <td class="num" data-label={head.open}>
                  {formatNumber(r.open)}
                </td>
              ) : null}
              <td class="num" data-figure="cost" data-label={head.cost}>
                {costWords(t, r.cost, r.budget, r.budgetPercent)}
              </td>
              <td class="num" data-label={head.unfilled}>
                {r.unfilled > 0 ? t('console.scope.unfilled_n', { n: r.unfilled }) : t('console.scope.unfilled_none')}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-regency="total">
            <th>{t('console.scope.total')}</th>
            <th class="num" data-figure="covered" data-label={head.covered}>
              {total.withTarget > 0 ? coveredWords(t, total.covered, total.target, total.percent) : t('console.scope.no_targets')}
              {total.withTarget > 0 && total.withTarget < rows.length ? (
                <>
                  <br />
                  <small class="muted">{t('console.scope.of_regencies', { n: total.withTarget, total: rows.length })}</small>
                </>
              ) : null}
            </th>
            <th />
            {showOpen ? (
              <th class="num" data-label={head.open}>
                {formatNumber(total.open)}
              </th>
            ) : null}
            <th class="num" data-figure="cost" data-label={head.cost}>
              {total.withBudget > 0 ? costWords(t, total.cost, total.budget, total.budgetPercent) : costWords(t, total.cost, null, null)}
              {total.withBudget > 0 && total.withBudget < rows.length ? (
                <>
                  <br />
                  <small class="muted">{t('console.scope.budget_of_regencies', { n: total.withBudget, total: rows.length })}</small>
                </>
              ) : null}
            </th>
            <th />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The same rows as spreadsheet columns (plain numbers), the total last: the combined view's download. */
export function figuresTable(t: T, figures: CombinedFigures): { columns: ExportColumn[]; rows: ExportRow[] } {
  const c = (key: string, width: number): ExportColumn => ({ key, header: t(`console.scope.sheet.${key as SheetColumn}`), width });
  const columns = [c('regency', 26), c('code', 8), c('covered', 12), c('target', 12), c('percent', 10), c('open', 12), c('cost', 18), c('budget', 18), c('budget_percent', 12), c('reported', 40), c('unfilled', 12)];
  const rows: ExportRow[] = figures.rows.map((r) => ({
    regency: r.name,
    code: r.key,
    covered: r.covered,
    target: r.target,
    percent: r.percent,
    open: r.open,
    cost: r.cost,
    budget: r.budget,
    budget_percent: r.budgetPercent,
    // What public reports count as covered (its settings file's figures, with the month); not Lindung's count.
    reported: headlineWords(t, r.reported),
    unfilled: r.unfilled,
  }));
  const s = figures.total;
  rows.push({
    regency: t('console.scope.total'),
    code: null,
    covered: s.covered,
    target: s.withTarget > 0 ? s.target : null,
    percent: s.percent,
    open: s.open,
    cost: s.cost,
    budget: s.withBudget > 0 ? s.budget : null,
    budget_percent: s.budgetPercent,
    reported: null,
    unfilled: null,
  });
  return { columns, rows };
}

type SheetColumn = 'regency' | 'code' | 'covered' | 'target' | 'percent' | 'open' | 'cost' | 'budget' | 'budget_percent' | 'reported' | 'unfilled';
