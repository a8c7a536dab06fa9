// The storage port on PostgreSQL (node-postgres): a pool of connections shared by the requests and
// messages of this process, and by every other process on the same database. A transaction holds
// one connection from BEGIN to COMMIT; the statements its callback makes go to that connection
// (found through AsyncLocalStorage), everything else takes any free one.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Dialect, Params, RunResult, Sql } from './sql.js';

/** PostgreSQL's words where the two databases differ. */
export const postgresDialect: Dialect = {
  name: 'postgres',
  jsonArrayElements: (column) => `json_array_elements_text(${column}::json) AS j(value)`,
  skipLocked: 'FOR UPDATE SKIP LOCKED',
  ilike: 'ILIKE',
  position: (haystack, needle) => `strpos(${haystack}, ${needle})`,
  nocaseEquals: (column, value) => `lower(${column}) = lower(${value})`,
};

// 64-bit integers (ids, counts, times in ms) and numerics as JS numbers, as SQLite gives them: every
// value we store is below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Translated SQL by its text (the repositories' SQL is a fixed set of strings). */
const translated = new Map<string, { text: string; names: string[] | null }>();

/**
 * Where the quoted text, comment or dollar-quoted body that starts at `i` ends (exclusive; the end of
 * the SQL when it is not closed), or -1 when none starts there.
 */
function skipped(sql: string, i: number): number {
  const ch = sql[i];
  let closer: string | undefined;
  let from = i + 1;
  if (ch === "'" || ch === '"') closer = ch;
  else if (ch === '-' && sql[i + 1] === '-') [closer, from] = ['\n', i + 2];
  else if (ch === '/' && sql[i + 1] === '*') [closer, from] = ['*/', i + 2];
  else if (ch === '$') {
    closer = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))?.[0];
    from = i + (closer?.length ?? 0);
  }
  if (closer === undefined) return -1;
  const end = sql.indexOf(closer, from);
  return end === -1 ? sql.length : end + closer.length;
}

/**
 * `?` and `@name` parameters as PostgreSQL's `$1…`, outside quoted text, comments and dollar-quoted
 * bodies (a `?` or an apostrophe in a comment is not SQL; the names in the order of first use:
 * `@a … @a` is one parameter). Returns the SQL and, for named ones, the names.
 */
export function toPostgres(sql: string): { text: string; names: string[] | null } {
  const names: string[] = [];
  let positional = 0;
  let out = '';
  let named = false;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    const end = skipped(sql, i);
    if (end !== -1) {
      out += sql.slice(i, end);
      i = end - 1;
    } else if (ch === '?') {
      out += `$${++positional}`;
    } else if (ch === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))!;
      named = true;
      let index = names.indexOf(m[0]);
      if (index === -1) index = names.push(m[0]) - 1;
      out += `$${index + 1}`;
      i += m[0].length;
    } else {
      out += ch;
    }
  }
  return { text: out, names: named ? names : null };
}

function prepare(sql: string, params: Params | undefined): { text: string; values: unknown[] } {
  let t = translated.get(sql);
  if (t === undefined) {
    t = toPostgres(sql);
    if (translated.size > 2000) translated.clear();
    translated.set(sql, t);
  }
  if (params === undefined) return { text: t.text, values: [] };
  if (Array.isArray(params)) return { text: t.text, values: params as unknown[] };
  const byName = params as Record<string, unknown>;
  return { text: t.text, values: (t.names ?? []).map((n) => byName[n]) };
}

/** Pool and timeouts (config.ts reads them from the environment). */
export interface PostgresOptions {
  connectionString: string;
  /** Connections this process may hold at once. */
  poolSize?: number;
  /** A statement running longer is cancelled (ms; 0: never). */
  statementTimeoutMs?: number;
  /** Waiting longer for a free connection is an error (ms). */
  connectTimeoutMs?: number;
  /** An idle connection is closed after (ms). */
  idleTimeoutMs?: number;
  /** The name this process shows in pg_stat_activity. */
  applicationName?: string;
}

interface Tx {
  client: pg.PoolClient;
  depth: number;
}

/** 64-bit advisory lock key for a text key (stable across processes and versions). */
export function lockKey(key: string): string {
  return createHash('sha256').update(key).digest().readBigInt64BE(0).toString();
}

export function postgresSql(opts: PostgresOptions): Sql & { readonly pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: opts.idleTimeoutMs ?? 30_000,
    statement_timeout: opts.statementTimeoutMs ?? 15_000,
    application_name: opts.applicationName ?? 'lindung',
  });
  // An idle connection the server dropped (a restart, a failover): logged by the caller's pool
  // user; without a listener it would crash the process.
  pool.on('error', () => undefined);
  const current = new AsyncLocalStorage<Tx>();
  const query = async (sql: string, params: Params | undefined): Promise<pg.QueryResult> => {
    const { text, values } = prepare(sql, params);
    const tx = current.getStore();
    return tx ? tx.client.query(text, values) : pool.query(text, values);
  };

  async function transaction<R>(fn: () => Promise<R>): Promise<R> {
    const tx = current.getStore();
    if (tx) {
      const name = `sp${tx.depth + 1}`;
      await tx.client.query(`SAVEPOINT ${name}`);
      try {
        const result = await current.run({ client: tx.client, depth: tx.depth + 1 }, fn);
        await tx.client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        await tx.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        await tx.client.query(`RELEASE SAVEPOINT ${name}`);
        throw err;
      }
    }
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      try {
        const result = await current.run({ client, depth: 0 }, fn);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection is gone: not put back in the pool
        }
        throw err;
      }
    } finally {
      client.release(broken);
    }
  }

  return {
    dialect: postgresDialect,
    pool,
    all: async <R>(sql: string, params?: Params) => (await query(sql, params)).rows as R[],
    get: async <R>(sql: string, params?: Params) => (await query(sql, params)).rows[0] as R | undefined,
    run: async (sql: string, params?: Params): Promise<RunResult> => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    async exec(sql) {
      const tx = current.getStore();
      await (tx ? tx.client.query(sql) : pool.query(sql));
    },
    transaction,
    inTransaction: () => current.getStore() !== undefined,
    async lockInTransaction(key) {
      const tx = current.getStore();
      if (!tx) throw new Error('lockInTransaction outside a transaction');
      await tx.client.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey(key)]);
    },
    async compact() {
      // Autovacuum returns the space; an erased row's old versions go with the next vacuum.
    },
    async close() {
      await pool.end();
    },
  };
}
