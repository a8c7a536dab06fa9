// The officer CLI's part of the second factor (second-factor.test.ts has the rest): the CLI opens
// the SQLite file at DATABASE_PATH (src/cli/officer.ts), so these run on SQLite only.
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { createOfficerStore } from '../../src/storage/officers.js';
import { sqliteSql } from '../../src/storage/sqlite.js';
import { hashedPassword, PASSWORD } from '../helpers/console.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

describe('admins must enrol', () => {
  it('a fresh machine: `npm run officer -- add <name> --role admin` still works (no second factor yet: the admin enrols at first login, as above)', async () => {
    const path = `${h.dbPath}.cli.db`;
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/officer.ts', 'add', 'citra', '--role', 'admin'], {
      input: `${PASSWORD}\n`,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_PATH: path, LOG_LEVEL: 'silent' },
      timeout: 30_000,
    });
    expect(cli.status).toBe(0);
    const fresh = openDatabase(path);
    try {
      const row = (await createOfficerStore(sqliteSql(fresh)).byUsername('citra'))!;
      expect(row).toMatchObject({ role: 'admin', secondFactor: false });
    } finally {
      fresh.close();
    }
  }, 60_000);
});

describe('officers may enrol; admins reset', () => {
  it('an admin who lost phone and codes is reset from the server shell (npm run officer -- reset-2fa), audited', async () => {
    const path = `${h.dbPath}.cli.db`;
    const seed = openDatabase(path);
    try {
      const store = createOfficerStore(sqliteSql(seed));
      const o = await store.add({ username: 'dewi', passwordHash: await hashedPassword(), role: 'admin', now: h.clock.now });
      await store.enrolTotp({ officerId: o.id, secret: 'JBSWY3DPEHPK3PXP', step: 1, now: h.clock.now, recoveryCodes: [] });
    } finally {
      seed.close();
    }
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/officer.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: path, LOG_LEVEL: 'silent' }, timeout: 30_000 });
    expect(run(['list']).stdout).toMatch(/^dewi\tadmin\tactive\tcreated [\d-]+\t2fa$/m);
    const res = run(['reset-2fa', 'dewi']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const after = openDatabase(path);
    try {
      expect((await createOfficerStore(sqliteSql(after)).byUsername('dewi'))!.secondFactor).toBe(false);
      const entry = after.prepare("SELECT officer_id, detail FROM audit_log WHERE action = 'reset_second_factor'").get() as { officer_id: number | null; detail: string };
      expect(entry.officer_id).toBeNull();
      expect(JSON.parse(entry.detail)).toMatchObject({ username: 'dewi', by: 'cli' });
    } finally {
      after.close();
    }
  }, 60_000);
});
