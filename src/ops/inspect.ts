import type { Config } from '../config.js';
import { keyFilePath, keyRingForDatabase } from '../key-ring.js';
import { KeyError } from '../storage/crypto.js';
import { createKvStore } from '../storage/kv.js';
import { sqliteSql } from '../storage/sqlite.js';
import { anySealedValue, keyIdsInUse, latestSchema, type DatabaseFacts, type Db } from '../storage/maintenance.js';

/** Tables every Lindung database has had since its first migrations: how a foreign file is told apart. */
const LINDUNG_TABLES = ['people', 'registrations', 'kv', 'officers'];

/** Why `facts` cannot be put in place as this code's database (undefined: it can). */
export function lindungProblem(facts: DatabaseFacts, label: string): string | undefined {
  if (facts.integrity !== 'ok') return `${label} is damaged (integrity check: ${facts.integrity}).`;
  if (facts.schema < 1 || !LINDUNG_TABLES.every((t) => facts.tables.includes(t))) {
    return `${label} is not a Lindung database (it lacks the tables ${LINDUNG_TABLES.join(', ')} or a schema version).`;
  }
  const known = latestSchema();
  if (facts.schema > known) {
    return `${label} was written by a newer Lindung (schema ${facts.schema}; this version knows up to ${known}): update Lindung first, or choose an older backup.`;
  }
  return undefined;
}

/** The kv entry key-ring.ts keeps its check value in. */
const CHECK_KEY = 'keys.check';

/**
 * Why the configured keys (LINDUNG_KEYS or the key file) cannot read the encrypted values of the
 * open database `db` (undefined: they can, or it holds none). key-ring.ts's own check decides, with
 * nothing written (the file is a backup, or the database of a running bot) and no key file created.
 */
export async function keysProblem(config: Config, db: Db, label: string): Promise<string | undefined> {
  // The port over the caller's connection, never closed here (the caller closes `db`).
  const kv = createKvStore(sqliteSql(db));
  let stored;
  try {
    stored = await kv.get(CHECK_KEY);
  } catch {
    return undefined; // Not a Lindung database: said elsewhere.
  }
  const sample = stored === undefined ? anySealedValue(db) : undefined;
  if (stored === undefined && sample === undefined) return undefined;
  // The key file stays where the config puts it whatever file is checked (it defaults to the database's folder).
  const pinned: Config = { ...config, DATABASE_PATH: label, LINDUNG_KEY_FILE: keyFilePath(config) };
  try {
    const ring = await keyRingForDatabase(pinned, { get: kv.get, set: async () => undefined }, async () => sample);
    const missing = keyIdsInUse(db).filter((id) => !ring.keys.has(id));
    if (missing.length) {
      const source = config.LINDUNG_KEYS ? 'LINDUNG_KEYS' : `the key file ${keyFilePath(config)}`;
      return `${source} lacks data key ${missing.join(', ')}, which encrypts values in ${label}: restore the key file from its backup.`;
    }
    return undefined;
  } catch (err) {
    if (err instanceof KeyError) return err.message;
    throw err;
  }
}
