// Moving a deployment from its SQLite file to PostgreSQL (npm run db:copy): every table of the
// schema, read from one snapshot of the file, into a PostgreSQL database migrated to the same
// version, in one transaction; then each table is compared (row count and checksum) on both sides.
// Values are copied as stored: personal data stays sealed, so PostgreSQL needs the same keys.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { SEALED_COLUMNS } from './at-rest.js';
import type { Db } from './db.js';
import { latestSchema } from './maintenance.js';
import { describeUrl } from './open.js';
import { openPostgres, postgresSchemaVersion } from './pg-migrate.js';
import { postgresSql } from './postgres.js';

/** A copy or comparison that was not done, and why (a wrong source or target); nothing was written. */
export class CopyRefused extends Error {
  override name = 'CopyRefused';
}

/** One table on both sides: rows and sha256 over them in primary-key order. */
export interface TableCheck {
  table: string;
  sqliteRows: number;
  postgresRows: number;
  sqliteSha256: string;
  postgresSha256: string;
  same: boolean;
}

export interface CopyResult {
  /** The schema version both databases are at. */
  version: number;
  /** When the snapshot of the file was taken: later writes are not in the copy. */
  snapshotAt: number;
  /** The target held rows, which were replaced (--replace). */
  replaced: boolean;
  checks: TableCheck[];
}

/** Rows per INSERT; fewer for a wide table, within PostgreSQL's 65535 parameters per statement. */
const BATCH_ROWS = 1000;
const MAX_PARAMS = 65_535;
const BOOKKEEPING = 'schema_version';

interface Table {
  name: string;
  columns: string[];
  /** Text columns: ordered bytewise (SQLite's BINARY is PostgreSQL's "C"). */
  text: Set<string>;
  /** The primary key's columns (every column when there is none). */
  key: string[];
  identity: string | undefined;
}

interface Sum {
  rows: number;
  sha256: string;
}

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Integers exactly (a bigint from either side), so a value past 2^53 cannot hide a difference. */
const EXACT: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 21 || oid === 23 ? (v: string) => BigInt(v) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** One value as both sides hash it: null, integer (booleans too), real, text, or bytes as hex. */
function normal(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return `i${v}`;
  if (typeof v === 'boolean') return v ? 'i1' : 'i0';
  if (typeof v === 'number') return Number.isInteger(v) ? `i${v}` : `r${v}`;
  if (typeof v === 'string') return `t${v}`;
  if (v instanceof Uint8Array) return `b${Buffer.from(v).toString('hex')}`;
  return `?${String(v)}`;
}

function hashRows(hash: ReturnType<typeof createHash>, row: readonly unknown[]): void {
  hash.update(`${JSON.stringify(row.map(normal))}\n`);
}

/**
 * The file opened read-only in one read transaction: every read sees the moment of its first read
 * (WAL: the bot keeps writing meanwhile, unblocked). The caller closes it.
 */
function openSnapshot(path: string): { db: Db; version: number; takenAt: number } {
  if (!existsSync(path)) throw new CopyRefused(`there is no SQLite database at ${path}.`);
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 30_000 });
  try {
    db.exec('BEGIN');
    const takenAt = Date.now();
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return { db, version: db.pragma('user_version', { simple: true }) as number, takenAt };
  } catch (err) {
    db.close();
    throw err;
  }
}

function checkSourceVersion(path: string, version: number): void {
  const latest = latestSchema();
  if (version > latest) throw new CopyRefused(`${path} was written by a newer Lindung (schema ${version}; this version knows up to ${latest}): copy with that version.`);
  if (version < latest) {
    throw new CopyRefused(
      `${path} is at schema ${version}, this version's is ${latest}: start this version of the bot on it once ` +
        '(it migrates the file and seals what older versions kept in clear), then copy again.',
    );
  }
}

/** Personal values an older version kept in clear: only a start of the bot on the file seals them, and nothing would on PostgreSQL. */
function refuseUnsealed(db: Db, path: string): void {
  const found: string[] = [];
  const probes = [
    // 'enc1:' starts every sealed value (storage/crypto.ts).
    ...SEALED_COLUMNS.map(({ table, column }) => [`${table}.${column}`, `SELECT count(*) FROM ${q(table)} WHERE ${q(column)} IS NOT NULL AND ${q(column)} NOT LIKE 'enc1:%'`]),
    ['registrations.nik', 'SELECT count(*) FROM registrations WHERE nik IS NOT NULL'],
    ['identities.external_key', "SELECT count(*) FROM identities WHERE external_key LIKE 'clear:%'"],
    ['wa_auth_keys.id_key', "SELECT count(*) FROM wa_auth_keys WHERE id_key LIKE 'clear:%'"],
  ];
  for (const [at, sql] of probes) {
    const n = Number(db.prepare(sql!).pluck().get());
    if (n > 0) found.push(`${at}: ${n}`);
  }
  if (found.length) {
    throw new CopyRefused(`${path} holds personal values in clear (${found.join(', ')}): start this version of the bot on it once (it seals them), then copy again.`);
  }
}

/** Rows whose foreign key points nowhere (SQLite let them in before it checked): PostgreSQL would refuse the copy. */
function refuseOrphans(db: Db, path: string): void {
  const rows = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (!rows.length) return;
  const byPair = new Map<string, number>();
  for (const r of rows) byPair.set(`${r.table} → ${r.parent}`, (byPair.get(`${r.table} → ${r.parent}`) ?? 0) + 1);
  const list = [...byPair].map(([pair, n]) => `${pair}: ${n}`).join(', ');
  throw new CopyRefused(`${path} has rows whose foreign key points to no row (${list}); PostgreSQL would refuse them.`);
}

/** Parents before children, by the target's foreign keys (a table referring to itself is fine). */
function byForeignKeys(names: string[], edges: { child: string; parent: string }[]): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const pending = [...names].sort();
  while (pending.length) {
    const i = pending.findIndex((n) => edges.every((e) => e.child !== n || e.parent === n || placed.has(e.parent)));
    if (i < 0) throw new CopyRefused(`the foreign keys of ${pending.join(', ')} form a cycle: no order inserts them.`);
    const [name] = pending.splice(i, 1);
    placed.add(name!);
    order.push(name!);
  }
  return order;
}

/** The target's tables in insert order, after checking the file has the same tables and columns. */
async function schemaTables(pool: pg.Pool, db: Db, path: string): Promise<Table[]> {
  const columns = await pool.query<{ table_name: string; column_name: string; data_type: string; is_identity: string }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_identity FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.table_name <> $1 ORDER BY c.table_name, c.ordinal_position`,
    [BOOKKEEPING],
  );
  const keys = await pool.query<{ table_name: string; column_name: string }>(
    `SELECT t.relname AS table_name, a.attname AS column_name
       FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
       CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE x.indisprimary AND t.relnamespace = current_schema()::regnamespace ORDER BY t.relname, k.n`,
  );
  const edges = await pool.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint f
       JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class p ON p.oid = f.confrelid
      WHERE f.contype = 'f' AND f.connamespace = current_schema()::regnamespace`,
  );
  const tables = new Map<string, Table>();
  for (const c of columns.rows) {
    let t = tables.get(c.table_name);
    if (!t) tables.set(c.table_name, (t = { name: c.table_name, columns: [], text: new Set(), key: [], identity: undefined }));
    t.columns.push(c.column_name);
    if (['text', 'character varying', 'character'].includes(c.data_type)) t.text.add(c.column_name);
    if (c.is_identity === 'YES') t.identity = c.column_name;
  }
  for (const k of keys.rows) tables.get(k.table_name)?.key.push(k.column_name);

  // SQLite's own tables (sqlite_sequence, sqlite_stat1) and its user_version are not the schema's.
  const sqliteNames = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().all() as string[];
  const onlySqlite = sqliteNames.filter((n) => !tables.has(n));
  const onlyPostgres = [...tables.keys()].filter((n) => !sqliteNames.includes(n));
  const problems: string[] = [];
  if (onlySqlite.length) problems.push(`only in SQLite: ${onlySqlite.join(', ')}`);
  if (onlyPostgres.length) problems.push(`only in PostgreSQL: ${onlyPostgres.join(', ')}`);
  for (const t of tables.values()) {
    if (!sqliteNames.includes(t.name)) continue;
    const sqliteColumns = (db.pragma(`table_info(${q(t.name)})`) as { name: string }[]).map((c) => c.name);
    const missing = t.columns.filter((c) => !sqliteColumns.includes(c));
    const extra = sqliteColumns.filter((c) => !t.columns.includes(c));
    if (missing.length || extra.length) problems.push(`${t.name}: columns only in SQLite [${extra.join(', ')}], only in PostgreSQL [${missing.join(', ')}]`);
    if (!t.key.length) t.key = [...t.columns];
  }
  if (problems.length) throw new CopyRefused(`the SQLite file ${path} and PostgreSQL have different schemas (${problems.join('; ')}).`);
  return byForeignKeys([...tables.keys()], edges.rows).map((n) => tables.get(n)!);
}

const select = (t: Table, side: 'sqlite' | 'postgres'): string =>
  `SELECT ${t.columns.map(q).join(', ')} FROM ${q(t.name)} ORDER BY ${t.key
    .map((c) => (side === 'sqlite' ? `${q(c)} COLLATE BINARY` : t.text.has(c) ? `${q(c)} COLLATE "C"` : q(c)))
    .join(', ')}`;

/** The table's rows as arrays, in key order, integers as bigint (exact). */
function sqliteRows(db: Db, t: Table): IterableIterator<unknown[]> {
  return db.prepare(select(t, 'sqlite')).raw(true).safeIntegers(true).iterate() as IterableIterator<unknown[]>;
}

function sqliteSum(db: Db, t: Table): Sum {
  const hash = createHash('sha256');
  let rows = 0;
  for (const row of sqliteRows(db, t)) {
    hashRows(hash, row);
    rows++;
  }
  return { rows, sha256: hash.digest('hex') };
}

/** Why PostgreSQL refused a row, without the row's values (a data error quotes the value). */
function refusal(err: unknown, table: string): Error {
  const e = err as { code?: string; constraint?: string; column?: string; message?: string };
  if (typeof e?.code !== 'string') return err as Error;
  const where = [e.constraint && `constraint ${e.constraint}`, e.column && `column ${e.column}`].filter(Boolean).join(', ');
  const what = e.code.startsWith('22') ? 'a value does not fit its column' : e.message;
  return new Error(`PostgreSQL refused a row of ${table} (${e.code}${where ? `, ${where}` : ''}): ${what}. Nothing was copied.`);
}

/** Inserts the table's rows in multi-row INSERTs, hashing them on the way: the snapshot's checksum. */
async function copyTable(db: Db, client: pg.PoolClient, t: Table): Promise<Sum> {
  const width = t.columns.length;
  const perInsert = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMS / width)));
  const head = `INSERT INTO ${q(t.name)} (${t.columns.map(q).join(', ')}) VALUES `;
  const hash = createHash('sha256');
  let rows = 0;
  let batch: unknown[][] = [];
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    const tuples = batch.map((_, i) => `(${t.columns.map((__, j) => `$${i * width + j + 1}`).join(', ')})`);
    const values = batch.flat().map((v) => (typeof v === 'bigint' ? v.toString() : v));
    batch = [];
    try {
      await client.query(head + tuples.join(', '), values);
    } catch (err) {
      throw refusal(err, t.name);
    }
  };
  for (const row of sqliteRows(db, t)) {
    hashRows(hash, row);
    rows++;
    batch.push(row);
    if (batch.length === perInsert) await flush();
  }
  await flush();
  return { rows, sha256: hash.digest('hex') };
}

/** Runs `fn` in one transaction on `client` (`begin`: its BEGIN statement). */
async function inTransaction<R>(client: pg.PoolClient, begin: string, fn: () => Promise<R>): Promise<R> {
  await client.query(begin);
  try {
    // A tool's statements run as long as the data needs.
    await client.query('SET LOCAL statement_timeout = 0');
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function withClient<R>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<R>): Promise<R> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

/** Each table's rows and checksum in PostgreSQL, all from one snapshot, read through a cursor. */
function postgresSums(pool: pg.Pool, tables: Table[]): Promise<Map<string, Sum>> {
  return withClient(pool, (client) =>
    inTransaction(client, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async () => {
      const sums = new Map<string, Sum>();
      for (const t of tables) {
        await client.query(`DECLARE copy_rows NO SCROLL CURSOR FOR ${select(t, 'postgres')}`);
        const hash = createHash('sha256');
        let rows = 0;
        for (;;) {
          const page = await client.query<unknown[]>({ text: `FETCH ${BATCH_ROWS} FROM copy_rows`, rowMode: 'array', types: EXACT });
          for (const row of page.rows) hashRows(hash, row);
          rows += page.rows.length;
          if (page.rows.length < BATCH_ROWS) break;
        }
        await client.query('CLOSE copy_rows');
        sums.set(t.name, { rows, sha256: hash.digest('hex') });
      }
      return sums;
    }),
  );
}

/**
 * The copy proper, in the caller's transaction: every table locked against writers, refused when
 * one holds rows unless `replace`, then filled in foreign-key order and the sequences moved.
 */
async function fill(client: pg.PoolClient, db: Db, tables: Table[], opts: { to: string; replace?: boolean }): Promise<{ copied: Map<string, Sum>; replaced: boolean }> {
  const all = tables.map((t) => q(t.name)).join(', ');
  // Nothing else writes while the copy runs (readers still read); a transaction holding a table for
  // long (a bot mid-work, another copy) is a reason to stop, not to wait.
  await client.query("SET LOCAL lock_timeout = '10s'");
  try {
    await client.query(`LOCK TABLE ${all} IN EXCLUSIVE MODE`);
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') throw new CopyRefused(`another process is using ${describeUrl(opts.to)} (a bot running on it?): stop it, then copy again.`);
    throw err;
  }
  await client.query('SET LOCAL lock_timeout = 0');
  const holding: string[] = [];
  for (const t of tables) if ((await client.query(`SELECT 1 FROM ${q(t.name)} LIMIT 1`)).rowCount) holding.push(t.name);
  if (holding.length && !opts.replace) {
    throw new CopyRefused(
      `the PostgreSQL database ${describeUrl(opts.to)} already holds rows (${holding.join(', ')}): copy into an empty database, or add --replace to replace them.`,
    );
  }
  // TRUNCATE fires no row trigger: registration_events' append-only triggers guard UPDATE and DELETE only.
  if (holding.length) await client.query(`TRUNCATE ${all} RESTART IDENTITY`);
  const copied = new Map<string, Sum>();
  for (const t of tables) copied.set(t.name, await copyTable(db, client, t));
  // The next id is the largest plus one, as SQLite hands them out (no table uses AUTOINCREMENT).
  for (const t of tables) {
    if (!t.identity) continue;
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${q(t.identity)}) FROM ${q(t.name)}), 0) + 1, false)`, [q(t.name), t.identity]);
  }
  return { copied, replaced: holding.length > 0 };
}

function compare(tables: Table[], sqlite: Map<string, Sum>, postgres: Map<string, Sum>): TableCheck[] {
  return tables.map(({ name }) => {
    const s = sqlite.get(name)!;
    const p = postgres.get(name)!;
    return { table: name, sqliteRows: s.rows, postgresRows: p.rows, sqliteSha256: s.sha256, postgresSha256: p.sha256, same: s.rows === p.rows && s.sha256 === p.sha256 };
  });
}

function checkTargetVersion(url: string, version: number, sqliteVersion: number): void {
  if (version !== sqliteVersion) {
    throw new CopyRefused(`the PostgreSQL database ${describeUrl(url)} is at schema ${version}, the SQLite file at ${sqliteVersion}: both must be at this version's (${latestSchema()}).`);
  }
}

/**
 * Copies every table of the SQLite file `from` (one snapshot; the bot may run meanwhile) into the
 * PostgreSQL database `to`, migrated first, in one transaction: refused when it already holds rows
 * unless `replace` (then emptied in that transaction). Ids are kept and each identity's sequence is
 * moved past them. After the commit both sides are hashed table by table.
 */
export async function copySqliteToPostgres(opts: { from: string; to: string; replace?: boolean }): Promise<CopyResult> {
  const snapshot = openSnapshot(opts.from);
  try {
    checkSourceVersion(opts.from, snapshot.version);
    refuseUnsealed(snapshot.db, opts.from);
    refuseOrphans(snapshot.db, opts.from);
    const target = await openPostgres(opts.to, { applicationName: 'lindung-db-copy', poolSize: 2, statementTimeoutMs: 0 });
    try {
      checkTargetVersion(opts.to, await postgresSchemaVersion(target), snapshot.version);
      const tables = await schemaTables(target.pool, snapshot.db, opts.from);
      const { copied, replaced } = await withClient(target.pool, (client) => inTransaction(client, 'BEGIN', () => fill(client, snapshot.db, tables, opts)));
      const checks = compare(tables, copied, await postgresSums(target.pool, tables));
      return { version: snapshot.version, snapshotAt: snapshot.takenAt, replaced, checks };
    } finally {
      await target.close();
    }
  } finally {
    snapshot.db.close();
  }
}

/** Compares the SQLite file and the PostgreSQL database as they are now, table by table; changes neither. */
export async function verifyCopy(opts: { from: string; to: string }): Promise<TableCheck[]> {
  const snapshot = openSnapshot(opts.from);
  try {
    const target = postgresSql({ connectionString: opts.to, applicationName: 'lindung-db-copy', poolSize: 2, statementTimeoutMs: 0 });
    try {
      checkTargetVersion(opts.to, await postgresSchemaVersion(target), snapshot.version);
      const tables = await schemaTables(target.pool, snapshot.db, opts.from);
      const postgres = await postgresSums(target.pool, tables);
      return compare(tables, new Map(tables.map((t) => [t.name, sqliteSum(snapshot.db, t)])), postgres);
    } finally {
      await target.close();
    }
  } finally {
    snapshot.db.close();
  }
}

/** The checks as a table for the terminal: names, counts and the start of each checksum, never a value. */
export function formatChecks(checks: TableCheck[]): string {
  const width = Math.max(5, ...checks.map((c) => c.table.length));
  const head = `${'table'.padEnd(width)}  ${'sqlite rows'.padStart(11)}  ${'postgres rows'.padStart(13)}  ${'sqlite sha256'.padEnd(16)}  postgres sha256`;
  const lines = [...checks].sort((a, b) => a.table.localeCompare(b.table)).map(
    (c) =>
      `${c.table.padEnd(width)}  ${String(c.sqliteRows).padStart(11)}  ${String(c.postgresRows).padStart(13)}  ${c.sqliteSha256.slice(0, 16)}  ${c.postgresSha256.slice(0, 16)}  ${c.same ? 'ok' : 'DIFFERENT'}`,
  );
  return [head, ...lines].join('\n');
}
