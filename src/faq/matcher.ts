import MiniSearch from 'minisearch';
import type { Lang } from '../core/types.js';
import { detectLanguage, indexTerms, informalWords, looksLikeQuestion } from './normalize.js';

/** One knowledge-base topic as the index sees it (texts from locales/*.json `kb`). */
export interface FaqTopic {
  id: string;
  title: Record<Lang, string>;
  keywords: Record<Lang, string>;
}

/** What the matcher made of a message. */
export interface FaqMatch {
  /** The best topic, when there is one at all. */
  topic: string | null;
  /** Sure enough to answer without asking. */
  confident: boolean;
  /** The closest topics (best first) to offer when unsure. */
  candidates: string[];
  /** The message's language when it shows one. */
  lang: Lang | undefined;
  /** The message reads as a question ("?", "berapa", "how"...). */
  question: boolean;
  score: number;
}

const GENERIC = new Set(['bpjs', 'ketenagakerjaan', 'ketenagakerja', 'tenaga', 'kerja', 'tk', 'program', 'peserta']);

/** Tuned on test/faq/labelled.ts: how far ahead of the runner-up, and how much of the message, a confident answer needs. */
export const CONFIDENCE = { minCoverage: 0.5, minLead: 1.15, minScore: 2, candidateShare: 0.35 };

const WANT = new Set(['mau', 'ingin', 'pengen', 'pingin', 'want', 'minta']);
const HOW = new Set(['cara', 'bagaimana', 'syarat', 'how', 'apa', 'berapa', 'kapan', 'dimana']);

/**
 * Plain requests that act rather than ask ("saya mau daftar", "cek status"): recognised by rule,
 * because their words also appear in questions about the same things ("cara daftar?").
 */
function clearIntent(words: string[]): string | undefined {
  const has = (w: string) => words.includes(w);
  if (words.some((w) => HOW.has(w))) return undefined;
  if ((words.some((w) => WANT.has(w)) && (has('daftar') || has('ikut') || has('register') || has('join'))) || words.join(' ').match(/\bdaftar(in|kan)? (dong|saya|sekarang)\b/)) {
    return 'want_register';
  }
  if ((has('cek') || has('lihat') || has('check')) && has('status')) return 'check_status';
  return undefined;
}

/** Reads the `kb` section of the locale resources into topics. */
export function loadFaqTopics(resources: Record<Lang, Record<string, unknown>>): FaqTopic[] {
  const id = (resources.id.kb ?? {}) as Record<string, { title: string; keywords: string }>;
  const en = (resources.en.kb ?? {}) as Record<string, { title: string; keywords: string }>;
  return Object.keys(id).map((topic) => ({
    id: topic,
    title: { id: id[topic]!.title, en: en[topic]?.title ?? id[topic]!.title },
    keywords: { id: id[topic]!.keywords, en: en[topic]?.keywords ?? '' },
  }));
}

/**
 * Matches informal questions to topics: slang written out, Indonesian and English stems,
 * fuzzy and prefix search (minisearch), and a confidence rule so an unsure match is offered
 * as choices instead of answered.
 */
export function createFaqMatcher(topics: FaqTopic[]) {
  const search = new MiniSearch<{ id: string; title: string; keywords: string }>({
    fields: ['title', 'keywords'],
    tokenize: (text) => informalWords(text.replace(/,/g, ' ')),
    processTerm: (term) => indexTerms(term),
    searchOptions: {
      boost: { title: 1.5 },
      // Absolute edit distances: 1 for mid-length words, 2 only for long ones ("rendang" must not become "rentan").
      fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
      // Words in nearly every question say little about which topic it is.
      boostTerm: (term) => (GENERIC.has(term) ? 0.3 : 1),
      prefix: (term) => term.length >= 4,
      combineWith: 'OR',
    },
  });
  search.addAll(topics.map((t) => ({ id: t.id, title: `${t.title.id} ${t.title.en}`, keywords: `${t.keywords.id} ${t.keywords.en}` })));

  return {
    topics,
    match(text: string): FaqMatch {
      const words = informalWords(text.slice(0, 300));
      const lang = detectLanguage(words);
      const question = looksLikeQuestion(text, words);
      const content = [...new Set(words.filter((w) => indexTerms(w).length > 0))];
      const none: FaqMatch = { topic: null, confident: false, candidates: [], lang, question, score: 0 };
      const intent = clearIntent(words);
      if (intent) return { topic: intent, confident: true, candidates: [intent], lang, question, score: 100 };
      if (content.length === 0) return none;
      const results = search.search(content.join(' '));
      const best = results[0];
      if (!best) return none;
      const second = results[1];
      const matchedWords = content.filter((w) => indexTerms(w).some((t) => best.queryTerms.includes(t))).length;
      const coverage = matchedWords / content.length;
      const confident =
        best.score >= CONFIDENCE.minScore &&
        coverage >= CONFIDENCE.minCoverage &&
        (!second || best.score >= CONFIDENCE.minLead * second.score);
      const candidates = results
        .filter((r) => r.score >= CONFIDENCE.candidateShare * best.score)
        .slice(0, 3)
        .map((r) => String(r.id));
      return { topic: String(best.id), confident, candidates, lang, question, score: best.score };
    },
  };
}

export type FaqMatcher = ReturnType<typeof createFaqMatcher>;
