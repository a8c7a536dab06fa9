import { stemmer as stemId } from '@orama/stemmers/indonesian';
import { editDistance } from '../domain/normalize.js';
import { informalWords, isStopWord } from './normalize.js';
import type { Vocabulary } from './vocabulary.js';

/** One concept found in a message, with the words it covers. */
export interface ConceptHit {
  concept: string;
  start: number;
  end: number;
}

/** What the message says, as concepts, plus the content words nothing explained. */
export interface ConceptReading {
  words: string[];
  concepts: Set<string>;
  hits: ConceptHit[];
  /** Content words (not stop words, not digits) that no concept covers. */
  unknown: string[];
}

/** Kinds of worker, and the words a person names themselves with. */
const WORKERS = new Set(['own_account', 'transport', 'wage', 'village_role', 'rentan', 'foreigner', 'not_working']);
const SELF = new Set(['saya', 'kami', 'am', 'im', 'm', 'are', 'sebagai', 'jadi']);

/** Words that negate the next one or two, and what they can negate: a choice between programmes, kinds of worker or wishes. */
const NEGATIONS = new Set(['tidak', 'bukan', 'jangan', 'not', 'don', 'dont', 'never', 'selain', 'besides', 'except', 'kecuali']);
const NEGATABLE = new Set(['want', 'register_now', 'register', 'scholarship', 'kesehatan', 'contribution', 'wage', 'own_account', 'transport', 'village_role', 'claim', 'funeral']);
/** A programme is only set aside by a contrast ("selain JHT", "bukan JKK, JKM"): "boleh ga ikut JHT" still asks about JHT. */
const CONTRASTS = new Set(['selain', 'besides', 'except', 'kecuali', 'bukan']);
const PROGRAMME_CONCEPTS = new Set(['jkk', 'jkm', 'jht', 'jp', 'jkp', 'jkk_named', 'jkm_named']);

const PREFIXES = ['di', 'ke', 'ter', 'ber', 'me', 'mem', 'men', 'meng', 'nge', 'ng'];
const SUFFIXES = ['kan', 'in', 'i', 'an'];

/**
 * The light forms of a chat word a vocabulary word may hide behind: "dicairkannya" → "cair",
 * "daftarin" → "daftar", Sundanese "disiapkeun" and Javanese "didaftarke" → "-kan", "bisaji" → "bisa".
 */
function lightForms(word: string, enclitics: readonly string[]): string[] {
  const forms = new Set([word]);
  if (word.length >= 7 && word.endsWith('keun')) forms.add(`${word.slice(0, -4)}kan`);
  if (word.length >= 7 && word.endsWith('ke')) forms.add(`${word.slice(0, -2)}kan`);
  for (const e of enclitics) if (word.length - e.length >= 3 && word.endsWith(e)) forms.add(word.slice(0, -e.length));
  for (const f of [...forms]) {
    for (const s of SUFFIXES) if (f.length - s.length >= 3 && f.endsWith(s)) forms.add(f.slice(0, -s.length));
  }
  for (const f of [...forms]) {
    for (const p of PREFIXES) if (f.length - p.length >= 3 && f.startsWith(p)) forms.add(f.slice(p.length));
  }
  return [...forms];
}

/** Every way to delete one letter: two words one typo apart share one of these (SymSpell). */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Finds the vocabulary's concepts in a message. Each phrase matches a run of words; a word matches a
 * vocabulary word exactly, through a light affix ("-nya", "di-…-kan"), through its Indonesian stem,
 * or one typo away (words of 6+ letters, our own words only). A phrase inside a longer matching phrase does not count
 * ("bpjs" inside "bpjs kesehatan").
 */
export function createConceptIndex(vocab: Vocabulary) {
  // Phrases as word lists, indexed by their first word.
  const byFirst = new Map<string, { concept: string; words: string[] }[]>();
  const known = new Set<string>();
  for (const [concept, phrases] of Object.entries(vocab.concepts)) {
    for (const phrase of phrases) {
      const words = informalWords(phrase);
      if (words.length === 0) continue;
      for (const w of words) known.add(w);
      const list = byFirst.get(words[0]!) ?? [];
      list.push({ concept, words });
      byFirst.set(words[0]!, list);
    }
  }
  const byStem = new Map<string, string[]>();
  const byDeletion = new Map<string, Set<string>>();
  // Typos and stems are corrected towards our own words only: an off-topic word must be typed as it is.
  const ours = new Set<string>();
  for (const [concept, phrases] of Object.entries(vocab.concepts)) {
    if (concept.startsWith('oos_')) continue;
    for (const phrase of phrases) for (const w of informalWords(phrase)) ours.add(w);
  }
  for (const w of ours) {
    if (w.length >= 4 && /^\p{L}+$/u.test(w)) {
      const st = stemId(w);
      if (st.length >= 4) byStem.set(st, [...(byStem.get(st) ?? []), w]);
    }
    // Function words are not typo targets ("kelapa" is not "kenapa").
    if (w.length >= 6 && !isStopWord(w)) {
      for (const d of [w, ...deletions(w)]) {
        const set = byDeletion.get(d) ?? new Set<string>();
        set.add(w);
        byDeletion.set(d, set);
      }
    }
  }
  const enclitics = vocab.enclitics;
  const particles = new Set(vocab.particles);

  /** The vocabulary words this chat word can stand for (empty when none). */
  function candidates(word: string): Set<string> {
    // A known word may also hide a shorter one ("dibayar" is "bayar", "mendaftarkan" is "daftar"), never a tiny one ("berapa" is not "apa").
    if (known.has(word)) return new Set([word, ...lightForms(word, enclitics).filter((f) => f.length >= 4 && known.has(f))]);
    // Function words are never a typo of a topic word ("kalau" is not "galau").
    if (isStopWord(word)) return new Set();
    const exact = lightForms(word, enclitics).filter((f) => known.has(f));
    if (exact.length) return new Set(exact);
    if (/^\p{L}+$/u.test(word) && word.length >= 4) {
      const stemmed = byStem.get(stemId(word));
      if (stemmed) return new Set(stemmed);
    }
    if (word.length >= 6 && /^\p{L}+$/u.test(word)) {
      // One typo: a deletion on either side meets (covers a missing, extra, changed or swapped letter).
      const found = new Set<string>();
      for (const d of [word, ...deletions(word)]) for (const w of byDeletion.get(d) ?? []) found.add(w);
      // A typo rarely changes the first letter ("buliah" is Minang, not "kuliah").
      const close = [...found].filter((w) => w.length >= 6 && w[0] === word[0] && editDistance(word, w, 1) <= 1);
      if (close.length === 1) return new Set(close);
    }
    return new Set();
  }

  /** "ketenaga kerjaan", "pen daftaran": a word split in two by a space is read as one. */
  function joinSplitWords(words: string[]): string[] {
    const joined: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const a = words[i]!;
      const b = words[i + 1];
      if (b !== undefined && !known.has(a) && !known.has(b) && /^\p{L}+$/u.test(a + b)) {
        const whole = informalWords(a + b);
        if (whole.length === 1 && known.has(whole[0]!)) {
          joined.push(whole[0]!);
          i++;
          continue;
        }
      }
      joined.push(a);
    }
    return joined;
  }

  return {
    read(text: string): ConceptReading {
      // Particles ("sih", "teh", "ji", "mah") carry no meaning and would split a phrase: they go first.
      const words = joinSplitWords(informalWords(text.slice(0, 400)).filter((w) => !particles.has(w)));
      const cands = words.map(candidates);
      const raw: ConceptHit[] = [];
      for (let i = 0; i < words.length; i++) {
        for (const first of cands[i]!) {
          for (const phrase of byFirst.get(first) ?? []) {
            const n = phrase.words.length;
            if (i + n > words.length) continue;
            let ok = true;
            for (let k = 1; k < n && ok; k++) ok = cands[i + k]!.has(phrase.words[k]!);
            if (ok && !raw.some((h) => h.concept === phrase.concept && h.start === i && h.end === i + n)) raw.push({ concept: phrase.concept, start: i, end: i + n });
          }
        }
      }
      // "tidak mau daftar", "bukan iuran karyawan, iuran mandiri brp", "selain JHT": what is negated is not asked,
      // unless it is asked again elsewhere. Fears and facts ("ga bakal disebar kan?", "ga punya rekening") stay.
      const negated = raw.filter(
        (h) =>
          (NEGATABLE.has(h.concept) && [1, 2].some((d) => NEGATIONS.has(words[h.start - d] ?? ''))) ||
          (PROGRAMME_CONCEPTS.has(h.concept) && [1, 2].some((d) => CONTRASTS.has(words[h.start - d] ?? ''))),
      );
      for (const h of negated) {
        const elsewhere = raw.some((o) => o.concept === h.concept && !negated.includes(o));
        if (!elsewhere) raw.splice(raw.indexOf(h), 1);
      }
      // A phrase strictly inside a longer one is that longer phrase's word, not a concept of its own.
      const hits = raw.filter(
        (h) => !raw.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
      );
      const covered = new Set<number>();
      for (const h of hits) for (let k = h.start; k < h.end; k++) covered.add(k);
      const unknown = words.filter((w, i) => !covered.has(i) && !isStopWord(w) && !/^\d+$/.test(w) && w.length > 1);
      const concepts = new Set(hits.map((h) => h.concept));
      if (statesAge(words)) concepts.add('age');
      // "saya petani", "i am a driver": who the person is, said of themselves.
      if (hits.some((h) => WORKERS.has(h.concept) && SELF.has(words[h.start - 1] ?? '') || (words[h.start - 1] === 'a' && SELF.has(words[h.start - 2] ?? '')))) concepts.add('self');
      return { words, concepts, hits, unknown };
    },
  };
}

export type ConceptIndex = ReturnType<typeof createConceptIndex>;

/** "umur 60", "sudah 70 tahun", "he's 66": an age is part of the question (numbers alone are not). */
function statesAge(words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const n = /^\d{2}$/.test(words[i]!) ? Number(words[i]) : NaN;
    if (Number.isNaN(n)) continue;
    const before = words[i - 1] ?? '';
    const after = words[i + 1] ?? '';
    // "PP 50 tahun 2025" is a regulation, not an age.
    if (['pp', 'uu', 'permenaker', 'nomor', 'no', 'perpres', 'perda'].includes(before)) continue;
    if (['umur', 'usia', 'age', 'aged', 's', 'm', 'umurnya', 'usianya'].includes(before)) return true;
    // "lahir tahun 58": a birth year.
    if (before === 'tahun' && words[i - 2] === 'lahir') return true;
    const years = ['tahun', 'years', 'year', 'yo', 'thn'].includes(after);
    // "anak 17 tahun", "bapak saya 67": a person and a number; "sudah 70 tahun": old enough to be an age.
    if (['anak', 'bapak', 'ibu', 'saya', 'dia', 'suami', 'istri', 'he', 'she'].includes(before) && (years || n >= 45)) return true;
    if (n >= 45 && years) return true;
  }
  return false;
}
