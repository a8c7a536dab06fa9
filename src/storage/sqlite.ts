// The storage port on SQLite (better-sqlite3, the embedded default): one connection, answers at
// once. Transactions span awaits, so they are opened by hand (BEGIN IMMEDIATE … COMMIT) and one at
// a time: a call from outside the open transaction waits for it instead of landing inside it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Statement } from 'better-sqlite3';
import { Mutex, type Dialect, type Params, type RunResult, type Sql } from './sql.js';

type Db = Database;

/** SQLite's words where the two databases differ. */
export const sqliteDialect: Dialect = {
  name: 'sqlite',
  jsonArrayElements: (column) => `json_each(${column})`,
  skipLocked: '',
  ilike: 'LIKE',
  position: (haystack, needle) => `instr(${haystack}, ${needle})`,
  nocaseEquals: (column, value) => `${column} = ${value}`,
};

interface Tx {
  depth: number;
}

/**
 * The port over an open better-sqlite3 connection (storage/db.ts opens and migrates it). Closing
 * the port closes the connection.
 */
export function sqliteSql(db: Db): Sql & { readonly db: Db } {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (statements.size > 500) statements.clear();
      statements.set(sql, stmt);
    }
    return stmt;
  };
  const current = new AsyncLocalStorage<Tx>();
  const writer = new Mutex();
  /** Outside a transaction while one is open (or about to be): it must not see our statements, nor we its own. */
  const mustWait = (): boolean => writer.locked && current.getStore() === undefined;
  // Checked and run in one synchronous stretch: no transaction can begin in between.
  const bind = (params: Params | undefined): unknown[] => (params === undefined ? [] : Array.isArray(params) ? params : [params]);

  async function all<R>(sql: string, params?: Params): Promise<R[]> {
    while (mustWait()) await writer.idle();
    return prepared(sql).all(...bind(params)) as R[];
  }
  async function get<R>(sql: string, params?: Params): Promise<R | undefined> {
    while (mustWait()) await writer.idle();
    return prepared(sql).get(...bind(params)) as R | undefined;
  }
  async function run(sql: string, params?: Params): Promise<RunResult> {
    while (mustWait()) await writer.idle();
    return { changes: prepared(sql).run(...bind(params)).changes };
  }

  async function transaction<R>(fn: () => Promise<R>): Promise<R> {
    const tx = current.getStore();
    if (tx) {
      const name = `sp${tx.depth + 1}`;
      db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await current.run({ depth: tx.depth + 1 }, fn);
        db.exec(`RELEASE ${name}`);
        return result;
      } catch (err) {
        if (db.inTransaction) {
          db.exec(`ROLLBACK TO ${name}`);
          db.exec(`RELEASE ${name}`);
        }
        throw err;
      }
    }
    const release = await writer.acquire();
    try {
      // IMMEDIATE: the write lock at once, so another process writing makes us wait (busy_timeout)
      // rather than fail when a read turns into a write.
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await current.run({ depth: 0 }, fn);
        db.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      release();
    }
  }

  return {
    dialect: sqliteDialect,
    db,
    all,
    get,
    run,
    async exec(sql) {
      while (mustWait()) await writer.idle();
      db.exec(sql);
    },
    transaction,
    inTransaction: () => current.getStore() !== undefined,
    async lockInTransaction() {
      // One writer at a time already: a person's messages are handled in the order they commit.
    },
    async compact() {
      while (mustWait()) await writer.idle();
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Busy: the next checkpoint (SQLite runs them on its own) will do it.
      }
    },
    async close() {
      await writer.idle();
      db.close();
    },
  };
}
