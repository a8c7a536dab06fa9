// Consent withdrawn after approval (UU 27/2022): the registration is kept, flagged (erasure.ts),
// until an officer erases it or keeps it for a legal reason (migration 017). Also the record of an
// officer's erasure, read back from the audit log for the erased registration's page.
import type { Sql } from './sql.js';

/** Where a registration stands on a withdrawal of consent. */
export interface WithdrawalState {
  /** When the person withdrew consent after approval; null: never. */
  withdrawnAt: number | null;
  /** When an officer decided to keep it; null: not (yet). */
  keptAt: number | null;
  /** Why it was kept (a code, see app/officer-erasure.ts KEEP_REASONS). */
  keptReason: string | null;
  /** Withdrawn and neither kept nor erased: blocks decisions, the KPJ and exports. */
  pending: boolean;
}

/** An officer's erasure as the audit log keeps it: when, who, the reason's code (no personal data). */
export interface OfficerErasure {
  at: number;
  username: string | null;
  reason: string | null;
}

/** Withdrawals waiting for an officer's decision (or the oldest ones, for the queue's notice). */
const PENDING = "consent_withdrawn_at IS NOT NULL AND withdrawal_reviewed_at IS NULL AND status <> 'deleted'";

export function createWithdrawalStore(sql: Sql) {
  const state = async (id: number): Promise<WithdrawalState | undefined> => {
    const r = await sql.get<{ status: string; consent_withdrawn_at: number | null; withdrawal_reviewed_at: number | null; withdrawal_kept_reason: string | null }>(
      'SELECT status, consent_withdrawn_at, withdrawal_reviewed_at, withdrawal_kept_reason FROM registrations WHERE id = ?',
      [id],
    );
    if (!r) return undefined;
    return {
      withdrawnAt: r.consent_withdrawn_at,
      keptAt: r.withdrawal_reviewed_at,
      keptReason: r.withdrawal_kept_reason,
      pending: r.consent_withdrawn_at !== null && r.withdrawal_reviewed_at === null && r.status !== 'deleted',
    };
  };

  return {
    state,
    /** True when the registration's withdrawal waits for an officer (it may then not be exported, decided or given a KPJ). */
    isPending: async (id: number): Promise<boolean> => (await state(id))?.pending === true,
    /** Records an officer's decision to keep a withdrawn registration; false when none was pending. */
    keep: async (id: number, reason: string, now: number): Promise<boolean> =>
      (await sql.run(`UPDATE registrations SET withdrawal_reviewed_at = ?, withdrawal_kept_reason = ? WHERE id = ? AND ${PENDING}`, [now, reason, id])).changes > 0,
    /** The oldest withdrawals waiting for an officer, and how many wait in all. */
    async pending(limit: number): Promise<{ rows: { id: number; reference: string; withdrawnAt: number }[]; total: number }> {
      const rows = await sql.all<{ id: number; reference: string; consent_withdrawn_at: number }>(
        `SELECT id, reference, consent_withdrawn_at FROM registrations WHERE ${PENDING} ORDER BY consent_withdrawn_at, id LIMIT ?`,
        [limit],
      );
      const total = (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM registrations WHERE ${PENDING}`))?.n ?? 0;
      return { rows: rows.map((r) => ({ id: r.id, reference: r.reference, withdrawnAt: r.consent_withdrawn_at })), total };
    },
    /** The latest officer's erasure of a registration (its audit entry), if one erased it. */
    async officerErasure(registrationId: number): Promise<OfficerErasure | undefined> {
      const r = await sql.get<{ at: number; username: string | null; detail: string | null }>(
        `SELECT a.at, o.username, a.detail FROM audit_log a LEFT JOIN officers o ON o.id = a.officer_id
          WHERE a.registration_id = ? AND a.action = 'erase' ORDER BY a.id DESC LIMIT 1`,
        [registrationId],
      );
      if (!r) return undefined;
      let reason: string | null = null;
      try {
        const detail = r.detail ? (JSON.parse(r.detail) as { reason?: unknown }) : {};
        reason = typeof detail.reason === 'string' ? detail.reason : null;
      } catch {
        reason = null;
      }
      return { at: r.at, username: r.username, reason };
    },
  };
}

export type WithdrawalStore = ReturnType<typeof createWithdrawalStore>;
