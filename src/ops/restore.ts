import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Config } from '../config.js';
import { keyFilePath } from '../key-ring.js';
import { removeDatabaseFile, utcStamp } from './backup.js';
import { copyDatabase, inspectDatabase, latestSchema, openAsIs, takeForReplacement, useRollbackJournal, type DatabaseFacts } from '../storage/maintenance.js';
import { keysProblem, lindungProblem } from './inspect.js';

/** A restore that was not done, and why; the database was left as it was. */
export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

export interface RestoreResult {
  /** Where the replaced database was kept (undefined: there was none). */
  keptAside?: string;
  facts: DatabaseFacts;
  /** The schema this code brings the restored database to at the bot's next start. */
  latest: number;
}

/**
 * Puts the backup `file` in place of the configured database, after checking it: a SQLite file that
 * passes integrity_check, a Lindung database, no newer than this code, readable with the configured
 * keys; and that the bot is not running on the database. The replaced database is kept as
 * `<database>.before-restore-<time>`. A refusal changes nothing.
 */
export async function restoreDatabase(config: Config, file: string, now = Date.now()): Promise<RestoreResult> {
  const target = config.DATABASE_PATH;
  if (target === ':memory:') throw new RestoreRefused('DATABASE_PATH is :memory:: there is no database file to restore into.');
  if (!existsSync(file)) throw new RestoreRefused(`there is no file ${file}.`);
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // The backup is copied beside the database first (SQLite's backup: a backup still in WAL mode
  // comes with its -wal), and everything is checked on that copy: it is exactly what is put in place.
  const tmp = join(dir, `.${basename(target)}.restore.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(tmp, '', { mode: 0o600, flag: 'wx' });
  let facts: DatabaseFacts;
  try {
    try {
      const src = openAsIs(file, { readonly: true, busyTimeoutMs: 30_000 });
      try {
        await copyDatabase(src, tmp);
      } finally {
        src.close();
      }
    } catch (err) {
      throw new RestoreRefused(`${file} is not a readable SQLite database (${err instanceof Error ? err.message : String(err)}).`);
    }
    const copy = openAsIs(tmp);
    try {
      useRollbackJournal(copy);
      facts = inspectDatabase(copy, 'integrity');
      const problem = lindungProblem(facts, file);
      if (problem) throw new RestoreRefused(problem);
      const keys = await keysProblem(config, copy, file);
      if (keys) {
        const where = config.LINDUNG_KEYS ? 'LINDUNG_KEYS' : `the key file at ${keyFilePath(config)} (or point LINDUNG_KEY_FILE at it)`;
        throw new RestoreRefused(
          `${file} cannot be read with the configured keys: ${keys}\n` +
            `Put back the key file of the installation this backup came from (from the key backup, kept apart from the database backups) as ${where}, then restore again.`,
        );
      }
    } finally {
      copy.close();
    }
    chmodSync(tmp, 0o600);
  } catch (err) {
    removeDatabaseFile(tmp);
    throw err;
  }

  let keptAside: string | undefined;
  if (existsSync(target)) {
    // Refused while anything has it open; else its WAL is folded in and it is held until the files changed places.
    const lock = takeForReplacement(target);
    if (!lock) {
      removeDatabaseFile(tmp);
      throw new RestoreRefused(
        `the database ${target} is in use (the bot, or another Lindung command, has it open): stop the bot (and wait for other commands to end), then restore again.`,
      );
    }
    try {
      keptAside = `${target}.before-restore-${utcStamp(now)}`;
      if (existsSync(keptAside)) keptAside = `${keptAside}-${process.pid}`;
      renameSync(target, keptAside);
      // Any -wal, -shm or -journal left at the name is stale (the WAL was folded in): the restored file must not meet it.
      removeDatabaseFile(target);
      renameSync(tmp, target);
    } finally {
      lock.release();
    }
  } else {
    renameSync(tmp, target);
  }
  return { keptAside, facts, latest: latestSchema() };
}
