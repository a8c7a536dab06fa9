// The combined view of several regencies (a province's or BPJS branch's): one row per regency with
// its coverage against its own target, its open registrations and the yearly cost of the members
// it pays against its own budget, what public reports count as covered there (never summed), and a
// total row. Pure: the caller passes the counts
// (storage/stats.ts) and the settings as read now.
import { coverageProgress, programmeCost } from '../domain/programme-cost.js';
import type { Rates } from '../domain/rates.js';
import { unfilledSettings } from '../settings.js';
import { headlineFigures, reportedFigures, type ReportedFigure } from './reported-figures.js';
import type { ScopedRegency } from './scope.js';

/** One regency's row. */
export interface RegencyFigures {
  key: string;
  name: string;
  /** Its coverage target (null: its settings set none). */
  target: number | null;
  /** Covered in the target's groups (before Lindung plus through it); without a target, covered in every group. */
  covered: number;
  /** covered / target in %, one decimal; null without a target. */
  percent: number | null;
  /** Submitted or waiting for a correction. */
  open: number;
  /** The yearly cost of the members the regency pays (programme-cost.ts), at today's contribution figures. */
  cost: number;
  /** Its yearly budget for them (null: not set). */
  budget: number | null;
  /** cost / budget in %, one decimal; null without a budget. */
  budgetPercent: number | null;
  /** Settings still to fill in (settings.ts unfilledSettings). */
  unfilled: number;
  /** The people its settings file says public reports count as covered (reported-figures.ts headlineFigures); none: nothing reported. */
  reported: ReportedFigure[];
}

/** The total row: targets and budgets summed over the regencies that set one (and covered and cost over the same ones). */
export interface FiguresTotal {
  target: number;
  /** Covered in the regencies with a target. */
  covered: number;
  percent: number | null;
  /** How many regencies set a target, and a budget. */
  withTarget: number;
  withBudget: number;
  open: number;
  /** The cost of every regency. */
  cost: number;
  budget: number;
  /** The cost of the regencies with a budget, against their budgets. */
  budgetPercent: number | null;
}

const percentOf = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 10;

/** The rows (in the deployment's order) and their total. `covered`: per regency, people covered per group; `open`: per regency. */
export function regencyFigures(input: {
  regencies: readonly ScopedRegency[];
  covered: ReadonlyMap<string, ReadonlyMap<string, number>>;
  open: ReadonlyMap<string, number>;
  rates: Rates;
  today: string;
}): { rows: RegencyFigures[]; total: FiguresTotal } {
  const rows = input.regencies.map(({ key, name, settings }): RegencyFigures => {
    const covered = input.covered.get(key) ?? new Map<string, number>();
    const progress = coverageProgress(settings, covered);
    const cost = programmeCost(settings, input.rates, covered, input.today);
    return {
      key,
      name,
      target: progress?.target ?? null,
      covered: progress?.covered ?? [...covered.values()].reduce((a, b) => a + b, 0),
      percent: progress?.percent ?? null,
      open: input.open.get(key) ?? 0,
      cost: cost.yearly,
      budget: cost.budget?.yearly ?? null,
      budgetPercent: cost.budget?.percent ?? null,
      unfilled: unfilledSettings(settings).length,
      reported: headlineFigures(reportedFigures(settings)),
    };
  });
  const targeted = rows.filter((r) => r.target !== null);
  const budgeted = rows.filter((r) => r.budget !== null);
  const sum = (xs: RegencyFigures[], f: (r: RegencyFigures) => number) => xs.reduce((s, r) => s + f(r), 0);
  const target = sum(targeted, (r) => r.target!);
  const budget = sum(budgeted, (r) => r.budget!);
  return {
    rows,
    total: {
      target,
      covered: sum(targeted, (r) => r.covered),
      percent: target > 0 ? percentOf(sum(targeted, (r) => r.covered), target) : null,
      withTarget: targeted.length,
      withBudget: budgeted.length,
      open: sum(rows, (r) => r.open),
      cost: sum(rows, (r) => r.cost),
      budget,
      budgetPercent: budget > 0 ? percentOf(sum(budgeted, (r) => r.cost), budget) : null,
    },
  };
}
