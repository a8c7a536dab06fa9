import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEALED_COLUMNS } from '../../src/storage/at-rest.js';
import { newRing, serializeRing } from '../../src/storage/crypto.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { freshPostgres, pgAvailable } from '../helpers/postgres.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const PHONE = '081234567890';
const sealedValues = async (hh: Harness) =>
  (
    await Promise.all(
      SEALED_COLUMNS.map(async ({ table, column }) =>
        (await dbOf(hh).all<{ v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`)).map((r) => ({ at: `${table}.${column}`, v: r.v })),
      ),
    )
  ).flat();
/** A runtime on the same database as `hh` (closed), in `dir`. */
const startAgain = (hh: Harness, dir: string, env?: Record<string, string>) =>
  startHarness({ dir, ...(env ? { env } : {}), ...(hh.databaseUrl ? { databaseUrl: hh.databaseUrl } : {}) });

describe('personal values at rest', () => {
  it('drafts, queued replies, questions and phone numbers are stored encrypted', async () => {
    // A registration up to its summary (the draft and the summary reply hold the NIK and phone).
    for (const text of registrationScript({ nik: NIK_MALE, phone: PHONE, address: 'Jl. Kenanga 7' }, { send: false })) await h.say('u', text);
    await h.say('q', 'tanya petugas');
    await h.say('q', `NIK saya ${NIK_MALE}, nomor ${PHONE}, kapan bisa cair?`);
    const values = await sealedValues(h);
    expect(values.some((x) => x.at === 'sessions.state')).toBe(true);
    expect(values.some((x) => x.at === 'outbox.payload')).toBe(true);
    for (const x of values) {
      expect(x.v.startsWith('enc1:'), x.at).toBe(true);
      for (const secret of [NIK_MALE, '81234567890', 'Kenanga']) expect(x.v.includes(secret), `${x.at} holds ${secret}`).toBe(false);
    }
    // The key file beside the database is its owner's only.
    expect(statSync(join(h.dbPath, '..', 'lindung.key')).mode & 0o777).toBe(0o600);
  });

  it('takes its keys from LINDUNG_KEYS (no key file), and reads everything with them at the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindung-envkeys-'));
    const keys = serializeRing(newRing());
    await cleanup(h);
    h = await startHarness({ dir, env: { LINDUNG_KEYS: keys } });
    for (const text of registrationScript({ nik: NIK_MALE, phone: PHONE })) await h.say('u', text);
    expect(existsSync(join(dir, 'lindung.key'))).toBe(false);
    const values = await sealedValues(h);
    expect(values.length).toBeGreaterThan(3);
    expect(values.filter((x) => !x.v.startsWith('enc1:1:'))).toEqual([]);

    await h.close();
    h = await startAgain(h, dir, { LINDUNG_KEYS: keys });
    expect(existsSync(join(dir, 'lindung.key'))).toBe(false);
    expect((await h.runtime.store.registrations.activeByNik(NIK_MALE))?.data?.phone).toBe('+6281234567890');
    expect((await h.say('u', 'status')).join('\n')).toMatch(/LD-\w{5}/);
  });

  it('refuses to start without its key file, or with another installation\'s, instead of writing with a new key', async () => {
    for (const text of registrationScript({ nik: NIK_MALE, phone: PHONE })) await h.say('u', text);
    const dir = join(h.dbPath, '..');
    const keyFile = join(dir, 'lindung.key');
    const original = readFileSync(keyFile, 'utf8');
    await h.close();
    rmSync(keyFile);
    await expect(startAgain(h, dir)).rejects.toThrow(/key file .*lindung\.key is missing/);
    expect(existsSync(keyFile)).toBe(false); // no new key was made
    writeFileSync(keyFile, serializeRing(newRing()), { mode: 0o600 });
    await expect(startAgain(h, dir)).rejects.toThrow(/does not belong to the database/);
    // The right key file back: everything reads again.
    writeFileSync(keyFile, original, { mode: 0o600 });
    h = await startAgain(h, dir);
    expect((await h.runtime.store.registrations.activeByNik(NIK_MALE))?.data?.phone).toBe('+6281234567890');

    // A database of the version before the check value: its encrypted values stand in for it.
    await dbOf(h).run("DELETE FROM kv WHERE key = 'keys.check'");
    await h.close();
    rmSync(keyFile);
    await expect(startAgain(h, dir)).rejects.toThrow(/key file .*lindung\.key is missing/);
    writeFileSync(keyFile, serializeRing(newRing()), { mode: 0o600 });
    await expect(startAgain(h, dir)).rejects.toThrow(/cannot read the values/);
    writeFileSync(keyFile, original, { mode: 0o600 });
    h = await startAgain(h, dir);
    expect((await h.runtime.store.registrations.activeByNik(NIK_MALE))?.data?.phone).toBe('+6281234567890');
    expect(await dbOf(h).get("SELECT count(*) AS n FROM kv WHERE key = 'keys.check'")).toEqual({ n: 1 });
  });
});

// `npm run keys` re-encrypts the SQLite file (at-rest.sqlite.test.ts); with DATABASE_URL it refuses
// (src/cli/keys.ts: rotate in the SQLite deployment before db:copy, or keep the key).
describe.skipIf(!pgAvailable())('`npm run keys` on PostgreSQL', () => {
  it('refuses, and writes no key, no key file and no SQLite file', async () => {
    const pg = await freshPostgres();
    const dir = mkdtempSync(join(tmpdir(), 'lindung-pgkeys-'));
    try {
      const keys = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', ...args], {
          env: { ...process.env, DATABASE_URL: pg.url, DATABASE_PATH: join(dir, 'lindung.db'), LOG_LEVEL: 'silent' },
          encoding: 'utf8',
          timeout: 60_000,
        });
      for (const args of [['rotate'], ['rotate', '--out', join(dir, 'new-keys.json')], ['status']]) {
        const run = keys(...args);
        expect(run.status, args.join(' ')).toBe(2);
        expect(run.stderr).toContain('DATABASE_URL');
      }
      expect(readdirSync(dir)).toEqual([]);
      expect(await pg.sql.get("SELECT count(*) AS n FROM kv WHERE key = 'keys.check'")).toEqual({ n: 0 });
    } finally {
      await pg.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
