import type { AuthenticationCreds, AuthenticationState, SignalDataSet, SignalDataTypeMap } from '@whiskeysockets/baileys';
import type { AuthKeyWrite, WhatsAppAuthStore } from '../../storage/whatsapp-auth.js';

/**
 * What the stored login needs from Baileys (given by baileys.ts, so that only that file loads
 * Baileys at run time): fresh credentials, the JSON form of binary fields, and the protobuf class
 * of app-state sync keys.
 */
export interface AuthCodec {
  initCreds(): AuthenticationCreds;
  replacer(key: string, value: any): any;
  reviver(key: string, value: any): any;
  appStateSyncKey(value: Record<string, unknown>): unknown;
}

/** The stored WhatsApp login as Baileys uses it (useSqliteAuthState). */
export interface SqliteAuthState {
  state: AuthenticationState;
  saveCreds: () => Promise<void>;
  /** Forgets the login (stored creds and keys); fresh creds for the next pairing. */
  clear: () => Promise<void>;
  hasCreds: () => Promise<boolean>;
}

/**
 * The database-backed replacement for Baileys' useMultiFileAuthState: one database holds the
 * WhatsApp login, and every key write is one transaction. Resolves once the stored creds are read.
 */
export async function useSqliteAuthState(store: WhatsAppAuthStore, codec: AuthCodec, opts: { clock?: () => number } = {}): Promise<SqliteAuthState> {
  const clock = opts.clock ?? Date.now;
  // Same encoding as Baileys' useMultiFileAuthState: binary fields become {type:'Buffer', data:<base64>}.
  const encode = (value: unknown): string => JSON.stringify(value, codec.replacer);
  const decode = (text: string): unknown => JSON.parse(text, codec.reviver);

  const loadCreds = async (): Promise<AuthenticationCreds> => {
    const text = await store.creds();
    return text ? (decode(text) as AuthenticationCreds) : codec.initCreds();
  };

  function* writes(data: SignalDataSet): Generator<AuthKeyWrite> {
    for (const [type, entries] of Object.entries(data)) {
      if (!entries) continue;
      // Like useMultiFileAuthState: a falsy value (null/undefined) deletes the key.
      for (const [id, value] of Object.entries(entries)) yield { type, id, value: value ? encode(value) : null };
    }
  }

  const state: AuthenticationState = {
    creds: await loadCreds(),
    keys: {
      get: async <T extends keyof SignalDataTypeMap>(type: T, ids: string[]) => {
        // Every requested id is present, null when not stored (as useMultiFileAuthState returns), so
        // Baileys' transaction cache remembers the miss instead of asking again.
        const out: Record<string, unknown> = {};
        for (const id of ids) {
          const text = await store.key(type, id);
          let value: unknown = text ? decode(text) : null;
          if (type === 'app-state-sync-key' && value) {
            value = codec.appStateSyncKey(value as Record<string, unknown>);
          }
          out[id] = value;
        }
        return out as { [id: string]: SignalDataTypeMap[T] };
      },
      set: async (data: SignalDataSet) => {
        await store.writeKeys(() => writes(data), clock());
      },
    },
  };

  return {
    state,
    saveCreds: async () => {
      // state.creds, not a captured object: clear() swaps in fresh creds for the next pairing.
      await store.saveCreds(encode(state.creds), clock());
    },
    clear: async () => {
      // Fresh creds first: a save while the stored login is wiped writes these, never the login being forgotten.
      state.creds = codec.initCreds();
      await store.wipe();
    },
    hasCreds: async () => store.hasCreds(),
  };
}
