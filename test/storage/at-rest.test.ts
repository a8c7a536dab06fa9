import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEALED_COLUMNS } from '../../src/storage/at-rest.js';
import { newRing, serializeRing } from '../../src/storage/crypto.js';
import { cleanup, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const PHONE = '081234567890';
const sealedValues = (hh: Harness) =>
  SEALED_COLUMNS.flatMap(({ table, column }) =>
    (hh.runtime.db.prepare(`SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`).all() as { v: string }[]).map((r) => ({ at: `${table}.${column}`, v: r.v })),
  );

describe('personal values at rest', () => {
  it('drafts, queued replies, questions and phone numbers are stored encrypted', async () => {
    // A registration up to its summary (the draft and the summary reply hold the NIK and phone).
    for (const text of registrationScript({ nik: NIK_MALE, phone: PHONE, address: 'Jl. Kenanga 7' }, { send: false })) await h.say('u', text);
    await h.say('q', 'tanya petugas');
    await h.say('q', `NIK saya ${NIK_MALE}, nomor ${PHONE}, kapan bisa cair?`);
    const values = sealedValues(h);
    expect(values.some((x) => x.at === 'sessions.state')).toBe(true);
    expect(values.some((x) => x.at === 'outbox.payload')).toBe(true);
    for (const x of values) {
      expect(x.v.startsWith('enc1:'), x.at).toBe(true);
      for (const secret of [NIK_MALE, '81234567890', 'Kenanga']) expect(x.v.includes(secret), `${x.at} holds ${secret}`).toBe(false);
    }
    // The key file beside the database is its owner's only.
    expect(statSync(join(h.dbPath, '..', 'lindung.key')).mode & 0o777).toBe(0o600);
  });

  it('values an older version kept in clear are encrypted at the next start', async () => {
    await h.say('u', 'halo');
    h.runtime.db.prepare('UPDATE sessions SET state = ?').run(JSON.stringify({ v: 1, old: NIK_MALE }));
    h = await h.reopen();
    const state = (h.runtime.db.prepare('SELECT state FROM sessions').get() as { state: string }).state;
    expect(state.startsWith('enc1:')).toBe(true);
    expect(JSON.parse(h.runtime.store.cipher.decrypt(state)).old).toBe(NIK_MALE);
  });

  it('`npm run keys -- rotate` re-encrypts every value with a new key while the bot runs on', async () => {
    await h.say('u', 'halo');
    await h.say('u', '4');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', 'rotate'], {
      env: { ...process.env, DATABASE_PATH: h.dbPath, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('key 2 is now current');
    expect(sealedValues(h).every((x) => x.v.startsWith('enc1:2:'))).toBe(true);
    const ring = JSON.parse(readFileSync(join(h.dbPath, '..', 'lindung.key'), 'utf8')) as { keys: { id: number }[]; current: number };
    expect(ring.keys.map((k) => k.id)).toEqual([1, 2]);
    // The running bot meets a value under a key it did not know, reads the new ring, and goes on.
    expect((await h.say('u', 'menu')).join('\n')).toContain('Menu utama');
    expect((h.runtime.db.prepare('SELECT state FROM sessions').get() as { state: string }).state.startsWith('enc1:2:')).toBe(true);
  });

  it('takes its keys from LINDUNG_KEYS (no key file), and a rotation there goes through a file for the secret store and the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindung-envkeys-'));
    const keys = serializeRing(newRing());
    await cleanup(h);
    h = await startHarness({ dir, env: { LINDUNG_KEYS: keys } });
    for (const text of registrationScript({ nik: NIK_MALE, phone: PHONE })) await h.say('u', text);
    expect(existsSync(join(dir, 'lindung.key'))).toBe(false);
    expect(sealedValues(h).every((x) => x.v.startsWith('enc1:1:'))).toBe(true);

    const rotate = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', 'rotate', ...args], {
        env: { ...process.env, DATABASE_PATH: h.dbPath, LOG_LEVEL: 'silent', LINDUNG_KEYS: keys },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const refused = rotate();
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--out');
    const out = join(dir, 'new-keys.json');
    const run = rotate('--out', out);
    expect(run.status, run.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    // Nothing is re-encrypted under the running bot's feet: it could not read the new key.
    expect(sealedValues(h).every((x) => x.v.startsWith('enc1:1:'))).toBe(true);
    expect((await h.say('u', 'menu')).join('\n')).toContain('Menu utama');

    // The operator puts the file into LINDUNG_KEYS and restarts: every value moves to key 2, all still read.
    await h.close();
    h = await startHarness({ dir, env: { LINDUNG_KEYS: readFileSync(out, 'utf8') } });
    const values = sealedValues(h);
    expect(values.length).toBeGreaterThan(3);
    expect(values.filter((x) => !x.v.startsWith('enc1:2:'))).toEqual([]);
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
    await expect(startHarness({ dir })).rejects.toThrow(/key file .*lindung\.key is missing/);
    expect(existsSync(keyFile)).toBe(false); // no new key was made
    writeFileSync(keyFile, serializeRing(newRing()), { mode: 0o600 });
    await expect(startHarness({ dir })).rejects.toThrow(/does not belong to the database/);
    // The right key file back: everything reads again.
    writeFileSync(keyFile, original, { mode: 0o600 });
    h = await startHarness({ dir });
    expect((await h.runtime.store.registrations.activeByNik(NIK_MALE))?.data?.phone).toBe('+6281234567890');

    // A database of the version before the check value: its encrypted values stand in for it.
    h.runtime.db.prepare("DELETE FROM kv WHERE key = 'keys.check'").run();
    await h.close();
    rmSync(keyFile);
    await expect(startHarness({ dir })).rejects.toThrow(/key file .*lindung\.key is missing/);
    writeFileSync(keyFile, serializeRing(newRing()), { mode: 0o600 });
    await expect(startHarness({ dir })).rejects.toThrow(/cannot read the values/);
    writeFileSync(keyFile, original, { mode: 0o600 });
    h = await startHarness({ dir });
    expect((await h.runtime.store.registrations.activeByNik(NIK_MALE))?.data?.phone).toBe('+6281234567890');
    expect(h.runtime.db.prepare("SELECT count(*) AS n FROM kv WHERE key = 'keys.check'").get()).toEqual({ n: 1 });
  });
});
