import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The build and its stale-build guard, on a small copy of the project layout in a temp folder
// (scripts/, tsconfig, a src/ of its own, node_modules linked): the repository's src/ is not touched.
const REPO = process.cwd();
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-build-'));
  mkdirSync(join(dir, 'scripts'));
  for (const f of ['scripts/build.mjs', 'scripts/start.mjs', 'tsconfig.json', 'tsconfig.build.json']) copyFileSync(join(REPO, f), join(dir, f));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  mkdirSync(join(dir, 'src', 'storage', 'migrations'), { recursive: true });
  writeFileSync(join(dir, 'src', 'storage', 'migrations', '001_init.sql'), 'CREATE TABLE t (x INTEGER);\n');
  writeFileSync(join(dir, 'src', 'extra.ts'), 'export const extra: number = 1;\n');
  writeMain('one');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A main that reads a file beside it by path (as the migrations are) and says which version it is. */
function writeMain(version: string): void {
  const path = join(dir, 'src', 'main.ts');
  writeFileSync(
    path,
    `import { readFileSync } from 'node:fs';\nconst sql: string = readFileSync(new URL('./storage/migrations/001_init.sql', import.meta.url), 'utf8');\nconsole.log('${version}', sql.trim());\n`,
  );
  // Another second: an edit is seen however coarse the file system's clock.
  const later = new Date(Date.now() + 2000 * (version.length + 1));
  utimesSync(path, later, later);
}

const start = () => spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });

describe('npm start runs the build, and builds again when src/ changed', () => {
  it('builds at the first start, runs dist/, copies files read by path, and rebuilds after an edit only', () => {
    const first = start();
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('dist/ has not been built: building dist/ first');
    expect(first.stdout).toBe('one CREATE TABLE t (x INTEGER);\n');
    expect(existsSync(join(dir, 'dist', 'main.js'))).toBe(true);
    expect(readFileSync(join(dir, 'dist', 'storage', 'migrations', '001_init.sql'), 'utf8')).toContain('CREATE TABLE');

    const again = start();
    expect(again.status).toBe(0);
    expect(again.stderr).not.toContain('building');
    expect(again.stdout).toContain('one');

    writeMain('two');
    unlinkSync(join(dir, 'src', 'extra.ts'));
    const edited = start();
    expect(edited.status).toBe(0);
    expect(edited.stderr).toContain('src/ changed since the last build: building dist/ first');
    expect(edited.stdout).toContain('two');
    // A module whose source is gone does not linger in dist/.
    expect(existsSync(join(dir, 'dist', 'extra.js'))).toBe(false);
  });

  it('a source that does not compile stops the start with a message and exit code 1', () => {
    writeFileSync(join(dir, 'src', 'main.ts'), 'const = ;\n');
    const run = start();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('building dist/ failed');
  });
});
