// Raw reads and writes in tests, through the store's port (src/storage/sql.ts): the same SQL runs on
// the SQLite file and on PostgreSQL (vitest project "postgres"). Write SQL both accept: `?` or
// `@name` parameters, no sqlite_master / PRAGMA / SQLite-only functions (those tests are SQLite-only:
// `*.sqlite.test.ts`, not run on PostgreSQL, see test/postgres-tests.ts).
import type { Params } from '../../src/storage/sql.js';
import type { Harness } from './harness.js';

export interface TestDb {
  all<R = Record<string, unknown>>(sql: string, params?: Params): Promise<R[]>;
  get<R = Record<string, unknown>>(sql: string, params?: Params): Promise<R | undefined>;
  run(sql: string, params?: Params): Promise<{ changes: number }>;
  /** `SELECT count(*) AS n FROM …` (a table name, or a whole query returning `n`). */
  count(tableOrQuery: string, params?: Params): Promise<number>;
}

/** The harness's database, read and written the way the store reaches it. */
export function dbOf(h: Harness | { runtime: Harness['runtime'] }): TestDb {
  const sql = h.runtime.store.sql;
  return {
    all: (text, params) => sql.all(text, params),
    get: (text, params) => sql.get(text, params),
    run: (text, params) => sql.run(text, params),
    async count(tableOrQuery, params) {
      const text = /^\s*select/i.test(tableOrQuery) ? tableOrQuery : `SELECT count(*) AS n FROM ${tableOrQuery}`;
      return (await sql.get<{ n: number }>(text, params))?.n ?? 0;
    },
  };
}
