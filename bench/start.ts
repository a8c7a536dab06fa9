// Start-time benchmark: how long `npm start` takes to be ready on a fresh SQLite file, timed from
// spawning the process to its "ready" log line (console listening, channels started), for the
// built entry `npm start` runs (node scripts/start.mjs → dist/main.js) and, to compare, for the
// sources compiled at run time (node --import tsx src/main.ts, what `npm start` was before).
// BENCH_START_RUNS runs each (default 5) after one warm-up run that is not counted (it builds dist/
// when src/ changed). Definitions: bench/README.md ("Start time").
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const READY = /"msg":"ready"/;

export interface StartBenchResult {
  startRuns: number;
  /** Median ms from spawn to the ready line, built entry (what `npm start` runs). */
  startReadyMs: number;
  startReadyMsMin: number;
  startReadyMsMax: number;
  /** The same with the TypeScript sources compiled at run time by tsx, from its cache of compiled files. */
  startReadyMsTsx: number;
  /** ... and without that cache (a first start after an install, an edit or a reboot). */
  startReadyMsTsxCold: number;
}

/** Spawns one start, resolves with ms until its ready line, then stops it (SIGTERM) and waits for its exit. */
async function timeOneStart(args: string[], extraEnv: NodeJS.ProcessEnv): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'lindung-start-'));
  try {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_PATH: join(dir, 'lindung.db'), CONSOLE_PORT: '0', LOG_LEVEL: 'info', ...extraEnv };
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let seen = '';
    const ms = await new Promise<number>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        seen += String(chunk);
        if (READY.test(seen)) resolve(Number(process.hrtime.bigint() - t0) / 1e6);
      });
      void exited.then((code) => reject(new Error(`the start ended (exit code ${code}) before it was ready:\n${seen.slice(-2000)}`)));
    });
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`SIGTERM ended the start with exit code ${code}, not 0`);
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timeStarts(args: string[], runs: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<number[]> {
  await timeOneStart(args, extraEnv); // warm-up: the OS file cache, and a build when src/ changed
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOneStart(args, extraEnv));
  return times.sort((a, b) => a - b);
}

export async function runStartBench(opts: { runs: number; log: (msg: string) => void }): Promise<StartBenchResult> {
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('BENCH_START_RUNS must be a positive integer');
  const median = (xs: number[]) => Math.round(xs[Math.floor(xs.length / 2)]!);
  const built = await timeStarts(['scripts/start.mjs'], opts.runs);
  const tsx = await timeStarts(['--import', 'tsx', 'src/main.ts'], opts.runs);
  const tsxCold = await timeStarts(['--import', 'tsx', 'src/main.ts'], opts.runs, { TSX_DISABLE_CACHE: '1' });
  const result: StartBenchResult = {
    startRuns: opts.runs,
    startReadyMs: median(built),
    startReadyMsMin: Math.round(built[0]!),
    startReadyMsMax: Math.round(built.at(-1)!),
    startReadyMsTsx: median(tsx),
    startReadyMsTsxCold: median(tsxCold),
  };
  opts.log(
    `start: ready in ${result.startReadyMs} ms (median of ${opts.runs}, ${result.startReadyMsMin}..${result.startReadyMsMax}) built (node scripts/start.mjs); ` +
      `with tsx compiling src/ at run time ${result.startReadyMsTsx} ms (its cache warm), ${result.startReadyMsTsxCold} ms (no cache)`,
  );
  return result;
}

// `npx tsx bench/start.ts`: this part alone, its JSON on stdout.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runStartBench({ runs: Number(process.env.BENCH_START_RUNS ?? 5), log: (msg) => process.stderr.write(`[bench] ${msg}\n`) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
