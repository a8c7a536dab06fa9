// A migrated, empty database to copy instead of migrating each test's fresh SQLite file.
//
// Running every migration (each in its own committed transaction) for each new database took about
// a quarter of a conversation test's time (test/conversation/traps.test.ts starts 245 runtimes). The
// vitest globalSetup (test/helpers/db-template-setup.ts) migrates one file per run with the app's own
// openDatabase and hands its path to the workers; a test's database starts as a copy of it, and
// openDatabase then finds nothing to migrate. The template holds no key check and no rows, so a copy
// is what a first start sees. The migrations themselves are still run (here, once per run, and by
// the storage tests that open fresh files on purpose).
//
// Outside vitest (bench/faq.ts) or when the migrations changed after the run started (watch mode),
// the process makes its own template once.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template database and the digest of the migrations it was made with. */
    lindungTemplateDb: { path: string; digest: string } | undefined;
  }
}

const MIGRATIONS = fileURLToPath(new URL('../../src/storage/migrations/', import.meta.url));

/** A digest of the migration files (names and contents): a template is only used for the same ones. */
export function migrationsDigest(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()) hash.update(file).update('\0').update(readFileSync(join(MIGRATIONS, file))).update('\0');
  return hash.digest('hex');
}

/** Makes a migrated, empty database in a new temp folder; returns its path and folder. */
export function makeTemplate(): { path: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lindung-template-'));
  const path = join(dir, 'template.db');
  // close() checkpoints the WAL into the file and removes it: the one file is the whole database.
  openDatabase(path).close();
  return { path, dir };
}

let checked: string | undefined;

function templatePath(): string {
  if (checked && existsSync(checked)) return checked;
  let provided: { path: string; digest: string } | undefined;
  try {
    provided = inject('lindungTemplateDb');
  } catch {
    provided = undefined; // not under vitest
  }
  if (provided && existsSync(provided.path) && provided.digest === migrationsDigest()) {
    checked = provided.path;
  } else {
    const own = makeTemplate();
    process.once('exit', () => rmSync(own.dir, { recursive: true, force: true }));
    checked = own.path;
  }
  return checked;
}

/**
 * Puts a migrated, empty database at `path` unless a file is already there (a reopened or upgraded
 * database is left alone). openDatabase(path) then opens it as it would a new one.
 */
export function freshDatabaseFile(path: string): void {
  if (!existsSync(path)) copyFileSync(templatePath(), path);
}
