// `npm run cadre -- invite` in a deployment of several regencies (issue 16): the invite belongs to
// the regency whose desa it names; a desa found in two regencies needs --regency, and says so.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'lindung-cadre-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'cli.db');

function cadre(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/cadre.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: db, LOG_LEVEL: 'silent', PROGRAMME_SETTINGS_PATH: 'data/regencies/banjar.json,data/regencies/tanah-bumbu.json' },
    timeout: 60_000,
  });
}

const regencyOf = (code: string) => {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare('SELECT regency FROM cadre_invites WHERE code = ?').get(code) as { regency: string } | undefined)?.regency;
  } finally {
    conn.close();
  }
};

describe('cadre invites across regencies', () => {
  it('a desa of one regency only: the invite is that regency\'s', () => {
    const run = cadre('invite', '--desa', 'Batulicin', '--role', 'kader');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Kabupaten Tanah Bumbu');
    expect(regencyOf(/code:\s+(KDR-\w+)/.exec(run.stdout)![1]!)).toBe('63.10');
  });

  it('a desa named in both regencies is refused with what to add; with --regency it is made there', () => {
    const refused = cadre('invite', '--desa', 'Pandan Sari', '--role', 'kader');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--regency');
    expect(refused.stderr).toContain('63.03');
    const made = cadre('invite', '--desa', 'Pandan Sari', '--role', 'kader', '--regency', '63.03');
    expect(made.status).toBe(0);
    expect(regencyOf(/code:\s+(KDR-\w+)/.exec(made.stdout)![1]!)).toBe('63.03');
  });

  it('an unknown regency is named with the ones served', () => {
    const run = cadre('invite', '--desa', 'Batulicin', '--role', 'kader', '--regency', '19.05');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('63.03, 63.10');
  });
});
