import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * How hard a commit is pushed to the disk. FULL (the default): a commit has reached the disk
 * before anyone is told (a reply, a reference code, a platform's acknowledgement), so it survives
 * a power cut. NORMAL: it survives a crash of the process, but a power cut or an operating-system
 * crash may lose the last commits (faster on slow disks).
 */
export type Synchronous = 'FULL' | 'NORMAL';

/** The pragmas every connection uses (the benchmark's raw baseline uses the same). */
export function applyPragmas(db: Db, synchronous: Synchronous = 'FULL'): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A larger page cache (64 MB): the session and outbox pages a message touches
  // stay hot, so a commit is mostly the WAL append.
  db.pragma('cache_size = -65536');
}

/** Opens (and creates) the database file, sets the pragmas and runs pending migrations. */
export function openDatabase(path: string, opts: { synchronous?: Synchronous } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  applyPragmas(db, opts.synchronous);
  migrate(db);
  return db;
}

/** Applies numbered SQL files (001_name.sql …) above the stored user_version, each in a transaction. */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort();
  let version = current;
  for (const file of files) {
    const n = Number(file.slice(0, 3));
    if (n <= current) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${n}`);
    })();
    version = n;
  }
  return version;
}
