import type { Db } from './db.js';
import type { FieldCipher } from './crypto.js';

/**
 * Chat addresses at rest (migration 018). A WhatsApp address is a phone number, so an address is
 * never stored in clear: lookups, uniqueness and a chat's order go through this keyed blind index,
 * and the address itself is sealed where it must be read back. The channel is part of the index:
 * one key is unique across channels, and the same address gives the same key in every table
 * (identities, outbox, inbox, wa_sent), so they join on it.
 *
 * The index key is the key ring's index key, which a rotation (`npm run keys -- rotate`) keeps:
 * keys stay valid across rotations; only the sealed addresses are encrypted again.
 */
export function addressKey(cipher: FieldCipher, channel: string, address: string): string {
  return cipher.blindIndex('address', `${channel}\u0000${address}`);
}

/** The channel whose addresses `wa_sent` keeps (channels/whatsapp's id; storage does not import channels). */
export const WA_SENT_CHANNEL = 'whatsapp';

/** The stored name of a WhatsApp login key: Baileys names session keys after contacts' numbers. */
export function authKeyName(cipher: FieldCipher, type: string, id: string): string {
  return cipher.blindIndex('whatsapp-key', `${type}\u0000${id}`);
}

/** What migration 018 puts before an address it could not index yet (a blind index never holds ':'). */
const CLEAR = 'clear:';

/**
 * Rows an older version wrote with the address in clear get their blind index and a sealed
 * address, at the first start after migration 018 (run with resealAll, in batches, each its own
 * transaction). Where the converted row meets one the new version already wrote (same key), the
 * newer one stays and the old one goes. Returns how many rows were rewritten or dropped.
 */
export function indexAddresses(db: Db, cipher: FieldCipher, batch = 500): number {
  const key = (channel: string, address: string) => addressKey(cipher, channel, address);
  const seal = (address: string) => cipher.encrypt(cipher.decrypt(address));
  const identities = db.prepare<[number], { channel: string; k: string }>(
    `SELECT channel, external_key AS k FROM identities WHERE external_key LIKE '${CLEAR}%' LIMIT ?`,
  );
  const identity = db.prepare<[string, string, string, string]>(
    'UPDATE OR IGNORE identities SET external_key = ?, address = ? WHERE channel = ? AND external_key = ?',
  );
  const dropIdentity = db.prepare<[string, string]>('DELETE FROM identities WHERE channel = ? AND external_key = ?');
  const outbox = db.prepare<[number], { id: number; channel: string; address: string }>(
    'SELECT id, channel, address FROM outbox WHERE recipient_key IS NULL ORDER BY id LIMIT ?',
  );
  const outboxRow = db.prepare<[string, string, number]>('UPDATE outbox SET recipient_key = ?, address = ? WHERE id = ?');
  const inbox = db.prepare<[number], { id: number; channel: string; payload: string }>(
    'SELECT id, channel, payload FROM inbox WHERE sender_key IS NULL ORDER BY id LIMIT ?',
  );
  const inboxRow = db.prepare<[string, number]>('UPDATE OR IGNORE inbox SET sender_key = ? WHERE id = ?');
  const dropInbox = db.prepare<[number]>('DELETE FROM inbox WHERE id = ?');
  const sent = db.prepare<[number], { id: string; jid: string }>('SELECT id, jid FROM wa_sent WHERE jid_key IS NULL LIMIT ?');
  const sentRow = db.prepare<[string, string, string]>('UPDATE wa_sent SET jid_key = ?, jid = ? WHERE id = ?');
  const authKeys = db.prepare<[number], { r: number; type: string; k: string }>(
    `SELECT rowid AS r, type, id_key AS k FROM wa_auth_keys WHERE id_key LIKE '${CLEAR}%' LIMIT ?`,
  );
  const authKey = db.prepare<[string, number]>('UPDATE OR IGNORE wa_auth_keys SET id_key = ? WHERE rowid = ?');
  const dropAuthKey = db.prepare<[number]>('DELETE FROM wa_auth_keys WHERE rowid = ?');

  // Each step converts up to `batch` rows of one table; every row it reads leaves the selection.
  const steps: (() => number)[] = [
    () => {
      const rows = identities.all(batch);
      for (const r of rows) {
        const address = r.k.slice(CLEAR.length);
        if (identity.run(key(r.channel, address), cipher.encrypt(address), r.channel, r.k).changes === 0) dropIdentity.run(r.channel, r.k);
      }
      return rows.length;
    },
    () => {
      const rows = outbox.all(batch);
      for (const r of rows) outboxRow.run(key(r.channel, cipher.decrypt(r.address)), seal(r.address), r.id);
      return rows.length;
    },
    () => {
      const rows = inbox.all(batch);
      for (const r of rows) {
        let sender: unknown;
        try {
          sender = (JSON.parse(cipher.decrypt(r.payload)) as { externalId?: unknown }).externalId;
        } catch {
          sender = undefined;
        }
        // An unreadable message is dropped when the inbox is replayed; its key only has to be unique.
        const k = typeof sender === 'string' ? key(r.channel, sender) : `unreadable-${r.id}`;
        if (inboxRow.run(k, r.id).changes === 0) dropInbox.run(r.id);
      }
      return rows.length;
    },
    () => {
      const rows = sent.all(batch);
      for (const r of rows) sentRow.run(key(WA_SENT_CHANNEL, cipher.decrypt(r.jid)), seal(r.jid), r.id);
      return rows.length;
    },
    () => {
      const rows = authKeys.all(batch);
      for (const r of rows) {
        if (authKey.run(authKeyName(cipher, r.type, r.k.slice(CLEAR.length)), r.r).changes === 0) dropAuthKey.run(r.r);
      }
      return rows.length;
    },
  ];
  let converted = 0;
  for (const step of steps) {
    const tx = db.transaction(step);
    for (;;) {
      const n = tx.immediate();
      converted += n;
      if (n < batch) break;
    }
  }
  return converted;
}
