import { LearnedPhrasings, phrasingKey, type LearnedPhrasing } from '../faq/learned.js';
import type { TaughtPhrasing } from '../storage/faq-phrasings.js';
import type { Store } from '../storage/store.js';

/** Topics that are small talk, not answers an unmatched question could have wanted. */
export const UNTEACHABLE_TOPICS: ReadonlySet<string> = new Set(['greeting', 'thanks']);

/** Why teaching or forgetting was refused; the console turns the reason into a flash message. */
export type TeachErrorReason = 'unknown_topic' | 'empty_phrasing' | 'not_taught';

/** An officer's teaching that cannot be done (unknown topic, nothing left of the text, nothing to forget). */
export class TeachError extends Error {
  override name = 'TeachError';
  constructor(readonly reason: TeachErrorReason) {
    super(`cannot teach: ${reason}`);
  }
}

/**
 * "It learns from use": officers mark an unmatched question as another phrasing of a topic, or as
 * out of scope. Each change is stored, audited and applied to the in-memory phrasings the reader
 * consults, so the bot uses it at once (no restart).
 */
export function createTeaching(deps: { store: Store; learned: LearnedPhrasings; topics: readonly string[]; clock: () => number }) {
  const { learned, clock } = deps;
  const { phrasings: store, officers } = deps.store;
  const topics = deps.topics.filter((t) => !UNTEACHABLE_TOPICS.has(t));
  const known = new Set(topics);

  const teachTx = deps.store.transactional(async (key: string, topic: string | null, officerId: number, now: number): Promise<void> => {
    await store.forgetUnmatched(key);
    await store.upsert({ key, topic, officerId, now });
    // Only the topic: the phrasing may carry a name or place the person typed.
    await officers.audit({ officerId, action: 'teach_phrasing', detail: { topic }, now });
  });
  const forgetTx = deps.store.transactional(async (key: string, officerId: number, now: number): Promise<LearnedPhrasing> => {
    const taught = await store.byKey(key);
    if (!taught || !(await store.delete(key))) throw new TeachError('not_taught');
    await officers.audit({ officerId, action: 'forget_phrasing', detail: { topic: taught.topic }, now });
    return taught;
  });

  return {
    /**
     * Puts the stored phrasings into the ones the reader consults (at start; and now and then, for
     * what officers taught through another process on the same database).
     */
    async load(): Promise<void> {
      learned.replaceAll(await store.all());
    },
    /** The topic ids an officer may choose from (the knowledge base without small talk). */
    topics,
    /** Every taught phrasing, newest first, with who taught it. */
    taught: (): Promise<TaughtPhrasing[]> => store.all(),
    /** Teaches that `text` means `topic` (null: out of scope); returns the stored phrasing. */
    async teach(text: string, topic: string | null, officerId: number): Promise<LearnedPhrasing> {
      if (topic !== null && !known.has(topic)) throw new TeachError('unknown_topic');
      const key = phrasingKey(text);
      if (!key) throw new TeachError('empty_phrasing');
      await teachTx(key, topic, officerId, clock());
      learned.set(key, topic);
      return { key, topic };
    },
    /** Forgets a taught phrasing (by its key): the bot no longer uses it. */
    async forget(key: string, officerId: number): Promise<LearnedPhrasing> {
      const taught = await forgetTx(key, officerId, clock());
      learned.delete(key);
      return taught;
    },
  };
}

export type Teaching = ReturnType<typeof createTeaching>;
