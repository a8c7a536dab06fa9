import { maskDigits } from '../domain/normalize.js';
import { informalWords } from './normalize.js';

/**
 * What an officer taught the reader from the console's Questions page: a phrasing is either another
 * way of asking an existing knowledge-base topic, or out of scope (`topic: null`).
 */
export interface LearnedPhrasing {
  /** The phrasing's key (see phrasingKey): masked, normalised, slang written out. */
  key: string;
  /** A knowledge-base topic id, or null for "not something Lindung answers". */
  topic: string | null;
}

/** At most this many characters of a phrasing are kept: a question, not a story. */
export const MAX_PHRASING_CHARS = 200;

/**
 * The key a phrasing is stored and looked up under: digits runs masked (no NIK or phone is ever
 * kept), chat spelling folded ("brpaaa" = "berapa"), so small variations of the same words meet.
 */
export function phrasingKey(text: string): string {
  return informalWords(maskDigits(text).replace(/\[angka\]/g, ' ').slice(0, MAX_PHRASING_CHARS)).join(' ');
}

/** The taught phrasings in memory, looked up by key on every message (loaded from the store at start). */
export class LearnedPhrasings {
  private readonly byKey = new Map<string, string | null>();

  /** Teaches (or re-teaches) one phrasing. */
  set(key: string, topic: string | null): void {
    if (key) this.byKey.set(key, topic);
  }

  delete(key: string): void {
    this.byKey.delete(key);
  }

  /** Exactly these phrasings from now on (the stored ones, read again: another process may have taught or forgotten some). */
  replaceAll(phrasings: readonly LearnedPhrasing[]): void {
    const keep = new Set<string>();
    for (const p of phrasings) {
      this.set(p.key, p.topic);
      keep.add(p.key);
    }
    for (const key of [...this.byKey.keys()]) if (!keep.has(key)) this.byKey.delete(key);
  }

  /** undefined: never taught; null: out of scope; else the topic id. */
  lookup(text: string): string | null | undefined {
    if (this.byKey.size === 0) return undefined;
    return this.byKey.get(phrasingKey(text));
  }

  get size(): number {
    return this.byKey.size;
  }
}
