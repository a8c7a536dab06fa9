// The officer CLI (src/cli/officer.ts): it opens the SQLite file at DATABASE_PATH, so this runs on
// SQLite only (the console's login and sessions, on both databases: auth.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-auth-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('officer CLI', () => {
  function run(args: string[], input: string, dbPath: string) {
    return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/officer.ts', ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_PATH: dbPath, LOG_LEVEL: 'silent' },
      timeout: 30_000,
    });
  }

  it('adds an officer with a scrypt hash from piped stdin, and rejects a short password with exit 2', () => {
    const path = join(dir, 'cli.db');
    const ok = run(['add', 'ana', '--role', 'admin'], 'a-long-enough-password\nignored\n', path);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout + ok.stderr).not.toContain('a-long-enough-password');
    const cli = openDatabase(path);
    try {
      const row = cli.prepare('SELECT username, role, password_hash FROM officers').get() as Record<string, string>;
      expect(row.username).toBe('ana');
      expect(row.role).toBe('admin');
      expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    } finally {
      cli.close();
    }
    const short = run(['add', 'budi'], 'short\n', path);
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/at least 10/);
    expect(run(['add', 'x', '--role', 'boss'], 'a-long-enough-password\n', path).status).toBe(2);
    expect(run(['frobnicate'], '', path).status).toBe(2);
    expect(run(['add', 'ANA'], 'a-long-enough-password\n', path).status).toBe(1);
    expect(run(['disable', 'ana'], '', path).status).toBe(0);
    expect(run(['list'], '', path).stdout).toMatch(/^ana\tadmin\tdisabled /);
  }, 60_000);
});
