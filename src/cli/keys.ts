import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { configForTool, exitCodeFor } from '../exit-codes.js';
import { keyFilePath, keyRingForDatabase } from '../key-ring.js';
import { indexRegistrations, keyUsage, resealAll, sampleSealedAsync } from '../storage/at-rest.js';
import { indexAddresses } from '../storage/addresses.js';
import { FieldCipher, writeKeyFile } from '../storage/crypto.js';
import { openDatabase } from '../storage/db.js';
import { createKvStore } from '../storage/kv.js';
import { sqliteSql } from '../storage/sqlite.js';

const USAGE = `usage:
  npm run keys -- status              the keys, and how many stored values each one encrypts
  npm run keys -- rotate              a new data key in the key file: every stored value is encrypted again with it (the bot may run)
  npm run keys -- rotate --out FILE   with LINDUNG_KEYS: writes the new keys to FILE (0600) for the secret store; the bot
                                      re-encrypts every value with the new key at its next start with them`;

/** Key management for personal data at rest (see README, "Personal data"). */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { out: { type: 'string' } } });
  const [command] = positionals;
  const loaded = configForTool();
  if ('exit' in loaded) return loaded.exit;
  const { config } = loaded;
  const fromEnv = Boolean(config.LINDUNG_KEYS);
  const path = keyFilePath(config);
  if (config.DATABASE_URL) {
    // Re-encrypting every stored value works on the SQLite file; on PostgreSQL rotate in the SQLite
    // deployment before db:copy, or keep the key (README, "Past one machine").
    console.error('npm run keys works on the SQLite file (DATABASE_PATH); with DATABASE_URL set it changes nothing.');
    return 2;
  }
  const db = openDatabase(config.DATABASE_PATH, { synchronous: config.SQLITE_SYNCHRONOUS, busyTimeoutMs: 60_000 });
  // The key check goes through the store; the re-encryption below works on the SQLite file itself.
  const sql = sqliteSql(db);
  try {
    const ring = await keyRingForDatabase(config, createKvStore(sql), () => sampleSealedAsync(sql));
    if (command === 'status') {
      console.log(fromEnv ? 'keys: from LINDUNG_KEYS' : `key file: ${path}`);
      console.log(`data keys: ${[...ring.keys.keys()].join(', ')} (current ${ring.current})`);
      for (const { at, counts } of keyUsage(db)) {
        console.log(`  ${at}: ${Object.entries(counts).map(([k, n]) => `${k === 'clear' ? 'not encrypted' : k} ${n}`).join(', ') || 'empty'}`);
      }
      return 0;
    }
    if (command === 'rotate') {
      const next = Math.max(...ring.keys.keys()) + 1;
      const rotated = { ...ring, keys: new Map(ring.keys).set(next, randomBytes(32)), current: next };
      if (fromEnv) {
        // The running bot cannot read a new environment: the values are re-encrypted by the bot itself
        // at its first start with the new keys (every older key stays in them, so nothing is unreadable meanwhile).
        if (!values.out) {
          console.error('The keys come from LINDUNG_KEYS: give --out FILE to write the new keys for your secret store.');
          return 2;
        }
        writeKeyFile(values.out, rotated);
        console.log(`key ${next} written with the older keys to ${values.out} (0600). Put its content into LINDUNG_KEYS and restart`);
        console.log('the bot: at that start it encrypts every stored value again with key ' + String(next) + '. Then delete the file.');
        return 0;
      }
      // The new key is saved first: a crash in the middle leaves values under either key, both in the file.
      writeKeyFile(path, rotated);
      // Addresses an older version kept in clear are indexed first (as at the bot's start), then all re-encrypted.
      const cipher = new FieldCipher(rotated);
      const n = indexRegistrations(db, cipher) + indexAddresses(db, cipher) + resealAll(db, cipher);
      console.log(`key ${next} is now current; ${n} values encrypted again. Older keys stay in ${path} so older backups remain readable.`);
      console.log('Restart the bot so it encrypts new values with the new key.');
      return 0;
    }
    console.error(USAGE);
    return 2;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    // A missing or foreign key: 2, as `npm start` (src/exit-codes.ts).
    return exitCodeFor(err);
  } finally {
    await sql.close();
  }
}

process.exitCode = await main();
