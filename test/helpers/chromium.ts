// Which Chromium the browser tests drive, and the one that comes with `npm install`.
//
// Order: LINDUNG_CHROMIUM (a path: that browser only), then the headless Chromium that the dev
// dependency @sparticuz/chromium ships inside its npm package (Linux x64), then a system Chromium.
// LINDUNG_CHROMIUM=bundled or LINDUNG_CHROMIUM=system keeps to that one kind (CI uses `bundled`, so a
// system Chromium cannot hide a broken bundled one).
//
// The bundled browser is brotli-compressed in the package; it is unpacked once per package version
// into node_modules/.cache/lindung-chromium/<version>-<arch>/ (not the package's own /tmp/chromium,
// which it reuses whatever version put it there). Unpacking goes to a fresh temporary folder that is
// renamed into place when complete, so vitest workers (or two test runs) starting at once never see
// a half-written browser: the first rename wins, the others throw their copy away.
import { execFileSync } from 'node:child_process';
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';

export const BUNDLED_PACKAGE = '@sparticuz/chromium';

/** System browsers tried last, in this order: absolute paths, then names looked up on PATH. */
export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** A browser to try: where it is and what else its process needs. */
export interface ChromiumCandidate {
  /** For messages, e.g. "bundled @sparticuz/chromium 143.0.4 (/…/chromium)". */
  label: string;
  executablePath: string;
  /** Added to the browser's environment (the bundled one's own libraries and fonts). */
  env?: Record<string, string>;
}

/** A candidate, or why there is none of that kind (reported if nothing launches). */
export type CandidateOrReason = { candidate: ChromiumCandidate } | { skipped: string };

/** What LINDUNG_CHROMIUM asks for. */
export type ChromiumChoice = { kind: 'any' } | { kind: 'bundled' } | { kind: 'system' } | { kind: 'path'; path: string };

export function chromiumChoice(value = process.env.LINDUNG_CHROMIUM): ChromiumChoice {
  const v = value?.trim();
  if (!v) return { kind: 'any' };
  if (v === 'bundled' || v === 'system') return { kind: v };
  return { kind: 'path', path: v };
}

interface BundledPackage {
  version: string;
  bin: string;
}

function bundledPackage(): BundledPackage | string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return `${BUNDLED_PACKAGE} ships a Chromium for Linux x64 only (this is ${process.platform} ${process.arch})`;
  }
  let main: string;
  try {
    main = createRequire(import.meta.url).resolve(BUNDLED_PACKAGE); // <pkg>/build/cjs/index.cjs
  } catch {
    return `${BUNDLED_PACKAGE} is not installed (run npm install)`;
  }
  const root = join(dirname(main), '..', '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const bin = join(root, 'bin');
  if (!existsSync(join(bin, 'chromium.br'))) return `${BUNDLED_PACKAGE} ${version} has no bin/chromium.br`;
  return { version, bin };
}

/** Where a package version is unpacked: beside the package, in node_modules/.cache (npm ci starts it afresh). */
function cacheDir(pkg: BundledPackage): string {
  return join(pkg.bin, '..', '..', '..', '.cache', 'lindung-chromium', `${pkg.version}-${process.arch}`);
}

const COMPLETE = '.complete';

/** The environment the bundled browser runs with: its own NSS/NSPR/expat (not on a bare machine) and fonts. */
function bundledEnv(dir: string): Record<string, string> {
  const lib = join(dir, 'lib');
  const inherited = process.env.LD_LIBRARY_PATH;
  return {
    LD_LIBRARY_PATH: inherited ? `${lib}${delimiter}${inherited}` : lib,
    FONTCONFIG_FILE: join(dir, 'fonts.conf'),
  };
}

function fontsConf(dir: string): string {
  // The package's Open Sans first, then whatever fonts the machine has.
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(dir, 'fonts')}</dir>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>
</fontconfig>
`;
}

/** Unpacks a .tar.br of the package into `dest` (the archives hold plain files and folders). */
function untarBrotli(archive: string, dest: string): void {
  mkdirSync(dest, { recursive: true });
  execFileSync('tar', ['-x', '--no-same-owner', '-f', '-', '-C', dest], {
    input: brotliDecompressSync(readFileSync(archive)),
    stdio: ['pipe', 'ignore', 'pipe'],
  });
}

async function unpackInto(pkg: BundledPackage, tmp: string): Promise<void> {
  // The browser itself (~190 MB unpacked), streamed.
  await pipeline(createReadStream(join(pkg.bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(tmp, 'chromium'), { mode: 0o755 }));
  // lib/: libnss3, libnspr4, libexpat and friends, built for Amazon Linux 2023 (glibc 2.34).
  untarBrotli(join(pkg.bin, 'al2023.tar.br'), tmp);
  // fonts/Open_Sans/*.ttf (its fonts.conf names Lambda's folders; ours replaces it below).
  untarBrotli(join(pkg.bin, 'fonts.tar.br'), tmp);
  writeFileSync(join(tmp, 'fonts.conf'), fontsConf(cacheDir(pkg)));
  writeFileSync(join(tmp, COMPLETE), `${BUNDLED_PACKAGE} ${pkg.version}\n`);
}

/**
 * The bundled Chromium, unpacked on first use. Safe to call from several processes at once: each
 * unpacks into its own temporary folder and renames it into place; a rename that finds the folder
 * already there (another process won) deletes its own copy.
 */
export async function bundledChromium(): Promise<ChromiumCandidate | string> {
  const pkg = bundledPackage();
  if (typeof pkg === 'string') return pkg;
  const dir = cacheDir(pkg);
  const candidate = (): ChromiumCandidate => ({
    label: `bundled ${BUNDLED_PACKAGE} ${pkg.version} (${join(dir, 'chromium')})`,
    executablePath: join(dir, 'chromium'),
    env: bundledEnv(dir),
  });
  if (existsSync(join(dir, COMPLETE))) return candidate();

  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  for (const name of readdirSync(parent)) {
    // Left by a process killed while unpacking (an hour is far longer than unpacking takes).
    if (!name.startsWith('.unpacking-')) continue;
    const p = join(parent, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > 3_600_000) rmSync(p, { recursive: true, force: true });
  }
  if (existsSync(dir) && !existsSync(join(dir, COMPLETE))) {
    // Only complete folders are ever renamed in, so this one was damaged from outside: move it aside
    // (atomically, so no other process half-sees it) and unpack again.
    try {
      const aside = `${dir}.damaged-${process.pid}-${Date.now()}`;
      renameSync(dir, aside);
      rmSync(aside, { recursive: true, force: true });
    } catch {
      // another process moved it first
    }
  }
  const tmp = mkdtempSync(join(parent, `.unpacking-${pkg.version}-`));
  chmodSync(tmp, 0o755); // mkdtemp makes it private
  try {
    await unpackInto(pkg, tmp);
    try {
      renameSync(tmp, dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !existsSync(join(dir, COMPLETE))) throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true }); // gone after a successful rename; our copy otherwise
  }
  return candidate();
}

/** bundledChromium(), with a failure turned into its reason. */
export function bundledChromiumOrReason(): Promise<ChromiumCandidate | string> {
  return bundledChromium().catch((e: unknown) => `unpacking ${BUNDLED_PACKAGE} failed: ${e instanceof Error ? e.message : String(e)}`);
}

function isExecutableFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** System browsers that exist: the fixed paths, then the same names on PATH (deduplicated). */
export function systemChromiums(): string[] {
  const found = new Set<string>();
  for (const p of SYSTEM_CHROMIUMS) if (isExecutableFile(p)) found.add(p);
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of SYSTEM_NAMES) {
      const p = join(dir, name);
      if (isExecutableFile(p)) found.add(p);
    }
  }
  return [...found];
}

/**
 * The browsers to try, in order, with the reason for each kind that has none. `bundled` is the
 * already-unpacked bundled browser (from the vitest globalSetup), or undefined to unpack it here.
 */
export async function chromiumCandidates(choice = chromiumChoice(), bundled?: ChromiumCandidate | string): Promise<CandidateOrReason[]> {
  if (choice.kind === 'path') {
    return [
      isExecutableFile(choice.path)
        ? { candidate: { label: `LINDUNG_CHROMIUM=${choice.path}`, executablePath: choice.path } }
        : { skipped: `LINDUNG_CHROMIUM=${choice.path}: no such file` },
    ];
  }
  const out: CandidateOrReason[] = [];
  if (choice.kind !== 'system') {
    const b = bundled ?? (await bundledChromiumOrReason());
    out.push(typeof b === 'string' ? { skipped: `bundled: ${b}` } : { candidate: b });
  }
  if (choice.kind !== 'bundled') {
    const system = systemChromiums();
    if (system.length === 0) out.push({ skipped: `system: none of ${SYSTEM_CHROMIUMS.join(', ')} (nor ${SYSTEM_NAMES.join(', ')} on PATH)` });
    for (const p of system) out.push({ candidate: { label: `system ${p}`, executablePath: p } });
  }
  return out;
}
