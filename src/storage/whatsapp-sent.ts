import type { Sql } from './sql.js';
import type { FieldCipher } from './crypto.js';
import { addressKey, WA_SENT_CHANNEL } from './addresses.js';

/** How long a sent WhatsApp message is kept for a retry receipt. */
export const SENT_KEPT_MS = 24 * 3600_000;

/**
 * WhatsApp messages we sent (migration 009), kept a day, with the delivery error WhatsApp reported
 * later. The message and the JID (a phone number) are sealed; the JID's blind index lets an erasure
 * find them (addresses.ts).
 */
export function createWhatsAppSentStore(sql: Sql, cipher: FieldCipher) {
  return {
    /** Keeps a sent message (its content as JSON) and drops those older than a day. */
    async record(input: { id: string; jid: string; outboxId: number | null; message: string; now: number; registrationId?: number | null; personId?: number | null }): Promise<void> {
      // Encrypted: a reply may repeat a NIK or an address.
      const jidKey = addressKey(cipher, WA_SENT_CHANNEL, input.jid);
      // A message id seen again replaces the row whole: its old delivery error goes too.
      await sql.run(
        `INSERT INTO wa_sent (id, jid_key, jid, outbox_id, message, sent_at, registration_id, person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET jid_key = excluded.jid_key, jid = excluded.jid, outbox_id = excluded.outbox_id, message = excluded.message,
           sent_at = excluded.sent_at, registration_id = excluded.registration_id, person_id = excluded.person_id, error = NULL`,
        [input.id, jidKey, cipher.encrypt(input.jid), input.outboxId, cipher.encrypt(input.message), input.now, input.registrationId ?? null, input.personId ?? null],
      );
      await sql.run('DELETE FROM wa_sent WHERE sent_at < ?', [input.now - SENT_KEPT_MS]);
    },
    /** A message sent within the last day, for a retry receipt. */
    message: async (id: string, now: number): Promise<string | undefined> => {
      const m = (await sql.get<{ message: string }>('SELECT message FROM wa_sent WHERE id = ? AND sent_at >= ?', [id, now - SENT_KEPT_MS]))?.message;
      return m === undefined ? undefined : cipher.decrypt(m);
    },
    async markError(id: string, error: string): Promise<void> {
      await sql.run('UPDATE wa_sent SET error = ? WHERE id = ?', [error.slice(0, 200), id]);
    },
    /** Deliveries WhatsApp refused among the messages of the last day, and the latest code. */
    failures: async (now: number): Promise<{ count: number; lastCode: string | null }> => {
      const r = await sql.get<{ n: number; last: string | null }>(
        `SELECT count(*) AS n,
                (SELECT error FROM wa_sent WHERE error IS NOT NULL AND sent_at >= @since ORDER BY sent_at DESC LIMIT 1) AS last
           FROM wa_sent WHERE error IS NOT NULL AND sent_at >= @since`,
        { since: now - SENT_KEPT_MS },
      );
      return { count: r?.n ?? 0, lastCode: r?.last ?? null };
    },
    sent: async (id: string) => {
      const r = await sql.get<{ error: string | null; outbox_id: number | null; jid: string; registration_id: number | null; person_id: number | null }>(
        'SELECT error, outbox_id, jid, registration_id, person_id FROM wa_sent WHERE id = ?',
        [id],
      );
      return r ? { error: r.error, outboxId: r.outbox_id, jid: cipher.decrypt(r.jid), registrationId: r.registration_id, personId: r.person_id } : undefined;
    },
  };
}

export type WhatsAppSentStore = ReturnType<typeof createWhatsAppSentStore>;
