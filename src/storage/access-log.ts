import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Sql } from './sql.js';
import type { FieldCipher } from './crypto.js';

/** One officer's looks of one kind at a registration (the audit log, grouped). */
export interface SeenBy {
  registrationId: number;
  username: string;
  role: string;
  /** The audit action ('view', 'reveal_nik', 'approve'…) or, for an export, 'export' / 'export_full'. */
  action: string;
  count: number;
  last: number;
}

/** A one-time code for a cadre's copy of a neighbour's data, as stored (its hash, never the code). */
export interface AccessCodeRow {
  id: number;
  expiresAt: number;
  triesLeft: number;
  salt: string;
  hash: string;
}

/**
 * scrypt (memory-hard, about 50 ms a try): a 6-digit code has only a million values, so a plain
 * salted hash would give it away at once to whoever read the file while it is valid.
 */
const hashCode = (code: string, salt: string): Buffer => scryptSync(code, Buffer.from(salt, 'base64'), 32, { N: 16384, r: 8, p: 1 });

/**
 * What the right of access (UU 27/2022) reads besides the registrations themselves: consents,
 * questions, who saw a registration (audit log, exports) — and the one-time codes that let a cadre
 * pass a neighbour their copy (migration 019).
 */
export function createAccessLog(sql: Sql, cipher: FieldCipher) {
  const insertAudit = async (at: number, officerId: number | null, registrationId: number | null, detail: string): Promise<void> => {
    await sql.run(
      `INSERT INTO audit_log (at, officer_id, action, registration_id, detail, regency)
       VALUES (?, ?, 'access_copy', ?, ?, (SELECT regency FROM registrations WHERE id = ?))`,
      [at, officerId, registrationId, detail, registrationId],
    );
  };

  return {
    /** Proofs of consent: which text version, when, withdrawn when, and whether a cadre confirmed it. */
    consents: async (personId: number) =>
      (
        await sql.all<{ version: string; given_at: number; withdrawn_at: number | null; confirmed_by: number | null }>(
          'SELECT version, given_at, withdrawn_at, confirmed_by FROM consents WHERE person_id = ? ORDER BY given_at, id',
          [personId],
        )
      ).map((r) => ({ version: r.version, givenAt: r.given_at, withdrawnAt: r.withdrawn_at, byCadre: r.confirmed_by !== null })),
    /** The questions a person left for an officer, opened, with the answers. */
    questions: async (personId: number) =>
      (
        await sql.all<{ text: string; created_at: number; answer: string | null; answered_at: number | null; regency: string }>(
          'SELECT text, created_at, answer, answered_at, regency FROM questions WHERE person_id = ? ORDER BY created_at, id',
          [personId],
        )
      ).map((r) => ({ text: cipher.decrypt(r.text), askedAt: r.created_at, answer: cipher.decryptNullable(r.answer), answeredAt: r.answered_at, regency: r.regency })),
    /** Which officers looked at a registration, how (view, NIK reveal, decision, export, copy), how often and when last. */
    async seenBy(registrationId: number): Promise<SeenBy[]> {
      // Only entries an officer made: the person's and the cadre's own copies are in the history instead.
      // The officer's name and role are grouped too (one per officer_id): PostgreSQL wants them named.
      const audited = await sql.all<{ action: string; username: string; role: string; n: number; last: number }>(
        `SELECT a.action, o.username, o.role, count(*) AS n, max(a.at) AS last
           FROM audit_log a JOIN officers o ON o.id = a.officer_id
          WHERE a.registration_id = ?
          GROUP BY a.officer_id, a.action, o.username, o.role ORDER BY last DESC`,
        [registrationId],
      );
      const seen: SeenBy[] = audited.map((r) => ({ registrationId, username: r.username, role: r.role, action: r.action, count: r.n, last: r.last }));
      const exports = new Map<string, SeenBy>();
      const exported = await sql.all<{ at: number; username: string; role: string; detail: string | null }>(
        `SELECT a.at, o.username, o.role, a.detail
           FROM audit_export_rows x JOIN audit_log a ON a.id = x.audit_id JOIN officers o ON o.id = a.officer_id
          WHERE x.registration_id = ? ORDER BY a.at`,
        [registrationId],
      );
      for (const r of exported) {
        let full = false;
        try {
          full = (JSON.parse(r.detail ?? '{}') as { nik?: string }).nik === 'full';
        } catch {
          // A detail blanked or sealed: counted as an export without saying which kind.
        }
        const action = full ? 'export_full' : 'export';
        const key = `${r.username}\u0000${action}`;
        const e = exports.get(key);
        if (e) {
          e.count++;
          e.last = Math.max(e.last, r.at);
        } else exports.set(key, { registrationId, username: r.username, role: r.role, action, count: 1, last: r.at });
      }
      return [...seen, ...exports.values()].sort((a, b) => b.last - a.last);
    },
    /**
     * A copy was given: one audit entry per registration it held (none: one for the person, so a
     * request with nothing registered is on record too). No personal data in the detail.
     */
    async auditCopy(input: { officerId: number | null; registrationIds: readonly number[]; by: 'applicant' | 'cadre' | 'officer'; personId: number; now: number }): Promise<void> {
      if (input.registrationIds.length === 0) await insertAudit(input.now, input.officerId, null, JSON.stringify({ by: input.by, person: input.personId }));
      for (const id of input.registrationIds) await insertAudit(input.now, input.officerId, id, JSON.stringify({ by: input.by }));
    },

    /** How many codes this requester was sent for this registration since `since`. */
    codesSentSince: async (registrationId: number, requesterId: number, since: number): Promise<number> =>
      (
        await sql.get<{ n: number }>('SELECT count(*) AS n FROM access_codes WHERE registration_id = ? AND requester_id = ? AND created_at > ?', [
          registrationId,
          requesterId,
          since,
        ])
      )?.n ?? 0,
    /** The code still usable (not expired, not used, tries left), if any. */
    async openCode(registrationId: number, requesterId: number, now: number): Promise<AccessCodeRow | undefined> {
      const r = await sql.get<{ id: number; expires_at: number; tries_left: number; salt: string; code_hash: string }>(
        `SELECT id, expires_at, tries_left, salt, code_hash FROM access_codes
          WHERE registration_id = ? AND requester_id = ? AND used_at IS NULL AND tries_left > 0 AND expires_at > ?
          ORDER BY id DESC LIMIT 1`,
        [registrationId, requesterId, now],
      );
      return r && { id: r.id, expiresAt: r.expires_at, triesLeft: r.tries_left, salt: r.salt, hash: r.code_hash };
    },
    /** Whether `typed` is this code (compared in constant time). */
    codeMatches(code: AccessCodeRow, typed: string): boolean {
      const expected = Buffer.from(code.hash, 'base64');
      const given = hashCode(typed, code.salt);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    /** Stores a new code (hashed) for a requester and registration; an earlier open one stops working. Codes older than `keepAfter` go. */
    async addCode(input: { registrationId: number; requesterId: number; code: string; now: number; expiresAt: number; tries: number; keepAfter: number }): Promise<number> {
      await sql.run('DELETE FROM access_codes WHERE created_at < ?', [input.keepAfter]);
      await sql.run('UPDATE access_codes SET tries_left = 0 WHERE registration_id = ? AND requester_id = ? AND used_at IS NULL', [input.registrationId, input.requesterId]);
      const salt = randomBytes(16).toString('base64');
      const hash = hashCode(input.code, salt).toString('base64');
      const row = await sql.get<{ id: number }>(
        `INSERT INTO access_codes (registration_id, requester_id, salt, code_hash, created_at, expires_at, tries_left)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [input.registrationId, input.requesterId, salt, hash, input.now, input.expiresAt, input.tries],
      );
      return row!.id;
    },
    /** A right code is used up; a wrong one costs a try. */
    async tried(codeId: number, ok: boolean, now: number): Promise<void> {
      if (ok) await sql.run('UPDATE access_codes SET used_at = ? WHERE id = ? AND used_at IS NULL', [now, codeId]);
      else await sql.run('UPDATE access_codes SET tries_left = tries_left - 1 WHERE id = ? AND tries_left > 0', [codeId]);
    },
  };
}

export type AccessLog = ReturnType<typeof createAccessLog>;
