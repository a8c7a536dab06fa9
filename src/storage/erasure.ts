import type { Sql } from './sql.js';
import { WA_SENT_CHANNEL } from './addresses.js';
import type { FieldCipher } from './crypto.js';

/** Who erased, and why (kept: the only trace an erasure leaves). */
export interface ErasureBy {
  now: number;
  actorKind: 'applicant' | 'cadre' | 'officer' | 'system';
  actorId: string | null;
  /** deleted_by_applicant, consent_withdrawn, retention_expired, erased_by_officer. */
  reason: string;
}

/** Statuses whose registration a withdrawal does not erase at once: BPJS may already cover the person. */
const KEPT_FOR_AN_OFFICER = ['approved', 'registered'];

/**
 * The one erasure path (UU 27/2022): the person's request, a consent withdrawal, the retention job
 * and an officer's erase action all come here. Every personal value goes from every table —
 * registration fields, the officer's note and KPJ, the history's notes and details, audit entries
 * that quoted the NIK, and for a person their phone, conversation, queued messages, questions,
 * chat addresses and WhatsApp copies — leaving only the fact of the erasure, when, by whom and why.
 * With secure_delete on (db.ts) the freed pages are zeroed; `compact` then empties the WAL.
 */
export function createErasureStore(sql: Sql, cipher: FieldCipher) {
  const run = async (statement: string, params: readonly unknown[]): Promise<number> => (await sql.run(statement, params)).changes;
  const endSessionQ = 'DELETE FROM sessions WHERE person_id = ?';

  /** Erases one registration's personal data; false when there is none left to erase. */
  async function eraseRegistration(id: number, by: ErasureBy): Promise<boolean> {
    const r = await sql.get<{ id: number; reference: string; status: string; data: string | null; applicant_id: number; submitter_id: number }>(
      'SELECT id, reference, status, data, applicant_id, submitter_id FROM registrations WHERE id = ?',
      [id],
    );
    if (!r || r.status === 'deleted') return false;
    let nik: string | undefined;
    try {
      nik = r.data ? (JSON.parse(cipher.decrypt(r.data)) as { nik?: string }).nik : undefined;
    } catch {
      nik = undefined;
    }
    await run(
      `UPDATE registrations SET status = 'deleted', nik = NULL, nik_index = NULL, nik_masked = NULL, phone_index = NULL, checks = NULL, group_id = NULL,
         full_name = NULL, data = NULL, kecamatan = NULL, desa = NULL, officer_note = NULL, kpj = NULL, correction_fields = NULL, updated_at = ? WHERE id = ?`,
      [by.now, id],
    );
    await run('UPDATE registration_events SET detail = NULL WHERE registration_id = ?', [id]);
    await run('UPDATE audit_log SET detail = NULL WHERE registration_id = ?', [id]);
    // News about the registration not yet sent (it may name the person), and copies of sent news.
    await run('DELETE FROM outbox WHERE registration_id = ?', [id]);
    await run('DELETE FROM wa_sent WHERE registration_id = ?', [id]);
    await run('DELETE FROM access_codes WHERE registration_id = ?', [id]);
    // A conversation busy with the registration (a correction holds the whole form) is ended.
    for (const personId of new Set([r.applicant_id, r.submitter_id])) {
      const s = await sql.get<{ state: string }>('SELECT state FROM sessions WHERE person_id = ?', [personId]);
      if (s && cipher.decrypt(s.state).includes(r.reference)) await run(endSessionQ, [personId]);
    }
    // An officer's NIK search stored as typed (before searches were audited without it).
    if (nik && /^\d{16}$/.test(nik)) await run("UPDATE audit_log SET detail = NULL WHERE detail LIKE '%' || ? || '%'", [nik]);
    await run(
      `INSERT INTO registration_events (registration_id, at, actor_kind, actor_id, action, from_status, to_status, detail)
       VALUES (?, ?, ?, ?, ?, ?, 'deleted', ?)`,
      [id, by.now, by.actorKind, by.actorId, by.reason, r.status, null],
    );
    return true;
  }

  /**
   * Erases a person: their registrations (an approved or registered one is kept, marked as
   * withdrawn, for an officer to act on, when the reason is a withdrawal), and everything else held
   * about them. Their next message starts as a stranger's.
   */
  async function erasePerson(personId: number, by: ErasureBy): Promise<{ erased: number; keptForOfficer: number }> {
    let erased = 0;
    let keptForOfficer = 0;
    const registrations = await sql.all<{ id: number; status: string }>("SELECT id, status FROM registrations WHERE applicant_id = ? AND status <> 'deleted'", [personId]);
    for (const r of registrations) {
      if (by.reason === 'consent_withdrawn' && KEPT_FOR_AN_OFFICER.includes(r.status)) {
        if ((await run('UPDATE registrations SET consent_withdrawn_at = ? WHERE id = ? AND consent_withdrawn_at IS NULL', [by.now, r.id])) > 0) {
          await run(
            `INSERT INTO registration_events (registration_id, at, actor_kind, actor_id, action, from_status, to_status)
             VALUES (?, ?, 'applicant', ?, 'consent_withdrawn_kept', ?, NULL)`,
            [r.id, by.now, by.actorId, r.status],
          );
        }
        keptForOfficer++;
      } else if (await eraseRegistration(r.id, by)) erased++;
    }
    // A person's addresses by their blind index, the same in every table (addresses.ts): no address is opened here.
    const identities = await sql.all<{ channel: string; external_key: string }>('SELECT channel, external_key FROM identities WHERE person_id = ?', [personId]);
    for (const i of identities) {
      await run('DELETE FROM inbox WHERE channel = ? AND sender_key = ?', [i.channel, i.external_key]);
      await run('DELETE FROM outbox WHERE channel = ? AND recipient_key = ?', [i.channel, i.external_key]);
      if (i.channel === WA_SENT_CHANNEL) await run('DELETE FROM wa_sent WHERE jid_key = ?', [i.external_key]);
    }
    await run('UPDATE people SET phone = NULL WHERE id = ?', [personId]);
    await run(endSessionQ, [personId]);
    await run('DELETE FROM outbox WHERE person_id = ?', [personId]);
    await run('DELETE FROM questions WHERE person_id = ?', [personId]);
    await run('DELETE FROM wa_sent WHERE person_id = ?', [personId]);
    await run('DELETE FROM identities WHERE person_id = ?', [personId]);
    return { erased, keptForOfficer };
  }

  return {
    eraseRegistration,
    erasePerson,
    /**
     * After an erasure has committed: the space the erased rows held is given back and what the log
     * still holds of them is flushed (SQLite: the WAL copied into the zeroed database and truncated,
     * skipped quietly while another connection reads; PostgreSQL: left to autovacuum).
     */
    compact: (): Promise<void> => sql.compact(),
  };
}

export type ErasureStore = ReturnType<typeof createErasureStore>;
