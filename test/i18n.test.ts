import { describe, expect, it } from 'vitest';
import { createTranslator, loadLocales } from '../src/i18n.js';

function flatten(o: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const { id, en } = loadLocales();
  const fid = flatten(id);
  const fen = flatten(en);

  it('English has exactly the Indonesian keys, with the same placeholders', () => {
    expect([...fen.keys()].sort()).toEqual([...fid.keys()].sort());
    for (const [key, text] of fid) expect({ key, p: placeholders(fen.get(key)!) }).toEqual({ key, p: placeholders(text) });
  });

  it('no message text writes a rupiah amount or percentage itself (figures come from data/rates.json)', () => {
    for (const [key, text] of [...fid, ...fen]) {
      expect({ key, bad: /Rp\s?\d|\d+(,\d+)?\s?%/.test(text) }).toEqual({ key, bad: false });
    }
  });

  it('translates with values filled in, per language', () => {
    const t = createTranslator();
    expect(t('id')('reg.submitted', { reference: 'LD-ABCDE', office: 'Kantor', phone: '0511' })).toContain('Kode: LD-ABCDE');
    expect(t('en')('reg.submitted', { reference: 'LD-ABCDE', office: 'Office', phone: '0511' })).toContain('LD-ABCDE');
    expect(t('id')('menu.registration')).toBe('Daftar');
    expect(t('en')('menu.registration')).not.toBe('Daftar');
  });
});
