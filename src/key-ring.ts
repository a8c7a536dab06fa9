import { dirname, join } from 'node:path';
import type { Config } from './config.js';
import { loadKeyRing, newRing, type KeyRing } from './storage/crypto.js';

/** Where the key file is: beside the database file (back both up, separately). */
export function keyFilePath(config: Config): string {
  return join(dirname(config.DATABASE_PATH), 'lindung.key');
}

/**
 * The keys that encrypt personal data at rest: the key file beside the database, created 0600 on
 * first start (so a fresh machine needs no setup). An in-memory database gets a throwaway ring.
 */
export function keyRingFor(config: Config): KeyRing {
  if (config.DATABASE_PATH === ':memory:') return newRing();
  return loadKeyRing({ path: keyFilePath(config), create: true });
}
