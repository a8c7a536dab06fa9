import type { Lang, T } from '../core/types.js';
import type { Db } from '../storage/db.js';
import type { OutboxStore } from '../storage/outbox.js';
import type { PeopleStore } from '../storage/people.js';

export interface Question {
  id: number;
  personId: number;
  channel: string;
  text: string;
  createdAt: number;
  answer: string | null;
  answeredBy: number | null;
  answeredAt: number | null;
}

interface Row {
  id: number;
  person_id: number;
  channel: string;
  text: string;
  created_at: number;
  answer: string | null;
  answered_by: number | null;
  answered_at: number | null;
}

const toQuestion = (r: Row): Question => ({
  id: r.id,
  personId: r.person_id,
  channel: r.channel,
  text: r.text,
  createdAt: r.created_at,
  answer: r.answer,
  answeredBy: r.answered_by,
  answeredAt: r.answered_at,
});

/** Thrown when answering a question that does not exist or was already answered. */
export class QuestionError extends Error {
  override name = 'QuestionError';
}

/** Questions people leave for an officer, and answers delivered on the person's channel. */
export function createQuestions(deps: { db: Db; people: PeopleStore; outbox: OutboxStore; translate: (lang: Lang) => T; clock: () => number }) {
  const { db, people, outbox, translate, clock } = deps;
  const insert = db.prepare<[number, string, string, string, number]>(
    'INSERT INTO questions (person_id, channel, external_id, text, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const open = db.prepare<[number], Row>('SELECT * FROM questions WHERE answered_at IS NULL ORDER BY created_at, id LIMIT ?');
  const recent = db.prepare<[number], Row>('SELECT * FROM questions WHERE answered_at IS NOT NULL ORDER BY answered_at DESC LIMIT ?');
  const byId = db.prepare<[number], Row & { external_id: string }>('SELECT * FROM questions WHERE id = ?');
  const answer = db.prepare<[string, number, number, number]>(
    'UPDATE questions SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ? AND answered_at IS NULL',
  );
  const countOpen = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM questions WHERE answered_at IS NULL');

  return {
    /** Stores a question with where to answer it (called inside the message's transaction). */
    ask(personId: number, channel: string, externalId: string, text: string, now: number): number {
      return Number(insert.run(personId, channel, externalId, text, now).lastInsertRowid);
    },
    open: (limit = 200): Question[] => open.all(limit).map(toQuestion),
    answered: (limit = 50): Question[] => recent.all(limit).map(toQuestion),
    openCount: (): number => countOpen.get()?.n ?? 0,
    /** Records the answer and queues it to the person, in their language, on the channel they asked from. */
    answer: db.transaction((id: number, officerId: number, text: string): number => {
      const q = byId.get(id);
      const now = clock();
      if (!q || answer.run(text, officerId, now, id).changes !== 1) throw new QuestionError(`question ${id} is not open`);
      const t = translate(people.person(q.person_id)?.lang ?? 'id');
      const question = q.text.length > 80 ? `${q.text.slice(0, 77)}...` : q.text;
      return outbox.add(q.person_id, q.channel, q.external_id, { text: t('question.answer', { question, answer: text }) }, now, 'notification');
    }),
  };
}

export type Questions = ReturnType<typeof createQuestions>;
