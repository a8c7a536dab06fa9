import type { Sql } from './sql.js';
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
export function createQuestionStore(sql: Sql, cipher: FieldCipher) {
  const toQ = (r: Row): Question => toQuestion(r, cipher);
  // `regencies`: a JSON array of the regency keys an officer sees, or NULL for every question (tools, one regency).
  // CAST: PostgreSQL cannot tell a bare parameter's type from `IS NULL` alone.
  const inRegencies = `(CAST(@regencies AS TEXT) IS NULL OR regency IN (SELECT value FROM ${sql.dialect.jsonArrayElements('@regencies')}))`;
  const openQ = `SELECT * FROM questions WHERE answered_at IS NULL AND ${inRegencies} ORDER BY created_at, id LIMIT @limit`;
  const recentQ = `SELECT * FROM questions WHERE answered_at IS NOT NULL AND ${inRegencies} ORDER BY answered_at DESC LIMIT @limit`;
  const countOpenQ = `SELECT count(*) AS n FROM questions WHERE answered_at IS NULL AND ${inRegencies}`;
  const keys = (regencies: readonly string[] | null | undefined): string | null => (regencies ? JSON.stringify(regencies) : null);

  return {
    add: async (personId: number, channel: string, externalId: string, text: string, now: number, regency = ''): Promise<number> =>
      (await sql.get<{ id: number }>(
        'INSERT INTO questions (person_id, channel, address, text, created_at, regency) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
        [personId, channel, cipher.encrypt(externalId), cipher.encrypt(text), now, regency],
      ))!.id,
    /** Open questions, oldest first; `regencies`: only those asked in these regencies (an officer's; none: all). */
    open: async (limit: number, regencies?: readonly string[] | null): Promise<Question[]> =>
      (await sql.all<Row>(openQ, { regencies: keys(regencies), limit })).map(toQ),
    answered: async (limit: number, regencies?: readonly string[] | null): Promise<Question[]> =>
      (await sql.all<Row>(recentQ, { regencies: keys(regencies), limit })).map(toQ),
    openCount: async (regencies?: readonly string[] | null): Promise<number> =>
      (await sql.get<{ n: number }>(countOpenQ, { regencies: keys(regencies) }))?.n ?? 0,
    /** The question with the address it came from. */
    byId: async (id: number): Promise<(Question & { externalId: string }) | undefined> => {
      const r = await sql.get<Row>('SELECT * FROM questions WHERE id = ?', [id]);
      return r ? { ...toQ(r), externalId: cipher.decrypt(r.address) } : undefined;
    },
    /** Records an answer; false when the question is not open any more. */
    markAnswered: async (id: number, text: string, officerId: number, now: number): Promise<boolean> =>
      (
        await sql.run('UPDATE questions SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ? AND answered_at IS NULL', [
          cipher.encrypt(text),
          officerId,
          now,
          id,
        ])
      ).changes === 1,
  };
}

export type QuestionStore = ReturnType<typeof createQuestionStore>;
