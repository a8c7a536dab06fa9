// Builds dist/ from src/: every .ts/.tsx file transpiled one to one by esbuild (types are checked by
// `npm run typecheck` and the tests, not here), every other file under src/ (SQL migrations) copied,
// then a stamp with the fingerprint of the sources it was built from (scripts/start.mjs compares it).
// Run by `npm install`/`npm ci` (prepare), `npm run build`, and `npm start` when src/ changed.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SRC = join(ROOT, 'src');
export const DIST = join(ROOT, 'dist');
export const STAMP = join(DIST, '.build-stamp');
const TS = /\.tsx?$/;
// The inputs besides src/: a change to how it is built is a change too.
const INPUTS = [join(ROOT, 'scripts', 'build.mjs'), join(ROOT, 'tsconfig.build.json'), join(ROOT, 'tsconfig.json')];

/** Every file under a folder, as absolute paths, sorted (the same order on every machine). */
function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/** What the build depends on, cheaply: each source's path, size and modification time (a stat, no read). */
export function sourceFingerprint() {
  const hash = createHash('sha256');
  for (const path of [...walk(SRC), ...INPUTS]) {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${relative(ROOT, path)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Why dist/ cannot be run as it is (no build, or built from other sources), or null when it is current. */
export function staleness() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return 'dist/ has not been built';
  }
  return stamp.fingerprint === sourceFingerprint() ? null : 'src/ changed since the last build';
}

/** Writes a file whole or not at all (a process starting meanwhile never reads half of it). */
function writeAtomic(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/** Builds dist/ in place: changed files replaced one by one, files whose source is gone removed. */
export async function build() {
  // Taken before reading the sources: an edit during the build leaves the stamp stale, so the next start rebuilds.
  const fingerprint = sourceFingerprint();
  const { build: esbuild } = await import('esbuild');
  const files = walk(SRC);
  const result = await esbuild({
    entryPoints: files.filter((f) => TS.test(f) && !f.endsWith('.d.ts')),
    outbase: SRC,
    outdir: DIST,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(ROOT, 'tsconfig.build.json'),
    write: false,
    logLevel: 'silent',
  });
  const wanted = new Set([STAMP]);
  for (const file of result.outputFiles) {
    wanted.add(file.path);
    writeAtomic(file.path, file.contents);
  }
  for (const file of files.filter((f) => !TS.test(f))) {
    const to = join(DIST, relative(SRC, file));
    wanted.add(to);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(file, `${to}.${process.pid}.tmp`);
    renameSync(`${to}.${process.pid}.tmp`, to);
  }
  let present = [];
  try {
    present = walk(DIST);
  } catch {
    // no dist/ yet
  }
  // A fresh .tmp is another build's, running at the same time; an old one was left by a build that died.
  const abandoned = (file) => {
    try {
      return Date.now() - statSync(file).mtimeMs > 60_000;
    } catch {
      return false; // renamed meanwhile by its build
    }
  };
  for (const file of present) if (!wanted.has(file) && (!file.endsWith('.tmp') || abandoned(file))) rmSync(file, { force: true });
  writeAtomic(STAMP, `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() })}\n`);
  return { files: result.outputFiles.length };
}

// `node scripts/build.mjs`: build, saying how long it took (on stderr, as the app's logs).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = performance.now();
  try {
    const { files } = await build();
    process.stderr.write(`built dist/ from src/: ${files} modules in ${Math.round(performance.now() - t0)} ms\n`);
  } catch (err) {
    process.stderr.write(`build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
