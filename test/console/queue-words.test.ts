// The words of a queue row: waiting time, the day it came in, its checks.
import { describe, expect, it } from 'vitest';
import { checkWords, shortDay } from '../../src/console/queue-words.js';
import { waitWords } from '../../src/console/detail-words.js';
import { createTranslator } from '../../src/i18n.js';

const t = createTranslator()('id');
const en = createTranslator()('en');
const NOW = Date.UTC(2026, 10, 22, 1, 0, 0); // 22 Nov 2026 09:00 WITA
const MIN = 60_000;

describe('waiting time', () => {
  it('uses the largest whole unit, in Indonesian', () => {
    expect(waitWords(t, 10_000, { brief: true })).toBe('1 menit');
    expect(waitWords(t, 59 * MIN, { brief: true })).toBe('59 menit');
    expect(waitWords(t, 60 * MIN, { brief: true })).toBe('1 jam');
    expect(waitWords(t, (5 * 60 + 59) * MIN, { brief: true })).toBe('5 jam');
    expect(waitWords(t, 24 * 60 * MIN, { brief: true })).toBe('1 hari');
    expect(waitWords(t, 3.9 * 24 * 60 * MIN, { brief: true })).toBe('3 hari');
    expect(waitWords(t, -5 * MIN, { brief: true })).toBe('1 menit'); // a clock a little ahead
    expect(waitWords(en, 3 * 24 * 60 * MIN, { brief: true })).toBe('3 days');
  });
});

describe('the day a registration came in', () => {
  it('is short in the regency zone, with the year only when it is not this one', () => {
    expect(shortDay(NOW, 'Asia/Makassar', NOW)).toBe('22 Nov');
    expect(shortDay(Date.UTC(2026, 7, 16, 17, 0), 'Asia/Makassar', NOW)).toBe('17 Agu'); // 01:00 WITA on the 17th
    expect(shortDay(Date.UTC(2026, 7, 16, 17, 0), 'UTC', NOW)).toBe('16 Agu');
    expect(shortDay(Date.UTC(2025, 11, 3, 4, 0), 'Asia/Makassar', NOW)).toBe('3 Des 2025');
  });
});

describe('checks in words', () => {
  it('gives a short word for the row and the full sentence for its tooltip', () => {
    expect(checkWords(t, 'registry_check')).toEqual({ short: 'Cek DTSEN', long: 'Perlu cek data sosial (DTSEN/DTKS)' });
    expect(checkWords(t, 'unknown_region')).toEqual({ short: 'Wilayah NIK?', long: 'Kode wilayah NIK tidak dikenal' });
    expect(checkWords(t, 'quota_full').short).toBe('Kuota penuh');
  });

  it('has a short word for every check that has a sentence', async () => {
    const id = (await import('../../locales/id.json', { with: { type: 'json' } })).default as { console: { check: Record<string, string>; queue: { check: Record<string, string> } } };
    expect(Object.keys(id.console.queue.check).sort()).toEqual(Object.keys(id.console.check).sort());
  });

  it('falls back to the code for a check nobody has words for yet', () => {
    expect(checkWords(t, 'brand_new_check')).toEqual({ short: 'brand_new_check', long: 'brand_new_check' });
  });
});
