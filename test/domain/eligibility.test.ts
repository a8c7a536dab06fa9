import { describe, expect, it } from 'vitest';
import { ageOn, evaluateEligibility, type EligibilityAnswers } from '../../src/domain/eligibility.js';
import { loadProgrammeSettings } from '../../src/settings.js';

const settings = loadProgrammeSettings('data/programme.example.json');
const base: EligibilityAnswers = { work: 'own', inRegistry: 'no', age: 40, area: 'Gunung Sari', member: 'no' };
const none = () => 0;

describe('eligibility', () => {
  it.each<[string, Partial<EligibilityAnswers>, string, string[], string?]>([
    ['already a member', { member: 'yes' }, 'covered', ['member_already']],
    ['wage worker', { work: 'wage' }, 'employer', ['wage_worker']],
    ['above the age limit', { age: 70 }, 'officer', ['age_above_limit']],
    ['below the minimum age', { age: 12 }, 'officer', ['age_below_min']],
    ['own account, not in registry', {}, 'register', ['self_paid'], 'self'],
    ['own account in registry', { inRegistry: 'yes' }, 'register', ['group_funded', 'registry_check'], 'APBD'],
    // Not knowing whether one is in the registry: who pays is for the officer's check to say, not the regency.
    ['own account, unsure about registry', { inRegistry: 'unsure' }, 'register', ['registry_unknown'], 'check'],
    ['perangkat desa', { work: 'village', roleGroupId: 'perangkat_desa' }, 'register', ['group_funded'], 'APBD'],
    ['LKD member paid from ADD', { work: 'village', roleGroupId: 'lkd' }, 'register', ['group_funded'], 'ADD'],
    ['outside the regency', { area: 'outside', work: 'village', roleGroupId: 'bpd' }, 'register', ['outside_area'], 'self'],
    ['unsure whether member', { member: 'unsure' }, 'register', ['self_paid', 'member_unsure'], 'self'],
    ['exactly at the age limit', { age: 65 }, 'register', ['self_paid'], 'self'],
  ])('%s', (_name, answers, kind, reasons, payer) => {
    const o = evaluateEligibility({ ...base, ...answers }, settings, none);
    expect(o.kind).toBe(kind);
    expect(o.reasons).toEqual(reasons);
    if (payer) expect(o.kind === 'register' && o.payer).toBe(payer);
  });

  it('sends a funded group with a full quota to an officer', () => {
    const o = evaluateEligibility({ ...base, work: 'village', roleGroupId: 'bpd' }, settings, (g) => (g === 'bpd' ? 300 : 0));
    expect(o).toMatchObject({ kind: 'officer', reasons: ['quota_full'] });
    const below = evaluateEligibility({ ...base, work: 'village', roleGroupId: 'bpd' }, settings, () => 299);
    expect(below.kind).toBe('register');
  });

  it.each([
    ['1980-08-17', '2026-08-16', 45],
    ['1980-08-17', '2026-08-17', 46],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ])('age of someone born %s on %s is %i', (birth, today, age) => {
    expect(ageOn(birth, today)).toBe(age);
  });
});
