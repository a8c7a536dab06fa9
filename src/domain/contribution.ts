import type { DiscountRule, Rates } from './rates.js';

export interface ContributionInput {
  /** Declared monthly income in rupiah. */
  income: number;
  /** ISO date the contribution is for (discounts apply only inside their dates). */
  date: string;
  /** Transport workers (ojek, drivers) have their own discount rule. */
  transport: boolean;
  /** Discounts never apply where the state (APBN/APBD) pays. */
  governmentPays: boolean;
}

export interface Contribution {
  /** Income the percentages apply to: the declared income, raised to the floor. */
  basis: number;
  raisedToFloor: boolean;
  jkk: number;
  jkm: number;
  jht: number;
  /** JKK + JKM, the basic package. */
  basic: number;
  /** Basic package plus JHT. */
  withJht: number;
  /** A confirmed discount that is already applied to jkk/jkm. */
  discount: DiscountRule | null;
  /** Undiscounted basic package, to show what the discount saves. */
  basicBeforeDiscount: number;
  /** An unconfirmed discount that may apply: shown as "an officer confirms", never applied. */
  possibleDiscount: { rule: DiscountRule; basic: number } | null;
}

function activeRule(rates: Rates, input: ContributionInput, confirmed: boolean): DiscountRule | null {
  if (input.governmentPays) return null;
  const kind = input.transport ? 'transport' : 'other';
  return (
    rates.discounts.find(
      (d) =>
        d.confirmed === confirmed &&
        (d.appliesTo === kind || d.appliesTo === 'all') &&
        d.from <= input.date &&
        input.date <= d.to,
    ) ?? null
  );
}

/** BPU (informal worker) monthly contribution from the rates file: JKK %, JKM flat, optional JHT %. */
export function computeBpuContribution(rates: Rates, input: ContributionInput): Contribution {
  const { bpu } = rates;
  const basis = Math.max(input.income, bpu.minIncome);
  const jkkFull = Math.round((basis * bpu.jkkPercent) / 100);
  const jkmFull = bpu.jkmFlat;
  const jht = Math.round((basis * bpu.jhtPercent) / 100);
  const discount = activeRule(rates, input, true);
  const cut = (amount: number, prog: 'JKK' | 'JKM', rule: DiscountRule | null) =>
    rule && rule.programmes.includes(prog) ? Math.round(amount * rule.factor) : amount;
  const jkk = cut(jkkFull, 'JKK', discount);
  const jkm = cut(jkmFull, 'JKM', discount);
  const possible = discount ? null : activeRule(rates, input, false);
  return {
    basis,
    raisedToFloor: input.income < bpu.minIncome,
    jkk,
    jkm,
    jht,
    basic: jkk + jkm,
    withJht: jkk + jkm + jht,
    discount,
    basicBeforeDiscount: jkkFull + jkmFull,
    possibleDiscount: possible
      ? { rule: possible, basic: cut(jkkFull, 'JKK', possible) + cut(jkmFull, 'JKM', possible) }
      : null,
  };
}
