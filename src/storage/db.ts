import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
export function applyPragmas(db: Db, synchronous: Synchronous = 'FULL', busyTimeoutMs = 5000): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  // Deleted personal data is overwritten with zeros, not left in free pages of the file.
  db.pragma('secure_delete = ON');
  // Waits for another connection's write instead of failing at once with "database is locked".
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  // A larger page cache (64 MB): the session and outbox pages a message touches
  // stay hot, so a commit is mostly the WAL append.
  db.pragma('cache_size = -65536');
}

/**
 * Personal data lives in these files: a new folder is made for its owner only (0700), and the
 * database is created 0600 before SQLite opens it (SQLite gives its -wal and -shm files the
 * database file's mode). Files of an older install are narrowed to 0600 too.
 */
function protectFiles(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(path)) writeFileSync(path, '', { mode: 0o600, flag: 'wx' });
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      chmodSync(file, 0o600);
    } catch {
      // Not there (yet), or not ours to change: SQLite still opens it.
    }
  }
}

/** Opens (and creates) the database file, sets the pragmas and runs pending migrations. */
export function openDatabase(path: string, opts: { synchronous?: Synchronous; busyTimeoutMs?: number } = {}): Db {
  if (path !== ':memory:') protectFiles(path);
  const db = new Database(path, { timeout: opts.busyTimeoutMs ?? 5000 });
  applyPragmas(db, opts.synchronous, opts.busyTimeoutMs);
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
      // Read again under the write lock: another process starting on the same file may have applied it meanwhile.
      if ((db.pragma('user_version', { simple: true }) as number) >= n) return;
      db.exec(sql);
      db.pragma(`user_version = ${n}`);
    }).immediate();
    version = n;
  }
  return version;
}
