// A bare store for the storage tests that need no runtime: on the store of the vitest project
// (harness.ts's testStore()), a fresh, migrated SQLite file in a temp folder in the project "sqlite",
// a fresh PostgreSQL database (postgres.ts) in the project "postgres". Tests of SQLite itself open
// their file with openDatabase and live in `*.sqlite.test.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldCipher, newRing } from '../../src/storage/crypto.js';
import { openDatabase } from '../../src/storage/db.js';
import { openPostgres } from '../../src/storage/pg-migrate.js';
import type { Sql } from '../../src/storage/sql.js';
import { sqliteSql } from '../../src/storage/sqlite.js';
import { createStore, type Store } from '../../src/storage/store.js';
import { testStore } from './harness.js';
import { freshPostgres } from './postgres.js';
import { freshDatabaseFile } from './template-db.js';

export interface FreshStore {
  /** The port on the new database (a new one after reopen). */
  sql: Sql;
  /** The store on it, sealing with `cipher` (a new one after reopen). */
  store: Store;
  cipher: FieldCipher;
  /** What a process needs in its environment to open the same database (DATABASE_PATH or DATABASE_URL). */
  env: Record<string, string>;
  /** Closes the port and opens the same database again, like a process restart; `sql` and `store` are the new ones. */
  reopen(): Promise<void>;
  /** Closes the port and removes the database (again: nothing). */
  close(): Promise<void>;
}

/** A fresh, migrated, empty database of the project's store and a store on it (`cipher`: default a new key ring). */
export async function freshStore(opts: { cipher?: FieldCipher } = {}): Promise<FreshStore> {
  const cipher = opts.cipher ?? new FieldCipher(newRing());
  let closed = false;
  if (testStore() === 'postgres') {
    const pg = await freshPostgres();
    // drop() closes the first port: closing it here first (a reopen) must leave that a no-op.
    const closeFirst = pg.sql.close.bind(pg.sql);
    let firstClosed = false;
    Object.assign(pg.sql, {
      close: async () => {
        if (firstClosed) return;
        firstClosed = true;
        await closeFirst();
      },
    });
    const fresh: FreshStore = {
      sql: pg.sql,
      store: createStore(pg.sql, cipher),
      cipher,
      env: { DATABASE_URL: pg.url },
      async reopen() {
        await fresh.sql.close();
        fresh.sql = await openPostgres(pg.url, { applicationName: 'lindung-test' });
        fresh.store = createStore(fresh.sql, cipher);
      },
      async close() {
        if (closed) return;
        closed = true;
        if (fresh.sql !== pg.sql) await fresh.sql.close();
        await pg.drop();
      },
    };
    return fresh;
  }
  const dir = mkdtempSync(join(tmpdir(), 'lindung-store-'));
  const path = join(dir, 'test.db');
  freshDatabaseFile(path);
  const sql = sqliteSql(openDatabase(path));
  const fresh: FreshStore = {
    sql,
    store: createStore(sql, cipher),
    cipher,
    env: { DATABASE_PATH: path },
    async reopen() {
      await fresh.sql.close();
      fresh.sql = sqliteSql(openDatabase(path));
      fresh.store = createStore(fresh.sql, cipher);
    },
    async close() {
      if (closed) return;
      closed = true;
      await fresh.sql.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fresh;
}

/**
 * Makes the database refuse every insert into `table` with `message` (a full disk, a broken
 * constraint), as a trigger of the store's own kind; returns what lifts the refusal.
 */
export async function refuseInserts(sql: Sql, table: string, message: string): Promise<() => Promise<void>> {
  const quoted = message.replaceAll("'", "''");
  if (sql.dialect.name === 'postgres') {
    await sql.exec(
      `CREATE FUNCTION refuse_${table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${quoted}'; END $$;
       CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_${table}();`,
    );
    return () => sql.exec(`DROP TRIGGER refuse_${table} ON ${table}; DROP FUNCTION refuse_${table}();`);
  }
  await sql.exec(`CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${quoted}'); END`);
  return () => sql.exec(`DROP TRIGGER refuse_${table}`);
}
