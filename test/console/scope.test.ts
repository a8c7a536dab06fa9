// The one derivation of an officer's scope (console/scope.tsx) and who may give whom which scope
// (console/officers-routes.tsx), as pure rules.
import { describe, expect, it } from 'vitest';
import { manages, scopeProblem } from '../../src/console/officers-routes.js';
import { officerScope, rowScope, sees } from '../../src/console/scope.js';
import { RegencyRegistry } from '../../src/regencies.js';
import { BANJAR, TANBU, TWO_REGENCIES } from './regencies-fixture.js';

const two = RegencyRegistry.load(TWO_REGENCIES.split(','));
const one = RegencyRegistry.load(['data/regencies/banjar.json']);
const officer = (regency: string | null, groups: string[] | null = null, readOnly = false) => ({ regency, groups, readOnly });

describe('an officer scope', () => {
  it('is every regency served without a regency, theirs when it is served, none when it is not', () => {
    expect(officerScope(officer(null), two)).toEqual({ regencies: [BANJAR, TANBU], groups: null, readOnly: false, wide: true, everyRegency: false });
    expect(officerScope(officer(TANBU, null, true), two)).toEqual({ regencies: [TANBU], groups: null, readOnly: true, wide: false, everyRegency: false });
    expect(officerScope(officer('19.05'), two).regencies).toEqual([]);
    // With groups an officer of every regency is not the deployment's (no settings reload, no other officers).
    expect(officerScope(officer(null, ['pekerja_rentan']), two).wide).toBe(false);
  });

  it('needs no regency condition in a one-regency deployment, and sees nothing of a regency it lacks', () => {
    expect(rowScope(officerScope(officer(null), one))).toEqual({ regencies: null, groups: null });
    expect(rowScope(officerScope(officer(BANJAR, ['perangkat_desa']), one))).toEqual({ regencies: null, groups: ['perangkat_desa'] });
    expect(rowScope(officerScope(officer(null), two))).toEqual({ regencies: [BANJAR, TANBU], groups: null });
    expect(rowScope(officerScope(officer(null), two), TANBU)).toEqual({ regencies: [TANBU], groups: null });
    expect(rowScope(officerScope(officer(BANJAR), two), TANBU)).toEqual({ regencies: [], groups: null });
  });

  it("sees a registration of its regencies and groups; an erased one (no group left) only without a group limit", () => {
    const agency = officerScope(officer(BANJAR, ['perangkat_desa']), two);
    expect(sees(agency, { regency: BANJAR, groupId: 'perangkat_desa' })).toBe(true);
    expect(sees(agency, { regency: BANJAR, groupId: 'pekerja_rentan' })).toBe(false);
    expect(sees(agency, { regency: BANJAR, groupId: null })).toBe(false);
    expect(sees(agency, { regency: TANBU, groupId: 'perangkat_desa' })).toBe(false);
    expect(sees(officerScope(officer(BANJAR), two), { regency: BANJAR, groupId: null })).toBe(true);
  });
});

describe('giving scopes', () => {
  const wideAdmin = officer(null);
  const banjarAdmin = officer(BANJAR);
  const pmdAdmin = officer(BANJAR, ['perangkat_desa']);
  const scopeOf = (o: ReturnType<typeof officer>) => officerScope(o, two);
  const given = (regency: string | null, groups: string[] | null = null) => ({ regency, groups, readOnly: false });

  it("a regency's admin manages only their regency's officers (an agency's admin: within their groups)", () => {
    expect(manages(wideAdmin, scopeOf(wideAdmin), officer(TANBU))).toBe(true);
    expect(manages(banjarAdmin, scopeOf(banjarAdmin), officer(BANJAR, ['pekerja_rentan']))).toBe(true);
    expect(manages(banjarAdmin, scopeOf(banjarAdmin), officer(TANBU))).toBe(false);
    expect(manages(banjarAdmin, scopeOf(banjarAdmin), officer(null))).toBe(false);
    expect(manages(pmdAdmin, scopeOf(pmdAdmin), officer(BANJAR))).toBe(false);
    expect(manages(pmdAdmin, scopeOf(pmdAdmin), officer(BANJAR, ['perangkat_desa']))).toBe(true);
  });

  it('refuses a scope wider than the giver\'s, and unknown regencies or groups', () => {
    expect(scopeProblem(wideAdmin, scopeOf(wideAdmin), given(null), two)).toBeUndefined();
    expect(scopeProblem(wideAdmin, scopeOf(wideAdmin), given(TANBU, ['kader']), two)).toBeUndefined();
    expect(scopeProblem(wideAdmin, scopeOf(wideAdmin), given(BANJAR, ['kader']), two)).toBe('scope_invalid');
    expect(scopeProblem(wideAdmin, scopeOf(wideAdmin), given(null, ['kader']), two)).toBe('scope_invalid');
    expect(scopeProblem(wideAdmin, scopeOf(wideAdmin), given('19.05'), two)).toBe('scope_invalid');
    expect(scopeProblem(banjarAdmin, scopeOf(banjarAdmin), given(BANJAR, ['pekerja_rentan']), two)).toBeUndefined();
    expect(scopeProblem(banjarAdmin, scopeOf(banjarAdmin), given(null), two)).toBe('scope_wider');
    expect(scopeProblem(banjarAdmin, scopeOf(banjarAdmin), given(TANBU), two)).toBe('scope_wider');
    expect(scopeProblem(pmdAdmin, scopeOf(pmdAdmin), given(BANJAR), two)).toBe('scope_wider');
    expect(scopeProblem(pmdAdmin, scopeOf(pmdAdmin), given(BANJAR, ['perangkat_desa', 'pekerja_rentan']), two)).toBe('scope_wider');
    expect(scopeProblem(pmdAdmin, scopeOf(pmdAdmin), given(BANJAR, ['perangkat_desa']), two)).toBeUndefined();
  });
});
