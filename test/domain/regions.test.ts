import { describe, expect, it } from 'vitest';
import { parseNik } from '../../src/domain/nik.js';
import { loadDistrictCodes } from '../../src/domain/regions.js';

describe('loadDistrictCodes', () => {
  it('loads every district as a 6-digit code', async () => {
    const codes = await loadDistrictCodes();
    expect(codes.size).toBeGreaterThan(7000);
    expect(codes.has('110101')).toBe(true);
    expect([...codes].every((c) => /^\d{6}$/.test(c))).toBe(true);
  });

  it('plugs into parseNik', async () => {
    const codes = await loadDistrictCodes();
    const opts = { today: '2025-06-15', isKnownDistrict: (c: string) => codes.has(c) };
    const known = parseNik('1101011708800003', opts);
    const unknown = parseNik('1199991708800003', opts);
    expect(known.ok && known.info.knownDistrict).toBe(true);
    expect(unknown.ok && unknown.info.knownDistrict).toBe(false);
  });
});
