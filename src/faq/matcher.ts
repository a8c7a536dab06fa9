import MiniSearch from 'minisearch';
import type { Lang } from '../core/types.js';
import { createConceptIndex, type ConceptIndex } from './concepts.js';
import { createFigureIndex } from './figures.js';
import type { LearnedPhrasings } from './learned.js';
import { detectLanguage, indexTerms, informalWords, isStopWord, looksLikeQuestion } from './normalize.js';
import { derivedConcepts, OUT_OF_SCOPE, route, ROUTES, SHAPES, type Routed } from './routes.js';
import { loadVocabulary, type Vocabulary } from './vocabulary.js';

/** One knowledge-base topic as the index sees it (texts from locales/*.json `kb`). */
export interface FaqTopic {
  id: string;
  title: Record<Lang, string>;
  keywords: Record<Lang, string>;
}

export type OutOfScope = (typeof OUT_OF_SCOPE)[number];

/** What the reader made of a message. */
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
  /** Clearly about something Lindung does not handle, and which kind (where to ask instead). */
  outOfScope?: OutOfScope;
  /** Something in it is about BPJS Ketenagakerjaan (a programme, a contribution, signing up...). */
  domain: boolean;
  /** How it was read: taught by an officer, by the structured reader, by the fallback search. */
  via: 'learned' | 'reader' | 'search' | 'none';
  /** Content words the reader could not place (an address or a name has several). */
  unknown: number;
  /** How many of our concepts the message names. */
  concepts: number;
  /** The concepts it was read as (data/vocabulary.json names). */
  found: string[];
}

const GENERIC = new Set(['bpjs', 'ketenagakerjaan', 'ketenagakerja', 'tenaga', 'kerja', 'tk', 'program', 'peserta']);

/** Tuned on test/faq/labelled.ts: how far ahead of the runner-up, and how much of the message, a confident search answer needs. */
export const CONFIDENCE = { minCoverage: 0.5, minLead: 1.15, minScore: 2, candidateShare: 0.35 };

/** Concepts that say nothing about BPJS Ketenagakerjaan by themselves. */
const NOT_DOMAIN = new Set([
  'greeting', 'thanks', 'what', 'howmuch', 'how', 'where', 'when', 'want', 'check', 'other_person', 'age', 'multi', 'why',
  'not_working', 'filler', 'here', 'who', 'asking', 'besides', 'which_option', 'self', 'local_official', 'official_number',
]);

/** Concepts that say what a question is about by themselves: a question naming one is not filled in from the context. */
const SUBJECTS = new Set([
  'jkk', 'jkm', 'jht', 'jp', 'jkp', 'scholarship', 'bpjstk', 'kesehatan', 'claim', 'contribution', 'heir', 'nik', 'documents',
  'register', 'register_now', 'status', 'privacy', 'data_use', 'delete', 'official', 'income', 'income_declare', 'late',
  'discount', 'free', 'pay_how', 'kpj', 'jmo', 'code', 'correct', 'after', 'waiting', 'partial', 'funeral', 'medical',
  'sick_pay', 'disability', 'benefit', 'regency_programme', 'dana_desa', 'capabilities', 'contact', 'already', 'report',
  'retention', 'quota', 'oos_kesehatan', 'oos_bansos', 'oos_loan', 'oos_prakerja', 'oos_job', 'oos_tax', 'oos_dukcapil',
]);

/** What a story before a question carries into it: the programmes and the kind of worker it names. */
const CARRIED = new Set([
  'jkk', 'jkm', 'jht', 'jp', 'jkp', 'scholarship', 'jkk_named', 'jkm_named', 'bpjstk', 'bpjstk_named',
  'wage', 'own_account', 'transport', 'village_role', 'rentan', 'foreigner', 'age', 'heir', 'other_person', 'kesehatan',
]);

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

/** The long-tail search over the knowledge base's titles and keywords (minisearch, fuzzy, stemmed). */
function createTopicSearch(topics: FaqTopic[]) {
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
  return (words: string[]) => {
    const content = [...new Set(words.filter((w) => indexTerms(w).length > 0))];
    if (content.length === 0) return undefined;
    const results = search.search(content.join(' '));
    const best = results[0];
    if (!best) return undefined;
    const second = results[1];
    const matchedWords = content.filter((w) => indexTerms(w).some((t) => best.queryTerms.includes(t))).length;
    const confident =
      best.score >= CONFIDENCE.minScore &&
      matchedWords / content.length >= CONFIDENCE.minCoverage &&
      (!second || best.score >= CONFIDENCE.minLead * second.score);
    const candidates = results
      .filter((r) => r.score >= CONFIDENCE.candidateShare * best.score)
      .slice(0, 3)
      .map((r) => String(r.id));
    return { topic: String(best.id), confident, candidates, score: best.score };
  };
}

/**
 * The built indexes, reused by every matcher over the same vocabulary and topics (neither changes once
 * built): building them took most of a runtime's start, and the tests start hundreds of runtimes.
 */
const conceptIndexes = new WeakMap<Vocabulary, ConceptIndex>();
let lastTopicSearch: { key: string; search: ReturnType<typeof createTopicSearch> } | undefined;

function conceptIndexFor(vocabulary: Vocabulary): ConceptIndex {
  let index = conceptIndexes.get(vocabulary);
  if (!index) conceptIndexes.set(vocabulary, (index = createConceptIndex(vocabulary)));
  return index;
}

function topicSearchFor(topics: FaqTopic[]): ReturnType<typeof createTopicSearch> {
  const key = JSON.stringify(topics);
  if (lastTopicSearch?.key !== key) lastTopicSearch = { key, search: createTopicSearch(topics) };
  return lastTopicSearch.search;
}

/**
 * Reads informal questions: first what officers taught (exact phrasings), then the structured
 * reader (concepts from data/vocabulary.json → programme × aspect × entity routes), then a fuzzy
 * search over the knowledge base for the long tail, which only offers choices unless the message
 * is clearly about BPJS Ketenagakerjaan.
 */
export function createFaqMatcher(
  topics: FaqTopic[],
  opts: { learned?: LearnedPhrasings; vocabulary?: Vocabulary; figures?: Readonly<Record<string, string>> } = {},
) {
  const known = new Set(topics.map((t) => t.id));
  const concepts = conceptIndexFor(opts.vocabulary ?? loadVocabulary());
  const routes = ROUTES.filter((r) => r.to.startsWith('oos:') || known.has(r.to));
  const search = topicSearchFor(topics);
  const figureIndex = createFigureIndex(opts.figures ?? {});
  /** Points for an answer whose own figure the message quotes ("42 juta itu bener?" → JKM). */
  const FIGURE_POINTS = 3;

  /**
   * A story then a question ("Suami jatuh dari pohon kelapa, sekarang di RSUD. Biayanya ditanggung?"):
   * the question is read, with the programmes and the kind of worker the story names. The story's
   * other words (a hospital, a harvest) describe, they do not ask. Undefined when there is no story
   * or the question alone says nothing we can answer.
   */
  function focusOn(text: string): Set<string> | undefined {
    // Sentences, and quoted words (a poster, a rumour) as sentences of their own.
    const sentences = text.split(/(?<=[.!?\n;:"“”])\s*|\s*(?=["“])/).map((x) => x.replace(/["“”]/g, '').trim()).filter(Boolean);
    if (sentences.length < 2) return undefined;
    let i = sentences.length - 1;
    while (i > 0 && !looksLikeQuestion(sentences[i]!)) i--;
    if (i === 0) return undefined;
    const asked = concepts.read(sentences[i]!).concepts;
    // "What can I do?" after a story asks about the story: read it all.
    if (![...asked].some((c) => SUBJECTS.has(c))) return undefined;
    for (const c of concepts.read(sentences.slice(0, i).join(' ')).concepts) if (CARRIED.has(c)) asked.add(c);
    derivedConcepts(asked);
    return route(asked, routes) ? asked : undefined;
  }

  type Decision = Pick<FaqMatch, 'topic' | 'confident' | 'candidates' | 'score' | 'outOfScope'>;
  const outOfScope = (to: string, score: number): Decision => ({ topic: null, confident: false, candidates: [], score, outOfScope: to.slice(4) as OutOfScope });

  /** What the best route means: an answer, a choice between close answers, or "not ours". */
  function decide(routed: Routed, words: string[], subject = false): Decision {
    const ours = routed.others.filter((o) => !o.to.startsWith('oos:'));
    if (routed.to.startsWith('oos:')) {
      // A strong BPJS Ketenagakerjaan reading beats a general off-topic word ("belum nikah, ahli warisnya siapa").
      const strong = routed.to === 'oos:general' && routed.score <= 2.5 ? ours.find((o) => o.score >= 3) : undefined;
      if (strong) return { topic: strong.to, confident: true, candidates: [strong.to], score: strong.score };
      const close = ours.filter((o) => o.score >= routed.score).map((o) => o.to);
      if (close.length) return { topic: close[0]!, confident: false, candidates: close.slice(0, 3), score: routed.score };
      return outOfScope(routed.to, routed.score);
    }
    // As likely to be something else entirely: better to say so than to answer the wrong thing.
    const other = routed.others.find((o) => o.to.startsWith('oos:') && o.score >= routed.score);
    if (other) return outOfScope(other.to, other.score);
    let top = routed.to;
    let tied = ours.filter((o) => o.score >= routed.score).map((o) => o.to);
    if (tied.length > 0) {
      // Readings as good as each other: the search over the topics' own words breaks the tie when it agrees with one.
      const pick = search(words)?.candidates[0];
      if (pick === top || (pick && tied.includes(pick))) {
        top = pick;
        tied = [];
      }
    }
    let confident = routed.score >= 0.9 && tied.length === 0;
    // A weak reading the search is sure of too: answer it.
    if (!confident && tied.length === 0 && subject) {
      const searched = search(words);
      if (searched?.confident && searched.topic === top) confident = true;
    }
    const near = [routed.to, ...ours.filter((o) => o.score >= routed.score - 1).map((o) => o.to)].filter((t) => t !== top);
    // Unsure with a single reading: the search suggests the other choices.
    if (!confident && near.length === 0) near.push(...(search(words)?.candidates ?? []).filter((t) => t !== top));
    return { topic: top, confident, candidates: [top, ...new Set(near)].slice(0, 3), score: routed.score };
  }

  return {
    topics,
    learned: opts.learned,
    match(text: string, about: readonly string[] = []): FaqMatch {
      // "10%" reads as "10 persen".
      const clean = text.slice(0, 300).replace(/%/g, ' persen ');
      const reading = concepts.read(clean);
      const { words } = reading;
      const lang = detectLanguage(words);
      const question = looksLikeQuestion(text, words);
      const found = reading.concepts;
      // "format tgl nya gmn" at the date question: how to write the very thing asked for. The step's
      // own example answers that better than any topic, so the reader steps aside.
      const aboutTheField =
        about.includes('field') && words.length < 5 && found.has('field') && !found.has('why') && [...found].every((c) => c === 'field' || SHAPES.has(c) || NOT_DOMAIN.has(c));
      // What the question being answered is about fills in what a short question leaves out ("boleh ga?"),
      // never what it says itself ("klaim gmn?" at the income question is about claims).
      // (Only for a message with some content of its own: "apa?" or "hmm gmn ya" asks nothing.)
      const content = words.some((w) => !isStopWord(w) && !/^\d+$/.test(w)) || [...found].some((c) => !SHAPES.has(c));
      if (content && (found.size > 0 || question) && ![...found].some((c) => SUBJECTS.has(c))) {
        for (const c of about) found.add(c);
        // A question about how to fill in a name, a date, an address or a number: what to write.
        // (Said in a sentence: "format tgl nya gmn" alone is too little to answer.)
        if (question && about.includes('field') && words.length >= 5) found.add('field_question');
      }
      derivedConcepts(found);
      const domain = [...found].some((c) => !NOT_DOMAIN.has(c) && !c.startsWith('oos_'));
      const base = { lang, question, domain, unknown: reading.unknown.length, concepts: reading.hits.length, found: [...found] };

      const taught = opts.learned?.lookup(text);
      if (taught === null) return { ...base, topic: null, confident: false, candidates: [], score: 0, outOfScope: 'general', via: 'learned' };
      if (taught !== undefined && known.has(taught)) return { ...base, topic: taught, confident: true, candidates: [taught], score: 100, via: 'learned' };
      if (aboutTheField) return { ...base, topic: null, confident: false, candidates: [], score: 0, via: 'reader' };

      // A quoted figure counts in a question or beside our own words, not in a name ("Budi 42").
      // An age ("umur 65") is not a figure of ours, even when a figure has the same number.
      // (Nor is a count of NIK digits.)
      const counts = (!found.has('age') || found.has('claim')) && !found.has('nik');
      // Amounts beside someone else's business ("isi pulsa 20rb", "transfer 500rb") are theirs, not ours.
      const elsewhere = [...found].some((c) => c.startsWith('oos_'));
      const quotes = (question || domain) && !elsewhere ? figureIndex.topicsIn(text, counts) : new Set<string>();
      const quoted = new Map([...quotes].filter((t) => known.has(t)).map((t) => [t, FIGURE_POINTS] as const));
      let routed = route(found, routes, quoted);
      // Unsure about the whole story, or it reads as someone else's business: read its question instead.
      if (routed && (routed.to.startsWith('oos:') || decide(routed, words).confident === false)) {
        const focused = focusOn(clean);
        const refocused = focused ? route(focused, routes, quoted) : undefined;
        if (refocused && !refocused.to.startsWith('oos:') && decide(refocused, words).confident) routed = refocused;
      }
      // Who someone is ("pak kades") names no question: only a subject of ours lets the search confirm a weak reading.
      const subject = [...found].some((c) => SUBJECTS.has(c) && !c.startsWith('oos_'));
      if (routed) return { ...base, ...decide(routed, words, subject), via: 'reader' };
      const searched = search(words);
      // Several words and not one of them ours: something else entirely ("jadwal motogp minggu ini").
      if (!domain && reading.unknown.length >= 2 && (!searched || !searched.confident)) {
        return { ...base, topic: null, confident: false, candidates: [], score: 0, outOfScope: 'general', via: 'reader' };
      }
      if (!searched) return { ...base, topic: null, confident: false, candidates: [], score: 0, via: 'none' };
      // Without a single BPJS word, the search's best guess is only ever offered, never answered.
      return { ...base, ...searched, confident: searched.confident && domain, via: 'search' };
    },
  };
}

export type FaqMatcher = ReturnType<typeof createFaqMatcher>;
