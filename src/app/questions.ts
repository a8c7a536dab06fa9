import type { Lang, T } from '../core/types.js';
import type { Question } from '../storage/questions.js';
import type { Store } from '../storage/store.js';

export type { Question };

/** Thrown when answering a question that does not exist or was already answered. */
export class QuestionError extends Error {
  override name = 'QuestionError';
}

/** Questions people leave for an officer, and answers delivered on the person's channel. */
export function createQuestions(deps: { store: Store; translate: (lang: Lang) => T; clock: () => number }) {
  const { store, translate, clock } = deps;
  const { people, outbox, questions } = store;

  const answer = store.transactional(async (id: number, officerId: number, text: string): Promise<number> => {
    const q = await questions.byId(id);
    const now = clock();
    if (!q || !(await questions.markAnswered(id, text, officerId, now))) throw new QuestionError(`question ${id} is not open`);
    await store.officers.audit({ officerId, action: 'answer_question', detail: { question: id }, regency: q.regency || null, now });
    const t = translate((await people.person(q.personId))?.lang ?? 'id');
    const question = q.text.length > 80 ? `${q.text.slice(0, 77)}...` : q.text;
    return outbox.add(q.personId, q.channel, q.externalId, { text: t('question.answer', { question, answer: text }) }, now, 'notification');
  });

  return {
    /** Stores a question with where to answer it (called inside the message's transaction). */
    ask: (personId: number, channel: string, externalId: string, text: string, now: number, regency: string): Promise<number> =>
      questions.add(personId, channel, externalId, text, now, regency),
    open: (limit = 200): Promise<Question[]> => questions.open(limit),
    answered: (limit = 50): Promise<Question[]> => questions.answered(limit),
    openCount: (): Promise<number> => questions.openCount(),
    /** Records the answer and queues it to the person, in their language, on the channel they asked from. */
    answer,
  };
}

export type Questions = ReturnType<typeof createQuestions>;
