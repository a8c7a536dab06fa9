// Which database the product runs on, from the config: PostgreSQL when DATABASE_URL is set (several
// processes share it), else the SQLite file at DATABASE_PATH (the embedded default).
import type { Config } from '../config.js';
import { openDatabase, type Db } from './db.js';
import { openPostgres } from './pg-migrate.js';
import type { Sql } from './sql.js';
import { sqliteSql } from './sqlite.js';

export interface OpenedStore {
  sql: Sql;
  /** The SQLite connection (for the start-up upgrades and the file tools); undefined on PostgreSQL. */
  db: Db | undefined;
  /** Where the data is, for logs: the file, or the PostgreSQL host and database (never the password). */
  where: string;
}

/** The PostgreSQL URL without its password, for logs and messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

/** Opens (and migrates) the configured database. `busyTimeoutMs`: a command-line tool waits longer for the bot's writes. */
export async function openStore(
  config: Pick<Config, 'DATABASE_URL' | 'DATABASE_PATH' | 'SQLITE_SYNCHRONOUS' | 'PG_POOL_SIZE' | 'PG_STATEMENT_TIMEOUT_MS' | 'PG_CONNECT_TIMEOUT_MS'>,
  opts: { busyTimeoutMs?: number; applicationName?: string } = {},
): Promise<OpenedStore> {
  if (config.DATABASE_URL) {
    const sql = await openPostgres(config.DATABASE_URL, {
      poolSize: config.PG_POOL_SIZE,
      statementTimeoutMs: config.PG_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: config.PG_CONNECT_TIMEOUT_MS,
      applicationName: opts.applicationName ?? 'lindung',
    });
    return { sql, db: undefined, where: describeUrl(config.DATABASE_URL) };
  }
  const db = openDatabase(config.DATABASE_PATH, { synchronous: config.SQLITE_SYNCHRONOUS, ...(opts.busyTimeoutMs ? { busyTimeoutMs: opts.busyTimeoutMs } : {}) });
  return { sql: sqliteSql(db), db, where: config.DATABASE_PATH };
}
