// `npm run migrate` (src/cli/migrate.ts): brings a database to this version's schema ahead of a
// deploy, with what the bot does at start, and says what it did.
import { existsSync } from 'node:fs';
import type { Config } from '../config.js';
import { applyPragmas, migrate, openDatabase } from './db.js';
import { latestSchema, openAsIs } from './maintenance.js';
import { describeUrl } from './open.js';
import { latestPostgresSchema, migratePostgres, postgresSchemaVersion } from './pg-migrate.js';
import { postgresSql } from './postgres.js';

/** A command-line tool waits this long for another process's write or migration. */
const BUSY_MS = 30_000;

export interface Migrated {
  where: string;
  /** undefined: there was no database (a new SQLite file was made). */
  before: number | undefined;
  after: number;
  latest: number;
}

/**
 * Migrates the file under SQLite's write lock, taken before the version is read: a bot starting
 * meanwhile waits for it, then finds nothing left to apply.
 */
export function migrateSqliteFile(path: string): Migrated {
  if (!existsSync(path)) {
    const db = openDatabase(path, { busyTimeoutMs: BUSY_MS });
    try {
      return { where: path, before: undefined, after: db.pragma('user_version', { simple: true }) as number, latest: latestSchema() };
    } finally {
      db.close();
    }
  }
  const db = openAsIs(path, { busyTimeoutMs: BUSY_MS });
  try {
    applyPragmas(db, 'FULL', BUSY_MS);
    db.exec('BEGIN IMMEDIATE');
    try {
      const before = db.pragma('user_version', { simple: true }) as number;
      // Inside this transaction each migration's own becomes a savepoint: all apply, or none.
      const after = migrate(db);
      db.exec('COMMIT');
      return { where: path, before, after, latest: latestSchema() };
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  } finally {
    db.close();
  }
}

/** The PostgreSQL migrator takes an advisory lock per migration and re-reads the version under it. */
export async function migratePostgresUrl(config: Pick<Config, 'PG_CONNECT_TIMEOUT_MS' | 'PG_STATEMENT_TIMEOUT_MS'>, url: string): Promise<Migrated> {
  const sql = postgresSql({
    connectionString: url,
    poolSize: 2,
    connectTimeoutMs: config.PG_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.PG_STATEMENT_TIMEOUT_MS,
    applicationName: 'lindung-migrate',
  });
  try {
    const before = await postgresSchemaVersion(sql);
    const after = await migratePostgres(sql);
    const latest = latestPostgresSchema();
    return { where: `PostgreSQL ${describeUrl(url)}`, before, after, latest };
  } finally {
    await sql.close();
  }
}
