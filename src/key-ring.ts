import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from './config.js';
import { FieldCipher, KeyError, loadKeyRing, newRing, type KeyRing } from './storage/crypto.js';
import type { KvStore } from './storage/kv.js';

/** Where the key file is: LINDUNG_KEY_FILE, else beside the database file (back both up, separately). */
export function keyFilePath(config: Config): string {
  return config.LINDUNG_KEY_FILE ?? join(dirname(config.DATABASE_PATH), 'lindung.key');
}

/**
 * The keys that encrypt personal data at rest: LINDUNG_KEYS when set (a secret store's value), else
 * the key file, created 0600 on first start (so a fresh machine needs no setup). An in-memory
 * database without LINDUNG_KEYS gets a throwaway ring.
 */
export function keyRingFor(config: Config): KeyRing {
  if (config.LINDUNG_KEYS) return loadKeyRing({ envValue: config.LINDUNG_KEYS, path: keyFilePath(config), create: false });
  if (config.DATABASE_PATH === ':memory:') return newRing();
  return loadKeyRing({ path: keyFilePath(config), create: true });
}

/** Where a database remembers which keys it was written with (a check value, never a key). */
const CHECK_KEY = 'keys.check';
const CHECK_TEXT = 'lindung key check';

/**
 * The key ring for an open database, refusing one that cannot read it: a missing key file (a new
 * one would be created, and every encrypted value would be unreadable), a key file or LINDUNG_KEYS
 * of another installation (another blind-index key), or one that lost a data key still in use.
 * The first start (or the first after an upgrade) records the check value.
 */
export async function keyRingForDatabase(
  config: Config,
  kv: KvStore,
  sampleSealed: () => Promise<string | undefined>,
  now = Date.now(),
): Promise<KeyRing> {
  const stored = await kv.get(CHECK_KEY);
  // A database from before the check value: one of its encrypted values stands in for it.
  const sample = stored === undefined ? await sampleSealed() : undefined;
  const path = keyFilePath(config);
  if ((stored !== undefined || sample !== undefined) && !config.LINDUNG_KEYS && config.DATABASE_PATH !== ':memory:' && !existsSync(path)) {
    throw new KeyError(
      `The database ${config.DATABASE_PATH} holds values encrypted with a key, but the key file ${path} is missing. ` +
        'Restore it from its backup (or point LINDUNG_KEY_FILE or LINDUNG_KEYS at it): a new key could read none of them.',
    );
  }
  const ring = keyRingFor(config);
  const cipher = new FieldCipher(ring);
  const index = cipher.blindIndex('nik', CHECK_TEXT);
  const source = config.LINDUNG_KEYS ? 'LINDUNG_KEYS' : `the key file ${path}`;
  if (sample !== undefined) {
    try {
      cipher.decrypt(sample);
    } catch {
      throw new KeyError(`${source} cannot read the values in the database ${config.DATABASE_PATH} (another installation's keys?): restore this one's key file.`);
    }
  }
  if (stored !== undefined) {
    let check: { index?: string; sealed?: string } = {};
    try {
      check = JSON.parse(stored) as typeof check;
    } catch {
      check = {};
    }
    if (check.index !== index) {
      throw new KeyError(`${source} does not belong to the database ${config.DATABASE_PATH} (another installation's keys?): restore this one's key file.`);
    }
    let opened: string | undefined;
    try {
      opened = check.sealed ? cipher.decrypt(check.sealed) : undefined;
    } catch {
      opened = undefined;
    }
    if (opened !== CHECK_TEXT) throw new KeyError(`${source} lacks a data key this database still uses: restore the key file from its backup.`);
    if (!cipher.needsRewrap(check.sealed!)) return ring;
  }
  await kv.set(CHECK_KEY, JSON.stringify({ index, sealed: cipher.encrypt(CHECK_TEXT) }), now);
  return ring;
}
