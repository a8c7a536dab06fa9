import { describe, expect, it } from 'vitest';
import { createConceptIndex } from '../../src/faq/concepts.js';
import { createFaqMatcher, loadFaqTopics } from '../../src/faq/matcher.js';
import { informalWords, isStopWord } from '../../src/faq/normalize.js';
import { derivedConcepts, OUT_OF_SCOPE, ROUTES, route } from '../../src/faq/routes.js';
import { loadVocabulary } from '../../src/faq/vocabulary.js';
import { loadLocales } from '../../src/i18n.js';

const vocab = loadVocabulary();
const index = createConceptIndex(vocab);
const concepts = (text: string) => [...index.read(text).concepts].sort();
const topics = loadFaqTopics(loadLocales());

/** Concepts that are question shapes, not subjects: a stop word may be all they are. */
const FUNCTION_CONCEPTS = new Set(['what', 'howmuch', 'join', 'want', 'how', 'compare', 'data_use', 'capabilities', 'after', 'where', 'when', 'why', 'benefit', 'contribution', 'other_person', 'status', 'asking', 'which_option', 'office_visit', 'area', 'affects', 'limit', 'price', 'here', 'duration', 'filler', 'who', 'besides', 'interest', 'returned', 'deadline', 'is_work_accident', 'complain']);

describe('data/vocabulary.json', () => {
  it('every concept a route needs exists, and every route leads to a topic or an out-of-scope reply', () => {
    const known = new Set([...Object.keys(vocab.concepts), 'multi', 'many_programmes', 'age', 'self', 'field_question']);
    const ids = new Set(topics.map((t) => t.id));
    const missing = ROUTES.flatMap((r) => [...r.all, ...(r.any ?? []), ...(r.none ?? [])]).filter((c) => !known.has(c));
    expect([...new Set(missing)]).toEqual([]);
    const badTargets = ROUTES.map((r) => r.to).filter((to) => !(to.startsWith('oos:') ? (OUT_OF_SCOPE as readonly string[]).includes(to.slice(4)) : ids.has(to)));
    expect(badTargets).toEqual([]);
  });

  it('no subject phrase is only function words once slang is written out (it would fire on any sentence)', () => {
    const bad: string[] = [];
    for (const [concept, phrases] of Object.entries(vocab.concepts)) {
      if (FUNCTION_CONCEPTS.has(concept)) continue;
      for (const p of phrases) {
        const words = informalWords(p);
        if (words.every((w) => isStopWord(w) || vocab.particles.includes(w))) bad.push(`${concept}: ${p}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no phrase is listed twice in one concept, and slang never maps a word to itself', () => {
    for (const [concept, phrases] of Object.entries(vocab.concepts)) {
      const seen = phrases.map((p) => informalWords(p).join(' '));
      const dupes = seen.filter((p, i) => seen.indexOf(p) !== i);
      expect({ concept, dupes }).toEqual({ concept, dupes: [] });
    }
    expect(Object.entries(vocab.slang).filter(([k, v]) => k === v).map(([k]) => k)).toEqual([]);
  });
});

describe('reading concepts', () => {
  it.each([
    // affixes: -nya, -kah, -lah, di-…-kan, -in, Sundanese -keun and -na, Javanese -e, Makassar -ji
    ['iurannya berapa', ['contribution', 'howmuch']],
    ['bisakah dicairkannya jht', ['claim', 'jht']],
    ['daftarin saya', ['register_now']],
    ['naon wae anu kedah disiapkeun', ['documents', 'what']],
    ['iuranna sabaraha', ['contribution', 'howmuch']],
    ['keuntungane apa', ['benefit']],
    ['bisaji daftar', ['register']],
    // slang and regional words
    ['kulo tilar donya', ['jkm']],
    ['ulun handak bedaftar', ['register_now']],
    ['ambo indak bayia', ['late']],
    ['gue kagak didaftarin kantor', ['report']],
    // typos, split words, stretched letters, particles inside a phrase
    ['kecelakan kerjaa', ['jkk']],
    ['bpjs ketenaga kerjaan', ['bpjstk', 'bpjstk_named']],
    ['jkm itu apa sih', ['jkm', 'what']],
    ['bisa jkk jkm aja tanpa jht?', ['jht_choice']],
    ['data disimpan teh sampai kapan', ['retention']],
  ])('%s', (text, want) => {
    for (const c of want) expect(concepts(text)).toContain(c);
  });

  it('takes a longer phrase over the word inside it ("bpjs kesehatan" is not "bpjs")', () => {
    expect(concepts('bpjs kesehatan')).not.toContain('bpjstk');
    expect(concepts('biaya pemakaman')).toEqual(['funeral']);
  });

  it('corrects typos towards its own words only, and never turns a function word into a topic', () => {
    expect(concepts('kalau')).toEqual([]); // not "galau"
    expect(concepts('jadwal motogp')).toEqual(['oos_general']);
    expect(concepts('cuacaa')).toEqual([]); // off-topic words are matched exactly, or not at all
    expect(concepts('bentar ya')).toEqual([]);
  });

  it('knows an age from "umur 60" or "sudah 70 tahun", not from any number', () => {
    expect(concepts('umur 60 bisa ikut')).toContain('age');
    expect(concepts('bapak sudah 70 tahun')).toContain('age');
    expect(concepts('jht setelah 10 tahun')).not.toContain('age');
  });
});

describe('routing programme × aspect × entity', () => {
  const to = (text: string) => {
    const c = index.read(text).concepts;
    derivedConcepts(c);
    return route(c)?.to;
  };
  it.each([
    ['jkm itu apa sih', 'jkm'],
    ['iuran jkk brp persen', 'contribution_jkk'],
    ['jkm manfaatnya apa', 'jkm'],
    ['what do i get from jkm', 'jkm'],
    ['meninggal krn kecelakaan kerja dapet brp', 'jkk'],
    ['biaya penguburan dapet brp', 'jkm'],
    ['nomor wa pak lurah berapa', 'oos:general'],
    ['kartu bpjs tk sobek, bisa cetak ulang?', 'kpj'],
    ['jkk jkm jht itu apa aja', 'compare_programmes'],
    ['orang tua meninggal karena sakit, ahli waris dapat berapa', 'jkm'],
    ['saya tinggal beda kabupaten dengan ktp, iurannya tetap gratis?', 'regency_programme'],
    ['iuran bisa dibayar pakai shopeepay?', 'pay_how'],
    ['kepala desa dapat iuran gratis dari kabupaten ga', 'village_roles'],
    ['ini bot punya siapa, pemerintah atau penipu?', 'official'],
    ['pendaftaran sy udh diproses blm', 'check_status'],
    ['kader boleh daftarin tetangga?', 'register_other'],
    ['beda jht sama jp apa', 'compare_programmes'],
    ['bedanya bpjs tk sama bpjs kesehatan', 'kesehatan'],
    ['klaim bpjs kesehatan gmn', 'oos:kesehatan'],
    ['pinjaman kur buat modal', 'oos:loan'],
  ])('%s → %s', (text, want) => {
    expect(to(text)).toBe(want);
  });

  it('an unsure reading offers two or three answers instead of guessing', () => {
    const m = createFaqMatcher(topics).match('bpjs');
    expect(m.confident).toBe(false);
    expect(m.candidates.length).toBeGreaterThanOrEqual(2);
  });
});
