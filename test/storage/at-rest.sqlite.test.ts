// Personal values at rest in a SQLite deployment: values an older version kept in clear in its file
// encrypted at the next start (a PostgreSQL store starts at a schema that never held them in clear:
// src/runtime.ts), and key rotations, which re-encrypt the SQLite file (`npm run keys` refuses with
// DATABASE_URL: src/cli/keys.ts). The rest of the values at rest, on both stores: at-rest.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
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
});
