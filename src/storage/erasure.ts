import type { Db } from './db.js';
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
export function createErasureStore(db: Db, cipher: FieldCipher) {
  const registration = db.prepare<
    [number],
    { id: number; reference: string; status: string; data: string | null; applicant_id: number; submitter_id: number }
  >('SELECT id, reference, status, data, applicant_id, submitter_id FROM registrations WHERE id = ?');
  const ofApplicant = db.prepare<[number], { id: number; status: string }>(
    "SELECT id, status FROM registrations WHERE applicant_id = ? AND status <> 'deleted'",
  );
  const blank = db.prepare<[number, number]>(
    `UPDATE registrations SET status = 'deleted', nik = NULL, nik_index = NULL, nik_masked = NULL, phone_index = NULL, checks = NULL, group_id = NULL,
       full_name = NULL, data = NULL, kecamatan = NULL, desa = NULL, officer_note = NULL, kpj = NULL, correction_fields = NULL, updated_at = ? WHERE id = ?`,
  );
  const blankHistory = db.prepare<[number]>('UPDATE registration_events SET detail = NULL WHERE registration_id = ?');
  const event = db.prepare<[number, number, string, string | null, string, string, string | null]>(
    `INSERT INTO registration_events (registration_id, at, actor_kind, actor_id, action, from_status, to_status, detail)
     VALUES (?, ?, ?, ?, ?, ?, 'deleted', ?)`,
  );
  const flagWithdrawn = db.prepare<[number, number]>('UPDATE registrations SET consent_withdrawn_at = ? WHERE id = ? AND consent_withdrawn_at IS NULL');
  const withdrawnEvent = db.prepare<[number, number, string | null, string]>(
    `INSERT INTO registration_events (registration_id, at, actor_kind, actor_id, action, from_status, to_status)
     VALUES (?, ?, 'applicant', ?, 'consent_withdrawn_kept', ?, NULL)`,
  );
  // An officer's NIK search stored as typed (before searches were audited without it).
  const scrubAudit = db.prepare<[string]>("UPDATE audit_log SET detail = NULL WHERE detail LIKE '%' || ? || '%'");
  const scrubAuditOf = db.prepare<[number]>('UPDATE audit_log SET detail = NULL WHERE registration_id = ?');
  // News about the registration not yet sent (it may name the person), and copies of sent news.
  const dropNewsAbout = db.prepare<[number]>('DELETE FROM outbox WHERE registration_id = ?');
  const dropSentAbout = db.prepare<[number]>('DELETE FROM wa_sent WHERE registration_id = ?');
  const dropAccessCodes = db.prepare<[number]>('DELETE FROM access_codes WHERE registration_id = ?');
  // A conversation busy with the registration (a correction holds the whole form) is ended.
  const sessionOf = db.prepare<[number], { state: string }>('SELECT state FROM sessions WHERE person_id = ?');
  const endSession = db.prepare<[number]>('DELETE FROM sessions WHERE person_id = ?');
  // A person's addresses by their blind index, the same in every table (addresses.ts): no address is opened here.
  const identities = db.prepare<[number], { channel: string; external_key: string }>('SELECT channel, external_key FROM identities WHERE person_id = ?');
  const dropPhone = db.prepare<[number]>('UPDATE people SET phone = NULL WHERE id = ?');
  const dropSession = db.prepare<[number]>('DELETE FROM sessions WHERE person_id = ?');
  const dropOutbox = db.prepare<[number]>('DELETE FROM outbox WHERE person_id = ?');
  const dropInbox = db.prepare<[string, string]>('DELETE FROM inbox WHERE channel = ? AND sender_key = ?');
  const dropOutboxTo = db.prepare<[string, string]>('DELETE FROM outbox WHERE channel = ? AND recipient_key = ?');
  const dropQuestions = db.prepare<[number]>('DELETE FROM questions WHERE person_id = ?');
  const dropSent = db.prepare<[number]>('DELETE FROM wa_sent WHERE person_id = ?');
  const dropSentTo = db.prepare<[string]>('DELETE FROM wa_sent WHERE jid_key = ?');
  const dropIdentities = db.prepare<[number]>('DELETE FROM identities WHERE person_id = ?');

  /** Erases one registration's personal data; false when there is none left to erase. */
  function eraseRegistration(id: number, by: ErasureBy): boolean {
    const r = registration.get(id);
    if (!r || r.status === 'deleted') return false;
    let nik: string | undefined;
    try {
      nik = r.data ? (JSON.parse(cipher.decrypt(r.data)) as { nik?: string }).nik : undefined;
    } catch {
      nik = undefined;
    }
    blank.run(by.now, id);
    blankHistory.run(id);
    scrubAuditOf.run(id);
    dropNewsAbout.run(id);
    dropSentAbout.run(id);
    dropAccessCodes.run(id);
    for (const personId of new Set([r.applicant_id, r.submitter_id])) {
      const s = sessionOf.get(personId);
      if (s && cipher.decrypt(s.state).includes(r.reference)) endSession.run(personId);
    }
    if (nik && /^\d{16}$/.test(nik)) scrubAudit.run(nik);
    event.run(id, by.now, by.actorKind, by.actorId, by.reason, r.status, null);
    return true;
  }

  /**
   * Erases a person: their registrations (an approved or registered one is kept, marked as
   * withdrawn, for an officer to act on, when the reason is a withdrawal), and everything else held
   * about them. Their next message starts as a stranger's.
   */
  function erasePerson(personId: number, by: ErasureBy): { erased: number; keptForOfficer: number } {
    let erased = 0;
    let keptForOfficer = 0;
    for (const r of ofApplicant.all(personId)) {
      if (by.reason === 'consent_withdrawn' && KEPT_FOR_AN_OFFICER.includes(r.status)) {
        if (flagWithdrawn.run(by.now, r.id).changes > 0) withdrawnEvent.run(r.id, by.now, by.actorId, r.status);
        keptForOfficer++;
      } else if (eraseRegistration(r.id, by)) erased++;
    }
    for (const i of identities.all(personId)) {
      dropInbox.run(i.channel, i.external_key);
      dropOutboxTo.run(i.channel, i.external_key);
      if (i.channel === WA_SENT_CHANNEL) dropSentTo.run(i.external_key);
    }
    dropPhone.run(personId);
    dropSession.run(personId);
    dropOutbox.run(personId);
    dropQuestions.run(personId);
    dropSent.run(personId);
    dropIdentities.run(personId);
    return { erased, keptForOfficer };
  }

  return {
    eraseRegistration,
    erasePerson,
    /**
     * After an erasure has committed: the WAL, which still holds the old pages, is copied into the
     * (zeroed) database and truncated. Skipped quietly while another connection reads.
     */
    compact(): void {
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Busy: the next checkpoint (SQLite runs them on its own) will do it.
      }
    },
  };
}

export type ErasureStore = ReturnType<typeof createErasureStore>;
