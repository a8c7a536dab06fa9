import type { Sql } from './sql.js';
import type { FieldCipher } from './crypto.js';
import { createErasureStore } from './erasure.js';
import { maskNik } from '../domain/nik.js';
import {
  DELETABLE_STATUSES,
  type RegistrationData,
  type RegistrationStatus,
  type RegistrationView,
} from '../core/types.js';

interface Row {
  id: number;
  reference: string;
  status: RegistrationStatus;
  officer_note: string | null;
  created_at: number;
  data: string | null;
  applicant_id: number;
  submitter_id: number;
  regency: string;
  /** Read by the queries the person's own views come from (VIEW_EXTRA). */
  kpj?: string | null;
  correction_fields?: string | null;
  reject_reason?: string | null;
}

/**
 * What a registration row stores beside its sealed form: the NIK's blind index (lookups and the
 * one-open-registration-per-NIK rule), the masked NIK and the check codes the queue lists.
 */
export function sealedColumns(cipher: FieldCipher, data: RegistrationData) {
  return {
    data: cipher.encrypt(JSON.stringify(data)),
    nikIndex: cipher.blindIndex('nik', data.nik),
    nikMasked: maskNik(data.nik),
    // '' without a phone: the row is indexed (a search never matches it).
    phoneIndex: data.phone ? cipher.blindIndex('phone', data.phone) : '',
    checks: data.checks.length ? JSON.stringify(data.checks) : null,
  };
}

export interface EventInput {
  registrationId: number;
  at: number;
  actorKind: 'applicant' | 'cadre' | 'officer' | 'system';
  actorId: string | null;
  action: string;
  fromStatus: RegistrationStatus | null;
  toStatus: RegistrationStatus | null;
  detail?: Record<string, unknown>;
}

/** A registration as the console's detail page reads it: everything, the NIK included. */
export interface RegistrationRecord {
  id: number;
  reference: string;
  status: RegistrationStatus;
  data: RegistrationData | null;
  officerNote: string | null;
  kpj: string | null;
  /** The fields an officer asked to correct (while needs_correction). */
  correctionFields: string[];
  /** A rejection's reason code (domain/reject-reasons.ts); null before it was kept apart from the note. */
  rejectReason: string | null;
  channel: string;
  /** When the person withdrew consent after approval (the registration was kept for an officer). */
  consentWithdrawnAt: number | null;
  applicantId: number;
  submitterId: number;
  createdAt: number;
  /** The regency it belongs to (its key, regencies.ts). */
  regency: string;
}

interface RecordRow extends Row {
  kpj: string | null;
  correction_fields: string | null;
  reject_reason: string | null;
  channel: string;
  consent_withdrawn_at: number | null;
}

const COLS = 'id, reference, status, officer_note, created_at, data, applicant_id, submitter_id, regency';
const OPEN = `('submitted', 'needs_correction', 'approved', 'registered')`;

/**
 * What an officer's decision whose news is held for its undo window keeps in its history event's
 * sealed detail (`undo`): what undoing it needs (app/decisions.ts), and what the people concerned
 * knew before it (asTold).
 */
export interface DecisionUndo {
  officerId: number;
  /** The audit action of the decision (approve, reject, request_correction, record_kpj). */
  action: string;
  undoUntil: number;
  /** When its news becomes due; the held rows carry exactly this next_attempt_at. */
  heldUntil: number;
  /** The decision's news are the registration's outbox rows above this id. */
  after: number;
  previous: { status: RegistrationStatus; note: string | null; kpj: string | null; correctionFields: string[] | null; rejectReason?: string | null };
  /**
   * A correction request also put the one asked (this person) into a conversation asking the
   * fields; it parked an unfinished registration among their drafts, where it stays.
   */
  asked?: number;
}

/** The undo record in a history event's (opened) detail, if it has one. */
export function parseDecisionUndo(detail: string | null): DecisionUndo | undefined {
  if (!detail) return undefined;
  try {
    const undo = (JSON.parse(detail) as { undo?: Partial<DecisionUndo> }).undo;
    return undo && typeof undo.undoUntil === 'number' && typeof undo.heldUntil === 'number' && typeof undo.after === 'number' && typeof undo.previous?.status === 'string'
      ? (undo as DecisionUndo)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Registrations and their append-only history. The form (`data`) and the officer's note are
 * sealed at rest; the NIK is looked up through its blind index (migration 016).
 */
export function createRegistrationStore(sql: Sql, cipher: FieldCipher) {
  const parse = (data: string | null): RegistrationData | null =>
    data === null ? null : (JSON.parse(cipher.decrypt(data)) as RegistrationData);
  const view = (r: Row): RegistrationView => ({
    reference: r.reference,
    status: r.status,
    officerNote: cipher.decryptNullable(r.officer_note),
    createdAt: r.created_at,
    data: parse(r.data),
    personId: r.applicant_id,
    submitterId: r.submitter_id,
    regency: r.regency,
    ...(r.kpj !== undefined ? { kpj: r.kpj } : {}),
    ...(r.correction_fields !== undefined ? { correctionFields: r.correction_fields ? (JSON.parse(r.correction_fields) as string[]) : [] } : {}),
    ...(r.reject_reason !== undefined ? { rejectReason: r.reject_reason } : {}),
  });
  // What the person's own status needs beside COLS: their KPJ and the fields an officer asked again.
  const VIEW_EXTRA = 'kpj, correction_fields, reject_reason';
  const byReference = (reference: string) => sql.get<Row>(`SELECT ${COLS}, ${VIEW_EXTRA} FROM registrations WHERE reference = ?`, [reference]);
  const erasure = createErasureStore(sql, cipher);
  // News of a decision still held for its undo window (storage/outbox.ts hold): out of date once the person answered.
  const dropHeldNews = (id: number, now: number) =>
    sql.run('DELETE FROM outbox WHERE registration_id = ? AND attempts = 0 AND next_attempt_at > ?', [id, now]);
  // The latest status change, to tell whether the people concerned have heard of it yet (asTold).
  const lastStatusChange = (reference: string) =>
    sql.get<{ action: string; actor_kind: string; to_status: string; detail: string | null }>(
      `SELECT e.action, e.actor_kind, e.to_status, e.detail FROM registration_events e JOIN registrations r ON r.id = e.registration_id
        WHERE r.reference = ? AND e.to_status IS NOT NULL ORDER BY e.id DESC LIMIT 1`,
      [reference],
    );
  // A NIK's latest rejected registration: while its rejection is untold, the person still knows it as open.
  const rejectedByNik = (nikIndex: string) =>
    sql.get<Row>(`SELECT ${COLS}, ${VIEW_EXTRA} FROM registrations WHERE nik_index = ? AND status = 'rejected' ORDER BY id DESC LIMIT 1`, [nikIndex]);

  /**
   * A registration as its person (and the cadre who sent it) knows it at `now`: an officer's decision
   * whose news is still held for its undo window (app/decisions.ts) is not shown before they are
   * told, and may yet be undone; until then they see the status, note and KPJ from before it. The
   * decision itself rides along in `untold`, so the chat can hold back actions it would change.
   */
  async function asTold(v: RegistrationView, now: number): Promise<RegistrationView> {
    // No officer's decision leads to these (an undo is not a decision).
    if (v.status === 'submitted' || v.status === 'deleted') return v;
    const e = await lastStatusChange(v.reference);
    if (!e || e.action !== 'status_changed' || e.actor_kind !== 'officer' || e.to_status !== v.status || !e.detail) return v;
    const held = parseDecisionUndo(cipher.decrypt(e.detail));
    if (!held || now >= held.heldUntil) return v;
    const { previous } = held;
    return {
      ...v,
      status: previous.status,
      officerNote: previous.note,
      ...(v.kpj !== undefined ? { kpj: previous.kpj } : {}),
      ...(v.correctionFields !== undefined ? { correctionFields: previous.correctionFields ?? [] } : {}),
      ...(v.rejectReason !== undefined ? { rejectReason: previous.rejectReason ?? null } : {}),
      untold: { status: v.status, until: held.heldUntil },
    };
  }
  /** Each view as told at `now`, in order (one query each, one after the other). */
  async function allAsTold(views: readonly RegistrationView[], now: number): Promise<RegistrationView[]> {
    const out: RegistrationView[] = [];
    for (const v of views) out.push(await asTold(v, now));
    return out;
  }

  const store = {
    ofApplicant: async (personId: number): Promise<RegistrationView[]> =>
      (
        await sql.all<Row>(`SELECT ${COLS}, ${VIEW_EXTRA} FROM registrations WHERE applicant_id = ? ORDER BY created_at DESC, id DESC`, [personId])
      ).map(view),
    /** Registrations an officer asked to correct that this person sent or is the applicant of (the bot offers them until done). */
    // Asked on every menu shown: each side through its own index, not a scan of every registration awaiting a correction.
    awaitingCorrection: async (personId: number): Promise<RegistrationView[]> =>
      (
        await sql.all<Row>(
          `SELECT ${COLS}, ${VIEW_EXTRA} FROM registrations WHERE id IN (
             SELECT id FROM registrations WHERE status = 'needs_correction' AND submitter_id = ?
             UNION SELECT id FROM registrations WHERE applicant_id = ? AND status = 'needs_correction')
            ORDER BY created_at DESC, id DESC`,
          [personId, personId],
        )
      ).map(view),
    activeByNik: async (nik: string): Promise<RegistrationView | undefined> => {
      const r = await sql.get<Row>(`SELECT ${COLS} FROM registrations WHERE nik_index = ? AND status IN ${OPEN}`, [cipher.blindIndex('nik', nik)]);
      return r ? view(r) : undefined;
    },
    idOf: async (reference: string): Promise<number | undefined> => (await byReference(reference))?.id,
    /** The person a registration is for (by its id). */
    applicantOf: async (id: number): Promise<number | undefined> =>
      (await sql.get<{ applicant_id: number }>('SELECT applicant_id FROM registrations WHERE id = ?', [id]))?.applicant_id,
    byReference: async (reference: string): Promise<RegistrationView | undefined> => {
      const r = await byReference(reference);
      return r ? view(r) : undefined;
    },
    /** The whole registration for an officer (the detail page and decisions). */
    record: async (reference: string): Promise<RegistrationRecord | undefined> => {
      const r = await sql.get<RecordRow>(
        `SELECT ${COLS}, kpj, correction_fields, reject_reason, channel, consent_withdrawn_at FROM registrations WHERE reference = ?`,
        [reference],
      );
      if (!r) return undefined;
      return {
        id: r.id,
        reference: r.reference,
        status: r.status,
        data: parse(r.data),
        officerNote: cipher.decryptNullable(r.officer_note),
        kpj: r.kpj,
        correctionFields: r.correction_fields ? (JSON.parse(r.correction_fields) as string[]) : [],
        rejectReason: r.reject_reason,
        channel: r.channel,
        consentWithdrawnAt: r.consent_withdrawn_at,
        applicantId: r.applicant_id,
        submitterId: r.submitter_id,
        createdAt: r.created_at,
        regency: r.regency,
      };
    },
    /** How many other registrations (any status) carry this NIK. */
    sameNikCount: async (nik: string, exceptId: number): Promise<number> =>
      (await sql.get<{ n: number }>('SELECT count(*) AS n FROM registrations WHERE nik_index = ? AND id <> ?', [cipher.blindIndex('nik', nik), exceptId]))?.n ??
      0,
    bySubmitter: async (personId: number, offset: number, limit: number): Promise<{ rows: RegistrationView[]; total: number }> => {
      const rows = await sql.all<Row>(
        `SELECT ${COLS}, ${VIEW_EXTRA} FROM registrations WHERE submitter_id = ? AND status <> 'deleted'
          ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
        [personId, limit, offset],
      );
      const total = await sql.get<{ n: number }>("SELECT count(*) AS n FROM registrations WHERE submitter_id = ? AND status <> 'deleted'", [personId]);
      return { rows: rows.map(view), total: total?.n ?? 0 };
    },
    /** Moves a registration to a new status with the history event; the caller notifies people. */
    async setStatus(input: {
      reference: string;
      to: RegistrationStatus;
      now: number;
      actorKind: EventInput['actorKind'];
      actorId: string | null;
      note?: string | null;
      kpj?: string | null;
      /** A rejection's reason code (kept only with a rejection). */
      reason?: string | null;
      detail?: Record<string, unknown>;
    }): Promise<{ id: number; from: RegistrationStatus; view: RegistrationView } | undefined> {
      const r = await byReference(input.reference);
      if (!r) return undefined;
      const reason = input.to === 'rejected' ? (input.reason ?? null) : null;
      await sql.run(
        `UPDATE registrations SET status = @to, officer_note = @note, kpj = coalesce(@kpj, kpj), reject_reason = @reason,
           updated_at = @now WHERE id = @id`,
        { id: r.id, to: input.to, note: cipher.encryptNullable(input.note), kpj: input.kpj ?? null, reason, now: input.now },
      );
      await store.event({
        registrationId: r.id,
        at: input.now,
        actorKind: input.actorKind,
        actorId: input.actorId,
        action: 'status_changed',
        fromStatus: r.status,
        toStatus: input.to,
        detail: { ...(input.detail ?? {}), ...(input.note ? { note: input.note } : {}), ...(reason ? { reason } : {}) },
      });
      return { id: r.id, from: r.status, view: view((await byReference(input.reference))!) };
    },
    /**
     * Puts back what an undone decision changed (status, officer's note, KPJ, fields asked to
     * correct); the caller writes the history event and takes back the held news.
     */
    async revertDecision(input: {
      id: number;
      status: RegistrationStatus;
      note: string | null;
      kpj: string | null;
      correctionFields: readonly string[] | null;
      /** Undefined for a decision recorded before reasons were kept apart. */
      rejectReason?: string | null;
      now: number;
    }): Promise<void> {
      await sql.run(
        `UPDATE registrations SET status = @status, officer_note = @note, kpj = @kpj, correction_fields = @correctionFields,
           reject_reason = @reason, updated_at = @now WHERE id = @id`,
        {
          id: input.id,
          status: input.status,
          note: cipher.encryptNullable(input.note),
          kpj: input.kpj,
          reason: input.status === 'rejected' ? (input.rejectReason ?? null) : null,
          correctionFields: input.correctionFields?.length ? JSON.stringify(input.correctionFields) : null,
          now: input.now,
        },
      );
    },
    /** Notes which fields an officer asked to correct (shown in the console, asked by the bot). */
    async setCorrectionFields(id: number, fields: readonly string[] | null): Promise<void> {
      await sql.run('UPDATE registrations SET correction_fields = ? WHERE id = ?', [fields ? JSON.stringify(fields) : null, id]);
    },
    /**
     * Applies the fields a person (or their cadre) corrected and puts the registration back in the
     * queue; only the applicant or the submitter may, while a correction is asked or (their own
     * correction from "Data saya") before an officer decided. The
     * history event records each field's old and new value (its detail is sealed, like the form).
     */
    async correct(reference: string, personId: number, changes: Partial<RegistrationData>, now: number): Promise<boolean> {
      const r = await byReference(reference);
      if (!r || (r.status !== 'needs_correction' && r.status !== 'submitted') || !r.data) return false;
      if (r.applicant_id !== personId && r.submitter_id !== personId) return false;
      const before = parse(r.data)! as unknown as Record<string, unknown>;
      const data = { ...parse(r.data)!, ...changes };
      await sql.run(
        `UPDATE registrations SET data = @data, nik_index = @nikIndex, nik_masked = @nikMasked, phone_index = @phoneIndex, checks = @checks,
           full_name = @fullName, kecamatan = @kecamatan, desa = @desa, group_id = @groupId, status = 'submitted', correction_fields = NULL, updated_at = @now WHERE id = @id`,
        {
          id: r.id,
          ...sealedColumns(cipher, data),
          fullName: data.fullName,
          kecamatan: data.kecamatan,
          desa: data.desa,
          groupId: data.groupId,
          now,
        },
      );
      await store.event({
        registrationId: r.id,
        at: now,
        actorKind: r.submitter_id === personId && r.applicant_id !== personId ? 'cadre' : 'applicant',
        actorId: String(personId),
        action: 'corrected',
        fromStatus: r.status,
        toStatus: 'submitted',
        detail: {
          fields: Object.keys(changes),
          changes: Object.fromEntries(Object.entries(changes).map(([k, to]) => [k, { from: before[k] ?? null, to: to ?? null }])),
        },
      });
      // The person met the request (they wrote while its news was held): that news is out of date.
      await dropHeldNews(r.id, now);
      return true;
    },
    asTold,
    /**
     * The reads the chat shows people, each registration as they know it at `now` (asTold): their
     * own, one by its code, a cadre's page, the corrections asked of them, the open one of a NIK.
     */
    told: {
      ofApplicant: async (personId: number, now: number): Promise<RegistrationView[]> => allAsTold(await store.ofApplicant(personId), now),
      byReference: async (reference: string, now: number): Promise<RegistrationView | undefined> => {
        const v = await store.byReference(reference);
        return v && asTold(v, now);
      },
      bySubmitter: async (personId: number, offset: number, limit: number, now: number): Promise<{ rows: RegistrationView[]; total: number }> => {
        const page = await store.bySubmitter(personId, offset, limit);
        return { rows: await allAsTold(page.rows, now), total: page.total };
      },
      // A request they have not heard of yet is not offered before its news.
      awaitingCorrection: async (personId: number, now: number): Promise<RegistrationView[]> =>
        (await allAsTold(await store.awaitingCorrection(personId), now)).filter((v) => v.status === 'needs_correction'),
      activeByNik: async (nik: string, now: number): Promise<RegistrationView | undefined> => {
        const open = await store.activeByNik(nik);
        if (open) return asTold(open, now);
        // Rejected, but they do not know yet (and an undo would reopen it): still theirs, still open.
        const rejected = await rejectedByNik(cipher.blindIndex('nik', nik));
        const v = rejected && (await asTold(view(rejected), now));
        return v && v.status !== 'rejected' ? v : undefined;
      },
    },
    referenceExists: async (reference: string): Promise<boolean> =>
      (await sql.get<{ one: number }>('SELECT 1 AS one FROM registrations WHERE reference = ?', [reference])) !== undefined,
    /** Open and approved registrations of one group of one regency (its quota). */
    groupCount: async (groupId: string, regency: string): Promise<number> =>
      (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM registrations WHERE group_id = ? AND regency = ? AND status IN ${OPEN}`, [groupId, regency]))?.n ?? 0,
    /** Appends a history event; its details (an officer's note, corrected fields) are sealed. */
    async event(e: EventInput): Promise<void> {
      await sql.run(
        `INSERT INTO registration_events (registration_id, at, actor_kind, actor_id, action, from_status, to_status, detail)
         VALUES (@registrationId, @at, @actorKind, @actorId, @action, @fromStatus, @toStatus, @detail)`,
        { ...e, detail: e.detail ? cipher.encrypt(JSON.stringify(e.detail)) : null },
      );
    },
    events: async (registrationId: number) =>
      (
        await sql.all<{ at: number; actor_kind: string; actor_id: string | null; action: string; from_status: string | null; to_status: string | null; detail: string | null }>(
          'SELECT at, actor_kind, actor_id, action, from_status, to_status, detail FROM registration_events WHERE registration_id = ? ORDER BY id',
          [registrationId],
        )
      ).map((e) => ({ ...e, detail: cipher.decryptNullable(e.detail) })),
    /** Queues a new registration as `submitted` and records who sent it. */
    async submit(input: {
      reference: string;
      applicantId: number;
      submitterId: number;
      channel: string;
      data: RegistrationData;
      /** The regency it belongs to (regencies.ts key). */
      regency: string;
      now: number;
    }): Promise<number> {
      const { data } = input;
      const row = await sql.get<{ id: number }>(
        `INSERT INTO registrations (reference, applicant_id, submitter_id, channel, status, nik_index, nik_masked, phone_index, checks,
           full_name, data, kecamatan, desa, group_id, regency, created_at, updated_at)
         VALUES (@reference, @applicantId, @submitterId, @channel, 'submitted', @nikIndex, @nikMasked, @phoneIndex, @checks,
           @fullName, @data, @kecamatan, @desa, @groupId, @regency, @now, @now)
         RETURNING id`,
        {
          reference: input.reference,
          applicantId: input.applicantId,
          submitterId: input.submitterId,
          channel: input.channel,
          ...sealedColumns(cipher, data),
          fullName: data.fullName,
          kecamatan: data.kecamatan,
          desa: data.desa,
          groupId: data.groupId,
          regency: input.regency,
          now: input.now,
        },
      );
      const id = row!.id;
      await store.event({
        registrationId: id,
        at: input.now,
        actorKind: data.submittedBy === 'cadre' ? 'cadre' : 'applicant',
        actorId: String(input.submitterId),
        action: 'submitted',
        fromStatus: null,
        toStatus: 'submitted',
        detail: { channel: input.channel, consentVersion: data.consentVersion },
      });
      return id;
    },
    /**
     * Deletes a registration's personal data at the person's request (status `deleted`); the row
     * and its history stay, without personal data, as proof the request was honoured.
     */
    async deleteByApplicant(reference: string, personId: number, now: number, reason: string): Promise<boolean> {
      const r = await byReference(reference);
      if (!r || r.applicant_id !== personId || !DELETABLE_STATUSES.includes(r.status)) return false;
      return erasure.eraseRegistration(r.id, { now, actorKind: 'applicant', actorId: String(personId), reason });
    },
  };
  return store;
}

export type RegistrationStore = ReturnType<typeof createRegistrationStore>;
