import { describe, expect, it } from 'vitest';
import { createFaqMatcher, loadFaqTopics } from '../../src/faq/matcher.js';
import { maskDigits } from '../../src/domain/normalize.js';
import { informalWords } from '../../src/faq/normalize.js';
import { loadLocales } from '../../src/i18n.js';
import { LABELLED } from './labelled.js';

const resources = loadLocales();
const topics = loadFaqTopics(resources);
const matcher = createFaqMatcher(topics);

describe('knowledge base', () => {
  it('has at least 40 topics, each with a title, keywords and an answer in both languages', () => {
    expect(topics.length).toBeGreaterThanOrEqual(40);
    const kb = { id: resources.id.kb as Record<string, Record<string, string>>, en: resources.en.kb as Record<string, Record<string, string>> };
    for (const t of topics) {
      for (const lang of ['id', 'en'] as const) {
        const entry = kb[lang][t.id]!;
        expect({ topic: t.id, lang, ok: !!entry.title && !!entry.keywords && !!entry.answer }).toEqual({ topic: t.id, lang, ok: true });
      }
    }
  });

  it('the labelled set names only known topics and covers every topic', () => {
    const ids = new Set(topics.map((t) => t.id));
    const unknown = LABELLED.filter((l) => l.topic !== null && !ids.has(l.topic));
    expect(unknown).toEqual([]);
    expect(LABELLED.length).toBeGreaterThanOrEqual(150);
  });
});

describe('matching informal questions', () => {
  const answerable = LABELLED.filter((l) => l.topic !== null);
  const unsure = LABELLED.filter((l) => l.topic === null);

  it('puts the right topic first for at least 90% of the labelled questions', () => {
    const misses = answerable.filter((l) => matcher.match(l.text).topic !== l.topic);
    const accuracy = 1 - misses.length / answerable.length;
    if (accuracy < 0.9) {
      console.log(misses.map((l) => `${l.text} -> ${matcher.match(l.text).topic} (want ${l.topic})`).join('\n'));
    }
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('never answers an off-topic or ambiguous message confidently', () => {
    const confident = unsure.filter((l) => matcher.match(l.text).confident).map((l) => `${l.text} -> ${matcher.match(l.text).topic}`);
    expect(confident).toEqual([]);
  });

  it('answers English questions in English', () => {
    const english = LABELLED.filter((l) => l.lang === 'en' && l.topic);
    expect(english.length).toBeGreaterThan(5);
    const wrong = english.filter((l) => matcher.match(l.text).lang !== 'en').map((l) => l.text);
    expect(wrong).toEqual([]);
  });
});

describe('normalising chat writing', () => {
  it.each([
    ['gmn cara daftar bpjs tk', ['bagaimana', 'cara', 'daftar', 'bpjs', 'ketenagakerjaan']],
    ['brpaaa iurannya sebulan??', ['berapa', 'iuran', 'sebulan']],
    ['klo meninggal dpt apa', ['kalau', 'meninggal', 'dapat', 'apa']],
    ['ga punya KTP gmn', ['tidak', 'punya', 'ktp', 'bagaimana']],
    ['2 jt per bln', ['2', 'juta', 'per', 'bulan']],
  ])('%s', (text, words) => {
    expect(informalWords(text)).toEqual(words);
  });

  it('masks digit runs that could be a NIK or a phone number', () => {
    expect(maskDigits('nik saya 6301011708800003 hp 0812-3456-7890 umur 45')).toBe('nik saya [angka] hp [angka] umur 45');
  });
});
