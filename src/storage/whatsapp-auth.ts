import type { Sql } from './sql.js';
import type { FieldCipher } from './crypto.js';
import { authKeyName } from './addresses.js';

/** One stored key write: a null value deletes the key. */
export interface AuthKeyWrite {
  type: string;
  id: string;
  value: string | null;
}

/**
 * The WhatsApp login as stored text (migration 002): the creds row and the signal keys. What the
 * text means (Baileys' encoding) is the WhatsApp channel's business (channels/whatsapp/auth-state.ts).
 * Baileys names keys after contacts' numbers (session '6281234567890.0') and only asks for them by
 * exact name, so a name is stored as its blind index (migration 018); values and creds (contacts'
 * JIDs, our own number, key material) are sealed.
 */
export function createWhatsAppAuthStore(sql: Sql, cipher: FieldCipher) {
  return {
    creds: async (): Promise<string | undefined> => {
      const stored = (await sql.get<{ creds: string }>('SELECT creds FROM wa_auth_creds WHERE id = 1'))?.creds;
      return stored === undefined ? undefined : cipher.decrypt(stored);
    },
    hasCreds: async (): Promise<boolean> => (await sql.get<{ one: number }>('SELECT 1 AS one FROM wa_auth_creds WHERE id = 1')) !== undefined,
    async saveCreds(text: string, now: number): Promise<void> {
      await sql.run(
        'INSERT INTO wa_auth_creds (id, creds, updated_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET creds = excluded.creds, updated_at = excluded.updated_at',
        [cipher.encrypt(text), now],
      );
    },
    key: async (type: string, id: string): Promise<string | undefined> => {
      const stored = (await sql.get<{ value: string }>('SELECT value FROM wa_auth_keys WHERE type = ? AND id_key = ?', [type, authKeyName(cipher, type, id)]))?.value;
      return stored === undefined ? undefined : cipher.decrypt(stored);
    },
    /**
     * Applies every write `prepare` yields in one transaction: they commit together or not at all;
     * `prepare` (the encoding) runs inside the transaction.
     */
    writeKeys: (prepare: () => Iterable<AuthKeyWrite>, now: number): Promise<void> =>
      sql.transaction(async () => {
        for (const w of prepare()) {
          const name = authKeyName(cipher, w.type, w.id);
          if (w.value !== null) {
            await sql.run(
              'INSERT INTO wa_auth_keys (type, id_key, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(type, id_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
              [w.type, name, cipher.encrypt(w.value), now],
            );
          } else await sql.run('DELETE FROM wa_auth_keys WHERE type = ? AND id_key = ?', [w.type, name]);
        }
      }),
    /** Forgets the login (creds and keys). */
    wipe: (): Promise<void> =>
      sql.transaction(async () => {
        await sql.run('DELETE FROM wa_auth_keys');
        await sql.run('DELETE FROM wa_auth_creds');
      }),
  };
}

export type WhatsAppAuthStore = ReturnType<typeof createWhatsAppAuthStore>;
