// The PostgreSQL schema and its migrations (src/storage/pg-migrate.ts): applied once however often
// or however many processes start at once, and the same tables, columns, defaults, indexes,
// foreign keys, CHECKs and triggers as the SQLite schema, so the two cannot drift apart unnoticed.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { migratePostgres, POSTGRES_MIGRATIONS_DIR } from '../../src/storage/pg-migrate.js';
import { postgresSql } from '../../src/storage/postgres.js';
import type { Sql } from '../../src/storage/sql.js';
import { sqliteSql } from '../../src/storage/sqlite.js';
import { freshPostgres, pgAvailable, type FreshPostgres } from '../helpers/postgres.js';

const SQLITE_MIGRATIONS = fileURLToPath(new URL('../../src/storage/migrations/', import.meta.url));
const numbered = (dir: string): string[] => readdirSync(dir).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
const BASELINE = 24;

/** What both schemas must agree on, each part as sorted text lines. */
interface Shape {
  columns: string[];
  indexes: string[];
  foreignKeys: string[];
  /** CHECK constraints per table (their count: the two write them differently). */
  checks: string[];
  triggers: string[];
}

/** A default as SQLite prints it; PostgreSQL adds a cast to string defaults ('x'::text). */
const normalDefault = (d: string | null): string => (d ?? 'none').replace(/::text$/, '');

function sqliteShape(db: Db): Shape {
  const tables = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  const shape: Shape = { columns: [], indexes: [], foreignKeys: [], checks: [], triggers: [] };
  for (const { name, sql } of tables) {
    const checks = sql.match(/\bCHECK\s*\(/gi)?.length ?? 0;
    if (checks > 0) shape.checks.push(`${name} ${checks}`);
    for (const c of db.pragma(`table_info(${name})`) as { name: string; notnull: number; pk: number; dflt_value: string | null }[]) {
      shape.columns.push(`${name}.${c.name} ${c.notnull || c.pk ? 'not null' : 'null'} default ${normalDefault(c.dflt_value)}`);
    }
    for (const i of db.pragma(`index_list(${name})`) as { name: string; unique: number; origin: string; partial: number }[]) {
      if (i.origin === 'c') shape.indexes.push(`${name}.${i.name}${i.unique ? ' unique' : ''}${i.partial ? ' partial' : ''}`);
    }
    for (const f of db.pragma(`foreign_key_list(${name})`) as { table: string; from: string; to: string }[]) {
      shape.foreignKeys.push(`${name}.${f.from} -> ${f.table}.${f.to}`);
    }
  }
  shape.triggers = db.prepare<[], { name: string; tbl_name: string }>("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'").all().map((t) => `${t.tbl_name}.${t.name}`);
  for (const list of Object.values(shape)) list.sort();
  return shape;
}

async function postgresShape(sql: Sql): Promise<Shape> {
  const columns = await sql.all<{ table_name: string; column_name: string; is_nullable: string; column_default: string | null }>(
    `SELECT table_name, column_name, is_nullable, column_default FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> 'schema_version'`,
  );
  // Indexes made by CREATE INDEX (not the ones behind a primary key or UNIQUE constraint).
  const indexes = await sql.all<{ tbl: string; name: string; is_unique: boolean; partial: boolean }>(
    `SELECT t.relname AS tbl, i.relname AS name, x.indisunique AS is_unique, x.indpred IS NOT NULL AS partial
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = current_schema()::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
  );
  const foreignKeys = await sql.all<{ line: string }>(
    `SELECT c.conrelid::regclass::text || '.' || a.attname || ' -> ' || c.confrelid::regclass::text || '.' || r.attname AS line
       FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(attnum, refnum)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
       JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = k.refnum
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  const checks = await sql.all<{ line: string }>(
    `SELECT conrelid::regclass::text || ' ' || count(*) AS line FROM pg_constraint
      WHERE contype = 'c' AND connamespace = current_schema()::regnamespace GROUP BY conrelid`,
  );
  const triggers = await sql.all<{ line: string }>(
    `SELECT DISTINCT event_object_table || '.' || trigger_name AS line FROM information_schema.triggers WHERE trigger_schema = current_schema()`,
  );
  const shape: Shape = {
    columns: columns.map(
      (c) => `${c.table_name}.${c.column_name} ${c.is_nullable === 'NO' ? 'not null' : 'null'} default ${normalDefault(c.column_default)}`,
    ),
    indexes: indexes.map((i) => `${i.tbl}.${i.name}${i.is_unique ? ' unique' : ''}${i.partial ? ' partial' : ''}`),
    foreignKeys: foreignKeys.map((f) => f.line),
    checks: checks.map((c) => c.line),
    triggers: triggers.map((t) => t.line),
  };
  for (const list of Object.values(shape)) list.sort();
  return shape;
}

describe('the PostgreSQL migrations', () => {
  it('come in pairs with the SQLite ones after the baseline', () => {
    const sqlite = numbered(SQLITE_MIGRATIONS);
    const postgres = numbered(POSTGRES_MIGRATIONS_DIR);
    expect(postgres[0]).toBe(`${String(BASELINE).padStart(3, '0')}_baseline.sql`);
    expect(postgres.slice(1)).toEqual(sqlite.filter((f) => Number(f.slice(0, 3)) > BASELINE));
  });
});

describe.skipIf(!pgAvailable())('the PostgreSQL schema', () => {
  let db: FreshPostgres;
  afterEach(() => db.drop());

  const version = async (sql: Sql): Promise<number[]> => (await sql.all<{ version: number }>('SELECT version FROM schema_version')).map((r) => r.version);
  const latest = Number(numbered(SQLITE_MIGRATIONS).at(-1)!.slice(0, 3));

  it('migrates an empty database to the last migration, and a second time does nothing', async () => {
    db = await freshPostgres({ empty: true });
    expect(await migratePostgres(db.sql)).toBe(latest);
    const shape = await postgresShape(db.sql);
    expect(await migratePostgres(db.sql)).toBe(latest);
    expect(await postgresShape(db.sql)).toEqual(shape);
    expect(await version(db.sql)).toEqual([latest]);
  });

  it('applies a later migration above the stored version once; a failing one leaves nothing behind', async () => {
    db = await freshPostgres({ empty: true });
    const dir = mkdtempSync(join(tmpdir(), 'lindung-pg-migrations-'));
    try {
      for (const f of numbered(POSTGRES_MIGRATIONS_DIR)) copyFileSync(join(POSTGRES_MIGRATIONS_DIR, f), join(dir, f));
      expect(await migratePostgres(db.sql, dir)).toBe(latest);
      writeFileSync(join(dir, '900_probe.sql'), 'CREATE TABLE probe (id bigint PRIMARY KEY);');
      expect(await migratePostgres(db.sql, dir)).toBe(900);
      expect(await migratePostgres(db.sql, dir)).toBe(900);
      writeFileSync(join(dir, '901_broken.sql'), 'CREATE TABLE broken (id bigint); SELECT no_such_function();');
      await expect(migratePostgres(db.sql, dir)).rejects.toThrow(/no_such_function/);
      expect(await version(db.sql)).toEqual([900]);
      expect(await db.sql.get("SELECT to_regclass('broken') IS NULL AS gone")).toEqual({ gone: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is migrated once when several processes start at once', async () => {
    db = await freshPostgres({ empty: true });
    const processes = Array.from({ length: 4 }, () => postgresSql({ connectionString: db.url, poolSize: 2 }));
    try {
      expect(await Promise.all(processes.map((p) => migratePostgres(p)))).toEqual(processes.map(() => latest));
    } finally {
      await Promise.all(processes.map((p) => p.close()));
    }
    expect(await version(db.sql)).toEqual([latest]);
  });

  describe('beside the SQLite schema', () => {
    let dir: string;
    let sqlite: Db;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'lindung-schema-'));
      sqlite = openDatabase(join(dir, 'schema.db'));
    });
    afterAll(() => {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('is at the same version, with the same tables, columns, defaults, indexes, foreign keys, CHECKs and triggers', async () => {
      db = await freshPostgres();
      expect(sqlite.pragma('user_version', { simple: true })).toBe(latest);
      const expected = sqliteShape(sqlite);
      // SQLite's UNIQUE COLLATE NOCASE is an automatic index there and an index on lower() here.
      expected.indexes = [...expected.indexes, 'officers.officers_username unique'].sort();
      expect(await postgresShape(db.sql)).toEqual(expected);
    });

    it('refuses the same writes: the history is append-only but for its details, a username is unique whatever its case', async () => {
      db = await freshPostgres();
      const ports: Sql[] = [db.sql, sqliteSql(sqlite)];
      for (const sql of ports) {
        const person = await sql.get<{ id: number }>("INSERT INTO people (lang, created_at) VALUES ('id', 1) RETURNING id");
        const reg = await sql.get<{ id: number }>(
          "INSERT INTO registrations (reference, applicant_id, submitter_id, channel, status, created_at, updated_at) VALUES ('R-1', @p, @p, 'telegram', 'submitted', 1, 1) RETURNING id",
          { p: person!.id },
        );
        const event = await sql.get<{ id: number }>(
          "INSERT INTO registration_events (registration_id, at, actor_kind, action, detail) VALUES (?, 1, 'system', 'created', 'note') RETURNING id",
          [reg!.id],
        );
        expect((await sql.run('UPDATE registration_events SET detail = NULL WHERE id = ?', [event!.id])).changes).toBe(1);
        await expect(sql.run("UPDATE registration_events SET action = 'other' WHERE id = ?", [event!.id])).rejects.toThrow(/append-only/);
        await expect(sql.run('DELETE FROM registration_events WHERE id = ?', [event!.id])).rejects.toThrow(/append-only/);
        await expect(sql.run("UPDATE registrations SET status = 'unknown' WHERE id = ?", [reg!.id])).rejects.toThrow(/CHECK|check/);
        await expect(sql.run("INSERT INTO sessions (person_id, state, updated_at) VALUES (987654, '{}', 1)")).rejects.toThrow(/FOREIGN KEY|foreign key/);
        await sql.run("INSERT INTO officers (username, password_hash, role, created_at) VALUES ('Ani', 'h', 'officer', 1)");
        await expect(sql.run("INSERT INTO officers (username, password_hash, role, created_at) VALUES ('ani', 'h', 'admin', 1)")).rejects.toThrow(/UNIQUE|unique/);
      }
    });
  });
});
