// npm run db:copy (src/storage/copy.ts): a bot's SQLite file, filled through the app, copied into an
// empty PostgreSQL database, compared table by table, and then run on by the bot with the same keys.
// The source is always a SQLite file made here (the harness would run on PostgreSQL in the vitest
// project "postgres").
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { CopyRefused, copySqliteToPostgres, verifyCopy } from '../../src/storage/copy.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { latestSchema } from '../../src/storage/maintenance.js';
import { migratePostgres } from '../../src/storage/pg-migrate.js';
import { NIK_MALE, NOW, seeded } from '../helpers/harness.js';
import { freshPostgres, pgAvailable, type FreshPostgres } from '../helpers/postgres.js';
import { registrationScript } from '../helpers/registration.js';
import { freshDatabaseFile } from '../helpers/template-db.js';

const SECOND_NIK = '6301011708800011';
const THIRD_NIK = '6301011708800029';

const dirs: string[] = [];
const runtimes: Runtime[] = [];
const databases: FreshPostgres[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'lindung-db-copy-'));
  dirs.push(d);
  return d;
}

/** A runtime on the SQLite file `path` (its key file beside it), or on PostgreSQL `url` with that same key file. */
async function runtimeOn(path: string, url?: string): Promise<Runtime> {
  const env: Record<string, string> = { DATABASE_PATH: path, SQLITE_SYNCHRONOUS: 'NORMAL', LOG_LEVEL: 'silent', ...(url ? { DATABASE_URL: url } : {}) };
  const runtime = await createRuntime(loadConfig(env), { logger: pino({ level: 'silent' }), clock: () => NOW, random: seeded(url ? 9 : 7) });
  runtimes.push(runtime);
  return runtime;
}

async function say(runtime: Runtime, user: string, texts: string[]): Promise<void> {
  for (const text of texts) await runtime.app.handle({ channel: 'test', externalId: user, text });
}

const source = { dir: '', path: '', reference: '' };

/** Registrations, people, sessions, history, inbox and outbox rows, an officer and an audit entry, all through the app. */
async function fillBot(): Promise<void> {
  source.dir = mkdtempSync(join(tmpdir(), 'lindung-db-copy-source-'));
  source.path = join(source.dir, 'bot.db');
  freshDatabaseFile(source.path);
  const runtime = await runtimeOn(source.path);
  await say(runtime, 'w1', registrationScript({ nik: NIK_MALE }));
  await say(runtime, 'w2', registrationScript({ nik: SECOND_NIK }));
  await say(runtime, 'w3', ['halo', '4']);
  const officer = await runtime.store.officers.add({ username: 'budi', passwordHash: 'not-a-hash', role: 'admin', now: NOW });
  const row = runtime.db.prepare('SELECT id, reference FROM registrations WHERE id = (SELECT min(id) FROM registrations)').get() as { id: number; reference: string };
  source.reference = row.reference;
  await runtime.store.officers.audit({ officerId: officer.id, action: 'view', registrationId: row.id, now: NOW });
  await runtime.close();
  runtimes.splice(runtimes.indexOf(runtime), 1);
}

/** Every table's row count in the SQLite file (its own tables aside). */
function sqliteCounts(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().all() as string[];
    return Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT count(*) FROM "${n}"`).pluck().get() as number)]));
  } finally {
    db.close();
  }
}

/** A copy of the bot's file changed by `change` (the original stays as it is). */
function alteredCopy(change: (db: Database.Database) => void): string {
  const path = join(tempDir(), 'altered.db');
  copyFileSync(source.path, path);
  const db = new Database(path);
  try {
    change(db);
  } finally {
    db.close();
  }
  return path;
}

function cli(file: string, args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const { DATABASE_URL: _url, ...rest } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { encoding: 'utf8', env: { ...rest, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(fillBot, 60_000);
afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.close();
  for (const d of databases.splice(0)) await d.drop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
afterAll(() => rmSync(source.dir, { recursive: true, force: true }));

describe.skipIf(!pgAvailable())('npm run db:copy, SQLite to PostgreSQL', () => {
  async function emptyTarget(): Promise<FreshPostgres> {
    const db = await freshPostgres({ empty: true });
    databases.push(db);
    return db;
  }

  it('copies every table from a snapshot of a file in use, and the bot runs on the copy with the same keys', async () => {
    const target = await emptyTarget();
    const counts = sqliteCounts(source.path);
    const running = await runtimeOn(source.path);
    // The snapshot is taken before the call returns; the bot's writes from then on are not in the copy.
    const copying = copySqliteToPostgres({ from: source.path, to: target.url });
    await say(running, 'w5', ['halo']);
    const r = await copying;
    await running.close();
    runtimes.splice(runtimes.indexOf(running), 1);
    expect(sqliteCounts(source.path).people).toBe(counts.people! + 1);

    expect(r.version).toBe(latestSchema());
    expect(r.replaced).toBe(false);
    expect(r.checks.map((c) => c.table).sort()).toEqual(Object.keys(counts).sort());
    for (const c of r.checks) {
      expect(c, c.table).toMatchObject({ same: true, sqliteRows: counts[c.table], postgresRows: counts[c.table], postgresSha256: c.sqliteSha256 });
    }
    for (const table of ['registrations', 'people', 'identities', 'sessions', 'registration_events', 'outbox', 'officers', 'audit_log', 'kv']) {
      expect(counts[table], table).toBeGreaterThan(0);
    }
    expect(counts.registrations).toBe(2);

    const bot = await runtimeOn(source.path, target.url);
    const copied = await bot.store.registrations.byReference(source.reference);
    expect(copied?.data?.nik).toBe(NIK_MALE);
    // New rows get ids past the copied ones: the sequences were moved.
    const before = await bot.store.sql.get<{ people: number; registrations: number; events: number; outbox: number }>(
      'SELECT (SELECT max(id) FROM people) AS people, (SELECT max(id) FROM registrations) AS registrations, (SELECT max(id) FROM registration_events) AS events, (SELECT max(id) FROM outbox) AS outbox',
    );
    await say(bot, 'w4', registrationScript({ nik: THIRD_NIK }));
    const after = await bot.store.sql.get<typeof before>(
      'SELECT (SELECT max(id) FROM people) AS people, (SELECT count(*) FROM registrations) AS n, (SELECT max(id) FROM registrations) AS registrations, (SELECT max(id) FROM registration_events) AS events, (SELECT max(id) FROM outbox) AS outbox',
    );
    expect(after).toMatchObject({ n: 3 });
    for (const key of ['people', 'registrations', 'events', 'outbox'] as const) expect(after![key], key).toBeGreaterThan(before![key]);
    // The history's append-only triggers came through untouched.
    await expect(bot.store.sql.run("UPDATE registration_events SET action = 'other'")).rejects.toThrow(/append-only/);
  });

  it('copies tables of several batches, text keys in SQLite\'s byte order', async () => {
    const texts = ['b', 'B', 'a_', 'aA', 'é', 'Ä', 'z', '10', '9', ' x', 'ß', '日本'];
    const bigger = alteredCopy((db) => {
      const unmatched = db.prepare("INSERT INTO faq_unmatched (text, lang, channel, created_at) VALUES (?, 'id', 'test', ?)");
      const kv = db.prepare('INSERT INTO kv (key, value, updated_at) VALUES (?, ?, 1)');
      db.transaction(() => {
        for (let i = 0; i < 2345; i++) unmatched.run(`question ${i}`, i);
        for (const t of texts) kv.run(`order.${t}`, t);
      })();
    });
    const target = await emptyTarget();
    // A deployment's database usually sorts text by a language's rules ('a' before 'B'), SQLite by bytes ('B' before 'a').
    await migratePostgres(target.sql);
    const human = await target.sql.get<{ name: string }>("SELECT collname AS name FROM pg_collation WHERE collname IN ('und-x-icu', 'en_US.utf8') ORDER BY collname DESC LIMIT 1");
    if (human) await target.sql.exec(`ALTER TABLE kv ALTER COLUMN key TYPE text COLLATE "${human.name}"`);
    const r = await copySqliteToPostgres({ from: bigger, to: target.url });
    expect(r.checks.filter((c) => !c.same)).toEqual([]);
    expect(r.checks.find((c) => c.table === 'faq_unmatched')).toMatchObject({ sqliteRows: 2345, postgresRows: 2345 });
  });

  it('gives a bot on the copy without the keys a refusal at start: they travel apart from the rows', async () => {
    const target = await emptyTarget();
    await copySqliteToPostgres({ from: source.path, to: target.url });
    await expect(runtimeOn(join(tempDir(), 'elsewhere.db'), target.url)).rejects.toThrow(/key file .* is missing/);
  });

  it('refuses a target that holds rows; --replace replaces them, in the copy transaction', async () => {
    const target = await emptyTarget();
    await copySqliteToPostgres({ from: source.path, to: target.url });
    await target.sql.run("INSERT INTO kv (key, value, updated_at) VALUES ('written.later', 'x', 1)");
    await expect(copySqliteToPostgres({ from: source.path, to: target.url })).rejects.toThrow(CopyRefused);
    await expect(copySqliteToPostgres({ from: source.path, to: target.url })).rejects.toThrow(/already holds rows \(.*kv.*\).*--replace/);
    expect(await target.sql.get("SELECT value FROM kv WHERE key = 'written.later'")).toEqual({ value: 'x' });

    const r = await copySqliteToPostgres({ from: source.path, to: target.url, replace: true });
    expect(r.replaced).toBe(true);
    expect(r.checks.filter((c) => !c.same)).toEqual([]);
    expect(await target.sql.get("SELECT value FROM kv WHERE key = 'written.later'")).toBeUndefined();
    const next = await target.sql.get<{ id: number; max: number }>(
      "INSERT INTO people (lang, created_at) VALUES ('id', 1) RETURNING id, (SELECT max(id) FROM people) AS max",
    );
    expect(next!.id).toBeGreaterThan(next!.max);
  });

  it('reports a table changed after the copy, by name, with exit code 1', async () => {
    const target = await emptyTarget();
    await copySqliteToPostgres({ from: source.path, to: target.url });
    expect((await verifyCopy({ from: source.path, to: target.url })).every((c) => c.same)).toBe(true);
    await target.sql.run('UPDATE people SET created_at = created_at + 1 WHERE id = (SELECT min(id) FROM people)');

    const checks = await verifyCopy({ from: source.path, to: target.url });
    expect(checks.filter((c) => !c.same).map((c) => c.table)).toEqual(['people']);
    const people = checks.find((c) => c.table === 'people')!;
    expect(people.postgresRows).toBe(people.sqliteRows);

    const run = cli('src/cli/db-copy.ts', ['--from', `sqlite:${source.path}`, '--to', `postgres:${target.url}`, '--verify']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^people\s.*DIFFERENT$/m);
    expect(run.stderr).toContain('differ in: people');
    for (const secret of [NIK_MALE, SECOND_NIK, source.reference, 'Budi Santoso']) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('npm run migrate brings an empty PostgreSQL database to the latest schema, then finds nothing to do', async () => {
    const target = await emptyTarget();
    const first = cli('src/cli/migrate.ts', [], { DATABASE_URL: target.url });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`schema 0 before, ${latestSchema()} after`);
    const again = cli('src/cli/migrate.ts', [], { DATABASE_URL: target.url });
    expect(again.stdout).toContain(`schema ${latestSchema()} before, ${latestSchema()} after: nothing to do`);
    expect(again.status).toBe(0);
  });
});

describe('npm run db:copy refuses, before it connects to PostgreSQL', () => {
  const nowhere = 'postgres://nobody@127.0.0.1:1/none';

  it('a file at another schema version', async () => {
    const older = alteredCopy((db) => db.pragma(`user_version = ${latestSchema() - 1}`));
    await expect(copySqliteToPostgres({ from: older, to: nowhere })).rejects.toThrow(/schema \d+, this version's is \d+: start this version of the bot on it once/);
    const newer = alteredCopy((db) => db.pragma(`user_version = ${latestSchema() + 1}`));
    await expect(copySqliteToPostgres({ from: newer, to: nowhere })).rejects.toThrow(/newer Lindung/);
  });

  it('a file with personal values in clear, without printing them', async () => {
    const phone = '081234567890';
    const clear = alteredCopy((db) => db.prepare('UPDATE people SET phone = ? WHERE id = (SELECT min(id) FROM people)').run(phone));
    const refused = copySqliteToPostgres({ from: clear, to: nowhere });
    await expect(refused).rejects.toThrow(/in clear \(people\.phone: 1\)/);
    await expect(refused).rejects.not.toThrow(phone);
  });

  it('PostgreSQL to SQLite, with exit code 2', () => {
    const run = cli('src/cli/db-copy.ts', ['--from', 'postgres', '--to', 'sqlite']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('not supported (only --from sqlite --to postgres)');
  });
});

describe('npm run migrate on a SQLite file', () => {
  it('makes a missing file at the latest schema, then finds nothing to do', () => {
    const path = join(tempDir(), 'new.db');
    const first = cli('src/cli/migrate.ts', [], { DATABASE_PATH: path });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`made one at schema ${latestSchema()}`);
    const again = cli('src/cli/migrate.ts', [], { DATABASE_PATH: path });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`schema ${latestSchema()} before, ${latestSchema()} after: nothing to do`);
  });
});
