// What the regency's programme costs and how far it reaches: the yearly contributions of the people
// it pays for, against the budget and the coverage target in its programme settings. Pure: the
// caller passes the counts (storage/stats.ts) and the day the rates are read for.
import type { GroupSetting, ProgrammeSettings } from '../settings.js';
import { computeBpuContribution } from './contribution.js';
import type { Rates } from './rates.js';

/** A group whose contributions the regency pays from its own budget (APBD), not a village's (ADD). */
export const regencyPays = (g: GroupSetting): boolean => g.funded && g.fundedBy === 'APBD';

/**
 * What the regency pays per person per month for a group: the settings' local price when there is
 * one (settings win), else the group's programmes at the lowest income basis (the floor), as the
 * bot computes them: no discount applies where the APBD pays.
 */
export function monthlyPerPerson(group: GroupSetting, rates: Rates, today: string): { amount: number; fromSettings: boolean } {
  if (group.monthlyAmount) return { amount: group.monthlyAmount, fromSettings: true };
  const c = computeBpuContribution(rates, { income: rates.bpu.minIncome, date: today, transport: false, governmentPays: true });
  const parts: Record<string, number> = { JKK: c.jkk, JKM: c.jkm, JHT: c.jht };
  return { amount: group.programmes.reduce((sum, p) => sum + (parts[p] ?? 0), 0), fromSettings: false };
}

export interface GroupCost {
  groupId: string;
  label: string;
  programmes: string[];
  members: number;
  monthlyPerPerson: number;
  /** The price is the settings' monthlyAmount (else computed from the rates file). */
  priceFromSettings: boolean;
  yearly: number;
}

export interface ProgrammeCost {
  groups: GroupCost[];
  /**
   * The people the coverage target counts as covered before Lindung, priced like the target's
   * groups; null when there are none, or when those groups are not all regency-paid at one price.
   */
  before: { members: number; monthlyPerPerson: number; yearly: number } | null;
  yearly: number;
  budget: { yearly: number; year: number | undefined; source: string | undefined; percent: number; remaining: number } | null;
}

/** Percent with one decimal (the dashboard rounds it for display). */
const percentOf = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 10;

/**
 * The yearly cost of the regency-paid members (approved or registered: `covered` per group id) at
 * the contribution figures of `today`: members × monthly price × 12, per group and in total, and
 * its share of the settings' budget.
 */
export function programmeCost(settings: ProgrammeSettings, rates: Rates, covered: ReadonlyMap<string, number>, today: string): ProgrammeCost {
  const groups = settings.groups.filter(regencyPays).map((g): GroupCost => {
    const price = monthlyPerPerson(g, rates, today);
    const members = covered.get(g.id) ?? 0;
    return {
      groupId: g.id,
      label: g.label.id,
      programmes: g.programmes,
      members,
      monthlyPerPerson: price.amount,
      priceFromSettings: price.fromSettings,
      yearly: members * price.amount * 12,
    };
  });
  let before: ProgrammeCost['before'] = null;
  const target = settings.coverageTarget;
  if (target && target.coveredBefore > 0) {
    const targetGroups = targetGroupIds(settings).map((id) => groups.find((g) => g.groupId === id));
    const prices = new Set(targetGroups.map((g) => g?.monthlyPerPerson));
    const [price] = [...prices];
    if (prices.size === 1 && price !== undefined) {
      before = { members: target.coveredBefore, monthlyPerPerson: price, yearly: target.coveredBefore * price * 12 };
    }
  }
  const yearly = groups.reduce((s, g) => s + g.yearly, 0) + (before?.yearly ?? 0);
  const b = settings.budget;
  return {
    groups,
    before,
    yearly,
    budget: b ? { yearly: b.yearly, year: b.year, source: b.source, percent: percentOf(yearly, b.yearly), remaining: b.yearly - yearly } : null,
  };
}

/** The groups the coverage target counts: the ones it names, else every group the regency pays. */
export function targetGroupIds(settings: Pick<ProgrammeSettings, 'groups' | 'coverageTarget'>): string[] {
  return settings.coverageTarget?.groups ?? settings.groups.filter(regencyPays).map((g) => g.id);
}

export interface CoverageProgress {
  target: number;
  /** Covered before Lindung plus covered through it. */
  covered: number;
  before: number;
  throughLindung: number;
  percent: number;
  groupIds: string[];
  source: string | undefined;
  asOf: string | undefined;
}

/** Coverage against the settings' target (null without one): "13.251 of 15.000 (88%)". */
export function coverageProgress(settings: Pick<ProgrammeSettings, 'groups' | 'coverageTarget'>, covered: ReadonlyMap<string, number>): CoverageProgress | null {
  const t = settings.coverageTarget;
  if (!t) return null;
  const groupIds = targetGroupIds(settings);
  const throughLindung = groupIds.reduce((s, id) => s + (covered.get(id) ?? 0), 0);
  const total = t.coveredBefore + throughLindung;
  return { target: t.count, covered: total, before: t.coveredBefore, throughLindung, percent: percentOf(total, t.count), groupIds, source: t.source, asOf: t.asOf };
}
