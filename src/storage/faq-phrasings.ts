import { phrasingKey, type LearnedPhrasing } from '../faq/learned.js';
import type { Sql } from './sql.js';

/** A taught phrasing as the console lists it: who taught it and when. */
export interface TaughtPhrasing extends LearnedPhrasing {
  taughtBy: number;
  /** The officer's username (null only if the officer row is gone). */
  taughtByName: string | null;
  taughtAt: number;
}

/** Unmatched questions grouped by text (lowercased, digits already masked), for the Questions page. */
export interface UnmatchedSummary {
  text: string;
  lang: string;
  count: number;
  last: number;
}

interface PhrasingRow {
  key: string;
  topic: string | null;
  taught_by: number;
  username: string | null;
  taught_at: number;
}

/** Taught phrasings (migration 006) and the unmatched questions they come from (migration 005). */
export function createFaqPhrasingStore(sql: Sql) {
  return {
    /** Every taught phrasing, newest first (also what the reader loads at start). */
    all: async (): Promise<TaughtPhrasing[]> =>
      (
        await sql.all<PhrasingRow>(
          `SELECT p.key, p.topic, p.taught_by, o.username, p.taught_at
             FROM faq_phrasings p LEFT JOIN officers o ON o.id = p.taught_by
            ORDER BY p.taught_at DESC, p.key`,
        )
      ).map((r) => ({ key: r.key, topic: r.topic, taughtBy: r.taught_by, taughtByName: r.username, taughtAt: r.taught_at })),
    byKey: (key: string): Promise<LearnedPhrasing | undefined> =>
      sql.get<{ key: string; topic: string | null }>('SELECT key, topic FROM faq_phrasings WHERE key = ?', [key]),
    /** Teaches or re-teaches one phrasing (topic null: out of scope). */
    async upsert(input: { key: string; topic: string | null; officerId: number; now: number }): Promise<void> {
      await sql.run(
        `INSERT INTO faq_phrasings (key, topic, taught_by, taught_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET topic = excluded.topic, taught_by = excluded.taught_by, taught_at = excluded.taught_at`,
        [input.key, input.topic, input.officerId, input.now],
      );
    },
    delete: async (key: string): Promise<boolean> => (await sql.run('DELETE FROM faq_phrasings WHERE key = ?', [key])).changes > 0,
    /** A question the reader could not answer (the caller masks digits first). */
    addUnmatched: async (text: string, lang: string, channel: string, now: number): Promise<void> => {
      await sql.run('INSERT INTO faq_unmatched (text, lang, channel, created_at) VALUES (?, ?, ?, ?)', [text, lang, channel, now]);
    },
    // Most frequent first: what to teach next.
    unmatchedSummary: (limit: number): Promise<UnmatchedSummary[]> =>
      sql.all<UnmatchedSummary>(
        `SELECT lower(text) AS text, lang, count(*) AS count, max(created_at) AS last FROM faq_unmatched
          GROUP BY lower(text), lang ORDER BY count DESC, last DESC LIMIT ?`,
        [limit],
      ),
    /**
     * Deletes the unmatched questions that a taught phrasing now answers, so they leave the list
     * and their text is not kept longer than needed. The key is computed in JS (the reader's own
     * normalisation); the table holds only what officers have not dealt with yet.
     */
    async forgetUnmatched(key: string): Promise<number> {
      if (!key) return 0;
      let n = 0;
      const rows = await sql.all<{ id: number; text: string }>('SELECT id, text FROM faq_unmatched');
      const ids = rows.filter((r) => phrasingKey(r.text) === key).map((r) => r.id);
      for (const id of ids) n += (await sql.run('DELETE FROM faq_unmatched WHERE id = ?', [id])).changes;
      return n;
    },
  };
}

export type FaqPhrasingStore = ReturnType<typeof createFaqPhrasingStore>;
