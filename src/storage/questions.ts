import type { Db } from './db.js';
import type { FieldCipher } from './crypto.js';

/** A question a person left for an officer (`questions`, migration 003). */
export interface Question {
  id: number;
  personId: number;
  channel: string;
  text: string;
  createdAt: number;
  answer: string | null;
  answeredBy: number | null;
  answeredAt: number | null;
  /** The regency it was asked in (its key). */
  regency: string;
}

interface Row {
  id: number;
  person_id: number;
  channel: string;
  /** Sealed (migration 018): a WhatsApp address is a phone number. */
  address: string;
  text: string;
  created_at: number;
  answer: string | null;
  answered_by: number | null;
  answered_at: number | null;
  regency: string;
}

const toQuestion = (r: Row, cipher: FieldCipher): Question => ({
  id: r.id,
  personId: r.person_id,
  channel: r.channel,
  text: cipher.decrypt(r.text),
  createdAt: r.created_at,
  answer: cipher.decryptNullable(r.answer),
  answeredBy: r.answered_by,
  answeredAt: r.answered_at,
  regency: r.regency,
});

/** Questions left for an officer, and where to answer them. */
/** The question's text and the officer's answer are kept encrypted (both may quote a NIK or an address). */
export function createQuestionStore(db: Db, cipher: FieldCipher) {
  const toQ = (r: Row): Question => toQuestion(r, cipher);
  const insert = db.prepare<[number, string, string, string, number, string]>(
    'INSERT INTO questions (person_id, channel, address, text, created_at, regency) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const open = db.prepare<[number], Row>('SELECT * FROM questions WHERE answered_at IS NULL ORDER BY created_at, id LIMIT ?');
  const recent = db.prepare<[number], Row>('SELECT * FROM questions WHERE answered_at IS NOT NULL ORDER BY answered_at DESC LIMIT ?');
  const byId = db.prepare<[number], Row>('SELECT * FROM questions WHERE id = ?');
  const answer = db.prepare<[string, number, number, number]>(
    'UPDATE questions SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ? AND answered_at IS NULL',
  );
  const countOpen = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM questions WHERE answered_at IS NULL');

  return {
    add: (personId: number, channel: string, externalId: string, text: string, now: number, regency = ''): number =>
      Number(insert.run(personId, channel, cipher.encrypt(externalId), cipher.encrypt(text), now, regency).lastInsertRowid),
    open: (limit: number): Question[] => open.all(limit).map(toQ),
    answered: (limit: number): Question[] => recent.all(limit).map(toQ),
    openCount: (): number => countOpen.get()?.n ?? 0,
    /** The question with the address it came from. */
    byId: (id: number): (Question & { externalId: string }) | undefined => {
      const r = byId.get(id);
      return r ? { ...toQ(r), externalId: cipher.decrypt(r.address) } : undefined;
    },
    /** Records an answer; false when the question is not open any more. */
    markAnswered: (id: number, text: string, officerId: number, now: number): boolean => answer.run(cipher.encrypt(text), officerId, now, id).changes === 1,
  };
}

export type QuestionStore = ReturnType<typeof createQuestionStore>;
