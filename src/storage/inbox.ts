import type { Sql } from './sql.js';
import type { FieldCipher } from './crypto.js';
import { addressKey } from './addresses.js';

/** A received message as the inbox keeps it (the app's Inbound, as JSON). */
export interface InboxRow {
  id: number;
  payload: string;
}

/**
 * Messages received and not yet handled (migration 011): committed before the platform hears they
 * arrived. The sender is known by the blind index of their address (a WhatsApp address is a phone
 * number, addresses.ts); the address itself is in the sealed payload.
 */
export function createInboxStore(sql: Sql, cipher: FieldCipher) {
  return {
    /** Keeps a message; undefined when the same message (channel, sender, message id) already waits. */
    async add(input: { channel: string; externalId: string; messageId: string | null; payload: string; now: number }): Promise<number | undefined> {
      // Encrypted: what people type may be a NIK.
      const row = await sql.get<{ id: number }>(
        'INSERT INTO inbox (channel, sender_key, message_id, payload, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id',
        [input.channel, addressKey(cipher, input.channel, input.externalId), input.messageId, cipher.encrypt(input.payload), input.now],
      );
      return row?.id;
    },
    /** Gone once handled (inside the transaction that handled it); false when it was gone already. */
    remove: async (id: number): Promise<boolean> => (await sql.run('DELETE FROM inbox WHERE id = ?', [id])).changes > 0,
    /**
     * Messages still waiting, oldest first, after the id given (for paging through them); with
     * `receivedBefore`, only those received before then (left by a process that stopped or died).
     */
    waiting: async (afterId: number, limit: number, receivedBefore = Number.MAX_SAFE_INTEGER): Promise<InboxRow[]> =>
      (await sql.all<InboxRow>('SELECT id, payload FROM inbox WHERE id > ? AND received_at < ? ORDER BY id LIMIT ?', [afterId, receivedBefore, limit])).map((r) => ({
        id: r.id,
        payload: cipher.decrypt(r.payload),
      })),
    count: async (): Promise<number> => (await sql.get<{ n: number }>('SELECT count(*) AS n FROM inbox'))?.n ?? 0,
  };
}

export type InboxStore = ReturnType<typeof createInboxStore>;
