import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figures } from '../../src/domain/figures.js';
import { loadRates } from '../../src/domain/rates.js';
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
