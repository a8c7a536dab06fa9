import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { copyDatabase, inspectDatabase, openAsIs, useRollbackJournal, type DatabaseFacts } from '../storage/maintenance.js';
import { lindungProblem } from './inspect.js';

/** A backup that could not be written or did not verify: nothing was left at its name. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  facts: DatabaseFacts;
}

/** How long the backup's connection waits for a lock (a checkpoint or recovery in another process). */
const BUSY_MS = 30_000;

/** Where scheduled backups go: BACKUP_DIR, else `backups` beside the database. */
export function backupDir(config: Config): string {
  return config.BACKUP_DIR ?? join(dirname(config.DATABASE_PATH), 'backups');
}

/** Lets the event loop run (the bot's messages) between two synchronous phases of a backup. */
const breather = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Makes the file's name and content durable (the folder's entry too, where the system allows). */
function syncFile(path: string): void {
  for (const target of [path, dirname(path)]) {
    let fd: number | undefined;
    try {
      fd = openSync(target, 'r');
      fsyncSync(fd);
    } catch {
      // A folder cannot be fsync'd on some systems: the rename is still atomic.
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** Removes a file and SQLite's companions of it, if there. */
export function removeDatabaseFile(path: string): void {
  for (const f of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) {
    try {
      unlinkSync(f);
    } catch {
      // Not there.
    }
  }
}

/**
 * Copies the database at `source` to `file` with SQLite's online backup (consistent while the bot
 * runs and writes), as a single file (rollback journal mode, no -wal beside it) readable by its
 * owner only (0600). The copy is written under a temporary name, checked (integrity_check, schema
 * version, row counts), then renamed: `file` is a verified backup or does not exist. The key file
 * is never part of it.
 */
export async function backupDatabase(source: string, file: string): Promise<BackupResult> {
  const started = Date.now();
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose another name (a backup is never overwritten).`);
  if (!existsSync(source)) throw new BackupError(`there is no database at ${source}.`);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // Created 0600 before SQLite writes to it: personal data is never readable by others, not even for a moment.
  writeFileSync(tmp, '', { mode: 0o600, flag: 'wx' });
  try {
    const src = openAsIs(source, { busyTimeoutMs: BUSY_MS });
    try {
      await copyDatabase(src, tmp);
    } finally {
      src.close();
    }
    // Each phase runs synchronously: the bot's waiting messages go in between.
    await breather();
    const copy = openAsIs(tmp);
    let facts: DatabaseFacts;
    try {
      useRollbackJournal(copy);
      facts = inspectDatabase(copy, 'integrity');
    } finally {
      copy.close();
    }
    const problem = lindungProblem(facts, 'the copy');
    if (problem) throw new BackupError(`the backup did not verify: ${problem}`);
    await breather();
    chmodSync(tmp, 0o600);
    syncFile(tmp);
    renameSync(tmp, file);
    syncFile(file);
    return { file, bytes: statSync(file).size, ms: Date.now() - started, facts };
  } catch (err) {
    removeDatabaseFile(tmp);
    throw err;
  }
}

/** "12.3 MB" */
export function size(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`;
}

/** What a backup or a restore verified, in one line (counts only: nothing personal). */
export function describeFacts(facts: DatabaseFacts): string {
  const counts = Object.entries(facts.counts).map(([t, n]) => `${t} ${n}`).join(', ');
  return `integrity ${facts.integrity}, schema ${facts.schema}; ${counts}`;
}

/** A scheduled backup's name: lindung-20261122T010000Z.db (UTC; names sort by time). */
const SCHEDULED = /^lindung-\d{8}T\d{6}Z\.db$/;

export function scheduledName(now: number): string {
  return `lindung-${utcStamp(now)}.db`;
}

/** 20261122T010000Z: a time in UTC that is safe in a file name and sorts as it should. */
export function utcStamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** The scheduled backups in `dir`, oldest first (other files there are not Lindung's to count or prune). */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => SCHEDULED.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Deletes the oldest scheduled backups beyond the newest `keep`; returns the files removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const f of old) removeDatabaseFile(f);
  return old;
}

/** One backup into the backup folder under its timestamped name, then the oldest beyond BACKUP_KEEP pruned. */
export async function runScheduledBackup(config: Config, now = Date.now()): Promise<BackupResult & { pruned: string[] }> {
  const dir = backupDir(config);
  const result = await backupDatabase(config.DATABASE_PATH, join(dir, scheduledName(now)));
  return { ...result, pruned: pruneBackups(dir, config.BACKUP_KEEP) };
}

/**
 * How the bot runs a scheduled backup in a process of its own: the built tool beside this module
 * (dist/cli/backup.js), so the copy's verification (integrity_check, seconds on a large database)
 * never stalls the bot's event loop. Undefined when running from the TypeScript sources (tests,
 * tsx): then the backup runs in this process.
 */
function builtBackupCommand(): string[] | undefined {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.js')) return undefined;
  const tool = join(dirname(here), '..', 'cli', 'backup.js');
  return existsSync(tool) ? [process.execPath, tool] : undefined;
}

/** One scheduled backup by the backup tool in a child process, with this config's database, folder and retention. */
function backupInChild(command: readonly string[], config: Config): Promise<string> {
  const [file, ...args] = command;
  const env = { ...process.env, DATABASE_PATH: config.DATABASE_PATH, BACKUP_DIR: backupDir(config), BACKUP_KEEP: String(config.BACKUP_KEEP) };
  return new Promise((resolve, reject) => {
    execFile(file!, args, { env, timeout: 30 * 60_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`the backup tool failed (${err.code ?? err.signal ?? 'error'}): ${String(stderr).trim().split('\n').at(-1) ?? ''}`));
      else resolve(String(stdout).trim());
    });
  });
}

/**
 * Backs the database up every BACKUP_INTERVAL_HOURS while the bot runs (off at 0, or for an
 * in-memory database). The first one is due an interval after the newest backup already in the
 * folder (a restart does not add one), or `firstDelayMs` after the start when none is there or it is
 * overdue. Returns the stop, which waits for a backup under way.
 */
export function startBackupSchedule(
  config: Config,
  logger: Logger,
  opts: { firstDelayMs?: number; /** Runs the backup tool in another process (default: the built one, when there is one). */ command?: readonly string[] } = {},
): () => Promise<void> {
  const command = opts.command ?? builtBackupCommand();
  const intervalMs = config.BACKUP_INTERVAL_HOURS * 3600_000;
  if (config.DATABASE_URL) {
    // A PostgreSQL store is backed up and replicated by its database's own tools (README, "Past one machine").
    logger.info('scheduled backups are off on PostgreSQL: use pg_dump, or the database server\'s backups and replication');
    return async () => undefined;
  }
  if (intervalMs <= 0 || config.DATABASE_PATH === ':memory:') {
    logger.info({ everyHours: config.BACKUP_INTERVAL_HOURS, database: config.DATABASE_PATH }, 'scheduled backups are off: take them with npm run backup');
    return async () => undefined;
  }
  const dir = backupDir(config);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const schedule = (ms: number): void => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    // The service lives on its channels and console: a pending backup never keeps it up.
    timer.unref();
  };
  const tick = (): void => {
    const done = command
      ? backupInChild(command, config).then((output) => logger.info({ output }, 'backup written and verified (in its own process)'))
      : runScheduledBackup(config).then((r) => {
          logger.info({ file: r.file, bytes: r.bytes, ms: r.ms, counts: r.facts.counts, pruned: r.pruned.length }, 'backup written and verified');
        });
    running = done
      .catch((err: unknown) => logger.error({ err, dir }, 'scheduled backup failed; trying again at the next interval'))
      .finally(() => {
        running = undefined;
        schedule(intervalMs);
      });
  };
  const newest = listBackups(dir).at(-1);
  const due = newest ? statSync(newest).mtimeMs + intervalMs - Date.now() : 0;
  schedule(Math.max(opts.firstDelayMs ?? 60_000, due));
  logger.info({ dir, everyHours: config.BACKUP_INTERVAL_HOURS, keep: config.BACKUP_KEEP }, 'scheduled backups on');
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
