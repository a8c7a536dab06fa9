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
  // `regencies`: a JSON array of the regency keys an officer sees, or NULL for every question (tools, one regency).
  const open = db.prepare<{ regencies: string | null; limit: number }, Row>(
    'SELECT * FROM questions WHERE answered_at IS NULL AND (@regencies IS NULL OR regency IN (SELECT value FROM json_each(@regencies))) ORDER BY created_at, id LIMIT @limit',
  );
  const recent = db.prepare<{ regencies: string | null; limit: number }, Row>(
    'SELECT * FROM questions WHERE answered_at IS NOT NULL AND (@regencies IS NULL OR regency IN (SELECT value FROM json_each(@regencies))) ORDER BY answered_at DESC LIMIT @limit',
  );
  const byId = db.prepare<[number], Row>('SELECT * FROM questions WHERE id = ?');
  const answer = db.prepare<[string, number, number, number]>(
    'UPDATE questions SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ? AND answered_at IS NULL',
  );
  const countOpen = db.prepare<{ regencies: string | null }, { n: number }>(
    'SELECT count(*) AS n FROM questions WHERE answered_at IS NULL AND (@regencies IS NULL OR regency IN (SELECT value FROM json_each(@regencies)))',
  );
  const keys = (regencies: readonly string[] | null | undefined): string | null => (regencies ? JSON.stringify(regencies) : null);

  return {
    add: (personId: number, channel: string, externalId: string, text: string, now: number, regency = ''): number =>
      Number(insert.run(personId, channel, cipher.encrypt(externalId), cipher.encrypt(text), now, regency).lastInsertRowid),
    /** Open questions, oldest first; `regencies`: only those asked in these regencies (an officer's; none: all). */
    open: (limit: number, regencies?: readonly string[] | null): Question[] => open.all({ regencies: keys(regencies), limit }).map(toQ),
    answered: (limit: number, regencies?: readonly string[] | null): Question[] => recent.all({ regencies: keys(regencies), limit }).map(toQ),
    openCount: (regencies?: readonly string[] | null): number => countOpen.get({ regencies: keys(regencies) })?.n ?? 0,
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
