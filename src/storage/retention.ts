import type { Sql } from './sql.js';
import type { FieldCipher } from './crypto.js';
import { createErasureStore } from './erasure.js';
import { SENT_KEPT_MS } from './whatsapp-sent.js';

export interface PurgeResult {
  sessions: number;
  rejected: number;
}

/**
 * Removes what is kept no longer (the policy and its periods are app/retention.ts's): conversations
 * idle since before `draftCutoff` (with their drafts and remembered message ids), and the personal
 * data of registrations rejected before `rejectedCutoff`, each with a history event; and WhatsApp
 * messages kept for retry receipts once a day old.
 */
export function createRetentionStore(sql: Sql, cipher: FieldCipher) {
  const erasure = createErasureStore(sql, cipher);
  return {
    /** `rejectedByRegency`: a regency's own cutoff for its rejected registrations (others: `rejectedCutoff`). */
    purge: (input: { draftCutoff: number; rejectedCutoff: number; rejectedByRegency?: Readonly<Record<string, number>>; now: number }): Promise<PurgeResult> =>
      sql.transaction(async () => {
        const { draftCutoff, rejectedCutoff, now } = input;
        const byRegency = input.rejectedByRegency ?? {};
        const removed = (await sql.run('DELETE FROM sessions WHERE updated_at < ?', [draftCutoff])).changes;
        // WhatsApp messages kept for retry receipts: a day at most, even when nothing is sent any more.
        await sql.run('DELETE FROM wa_sent WHERE sent_at < ?', [now - SENT_KEPT_MS]);
        // Each regency keeps rejected registrations for its own period; one not listed, for the default.
        const cutoffOf = (regency: string): number => (Object.hasOwn(byRegency, regency) ? byRegency[regency]! : rejectedCutoff);
        const expired = await sql.all<{ id: number; regency: string; updated_at: number }>(
          "SELECT id, regency, updated_at FROM registrations WHERE status = 'rejected' AND updated_at < ?",
          [Math.max(rejectedCutoff, ...Object.values(byRegency))],
        );
        const rows = expired.filter((r) => r.updated_at < cutoffOf(r.regency));
        for (const r of rows) await erasure.eraseRegistration(r.id, { now, actorKind: 'system', actorId: null, reason: 'retention_expired' });
        return { sessions: removed, rejected: rows.length };
      }),
  };
}
