import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemId } from '@orama/stemmers/indonesian';
import { normalizeText } from '../domain/normalize.js';
import { loadVocabulary } from './vocabulary.js';

// Every word list lives in data/vocabulary.json; these are its lookups.
const vocab = loadVocabulary();
/** Chat abbreviations and slang, written out (one token to one or more words). */
const SLANG = new Map<string, string>(Object.entries(vocab.slang));
/** Function words that say nothing about the topic (Indonesian and English). */
const STOP = new Set(vocab.stopwords);
/** Words that open a question ("how much...", "apakah..."). */
const QUESTION_START = new Set(vocab.questionStart);
/** Indonesian question words that make a question wherever they stand ("iurannya berapa"). */
const QUESTION_ANYWHERE = new Set(vocab.questionAnywhere);
/** Words that end a yes/no question ("termasuk rentan tidak", "bisa kah"). */
const QUESTION_END = new Set(vocab.questionEnd);
const ENGLISH = new Set(vocab.english);
const PARTICLES = new Set(vocab.particles);
const INDONESIAN = new Set(vocab.indonesian);

/** Lowercase words with slang expanded, stretched letters folded ("brpaaa" → "berapa") and "anak2" doubled. */
export function informalWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of normalizeText(text).split(' ')) {
    if (!raw) continue;
    const folded = raw.replace(/(\p{L})\1{2,}/gu, '$1');
    // A Map, so "constructor" is a word, not Object.prototype's.
    const expanded = SLANG.get(folded);
    if (expanded) {
      words.push(...expanded.split(' '));
      continue;
    }
    // "anak2", "kira2": the 2 repeats the word.
    const doubled = /^(\p{L}{2,})2$/u.exec(folded);
    if (doubled) {
      const w = SLANG.get(doubled[1]!) ?? doubled[1]!;
      words.push(...w.split(' '));
      continue;
    }
    words.push(folded);
  }
  return words;
}

/** True for words that say nothing about the topic. */
export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/** The index's view of a word: the word and its Indonesian and English stems (stop words dropped). */
export function indexTerms(word: string): string[] {
  if (STOP.has(word) || word.length < 2) return [];
  const terms = new Set([word, stemId(word), stemEn(word)]);
  return [...terms].filter((t) => t.length >= 2);
}

/** True when the message reads as a question rather than an answer. */
export function looksLikeQuestion(text: string, words = informalWords(text)): boolean {
  if (text.trim().endsWith('?')) return true;
  if (words[0] !== undefined && QUESTION_START.has(words[0])) return true;
  const last = words.filter((w) => !PARTICLES.has(w)).at(-1);
  if (words.length >= 3 && last !== undefined && QUESTION_END.has(last)) return true;
  return words.some((w) => QUESTION_ANYWHERE.has(w));
}

/** 'en' when English words outnumber Indonesian ones. */
export function detectLanguage(words: string[]): 'id' | 'en' | undefined {
  let en = 0;
  let id = 0;
  for (const w of words) {
    if (ENGLISH.has(w)) en++;
    if (INDONESIAN.has(w)) id++;
  }
  if (en === 0 && id === 0) return undefined;
  return en > id ? 'en' : 'id';
}
