import { describe, expect, it } from 'vitest';
import { figures } from '../src/domain/figures.js';
import { loadRates } from '../src/domain/rates.js';
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
// i18next reads a key ending in one of these as a plural form (x_one, x_other: the key x with `count`).
const PLURAL = /_(zero|one|two|few|many|other)$/;
const pluralBase = (key: string) => key.replace(PLURAL, '');

describe('locales', () => {
  const { id, en } = loadLocales();
  const fid = flatten(id);
  const fen = flatten(en);

  it('English has exactly the Indonesian keys, with the same placeholders', () => {
    // A plural family counts as its one key: Indonesian has only x_other, English x_one and x_other.
    const keys = (f: Map<string, string>) => [...new Set([...f.keys()].map(pluralBase))].sort();
    expect(keys(fen)).toEqual(keys(fid));
    for (const [key, text] of fen) {
      const same = fid.get(key) ?? fid.get(`${pluralBase(key)}_other`)!;
      const p = (s: string) => (key === pluralBase(key) ? placeholders(s) : placeholders(s).filter((x) => x !== 'count'));
      expect({ key, p: p(text) }).toEqual({ key, p: p(same) });
    }
  });

  it('a key ends in a plural suffix (_one, _other…) only as part of a whole plural family', () => {
    for (const [lang, f] of [['id', fid], ['en', fen]] as const) {
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
      const families = new Map<string, string[]>();
      for (const key of f.keys()) {
        const m = PLURAL.exec(key);
        if (m) families.set(pluralBase(key), [...(families.get(pluralBase(key)) ?? []), m[1]!]);
      }
      for (const [base, forms] of families) {
        // e.g. 'reg.duplicate_other' next to 'reg.duplicate_own' is not a plural: i18next would read
        // it as the "other" form of 'reg.duplicate'.
        const missing = needed.filter((c) => !forms.includes(c));
        const stray = forms.filter((c) => c !== 'zero' && !needed.includes(c));
        expect({ lang, base, missing, stray, alsoPlain: f.has(base) }).toEqual({ lang, base, missing: [], stray: [], alsoPlain: false });
      }
    }
  });

  it('no message text writes a rupiah amount or percentage itself (figures come from data/rates.json)', () => {
    for (const [key, text] of [...fid, ...fen]) {
      expect({ key, bad: /Rp\s?\d|\d+(,\d+)?\s?%/.test(text) }).toEqual({ key, bad: false });
    }
  });

  describe('knowledge base', () => {
    const kb = (lang: 'id' | 'en') => (lang === 'id' ? id : en).kb as Record<string, Record<string, string>>;
    const topics = Object.keys(kb('id'));
    const rates = loadRates('data/rates.json');
    // Amounts written out instead of coming from the rates file: Rp1.000, 1%, 1.000.000, 2 juta, 5 million.
    const literalAmount = /Rp\s?\d|\d+(,\d+)?\s?%|\d{1,3}(\.\d{3})+|\d+(,\d+)?\s?(juta|ribu|jt|rb|million|thousand)\b/i;

    it('every topic has a title, keywords, answer, gist and next step in both languages', () => {
      expect(Object.keys(kb('en')).sort()).toEqual([...topics].sort());
      for (const lang of ['id', 'en'] as const) {
        for (const topic of topics) {
          const e = kb(lang)[topic]!;
          const missing = ['title', 'keywords', 'answer', 'gist', 'next'].filter((f) => !e[f]?.trim());
          expect({ lang, topic, missing }).toEqual({ lang, topic, missing: [] });
        }
      }
    });

    it('gist and next never write an amount themselves', () => {
      for (const lang of ['id', 'en'] as const) {
        for (const topic of topics) {
          for (const field of ['gist', 'next']) {
            const text = kb(lang)[topic]![field]!;
            expect({ lang, topic, field, bad: literalAmount.test(text) }).toEqual({ lang, topic, field, bad: false });
          }
        }
      }
    });

    it('a gist is one line of at most 60 characters once its figures are filled in', () => {
      for (const lang of ['id', 'en'] as const) {
        const f = figures(rates, lang);
        for (const topic of topics) {
          const gist = kb(lang)[topic]!.gist!.replace(/\{\{(\w+)\}\}/g, (_, k: string) => f[k] ?? `{{${k}}}`);
          expect({ lang, topic, gist, ok: gist.length <= 60 && !gist.includes('\n') && !gist.includes('{{') }).toEqual({ lang, topic, gist, ok: true });
        }
      }
    });

    it('answers never say "balas 2"/"reply 2": in the middle of a registration that number would be taken as the answer', () => {
      for (const lang of ['id', 'en'] as const) {
        for (const topic of topics) {
          const answer = kb(lang)[topic]!.answer!;
          expect({ lang, topic, bad: /\b(balas|reply)\s+\d/i.test(answer) }).toEqual({ lang, topic, bad: false });
        }
      }
    });

    it('every placeholder in an answer or gist is a figure or one of the office values topicAnswer passes', () => {
      const known = new Set([...Object.keys(figures(rates, 'id')), 'regency', 'office', 'phone', 'hours', 'address', 'inspection', 'inspectionPhone']);
      for (const topic of topics) {
        for (const field of ['answer', 'gist', 'next']) {
          const unknown = placeholders(kb('id')[topic]![field]!).filter((p) => !known.has(p!));
          expect({ topic, field, unknown }).toEqual({ topic, field, unknown: [] });
        }
      }
    });
  });

  it('has an out-of-scope reply for each kind of question we send elsewhere, in both languages', () => {
    for (const key of ['general', 'kesehatan', 'bansos', 'loan', 'prakerja', 'job', 'tax']) {
      expect(fid.get(`faq.out_of_scope.${key}`)).toBeTruthy();
      expect(fen.get(`faq.out_of_scope.${key}`)).toBeTruthy();
    }
  });

  describe('translator', () => {
    const t = createTranslator();

    it('translates with values filled in, per language', () => {
      expect(t('id')('reg.submitted', { reference: 'LD-ABCDE', office: 'Kantor', phone: '0511' })).toContain('Kode: LD-ABCDE');
      expect(t('en')('reg.submitted', { reference: 'LD-ABCDE', office: 'Office', phone: '0511' })).toContain('LD-ABCDE');
      expect(t('id')('menu.registration')).toBe('Daftar');
      expect(t('en')('menu.registration')).not.toBe('Daftar');
      expect(t('en')('menu.registration')).toBe(t('en')('menu.registration'));
    });

    it('picks the plural form from count: English says "sign-ups … were", Indonesian has one form', () => {
      const kept = (lang: 'id' | 'en', refs: string[]) => t(lang)('mydata.withdrawn_kept', { count: refs.length, references: refs.join(', '), phone: '0511' });
      expect(kept('en', ['LD-AAAAA'])).toMatch(/^Sign-up LD-AAAAA was already approved.*delete it,/);
      expect(kept('en', ['LD-AAAAA', 'LD-BBBBB'])).toMatch(/^Sign-ups LD-AAAAA, LD-BBBBB were already approved.*delete them,/);
      expect(kept('id', ['LD-AAAAA'])).toMatch(/^Pendaftaran LD-AAAAA sudah disetujui/);
      expect(kept('id', ['LD-AAAAA', 'LD-BBBBB'])).toMatch(/^Pendaftaran LD-AAAAA, LD-BBBBB sudah disetujui/);
    });

    it('fills values in as they are: never as i18next options, placeholders or nested keys', () => {
      expect(t('en')('menu.registration', { lng: 'id', ns: 'x', defaultValue: 'x' })).toBe(t('en')('menu.registration'));
      const text = t('id')('reg.submitted', { reference: '$t(menu.registration)', office: '{{phone}}', phone: '<b>0511</b>' });
      expect(text).toContain('$t(menu.registration)');
      expect(text).toContain('petugas {{phone}} memeriksa');
      expect(text).toContain('<b>0511</b>');
      expect(text).not.toContain('Daftar');
    });

    it('shows a missing key as the key, and the key type rejects it', () => {
      // @ts-expect-error: not a key of locales/id.json, which is what the key type is built from
      expect(t('en')('reg.no_such_key')).toBe('reg.no_such_key');
    });
  });
});
