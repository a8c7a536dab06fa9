// `npm run officer -- add … --regency --groups --read-only` and `scope`: an officer's scope from the
// server's shell, checked against the settings files the deployment serves (issue 16).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { createOfficerStore } from '../../src/storage/officers.js';
import { sqliteSql } from '../../src/storage/sqlite.js';
import { TWO_REGENCIES } from './regencies-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'lindung-officer-cli-'));
const dbPath = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], settings = TWO_REGENCIES, input = 'a-long-enough-password\n') {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/officer.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: dbPath, PROGRAMME_SETTINGS_PATH: settings, LOG_LEVEL: 'silent' },
    timeout: 30_000,
  });
}

const officer = async (username: string) => {
  const db = openDatabase(dbPath);
  try {
    return await createOfficerStore(sqliteSql(db)).byUsername(username);
  } finally {
    db.close();
  }
};

describe('officer CLI: regency, groups, read-only', () => {
  it('adds officers with a scope checked against the settings files, and changes it (audited)', async () => {
    const pmd = run(['add', 'pmd-banjar', '--regency', '63.03', '--groups', 'perangkat_desa']);
    expect(pmd.stderr).toBe('');
    expect(pmd.stdout).toContain('added officer pmd-banjar (regency=63.03 groups=perangkat_desa)');
    expect(await officer('pmd-banjar')).toMatchObject({ regency: '63.03', groups: ['perangkat_desa'], readOnly: false });
    expect(run(['add', 'provinsi', '--read-only']).status).toBe(0);
    expect(await officer('provinsi')).toMatchObject({ regency: null, groups: null, readOnly: true });

    // Refused, nothing added: a regency not served, a group of another regency, groups without a regency when several are served.
    const unknown = run(['add', 'x1', '--regency', '19.05']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--regency 19.05 is not served');
    expect(unknown.stderr).toContain('63.03 (Kabupaten Banjar)');
    const foreign = run(['add', 'x2', '--regency', '63.03', '--groups', 'kader']);
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toContain('unknown group(s) kader in Kabupaten Banjar');
    expect(run(['add', 'x3', '--groups', 'kader']).stderr).toContain('--groups needs --regency');
    expect((await officer('x1')) ?? (await officer('x2')) ?? (await officer('x3'))).toBeUndefined();
    expect(run(['passwd', 'provinsi', '--read-only']).status).toBe(2);

    // `scope` sets exactly what it is given.
    const moved = run(['scope', 'provinsi', '--regency', '63.10']);
    expect(moved.stdout).toContain('provinsi now works for regency=63.10');
    expect(await officer('provinsi')).toMatchObject({ regency: '63.10', groups: null, readOnly: false });
    const listed = run(['list']).stdout;
    expect(listed).toMatch(/^pmd-banjar\tofficer\tactive\t.*\tregency=63\.03\tgroups=perangkat_desa$/m);
    const db = openDatabase(dbPath);
    try {
      expect(db.prepare("SELECT regency, detail FROM audit_log WHERE action = 'set_officer_scope'").get()).toMatchObject({ regency: '63.10' });
    } finally {
      db.close();
    }
    // One regency served: --groups alone means its groups.
    const one = run(['add', 'rentan', '--groups', 'pekerja_rentan'], 'data/programme.example.json');
    expect(one.status).toBe(0);
    expect(await officer('rentan')).toMatchObject({ regency: 'sukamaju', groups: ['pekerja_rentan'] });
  }, 120_000);
});
