// Migrations of a PostgreSQL store: migrations/postgres/NNN_name.sql, each applied once, in order, in
// its own transaction. A PostgreSQL store starts at 024_baseline.sql (the SQLite schema after its
// migration 024); a later change comes as a pair with the same number (NNN_name.sql for SQLite,
// postgres/NNN_name.sql here). Several processes may start at once on one database: each migration
// runs under one advisory lock and re-reads the version once it holds it, so exactly one applies it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresSql, type PostgresOptions } from './postgres.js';
import type { Sql } from './sql.js';

/** Where the PostgreSQL migrations are (copied beside the built code like SQLite's). */
export const POSTGRES_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations', 'postgres');

const LOCK = 'lindung:migrate';

interface Migration {
  version: number;
  file: string;
}

function migrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), file }));
}

/** The schema version a PostgreSQL database is at: 0 for one never migrated (no schema_version table yet). Reads only. */
export async function postgresSchemaVersion(sql: Sql): Promise<number> {
  const table = await sql.get<{ present: boolean }>("SELECT to_regclass('schema_version') IS NOT NULL AS present");
  if (!table?.present) return 0;
  return (await sql.get<{ version: number }>('SELECT version FROM schema_version'))?.version ?? 0;
}

/**
 * Applies the migrations above the stored version (schema_version, one row), each in a transaction;
 * returns the version the database is at. A database already there costs two reads and no lock.
 * `dir` is for tests; the app uses the migrations shipped beside this file.
 */
export async function migratePostgres(sql: Sql, dir: string = POSTGRES_MIGRATIONS_DIR): Promise<number> {
  let version = await postgresSchemaVersion(sql);
  for (const m of migrations(dir)) {
    if (m.version <= version) continue;
    const text = readFileSync(join(dir, m.file), 'utf8');
    version = await sql.transaction(async () => {
      // Waiting for another process's migration must not be cut short by the statement timeout.
      await sql.exec('SET LOCAL statement_timeout = 0');
      await sql.lockInTransaction(LOCK);
      // Made under the lock: two processes creating it at once would collide in the catalog.
      await sql.exec('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
      const now = await postgresSchemaVersion(sql);
      if (now >= m.version) return now; // another process applied it meanwhile
      await sql.exec(text);
      const updated = await sql.run('UPDATE schema_version SET version = ?', [m.version]);
      if (updated.changes === 0) await sql.run('INSERT INTO schema_version (version) VALUES (?)', [m.version]);
      return m.version;
    });
  }
  return version;
}

/** The schema this code migrates a PostgreSQL store to: its last migration's number. */
export function latestPostgresSchema(dir: string = POSTGRES_MIGRATIONS_DIR): number {
  return Math.max(0, ...migrations(dir).map((m) => m.version));
}

/** Opens the PostgreSQL store at `url` and brings its schema up to date: the port the app uses. */
export async function openPostgres(url: string, opts: Omit<PostgresOptions, 'connectionString'> = {}): Promise<ReturnType<typeof postgresSql>> {
  const sql = postgresSql({ ...opts, connectionString: url });
  try {
    await migratePostgres(sql);
  } catch (err) {
    await sql.close();
    throw err;
  }
  return sql;
}
