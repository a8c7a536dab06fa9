// The SQL of the maintenance tools (src/ops: backup, restore, doctor): files opened as they are,
// without migrations or the bot's pragmas, read, copied and inspected.
import Database from 'better-sqlite3';
import { SEALED_COLUMNS } from './at-rest.js';
import { migrate, type Db } from './db.js';

export type { Db };

/** Tables whose row counts a backup, a restore and the doctor report (what an operator recognises). */
export const COUNTED_TABLES = ['registrations', 'people', 'cadres', 'officers', 'registration_events', 'audit_log', 'outbox', 'inbox', 'questions'];

/** What a database file holds, as far as a backup, a restore or the doctor needs to know. */
export interface DatabaseFacts {
  /** 'ok', or the first problems PRAGMA integrity_check (or quick_check) found. */
  integrity: string;
  /** The number of the last migration applied (PRAGMA user_version). */
  schema: number;
  tables: string[];
  /** Rows in each of COUNTED_TABLES the file has. */
  counts: Record<string, number>;
}

/** An existing file as it is: no migration, no pragma that writes (the bot may be running on it). */
export function openAsIs(path: string, opts: { readonly?: boolean; busyTimeoutMs?: number } = {}): Db {
  return new Database(path, { fileMustExist: true, readonly: opts.readonly ?? false, timeout: opts.busyTimeoutMs ?? 5000 });
}

/**
 * Copies `source` into the file `dest` with SQLite's online backup, all pages in one step: a step
 * reads in one transaction, which in WAL mode never blocks the bot's writers, so the copy is one
 * consistent moment. In small steps every commit of another process between two steps would start
 * the copy over (forever, on a busy bot).
 */
export async function copyDatabase(source: Db, dest: string): Promise<void> {
  await source.backup(dest, { progress: () => 0x7fffffff });
}

/** The file in rollback-journal mode: one self-contained file, no -wal beside it (the bot turns WAL back on at start). */
export function useRollbackJournal(db: Db): void {
  db.pragma('journal_mode = DELETE');
}

let latest: number | undefined;

/** The schema this code migrates a database to: its last migration's number (an empty in-memory database, migrated once). */
export function latestSchema(): number {
  if (latest === undefined) {
    const mem = new Database(':memory:');
    try {
      latest = migrate(mem);
    } finally {
      mem.close();
    }
  }
  return latest;
}

/** Integrity, schema version, tables and row counts of an open database (reads only). */
export function inspectDatabase(db: Db, check: 'integrity' | 'quick' = 'integrity'): DatabaseFacts {
  const rows = db.pragma(`${check === 'quick' ? 'quick_check' : 'integrity_check'}(5)`) as Record<string, string>[];
  const integrity = rows.map((r) => Object.values(r)[0]).join('; ');
  const schema = db.pragma('user_version', { simple: true }) as number;
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    if (tables.includes(table)) counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  }
  return { integrity, schema, tables, counts };
}

/** One value from a sealed column, tolerating an older schema that lacks some of them. */
export function anySealedValue(db: Db): string | undefined {
  for (const { table, column } of SEALED_COLUMNS) {
    try {
      const row = db.prepare<[], { v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} LIKE 'enc1:%' LIMIT 1`).get();
      if (row) return row.v;
    } catch {
      // The column came with a later migration.
    }
  }
  return undefined;
}

/** Every data key number the stored values are encrypted with (never the values). */
export function keyIdsInUse(db: Db): number[] {
  const ids = new Set<number>();
  for (const { table, column } of SEALED_COLUMNS) {
    try {
      const rows = db
        .prepare<[], { id: number }>(
          `SELECT DISTINCT CAST(substr(v, 6, instr(substr(v, 6), ':') - 1) AS INTEGER) AS id
           FROM (SELECT ${column} AS v FROM ${table} WHERE ${column} LIKE 'enc1:%')`,
        )
        .all();
      for (const { id } of rows) ids.add(id);
    } catch {
      // The column came with a later migration.
    }
  }
  return [...ids].sort((a, b) => a - b);
}

/** Officer accounts by kind, for the doctor. */
export function officerCounts(db: Db): { admins: number; disabledAdmins: number; active: number } {
  const o = db
    .prepare<[], { admins: number | null; disabledAdmins: number | null; active: number | null }>(
      `SELECT sum(role = 'admin' AND disabled_at IS NULL) AS admins, sum(role = 'admin' AND disabled_at IS NOT NULL) AS disabledAdmins,
         sum(disabled_at IS NULL) AS active FROM officers`,
    )
    .get()!;
  return { admins: o.admins ?? 0, disabledAdmins: o.disabledAdmins ?? 0, active: o.active ?? 0 };
}

/** Whether a WhatsApp login is stored (the number was linked). */
export function whatsappLinked(db: Db): boolean {
  return db.prepare('SELECT 1 FROM wa_auth_creds WHERE id = 1').get() !== undefined;
}

/**
 * Takes the database file for a restore, or undefined while any other connection has it open (the
 * bot, a console, a command): SQLite leaves a WAL database's journal mode alone while another
 * connection holds it. Its WAL is folded into the file (a crash may have left commits there), then
 * it is held with an exclusive lock until `release`, while the files change places.
 */
export function takeForReplacement(path: string): { release(): void } | undefined {
  const db = new Database(path, { fileMustExist: true, timeout: 0 });
  let mode: unknown;
  try {
    mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode === 'delete') db.exec('BEGIN EXCLUSIVE');
  } catch {
    mode = 'busy';
  }
  if (mode !== 'delete') {
    db.close();
    return undefined;
  }
  return {
    release: () => {
      db.exec('ROLLBACK');
      db.close();
    },
  };
}
