import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeBpuContribution } from '../../src/domain/contribution.js';
import { figures } from '../../src/domain/figures.js';
import { formatRupiah } from '../../src/domain/income.js';
import { loadRates, RatesSchema } from '../../src/domain/rates.js';
import { makeReference, parseReference } from '../../src/domain/reference.js';
import { loadProgrammeSettings, SettingsError } from '../../src/settings.js';
import { seeded } from '../helpers/harness.js';

describe('data files', () => {
  it('the shipped settings and rates validate', () => {
    expect(loadProgrammeSettings('data/programme.example.json').groups.length).toBeGreaterThan(3);
    expect(loadRates('data/rates.json').bpu.jkmFlat).toBe(6800);
  });

  it('a broken settings file fails at start with the field named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindung-settings-'));
    const path = join(dir, 's.json');
    const good = JSON.parse(JSON.stringify(loadProgrammeSettings('data/programme.example.json')));
    good.groups[0].funded = true;
    delete good.groups[0].fundedBy;
    good.areas = [];
    writeFileSync(path, JSON.stringify(good));
    expect(() => loadProgrammeSettings(path)).toThrow(SettingsError);
    expect(() => loadProgrammeSettings(path)).toThrow(/areas/);
  });

  it('figures are formatted the Indonesian way from the rates file', () => {
    const f = figures(loadRates('data/rates.json'), 'id');
    expect(f.bpuBasic).toBe('Rp16.800');
    expect(f.bpuWithJht).toBe('Rp36.800');
    expect(f.jkmTotal).toBe('Rp42 juta');
    expect(f.jkmScholarshipTkSd).toBe('Rp1,5 juta');
    expect(f.wageJkkRange).toBe('0,24%–1,74%');
    expect(figures(loadRates('data/rates.json'), 'en').jkmTotal).toBe('Rp42 million');
  });

  it('discount figures come from the PP 50/2025 rules: amount after the cut and dates in words', () => {
    const rates = loadRates('data/rates.json');
    const id = figures(rates, 'id');
    const en = figures(rates, 'en');
    expect(id.discountTransportBasic).toBe('Rp8.400');
    expect(id.discountTransportCut).toBe('50%');
    expect(id.discountTransportFrom).toBe('1 Januari 2026');
    expect(id.discountTransportTo).toBe('31 Maret 2027');
    expect(en.discountTransportTo).toBe('31 March 2027');
    expect(id.discountOtherBasic).toBe('Rp8.400');
    expect([id.discountOtherFrom, id.discountOtherTo]).toEqual(['1 April 2026', '31 Desember 2026']);
    expect(id.discountSource).toBe('PP 50/2025');
  });

  it('the discounted amount matches what the calculator charges a transport worker on the lowest income', () => {
    const rates = loadRates('data/rates.json');
    const r = computeBpuContribution(rates, { income: 0, date: '2026-06-01', transport: true, governmentPays: false });
    expect(figures(rates, 'id').discountTransportBasic).toBe(formatRupiah(r.basic));
    const other = computeBpuContribution(rates, { income: 0, date: '2026-06-01', transport: false, governmentPays: false });
    expect(figures(rates, 'id').discountOtherBasic).toBe(formatRupiah(other.possibleDiscount!.basic));
  });

  it('other figures the knowledge base needs', () => {
    const f = figures(loadRates('data/rates.json'), 'id');
    expect(f.bpuJkkMin).toBe('Rp10.000');
    expect(f.bpuJhtMin).toBe('Rp20.000');
    expect(f.jpPensionAgeNowYears).toBe('2025–2027');
    expect(f.jpPensionAgeStepYears).toBe('3');
    expect(f.wageJpCapFrom).toBe('1 Maret 2024');
    expect(f.dataRightsHours).toBe('72');
    expect(f.dataBreachHours).toBe('72');
    expect(f.nikDigits).toBe('16');
    expect(f.foreignerMinMonths).toBe('6');
  });

  it('a rates file without both discount rules fails at start (the texts name both)', () => {
    const raw = JSON.parse(readFileSync('data/rates.json', 'utf8'));
    raw.discounts = raw.discounts.filter((d: { appliesTo: string }) => d.appliesTo !== 'other');
    expect(RatesSchema.safeParse(raw).success).toBe(false);
  });

  it('reference codes use an unambiguous alphabet and parse back loosely', () => {
    const random = seeded(7);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const ref = makeReference(random);
      expect(ref).toMatch(/^LD-[2-9A-HJKMNP-Z]{5}$/);
      expect(parseReference(ref.toLowerCase().replace('-', ' '))).toBe(ref);
      seen.add(ref);
    }
    expect(seen.size).toBeGreaterThan(990);
    expect(parseReference('LD-0O1IL')).toBeUndefined();
  });
});
