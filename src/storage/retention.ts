import type { Db } from './db.js';
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
export function createRetentionStore(db: Db, cipher: FieldCipher) {
  const sessions = db.prepare<[number]>('DELETE FROM sessions WHERE updated_at < ?');
  const expired = db.prepare<[number], { id: number }>("SELECT id FROM registrations WHERE status = 'rejected' AND updated_at < ?");
  const erasure = createErasureStore(db, cipher);
  const sentMessages = db.prepare<[number]>('DELETE FROM wa_sent WHERE sent_at < ?');
  const purge = db.transaction((draftCutoff: number, rejectedCutoff: number, now: number): PurgeResult => {
    const removed = sessions.run(draftCutoff).changes;
    // WhatsApp messages kept for retry receipts: a day at most, even when nothing is sent any more.
    sentMessages.run(now - SENT_KEPT_MS);
    const rows = expired.all(rejectedCutoff);
    for (const r of rows) erasure.eraseRegistration(r.id, { now, actorKind: 'system', actorId: null, reason: 'retention_expired' });
    return { sessions: removed, rejected: rows.length };
  });
  return {
    purge: (input: { draftCutoff: number; rejectedCutoff: number; now: number }): PurgeResult =>
      purge.immediate(input.draftCutoff, input.rejectedCutoff, input.now),
  };
}
