import { describe, expect, it } from 'vitest';
import { computeBpuContribution } from '../../src/domain/contribution.js';
import { loadRates } from '../../src/domain/rates.js';

const rates = loadRates('data/rates.json');

describe('BPU contribution', () => {
  it.each([
    // income, date, transport, governmentPays -> jkk, jkm, jht, basic, withJht, raised
    [1_000_000, '2025-06-01', false, false, 10_000, 6_800, 20_000, 16_800, 36_800, false],
    [500_000, '2025-06-01', false, false, 10_000, 6_800, 20_000, 16_800, 36_800, true],
    [0, '2025-06-01', false, false, 10_000, 6_800, 20_000, 16_800, 36_800, true],
    [1_500_000, '2025-06-01', false, false, 15_000, 6_800, 30_000, 21_800, 51_800, false],
    [2_345_678, '2025-06-01', false, false, 23_457, 6_800, 46_914, 30_257, 77_171, false],
    // PP 50/2025 transport discount inside its dates halves JKK + JKM, never JHT.
    [1_000_000, '2026-11-22', true, false, 5_000, 3_400, 20_000, 8_400, 28_400, false],
    [1_000_000, '2026-01-01', true, false, 5_000, 3_400, 20_000, 8_400, 28_400, false],
    [1_000_000, '2027-03-31', true, false, 5_000, 3_400, 20_000, 8_400, 28_400, false],
    // Outside its dates, or where the regency pays, no discount.
    [1_000_000, '2025-12-31', true, false, 10_000, 6_800, 20_000, 16_800, 36_800, false],
    [1_000_000, '2027-04-01', true, false, 10_000, 6_800, 20_000, 16_800, 36_800, false],
    [1_000_000, '2026-11-22', true, true, 10_000, 6_800, 20_000, 16_800, 36_800, false],
  ])('%i on %s (transport %s, state pays %s)', (income, date, transport, governmentPays, jkk, jkm, jht, basic, withJht, raised) => {
    const r = computeBpuContribution(rates, { income, date, transport, governmentPays });
    expect(r).toMatchObject({ jkk, jkm, jht, basic, withJht, raisedToFloor: raised });
  });

  it('applies a confirmed discount and reports its rule', () => {
    const r = computeBpuContribution(rates, { income: 1_000_000, date: '2026-11-22', transport: true, governmentPays: false });
    expect(r.discount?.id).toBe('pp50_2025_transport');
    expect(r.basicBeforeDiscount).toBe(16_800);
    expect(r.possibleDiscount).toBeNull();
  });

  it('never applies an unconfirmed discount, only reports it as possible inside its dates', () => {
    const inside = computeBpuContribution(rates, { income: 1_000_000, date: '2026-11-22', transport: false, governmentPays: false });
    expect(inside.basic).toBe(16_800);
    expect(inside.discount).toBeNull();
    expect(inside.possibleDiscount).toMatchObject({ basic: 8_400 });
    expect(inside.possibleDiscount?.rule.confirmed).toBe(false);
    const after = computeBpuContribution(rates, { income: 1_000_000, date: '2027-01-01', transport: false, governmentPays: false });
    expect(after.possibleDiscount).toBeNull();
    const statePays = computeBpuContribution(rates, { income: 1_000_000, date: '2026-11-22', transport: false, governmentPays: true });
    expect(statePays.possibleDiscount).toBeNull();
  });
});
