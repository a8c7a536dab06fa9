import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, scheduledName } from '../../src/ops/backup.js';
import { formatFindings, runDoctor, type Finding } from '../../src/ops/doctor.js';
import { latestSchema } from '../../src/storage/maintenance.js';
import { newRing, writeKeyFile } from '../../src/storage/crypto.js';
import { cleanup, NOW, startHarness, type Harness } from '../helpers/harness.js';
import { seedRegistrations } from '../helpers/seed.js';
import { freshPostgres, pgAvailable } from '../helpers/postgres.js';
import { latestPostgresSchema } from '../../src/storage/pg-migrate.js';

const TOKEN = '123456789:AAHfake-token_for-tests-0123456789abc';
const GB = 1e9;

const harnesses: Harness[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await cleanup(h);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A running bot's files as an operator would have them: data, an admin, a recent backup. */
async function healthy() {
  const h = await startHarness();
  harnesses.push(h);
  await seedRegistrations(h, 25, { cipher: h.runtime.store.cipher });
  await h.runtime.store.officers.add({ username: 'admin', passwordHash: 'x', role: 'admin', now: NOW });
  const dir = join(h.dbPath, '..');
  const env: Record<string, string> = {
    DATABASE_PATH: h.dbPath,
    BACKUP_DIR: join(dir, 'backups'),
    TELEGRAM_BOT_TOKEN: TOKEN,
    WHATSAPP_ENABLED: 'true',
    WHATSAPP_PAIRING_NUMBER: '6281100000000',
  };
  await backupDatabase(h.dbPath, join(env.BACKUP_DIR!, scheduledName(Date.now())));
  h.runtime.db.prepare("INSERT INTO wa_auth_creds (id, creds, updated_at) VALUES (1, 'enc1:1:x', 1)").run();
  return { h, env, dir };
}

const run = (env: Record<string, string>, now = Date.now()): Promise<Finding[]> => runDoctor({ env, now, freeBytes: () => 50 * GB });
const failing = (findings: Finding[]) => findings.filter((f) => f.status === 'FAIL');
const about = (findings: Finding[], topic: string) => findings.filter((f) => f.topic === topic);

describe('npm run doctor', () => {
  it('finds nothing to fail on a healthy setup, and prints no token, phone number or NIK', async () => {
    const { env } = await healthy();
    const findings = await run(env);
    expect(failing(findings)).toEqual([]);
    for (const topic of ['settings', 'database', 'keys', 'officers', 'file modes', 'disk', 'telegram', 'whatsapp', 'time zone', 'clock', 'backups']) {
      expect(about(findings, topic).some((f) => f.status === 'OK'), topic).toBe(true);
    }
    const text = formatFindings(findings);
    expect(text).not.toContain(TOKEN.split(':')[1]);
    expect(text).not.toContain('6281100000000');
    expect(text).not.toMatch(/\d{16}/);
    expect(text).toMatch(/0 FAIL, \d+ WARN, \d+ OK$/);
  });

  it('fails a key file others can read, naming the chmod', async () => {
    const { env, dir } = await healthy();
    chmodSync(join(dir, 'lindung.key'), 0o644);
    const [f, ...rest] = failing(await run(env));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ topic: 'file modes', fix: `chmod 600 ${join(dir, 'lindung.key')}` });
    expect(f!.detail).toMatch(/key file .* readable by every user \(644\)/);
    // A group-readable database is a warning; a world-readable one fails.
    chmodSync(join(dir, 'test.db'), 0o640);
    expect(failing(await run(env))).toHaveLength(1);
    chmodSync(join(dir, 'test.db'), 0o644);
    expect(failing(await run(env))).toHaveLength(2);
    // A folder others can list (a fresh clone's data/ is 755) only warns: its files are checked on their own.
    chmodSync(join(dir, 'test.db'), 0o600);
    chmodSync(join(dir, 'lindung.key'), 0o600);
    chmodSync(dir, 0o755);
    const findings = await run(env);
    expect(failing(findings)).toEqual([]);
    expect(findings.find((x) => x.topic === 'file modes' && x.detail.includes('(755)'))).toMatchObject({ status: 'WARN', fix: `chmod 700 ${dir}` });
  });

  it('fails without an active admin, with the command that adds one', async () => {
    const { h, env } = await healthy();
    h.runtime.db.prepare("UPDATE officers SET disabled_at = 1 WHERE username = 'admin'").run();
    expect(failing(await run(env))).toEqual([
      expect.objectContaining({ topic: 'officers', fix: expect.stringContaining('npm run officer -- enable <username>') }),
    ]);
    h.runtime.db.prepare('DELETE FROM officers').run();
    expect(failing(await run(env))[0]).toMatchObject({ topic: 'officers', fix: 'npm run officer -- add <username> --role admin' });
  });

  it('fails wrong settings one by one and still checks the rest', async () => {
    const { env, dir } = await healthy();
    const settings = join(dir, 'programme.json');
    writeFileSync(settings, JSON.stringify({ regency: { name: 'X' } }));
    const findings = await run({ ...env, SQLITE_SYNCHRONOUS: 'SOMETIMES', PROGRAMME_SETTINGS_PATH: settings, TIMEZONE: 'Mars/Olympus' });
    expect(failing(findings).map((f) => f.topic)).toEqual(['settings', 'programme settings', 'time zone']);
    expect(failing(findings)[0]!.detail).toMatch(/^SQLITE_SYNCHRONOUS: /);
    expect(failing(findings)[1]!.detail).toContain('regency.shortName');
    expect(about(findings, 'database')[0]!.status).toBe('OK');
  });

  it('fails keys that cannot read the database, a newer schema, a wrong token, a plain-http webhook and a wrong clock', async () => {
    const { h, env, dir } = await healthy();
    const other = join(dir, 'other.key');
    writeKeyFile(other, newRing());
    expect(failing(await run({ ...env, LINDUNG_KEY_FILE: other })).map((f) => f.topic)).toEqual(['keys']);
    const bad = await run({
      ...env,
      TELEGRAM_BOT_TOKEN: 'not-a-token',
      TELEGRAM_WEBHOOK_URL: 'http://bot.example.org/hook',
      TELEGRAM_WEBHOOK_SECRET: 'a-long-enough-secret-value',
    }, Date.UTC(2020, 0, 1));
    expect(failing(bad).map((f) => f.topic)).toEqual(['telegram', 'telegram webhook', 'clock']);
    expect(formatFindings(bad)).not.toContain('not-a-token');
    await h.close();
    const db = new Database(h.dbPath);
    db.pragma(`user_version = ${latestSchema() + 1}`);
    db.close();
    expect(failing(await run(env))).toEqual([expect.objectContaining({ topic: 'database', detail: expect.stringMatching(/newer than this version/) })]);
  });

  it('warns that WhatsApp is not linked yet and that backups are off', async () => {
    const { h, env } = await healthy();
    h.runtime.db.prepare('DELETE FROM wa_auth_creds').run();
    const findings = await run({ ...env, BACKUP_INTERVAL_HOURS: '0' });
    expect(failing(findings)).toEqual([]);
    expect(about(findings, 'whatsapp')).toEqual([expect.objectContaining({ status: 'WARN', detail: 'enabled but not linked yet' })]);
    expect(about(findings, 'backups')[0]).toMatchObject({ status: 'WARN', detail: expect.stringContaining('off') });
  });

  it('the command exits 1 when something fails and 0 when nothing does', async () => {
    const { env, dir } = await healthy();
    const cli = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/doctor.ts'], { encoding: 'utf8', env: { ...process.env, ...env, LOG_LEVEL: 'silent' } });
    const ok = cli();
    expect(ok.stdout).toMatch(/^OK {4}settings:/m);
    expect(ok.status).toBe(0);
    chmodSync(join(dir, 'lindung.key'), 0o604);
    const fail = cli();
    expect(fail.status).toBe(1);
    expect(fail.stdout).toMatch(/^FAIL {2}file modes: key file .*\n {6}fix: chmod 600 /m);
  });
});

describe('npm run doctor on a fresh machine', () => {
  it('says the database and key file come with the first start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindung-doctor-'));
    dirs.push(dir);
    const findings = await run({ DATABASE_PATH: join(dir, 'data', 'lindung.db') });
    expect(about(findings, 'database')).toEqual([expect.objectContaining({ status: 'WARN', detail: expect.stringContaining('does not exist yet') })]);
    expect(failing(findings)).toEqual([]);
  });
});

describe.skipIf(!pgAvailable())('npm run doctor on PostgreSQL (DATABASE_URL)', () => {
  it('reports the database reachable and its schema, without the SQLite file checks; a dead server fails', async () => {
    const pgdb = await freshPostgres();
    try {
      const findings = await run({ DATABASE_URL: pgdb.url, DATABASE_PATH: '/nonexistent/lindung.db' });
      const database = findings.filter((f) => f.topic === 'database');
      expect(database.map((f) => f.status)).toEqual(['OK', 'OK']);
      expect(database[1]!.detail).toContain(`schema ${latestPostgresSchema()}`);
      // No password in what it prints; no finding about the SQLite file or its disk.
      expect(formatFindings(findings)).not.toContain('@');
      expect(findings.some((f) => f.topic === 'disk' || /nonexistent/.test(f.detail))).toBe(false);
      await pgdb.sql.run('UPDATE schema_version SET version = version - 1');
      const behind = (await run({ DATABASE_URL: pgdb.url })).filter((f) => f.topic === 'database');
      expect(behind[1]!.status).toBe('WARN');
    } finally {
      await pgdb.drop();
    }
    const dead = (await run({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PG_CONNECT_TIMEOUT_MS: '2000' })).filter((f) => f.topic === 'database');
    expect(dead.map((f) => f.status)).toEqual(['FAIL']);
  });
});
