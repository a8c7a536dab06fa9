import type { Db } from './db.js';
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
export function createInboxStore(db: Db, cipher: FieldCipher) {
  const insert = db.prepare<[string, string, string | null, string, number]>(
    'INSERT OR IGNORE INTO inbox (channel, sender_key, message_id, payload, received_at) VALUES (?, ?, ?, ?, ?)',
  );
  const remove = db.prepare<[number]>('DELETE FROM inbox WHERE id = ?');
  const waiting = db.prepare<[number, number], InboxRow>('SELECT id, payload FROM inbox WHERE id > ? ORDER BY id LIMIT ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM inbox');
  return {
    /** Keeps a message; undefined when the same message (channel, sender, message id) already waits. */
    add(input: { channel: string; externalId: string; messageId: string | null; payload: string; now: number }): number | undefined {
      // Encrypted: what people type may be a NIK.
      const r = insert.run(input.channel, addressKey(cipher, input.channel, input.externalId), input.messageId, cipher.encrypt(input.payload), input.now);
      return r.changes > 0 ? Number(r.lastInsertRowid) : undefined;
    },
    /** Gone once handled (inside the transaction that handled it). */
    remove: (id: number): void => void remove.run(id),
    /** Messages still waiting, oldest first, after the id given (for paging through them at start). */
    waiting: (afterId: number, limit: number): InboxRow[] => waiting.all(afterId, limit).map((r) => ({ id: r.id, payload: cipher.decrypt(r.payload) })),
    count: (): number => count.get()?.n ?? 0,
  };
}

export type InboxStore = ReturnType<typeof createInboxStore>;
