import { BufferJSON, initAuthCreds, proto } from '@whiskeysockets/baileys';
import type { AuthenticationCreds, AuthenticationState, SignalDataSet, SignalDataTypeMap } from '@whiskeysockets/baileys';
import type { Db } from './db.js';

// Same encoding as Baileys' useMultiFileAuthState: binary fields become {type:'Buffer', data:<base64>}.
const encode = (value: unknown): string => JSON.stringify(value, BufferJSON.replacer);
const decode = (text: string): unknown => JSON.parse(text, BufferJSON.reviver);

/** The SQLite-backed replacement for Baileys' useMultiFileAuthState: one database file holds the WhatsApp login, and every key write is one transaction. */
export function useSqliteAuthState(
  db: Db,
  opts: { clock?: () => number } = {},
): { state: AuthenticationState; saveCreds: () => Promise<void>; clear: () => void; hasCreds: () => boolean } {
  const clock = opts.clock ?? Date.now;
  const getCreds = db.prepare<[], { creds: string }>('SELECT creds FROM wa_auth_creds WHERE id = 1');
  const credsExist = db.prepare<[], { one: number }>('SELECT 1 AS one FROM wa_auth_creds WHERE id = 1');
  const putCreds = db.prepare<[string, number]>(
    'INSERT INTO wa_auth_creds (id, creds, updated_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET creds = excluded.creds, updated_at = excluded.updated_at',
  );
  const getKey = db.prepare<[string, string], { value: string }>('SELECT value FROM wa_auth_keys WHERE type = ? AND id = ?');
  const putKey = db.prepare<[string, string, string, number]>(
    'INSERT INTO wa_auth_keys (type, id, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(type, id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const delKey = db.prepare<[string, string]>('DELETE FROM wa_auth_keys WHERE type = ? AND id = ?');
  const delAllCreds = db.prepare('DELETE FROM wa_auth_creds');
  const delAllKeys = db.prepare('DELETE FROM wa_auth_keys');

  const loadCreds = (): AuthenticationCreds => {
    const row = getCreds.get();
    return row ? (decode(row.creds) as AuthenticationCreds) : initAuthCreds();
  };

  // All entries of one set() call commit together or not at all (serialisation runs inside the transaction).
  const writeKeys = db.transaction((data: SignalDataSet, now: number) => {
    for (const [type, entries] of Object.entries(data)) {
      if (!entries) continue;
      for (const [id, value] of Object.entries(entries)) {
        // Like useMultiFileAuthState: a falsy value (null/undefined) deletes the key.
        if (value) putKey.run(type, id, encode(value), now);
        else delKey.run(type, id);
      }
    }
  });

  const wipe = db.transaction(() => {
    delAllKeys.run();
    delAllCreds.run();
  });

  const state: AuthenticationState = {
    creds: loadCreds(),
    keys: {
      get: <T extends keyof SignalDataTypeMap>(type: T, ids: string[]) => {
        // Every requested id is present, null when not stored (as useMultiFileAuthState returns), so
        // Baileys' transaction cache remembers the miss instead of asking again.
        const out: Record<string, unknown> = {};
        for (const id of ids) {
          const row = getKey.get(type, id);
          let value: unknown = row ? decode(row.value) : null;
          if (type === 'app-state-sync-key' && value) {
            value = proto.Message.AppStateSyncKeyData.fromObject(value as Record<string, unknown>);
          }
          out[id] = value;
        }
        return out as { [id: string]: SignalDataTypeMap[T] };
      },
      set: async (data: SignalDataSet) => {
        writeKeys(data, clock());
      },
    },
  };

  return {
    state,
    saveCreds: async () => {
      // state.creds, not a captured object: clear() swaps in fresh creds for the next pairing.
      putCreds.run(encode(state.creds), clock());
    },
    clear: () => {
      wipe();
      state.creds = initAuthCreds();
    },
    hasCreds: () => credsExist.get() !== undefined,
  };
}
