import type { Db } from './db.js';
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
export function createWhatsAppAuthStore(db: Db, cipher: FieldCipher) {
  const getCreds = db.prepare<[], { creds: string }>('SELECT creds FROM wa_auth_creds WHERE id = 1');
  const credsExist = db.prepare<[], { one: number }>('SELECT 1 AS one FROM wa_auth_creds WHERE id = 1');
  const putCreds = db.prepare<[string, number]>(
    'INSERT INTO wa_auth_creds (id, creds, updated_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET creds = excluded.creds, updated_at = excluded.updated_at',
  );
  const getKey = db.prepare<[string, string], { value: string }>('SELECT value FROM wa_auth_keys WHERE type = ? AND id_key = ?');
  const putKey = db.prepare<[string, string, string, number]>(
    'INSERT INTO wa_auth_keys (type, id_key, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(type, id_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const delKey = db.prepare<[string, string]>('DELETE FROM wa_auth_keys WHERE type = ? AND id_key = ?');
  const delAllCreds = db.prepare('DELETE FROM wa_auth_creds');
  const delAllKeys = db.prepare('DELETE FROM wa_auth_keys');

  // All writes of one call commit together or not at all; `prepare` (the encoding) runs inside the transaction.
  const writeKeys = db.transaction((prepare: () => Iterable<AuthKeyWrite>, now: number) => {
    for (const w of prepare()) {
      const name = authKeyName(cipher, w.type, w.id);
      if (w.value !== null) putKey.run(w.type, name, cipher.encrypt(w.value), now);
      else delKey.run(w.type, name);
    }
  });
  const wipe = db.transaction(() => {
    delAllKeys.run();
    delAllCreds.run();
  });

  return {
    creds: (): string | undefined => {
      const stored = getCreds.get()?.creds;
      return stored === undefined ? undefined : cipher.decrypt(stored);
    },
    hasCreds: (): boolean => credsExist.get() !== undefined,
    saveCreds: (text: string, now: number): void => void putCreds.run(cipher.encrypt(text), now),
    key: (type: string, id: string): string | undefined => {
      const stored = getKey.get(type, authKeyName(cipher, type, id))?.value;
      return stored === undefined ? undefined : cipher.decrypt(stored);
    },
    /** Applies every write `prepare` yields in one transaction. */
    writeKeys: (prepare: () => Iterable<AuthKeyWrite>, now: number): void => writeKeys.immediate(prepare, now),
    /** Forgets the login (creds and keys). */
    wipe: (): void => wipe.immediate(),
  };
}

export type WhatsAppAuthStore = ReturnType<typeof createWhatsAppAuthStore>;
