import { dirname, join } from 'node:path';
import type { Config } from './config.js';
import { loadKeyRing, newRing, type KeyRing } from './storage/crypto.js';

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
