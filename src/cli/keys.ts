import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { keyFilePath, keyRingFor } from '../key-ring.js';
import { keyUsage, resealAll } from '../storage/at-rest.js';
import { indexAddresses } from '../storage/addresses.js';
import { FieldCipher, writeKeyFile } from '../storage/crypto.js';
import { openDatabase } from '../storage/db.js';

const USAGE = `usage:
  npm run keys -- status   the key file, its keys, and how many stored values each one encrypts
  npm run keys -- rotate   a new data key: every stored value is encrypted again with it (the bot may run)`;

/** Key management for personal data at rest (see README, "Personal data"). */
function main(): number {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true });
  const [command] = positionals;
  const config = loadConfig();
  const path = keyFilePath(config);
  const ring = keyRingFor(config);
  const db = openDatabase(config.DATABASE_PATH, { synchronous: config.SQLITE_SYNCHRONOUS, busyTimeoutMs: 60_000 });
  try {
    if (command === 'status') {
      console.log(`key file: ${path}`);
      console.log(`data keys: ${[...ring.keys.keys()].join(', ')} (current ${ring.current})`);
      for (const { at, counts } of keyUsage(db)) {
        console.log(`  ${at}: ${Object.entries(counts).map(([k, n]) => `${k === 'clear' ? 'not encrypted' : k} ${n}`).join(', ') || 'empty'}`);
      }
      return 0;
    }
    if (command === 'rotate') {
      const next = Math.max(...ring.keys.keys()) + 1;
      const rotated = { ...ring, keys: new Map(ring.keys).set(next, randomBytes(32)), current: next };
      // The new key is saved first: a crash in the middle leaves values under either key, both in the file.
      writeKeyFile(path, rotated);
      // Addresses an older version kept in clear are indexed first (as at the bot's start), then all re-encrypted.
      const cipher = new FieldCipher(rotated);
      const n = indexAddresses(db, cipher) + resealAll(db, cipher);
      console.log(`key ${next} is now current; ${n} values encrypted again. Older keys stay in ${path} so older backups remain readable.`);
      console.log('Restart the bot so it encrypts new values with the new key.');
      return 0;
    }
    console.error(USAGE);
    return 2;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  } finally {
    db.close();
  }
}

process.exitCode = main();
