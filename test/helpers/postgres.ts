// PostgreSQL for tests: whether the run has a server (test/helpers/pg-setup.ts found or started
// one), and a fresh, migrated database per call, copied from the run's template database
// (CREATE DATABASE … TEMPLATE copies files: far quicker than running the migrations again).
//
//   describe.skipIf(!pgAvailable())('on PostgreSQL', () => {
//     let db: FreshPostgres;
//     beforeEach(async () => { db = await freshPostgres(); });
//     afterEach(() => db.drop());
//   });
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres } from '../../src/storage/pg-migrate.js';
import { postgresSql } from '../../src/storage/postgres.js';
import type { Sql } from '../../src/storage/sql.js';

/** What the globalSetup hands the workers. */
export interface ProvidedPostgres {
  /** A database to connect to for creating and dropping the test databases. */
  adminUrl: string;
  /** The migrated, empty database each test database is copied from. */
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server of this run; undefined when there is none (its tests are skipped). */
    lindungPostgres: ProvidedPostgres | undefined;
  }
}

export interface FreshPostgres {
  /** The new database's URL (for a second port or process on it). */
  url: string;
  /** The port on it, migrated. */
  sql: Sql & { readonly pool: pg.Pool };
  /** Closes the port and drops the database (again: nothing). */
  drop(): Promise<void>;
}

function provided(): ProvidedPostgres | undefined {
  try {
    return inject('lindungPostgres');
  } catch {
    return undefined; // not under vitest, or the globalSetup is not registered
  }
}

/** Whether this run has a PostgreSQL server (for `describe.skipIf(!pgAvailable())`). */
export function pgAvailable(): boolean {
  return provided() !== undefined;
}

let admin: pg.Pool | undefined;

function adminPool(server: ProvidedPostgres): pg.Pool {
  // One per worker, kept across test files; it never holds the worker open.
  admin ??= new pg.Pool({ connectionString: server.adminUrl, max: 2, allowExitOnIdle: true, application_name: 'lindung-test-admin' });
  return admin;
}

/**
 * A new database copied from the migrated template, and the port on it. `empty`: a database with
 * no schema at all and a port that has not migrated it (for the migration tests).
 */
export async function freshPostgres(opts: { empty?: boolean; /** Only the database: `sql` is not opened (a runtime opens its own). */ bare?: boolean } = {}): Promise<FreshPostgres> {
  const server = provided();
  if (!server) throw new Error('no PostgreSQL in this run: guard the test with describe.skipIf(!pgAvailable())');
  const name = `lindung_test_${randomBytes(6).toString('hex')}`;
  const pool = adminPool(server);
  await pool.query(`CREATE DATABASE ${name} TEMPLATE ${opts.empty ? 'template0' : server.template}`);
  const u = new URL(server.adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  // openPostgres finds the copy migrated (two reads, no lock); a migration added since the run began is applied.
  let sql: FreshPostgres['sql'];
  try {
    sql =
      opts.empty || opts.bare
        ? postgresSql({ connectionString: url, applicationName: 'lindung-test' }) // a pool connects at its first query: none here for `bare`
        : await openPostgres(url, { applicationName: 'lindung-test' });
  } catch (err) {
    await pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    throw err;
  }
  let dropped = false;
  return {
    url,
    sql,
    async drop() {
      if (dropped) return;
      dropped = true;
      await sql.close();
      await pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
