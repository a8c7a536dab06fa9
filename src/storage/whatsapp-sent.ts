import type { Db } from './db.js';
import type { FieldCipher } from './crypto.js';
import { addressKey, WA_SENT_CHANNEL } from './addresses.js';

/** How long a sent WhatsApp message is kept for a retry receipt. */
export const SENT_KEPT_MS = 24 * 3600_000;

/**
 * WhatsApp messages we sent (migration 009), kept a day, with the delivery error WhatsApp reported
 * later. The message and the JID (a phone number) are sealed; the JID's blind index lets an erasure
 * find them (addresses.ts).
 */
export function createWhatsAppSentStore(db: Db, cipher: FieldCipher) {
  const insert = db.prepare<[string, string, string, number | null, string, number, number | null, number | null]>(
    'INSERT OR REPLACE INTO wa_sent (id, jid_key, jid, outbox_id, message, sent_at, registration_id, person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[string, number], { message: string }>('SELECT message FROM wa_sent WHERE id = ? AND sent_at >= ?');
  const setError = db.prepare<[string, string]>('UPDATE wa_sent SET error = ? WHERE id = ?');
  const errorOf = db.prepare<[string], { error: string | null; outbox_id: number | null; jid: string; registration_id: number | null; person_id: number | null }>(
    'SELECT error, outbox_id, jid, registration_id, person_id FROM wa_sent WHERE id = ?',
  );
  const purge = db.prepare<[number]>('DELETE FROM wa_sent WHERE sent_at < ?');
  const failedQ = db.prepare<{ since: number }, { n: number; last: string | null }>(
    `SELECT count(*) AS n,
            (SELECT error FROM wa_sent WHERE error IS NOT NULL AND sent_at >= @since ORDER BY sent_at DESC LIMIT 1) AS last
       FROM wa_sent WHERE error IS NOT NULL AND sent_at >= @since`,
  );
  return {
    /** Keeps a sent message (its content as JSON) and drops those older than a day. */
    record(input: { id: string; jid: string; outboxId: number | null; message: string; now: number; registrationId?: number | null; personId?: number | null }): void {
      // Encrypted: a reply may repeat a NIK or an address.
      const jidKey = addressKey(cipher, WA_SENT_CHANNEL, input.jid);
      insert.run(input.id, jidKey, cipher.encrypt(input.jid), input.outboxId, cipher.encrypt(input.message), input.now, input.registrationId ?? null, input.personId ?? null);
      purge.run(input.now - SENT_KEPT_MS);
    },
    /** A message sent within the last day, for a retry receipt. */
    message: (id: string, now: number): string | undefined => {
      const m = byId.get(id, now - SENT_KEPT_MS)?.message;
      return m === undefined ? undefined : cipher.decrypt(m);
    },
    markError: (id: string, error: string): void => void setError.run(error.slice(0, 200), id),
    /** Deliveries WhatsApp refused among the messages of the last day, and the latest code. */
    failures: (now: number): { count: number; lastCode: string | null } => {
      const r = failedQ.get({ since: now - SENT_KEPT_MS });
      return { count: r?.n ?? 0, lastCode: r?.last ?? null };
    },
    sent: (id: string) => {
      const r = errorOf.get(id);
      return r ? { error: r.error, outboxId: r.outbox_id, jid: cipher.decrypt(r.jid), registrationId: r.registration_id, personId: r.person_id } : undefined;
    },
  };
}

export type WhatsAppSentStore = ReturnType<typeof createWhatsAppSentStore>;
