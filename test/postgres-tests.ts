// The test files the vitest project "postgres" runs a second time, on PostgreSQL (vitest.config.ts).
// They go through the product by the harness (test/helpers/harness.ts), which gives every runtime
// its own PostgreSQL database in that project, and read the database only through the store's port
// (test/helpers/db.ts), never the SQLite file. Tests of SQLite itself (its file, WAL, a second
// connection or process on the file, backups) are named `*.sqlite.test.ts` and run on SQLite only.
export const POSTGRES_TESTS: string[] = [
  'test/conversation/**/*.test.ts',
  'test/console/**/*.test.ts',
  'test/channels/**/*.test.ts',
  'test/where/**/*.test.ts',
  'test/settings/**/*.test.ts',
  'test/storage/**/*.test.ts',
  // What only PostgreSQL does: several bot processes on one database.
  'test/**/*.postgres.test.ts',
];

/** Never on PostgreSQL: SQLite's own behaviour, or tests with no database at all (nothing to learn twice). */
export const POSTGRES_EXCLUDE: string[] = ['**/*.sqlite.test.ts', 'test/storage/sql-port.test.ts', 'test/storage/pg-schema.test.ts'];
