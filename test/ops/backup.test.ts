import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { backupDatabase, listBackups, pruneBackups, runScheduledBackup, scheduledName, startBackupSchedule } from '../../src/ops/backup.js';
import { latestSchema } from '../../src/storage/maintenance.js';
import { RestoreRefused, restoreDatabase } from '../../src/ops/restore.js';
import { newRing, writeKeyFile } from '../../src/storage/crypto.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { seedRegistrations } from '../helpers/seed.js';

const dirs: string[] = [];
const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await cleanup(h);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'lindung-ops-'));
  dirs.push(d);
  return d;
}

/** A bot's database with registrations sealed by its own keys, and the config that points at it. */
async function botWithData(n = 40) {
  const h = await startHarness();
  harnesses.push(h);
  await seedRegistrations(h, n, { cipher: h.runtime.store.cipher });
  const config = loadConfig({ DATABASE_PATH: h.dbPath, LOG_LEVEL: 'silent' });
  return { h, config };
}

const count = (path: string, table: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('npm run backup', () => {
  it('copies a consistent, verified database while another process commits in a loop', async () => {
    const { h } = await botWithData(200);
    // Every commit adds a row and moves a counter with it: a consistent copy has exactly as many rows as the counter says.
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(process.argv[1], { timeout: 30000 });
         const put = db.prepare("INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
         let i = 0, stop = false;
         const tx = db.transaction(() => { i++; put.run('w.' + i, 'x'.repeat(500), i); put.run('w.count', String(i), i); });
         process.stdin.on('end', () => { stop = true; }); process.stdin.resume();
         (function loop() {
           for (let k = 0; k < 20; k++) tx.immediate();
           if (i === 200) process.stdout.write('writing\\n');
           if (stop) { db.close(); process.stdout.write('done ' + i + '\\n'); } else setImmediate(loop);
         })();`,
        h.dbPath,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let out = '';
    writer.stdout!.on('data', (b: Buffer) => (out += String(b)));
    while (!out.includes('writing')) await new Promise((r) => setTimeout(r, 10));

    const dir = tempDir();
    const copies: number[] = [];
    for (let k = 0; k < 3; k++) {
      const file = join(dir, `copy${k}.db`);
      const r = await backupDatabase(h.dbPath, file);
      expect(r.facts.integrity).toBe('ok');
      expect(r.facts.schema).toBe(latestSchema());
      expect(r.facts.counts.registrations).toBe(200);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // One file, nothing beside it (rollback journal mode, no -wal), no temporary left.
      const db = new Database(file, { readonly: true });
      const counter = Number((db.prepare("SELECT value FROM kv WHERE key = 'w.count'").get() as { value: string }).value);
      const rows = (db.prepare("SELECT count(*) AS n FROM kv WHERE key LIKE 'w.%' AND key <> 'w.count'").get() as { n: number }).n;
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect((db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
      db.close();
      expect(rows).toBe(counter);
      copies.push(counter);
    }
    writer.stdin!.end();
    await once(writer, 'exit');
    expect(writer.exitCode).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['copy0.db', 'copy1.db', 'copy2.db']);
    // The writer went on meanwhile: each copy is a later moment.
    const finalCount = Number(out.match(/done (\d+)/)![1]);
    expect(copies[0]).toBeGreaterThanOrEqual(200);
    expect(finalCount).toBeGreaterThanOrEqual(copies[2]!);
  }, 60_000);

  it('never overwrites a file, and leaves nothing behind when the database is missing', async () => {
    const { h } = await botWithData(1);
    const dir = tempDir();
    writeFileSync(join(dir, 'taken.db'), 'old');
    await expect(backupDatabase(h.dbPath, join(dir, 'taken.db'))).rejects.toThrow(/already exists/);
    await expect(backupDatabase(join(dir, 'nothing.db'), join(dir, 'b.db'))).rejects.toThrow(/no database/);
    expect(readdirSync(dir)).toEqual(['taken.db']);
  });

  it('the command writes a verified copy and names the key file it leaves out', async () => {
    const { h } = await botWithData(5);
    const file = join(tempDir(), 'b.db');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', file], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_PATH: h.dbPath, LOG_LEVEL: 'silent' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('integrity ok');
    expect(run.stdout).toContain('registrations 5');
    expect(run.stdout).toMatch(/key file is not in it/);
    expect(count(file, 'registrations')).toBe(5);
  });
});

describe('npm run restore', () => {
  it('puts a backup back: the data returns, the replaced database is kept aside, the bot reads it', async () => {
    const { h, config } = await botWithData(30);
    const backup = join(tempDir(), 'b.db');
    await backupDatabase(h.dbPath, backup);
    const before = h.runtime.db.prepare('SELECT reference, data FROM registrations ORDER BY id').all() as { reference: string; data: string | null }[];
    // A mistake after the backup: registrations gone.
    h.runtime.db.exec('DELETE FROM registrations');
    await h.close();

    const r = await restoreDatabase(config, backup, Date.UTC(2026, 10, 22, 1, 2, 3));
    expect(r.facts.counts.registrations).toBe(30);
    expect(r.keptAside).toBe(`${h.dbPath}.before-restore-20261122T010203Z`);
    expect(count(r.keptAside!, 'registrations')).toBe(0);
    expect(statSync(h.dbPath).mode & 0o777).toBe(0o600);
    expect(existsSync(`${h.dbPath}-wal`)).toBe(false);

    // The bot starts on it with its key file, and opens the sealed forms.
    const again = await startHarness({ dir: join(h.dbPath, '..') });
    harnesses.push(again);
    const after = again.runtime.db.prepare('SELECT reference, data FROM registrations ORDER BY id').all() as typeof before;
    expect(after.map((a) => a.reference)).toEqual(before.map((b) => b.reference));
    const sealed = after.find((a) => a.data !== null)!;
    expect(sealed.data).toMatch(/^enc1:/);
    expect(JSON.parse(again.runtime.store.cipher.decrypt(sealed.data!)).nik).toMatch(/^6301\d{12}$/);
  });

  it('is refused while the bot has the database open, and the bot goes on unharmed', async () => {
    const { h, config } = await botWithData(3);
    const backup = join(tempDir(), 'b.db');
    await backupDatabase(h.dbPath, backup);
    await expect(restoreDatabase(config, backup)).rejects.toThrow(/in use .*stop the bot/);
    // Another process holding it (a bot in its own process) counts too.
    await h.close();
    const holder = spawn(
      process.execPath,
      ['-e', `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.pragma('journal_mode = WAL'); db.prepare('SELECT count(*) FROM kv').get(); process.stdout.write('open\\n'); process.stdin.resume(); process.stdin.on('end', () => db.close());`, h.dbPath],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await once(holder.stdout!, 'data');
    await expect(restoreDatabase(config, backup)).rejects.toBeInstanceOf(RestoreRefused);
    holder.stdin!.end();
    await once(holder, 'exit');
    expect(readdirSync(join(h.dbPath, '..')).filter((f) => f.includes('before-restore') || f.endsWith('.tmp'))).toEqual([]);
    const again = await startHarness({ dir: join(h.dbPath, '..') });
    harnesses.push(again);
    expect(again.runtime.db.prepare('SELECT count(*) AS n FROM registrations').get()).toEqual({ n: 3 });
    again.runtime.db.prepare("INSERT INTO kv (key, value, updated_at) VALUES ('x', 'y', 1)").run();
  });

  it('is refused with keys that cannot read it, saying which key file to put back', async () => {
    const { h } = await botWithData(3);
    const backup = join(tempDir(), 'b.db');
    await backupDatabase(h.dbPath, backup);
    h.runtime.db.exec('DELETE FROM registrations');
    await h.close();
    const other = join(tempDir(), 'other.key');
    writeKeyFile(other, newRing());
    const foreign = loadConfig({ DATABASE_PATH: h.dbPath, LINDUNG_KEY_FILE: other });
    const err = (await restoreDatabase(foreign, backup).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(RestoreRefused);
    expect(err.message).toContain(`does not belong to the database ${backup}`);
    expect(err.message).toContain(`key file at ${other}`);
    const missing = loadConfig({ DATABASE_PATH: h.dbPath, LINDUNG_KEY_FILE: join(tempDir(), 'none.key') });
    await expect(restoreDatabase(missing, backup)).rejects.toThrow(/key file .*none\.key is missing/);
    expect(existsSync(missing.LINDUNG_KEY_FILE!)).toBe(false);
    // Nothing changed: the database is the one from before.
    expect(count(h.dbPath, 'registrations')).toBe(0);
    expect(readdirSync(join(h.dbPath, '..')).filter((f) => f.includes('before-restore') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('is refused for a file that is not a Lindung database, or is from a newer version', async () => {
    const { h, config } = await botWithData(2);
    await h.close();
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'hello, this is not SQLite at all '.repeat(200));
    await expect(restoreDatabase(config, join(dir, 'notes.txt'))).rejects.toThrow(/not a readable SQLite database/);
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    other.close();
    await expect(restoreDatabase(config, join(dir, 'other.db'))).rejects.toThrow(/not a Lindung database/);
    const newer = join(dir, 'newer.db');
    await backupDatabase(h.dbPath, newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${latestSchema() + 1}`);
    db.close();
    await expect(restoreDatabase(config, newer)).rejects.toThrow(/newer Lindung \(schema \d+; this version knows up to \d+\)/);
    await expect(restoreDatabase(config, join(dir, 'absent.db'))).rejects.toThrow(/no file/);
    expect(count(h.dbPath, 'registrations')).toBe(2);
    expect(readdirSync(join(h.dbPath, '..')).filter((f) => f.includes('before-restore') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the commits a crash left in the -wal in the database it puts aside', async () => {
    const { h, config } = await botWithData(2);
    const backup = join(tempDir(), 'b.db');
    await backupDatabase(h.dbPath, backup);
    await h.close();
    // A bot killed mid-work: its last commit is only in the -wal.
    const crash = spawnSync(process.execPath, [
      '-e',
      `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.pragma('journal_mode = WAL');
       db.prepare("INSERT INTO kv (key, value, updated_at) VALUES ('last', 'commit', 1)").run(); process.kill(process.pid, 'SIGKILL');`,
      h.dbPath,
    ]);
    expect(crash.signal).toBe('SIGKILL');
    expect(statSync(`${h.dbPath}-wal`).size).toBeGreaterThan(0);
    const r = await restoreDatabase(config, backup);
    const aside = new Database(r.keptAside!, { readonly: true });
    expect(aside.prepare("SELECT value FROM kv WHERE key = 'last'").get()).toEqual({ value: 'commit' });
    aside.close();
    expect(count(h.dbPath, 'kv')).toBe(count(backup, 'kv'));
  });

  it('restores onto a machine that has no database yet', async () => {
    const { h } = await botWithData(6);
    const backup = join(tempDir(), 'b.db');
    await backupDatabase(h.dbPath, backup);
    const fresh = join(tempDir(), 'data', 'lindung.db');
    // The key file is put back first, where the config expects it.
    const config = loadConfig({ DATABASE_PATH: fresh, LINDUNG_KEY_FILE: join(h.dbPath, '..', 'lindung.key') });
    const r = await restoreDatabase(config, backup);
    expect(r.keptAside).toBeUndefined();
    expect(count(fresh, 'registrations')).toBe(6);
    expect(statSync(join(fresh, '..')).mode & 0o777).toBe(0o700);
  });

  it('the command says what it did, or why not and that nothing changed', async () => {
    const { h } = await botWithData(4);
    const backup = join(tempDir(), 'b.db');
    await backupDatabase(h.dbPath, backup);
    const env = { ...process.env, DATABASE_PATH: h.dbPath, LOG_LEVEL: 'silent' };
    const refused = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts', backup], { encoding: 'utf8', env });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/restore refused: .*in use[\s\S]*Nothing was changed/);
    await h.close();
    const done = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts', backup], { encoding: 'utf8', env });
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('registrations 4');
    expect(done.stdout).toMatch(/kept as .*before-restore-/);
  });
});

describe('scheduled backups', () => {
  it('keeps the newest BACKUP_KEEP of its own files and touches no other file', () => {
    const dir = tempDir();
    const names = Array.from({ length: 6 }, (_, i) => scheduledName(Date.UTC(2026, 0, 1 + i, 3)));
    for (const n of [...names].reverse()) writeFileSync(join(dir, n), '');
    writeFileSync(join(dir, 'lindung-manual.db'), '');
    const removed = pruneBackups(dir, 2);
    expect(removed.map((f) => f.slice(dir.length + 1))).toEqual(names.slice(0, 4));
    expect(readdirSync(dir).sort()).toEqual(['lindung-manual.db', ...names.slice(4)].sort());
    expect(listBackups(dir)).toEqual(names.slice(4).map((n) => join(dir, n)));
  });

  it('each run writes a timestamped backup into BACKUP_DIR and prunes the oldest', async () => {
    const { h } = await botWithData(3);
    const dir = join(tempDir(), 'backups');
    const config = loadConfig({ DATABASE_PATH: h.dbPath, BACKUP_DIR: dir, BACKUP_KEEP: '2' });
    for (let day = 1; day <= 3; day++) await runScheduledBackup(config, Date.UTC(2026, 10, day, 2));
    expect(readdirSync(dir).sort()).toEqual(['lindung-20261102T020000Z.db', 'lindung-20261103T020000Z.db']);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('runs while the bot runs, is off at BACKUP_INTERVAL_HOURS=0, and stops cleanly', async () => {
    const { h } = await botWithData(3);
    const logger = pino({ level: 'silent' });
    const off = loadConfig({ DATABASE_PATH: h.dbPath, BACKUP_DIR: join(tempDir(), 'off'), BACKUP_INTERVAL_HOURS: '0' });
    await startBackupSchedule(off, logger, { firstDelayMs: 0 })();
    expect(existsSync(off.BACKUP_DIR!)).toBe(false);

    const config = loadConfig({ DATABASE_PATH: h.dbPath, BACKUP_DIR: join(tempDir(), 'on') });
    const stop = startBackupSchedule(config, logger, { firstDelayMs: 0 });
    // Waits for the first backup however slow the machine is.
    for (let i = 0; i < 3000 && listBackups(config.BACKUP_DIR!).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await stop();
    const [first] = listBackups(config.BACKUP_DIR!);
    expect(count(first!, 'registrations')).toBe(3);
    // The next is a day away: a restart now adds none.
    const again = startBackupSchedule(config, logger, { firstDelayMs: 0 });
    await new Promise((r) => setTimeout(r, 50));
    await again();
    expect(listBackups(config.BACKUP_DIR!)).toHaveLength(1);
  });

  it('runs the backup tool in a process of its own when given one (the built bot does), so the bot never waits on the check', async () => {
    const { h } = await botWithData(5);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const config = loadConfig({ DATABASE_PATH: h.dbPath, BACKUP_DIR: join(tempDir(), 'child'), BACKUP_KEEP: '3' });
    // From the TypeScript sources here; the bot built by `npm install` runs dist/cli/backup.js.
    const stop = startBackupSchedule(config, logger, { firstDelayMs: 0, command: [process.execPath, '--import', 'tsx', 'src/cli/backup.ts'] });
    for (let i = 0; i < 6000 && !lines.some((l) => l.includes('backup written and verified') || l.includes('scheduled backup failed')); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await stop();
    const logged = lines.find((l) => l.includes('backup written and verified'));
    expect(logged, lines.join('')).toContain('(in its own process)');
    const [file] = listBackups(config.BACKUP_DIR!);
    expect(count(file!, 'registrations')).toBe(5);
  });
});
