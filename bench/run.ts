// Benchmark: BENCH_PEOPLE simulated people each complete a full registration through app.handleNow
// on a fresh SQLite file, next to a raw better-sqlite3 transaction baseline measured in the same run.
// Then BENCH_TG_CHATS Telegram chats talk at once to the real Telegram channel through a local fake
// Bot API (bench/telegram.ts). Last, the officer console serves its queue pages and exports over
// BENCH_CONSOLE_ROWS seeded registrations (bench/console.ts). Then the real bot as a child process:
// killed and restarted while BENCH_CRASH_PEOPLE people register (bench/crash.ts; BENCH_CRASH=0 skips
// it), and under Telegram's flood limits, against a plain grammY bot (bench/telegram-limits.ts;
// BENCH_TG_LIMITS=0 skips it). Then `npm start`'s time to ready (bench/start.ts; BENCH_START=0 skips it).
// Last, the bot on PostgreSQL, one and two processes behind Telegram webhooks, one of them killed now
// and then (bench/postgres.ts; BENCH_PG=0 skips it; without PostgreSQL it says why and is left out).
// Progress goes to stderr; the LAST stdout line is one JSON object (see bench/README.md).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { createRuntime } from '../src/runtime.js';
import { applyPragmas } from '../src/storage/db.js';
import { SCRIPT_LEN, scriptFor as scriptForPerson, seeded } from './people.js';
import { runTelegramBench } from './telegram.js';
import { runConsoleBench } from './console.js';
import { runFaqBench } from './faq.js';
import { runCrashBench } from './crash.js';
import { runTelegramLimitsBench } from './telegram-limits.js';
import { runStartBench } from './start.js';
import { postgresBenchEnv, runPostgresBench } from './postgres.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10000);
const WAVE = Number(process.env.BENCH_WAVE ?? 100); // people active at once, one message each in turn
if (!Number.isInteger(PEOPLE) || PEOPLE < 1 || !Number.isInteger(WAVE) || WAVE < 1) {
  throw new Error('BENCH_PEOPLE and BENCH_WAVE must be positive integers');
}
const TG_CHATS = Number(process.env.BENCH_TG_CHATS ?? 200); // Telegram chats talking at once (0: skip)
const TG_MESSAGES = Number(process.env.BENCH_TG_MESSAGES ?? 8); // first messages of the script: 'halo' .. sex
if (!Number.isInteger(TG_CHATS) || TG_CHATS < 0 || !Number.isInteger(TG_MESSAGES) || TG_MESSAGES < 1 || TG_MESSAGES > SCRIPT_LEN) {
  throw new Error(`BENCH_TG_CHATS must be an integer >= 0 and BENCH_TG_MESSAGES one from 1 to ${SCRIPT_LEN}`);
}
const CONSOLE_ROWS = Number(process.env.BENCH_CONSOLE_ROWS ?? 100_000); // seeded registrations for the console run (0: skip)
if (!Number.isInteger(CONSOLE_ROWS) || CONSOLE_ROWS < 0) throw new Error('BENCH_CONSOLE_ROWS must be an integer >= 0');
const intEnv = (name: string, d: number, min: number, max = Number.MAX_SAFE_INTEGER): number => {
  const v = Number(process.env[name] ?? d);
  if (!Number.isInteger(v) || v < min || v > max) throw new Error(`${name} must be an integer from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`);
  return v;
};
// The crash run (bench/crash.ts): the real bot killed and restarted while people register.
const CRASH = process.env.BENCH_CRASH !== '0';
const CRASH_PEOPLE = intEnv('BENCH_CRASH_PEOPLE', 60, 1);
const CRASH_KILLS = intEnv('BENCH_CRASH_KILLS', 6, 0);
const CRASH_AIM = process.env.BENCH_CRASH_AIM === 'any' ? 'any' : 'busy';
// The Telegram-limits runs (bench/telegram-limits.ts); 0 people skips one of its three runs.
const TG_LIMITS = process.env.BENCH_TG_LIMITS !== '0';
const TG_LIMIT_PEOPLE = intEnv('BENCH_TG_LIMIT_PEOPLE', 400, 0);
const TG_LIMIT_MESSAGES = intEnv('BENCH_TG_LIMIT_MESSAGES', 3, 1, SCRIPT_LEN);
const TG_HUMAN_PEOPLE = intEnv('BENCH_TG_HUMAN_PEOPLE', 20, 0);
const TG_HUMAN_MESSAGES = intEnv('BENCH_TG_HUMAN_MESSAGES', SCRIPT_LEN, 1, SCRIPT_LEN);
const TG_HUMAN_READ_MS = intEnv('BENCH_TG_HUMAN_READ_MS', 1500, 0);
const TG_PLAIN_PEOPLE = intEnv('BENCH_TG_PLAIN_PEOPLE', 100, 0);
const TG_PLAIN_MESSAGES = intEnv('BENCH_TG_PLAIN_MESSAGES', 5, 1, SCRIPT_LEN);
const TG_CAL_QUIET_MS = intEnv('BENCH_TG_CAL_QUIET_MS', 1500, 100);
// The start-time run (bench/start.ts): spawn to the "ready" log line, built and with tsx.
const STARTUP = process.env.BENCH_START !== '0';
const STARTUP_RUNS = intEnv('BENCH_START_RUNS', 5, 1);
const TX_ITERATIONS = 50_000;
const TX_KEYS = 10_000;
const START = Date.UTC(2026, 10, 22, 1, 0, 0); // fixed "now" (as in the tests) so ages and rates are repeatable
const STEP_MS = 100; // simulated time between two messages: far below the 24 h idle limit

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
// The PostgreSQL run (bench/postgres.ts, which reads its own settings): processes sharing one database, webhooks, kills.
const PG = process.env.BENCH_PG !== '0' ? postgresBenchEnv(log) : undefined;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const rss = () => mb(process.memoryUsage().rss);
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

const DOB_RANGE = { from: Date.UTC(1962, 0, 1), to: Date.UTC(2000, 11, 31) }; // aged 24..64 at START: inside the 15..65 limits, no officer detour
const usedNiks = new Set<string>();
const scriptFor = (i: number) => scriptForPerson(i, usedNiks, DOB_RANGE);

/** Raw SQLite baseline: one upsert of a ~1 KB JSON doc + one log insert per transaction. */
function sqliteBaselineOnce(dir: string, round: number): number {
  const db = new Database(join(dir, `raw-${round}.db`));
  applyPragmas(db);
  db.exec(`CREATE TABLE kv (id INTEGER PRIMARY KEY, doc TEXT NOT NULL, updated_at INTEGER NOT NULL) STRICT;
           CREATE TABLE log (id INTEGER PRIMARY KEY, k INTEGER NOT NULL, at INTEGER NOT NULL) STRICT;`);
  const upsert = db.prepare(
    'INSERT INTO kv (id, doc, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, updated_at = excluded.updated_at',
  );
  const append = db.prepare('INSERT INTO log (k, at) VALUES (?, ?)');
  const tx = db.transaction((k: number, doc: string, at: number) => {
    upsert.run(k, doc, at);
    append.run(k, at);
  });
  const padding = 'x'.repeat(960);
  const t0 = process.hrtime.bigint();
  for (let n = 0; n < TX_ITERATIONS; n++) {
    const k = (n * 7919) % TX_KEYS;
    // Serialising the doc inside the loop, as the app serialises its session each message.
    tx(k, JSON.stringify({ k, n, step: 'summary', pad: padding }), START + n);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  return TX_ITERATIONS / seconds;
}

/** The baseline varies from run to run (disk, page cache): the median of three rounds is steadier. */
function sqliteBaseline(dir: string): { txPerSecond: number; rounds: number[] } {
  const rounds = [0, 1, 2].map((r) => sqliteBaselineOnce(dir, r));
  return { txPerSecond: rounds.slice().sort((a, b) => a - b)[1]!, rounds: rounds.map(Math.round) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lindung-bench-'));
  try {
    log(`sqlite baseline: ${TX_ITERATIONS} transactions over ${TX_KEYS} keys`);
    const baseline = sqliteBaseline(dir);
    log(`sqlite baseline: ${Math.round(baseline.txPerSecond)} tx/s (median of ${baseline.rounds.join(', ')})`);

    let now = START;
    const runtime = await createRuntime(
      loadConfig({ DATABASE_PATH: join(dir, 'app.db'), LOG_LEVEL: 'silent' }),
      { logger: pino({ level: 'silent' }), clock: () => (now += STEP_MS), random: seeded(42) },
    );
    const { app, db } = runtime;

    const messages = PEOPLE * SCRIPT_LEN;
    const latencyMs = new Float64Array(messages); // preallocated: does not grow the heap during the run
    const refPattern = /LD-[2-9A-HJKMNP-Z]{5}/;
    let m = 0;
    let refs = 0;
    let rssMbAtHalf = 0;
    log(`app: ${PEOPLE} people x ${SCRIPT_LEN} messages, ${WAVE} at a time`);

    const t0 = process.hrtime.bigint();
    for (let first = 0; first < PEOPLE; first += WAVE) {
      const wave: { id: string; script: string[] }[] = [];
      for (let i = first; i < Math.min(first + WAVE, PEOPLE); i++) wave.push({ id: `p${i}`, script: scriptFor(i) });
      // Round-robin inside the wave: people's messages interleave as in real traffic.
      for (let k = 0; k < SCRIPT_LEN; k++) {
        for (const p of wave) {
          const s = process.hrtime.bigint();
          const r = await app.handleNow({ channel: 'bench', externalId: p.id, messageId: `${p.id}-${k}`, text: p.script[k]! });
          latencyMs[m++] = Number(process.hrtime.bigint() - s) / 1e6;
          if (k === SCRIPT_LEN - 1 && r.replies.some((x) => refPattern.test(x.text))) refs++;
        }
      }
      const done = first + wave.length;
      if (rssMbAtHalf === 0 && done >= PEOPLE / 2) rssMbAtHalf = rss();
      if (done % 1000 < WAVE || done === PEOPLE) log(`${done}/${PEOPLE} people, rss ${rss()} MB`);
    }
    const loopSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const rssMb = rss();

    // A benchmark that silently did nothing is worthless: every person must hold a submitted registration.
    const submitted = (db.prepare("SELECT count(*) AS n FROM registrations WHERE status = 'submitted'").get() as { n: number }).n;
    await runtime.close();
    if (submitted !== PEOPLE || refs !== PEOPLE) {
      log(`FAILED: ${submitted} submitted registrations and ${refs} reference codes for ${PEOPLE} people`);
      process.exitCode = 1;
      return;
    }

    const sorted = latencyMs.slice().sort();
    const pct = (q: number) => sorted[Math.min(messages - 1, Math.ceil(q * messages) - 1)]!;
    const messagesPerSecond = messages / loopSeconds;

    // Free-text matching, measured before the heavier runs leave garbage for the collector.
    log('faq: matching the labelled questions');
    const faq = await runFaqBench();
    log(`faq: p99 ${faq.faqP99Ms} ms over ${faq.faqQuestions} questions`);

    // The real Telegram channel against a local fake Bot API, on its own fresh database.
    let telegram: Record<string, number> = {};
    if (TG_CHATS > 0) {
      try {
        const tg = await runTelegramBench({ chats: TG_CHATS, messages: TG_MESSAGES, log });
        telegram = {
          telegramChats: tg.chats,
          telegramUpdates: tg.updates,
          telegramUpdatesPerSecond: round(tg.updatesPerSecond, 1),
          telegramP50Ms: round(tg.p50Ms, 1),
          telegramP99Ms: round(tg.p99Ms, 1),
          telegramApiCallsPerSecond: round(tg.apiCallsPerSecond, 1),
        };
      } catch (err) {
        log(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
        process.exitCode = 1;
        return;
      }
    }

    // The officer console over many seeded registrations, on its own fresh database.
    let consoleFields: Record<string, number> = {};
    if (CONSOLE_ROWS > 0) {
      try {
        const t0 = process.hrtime.bigint();
        const c = await runConsoleBench({ rows: CONSOLE_ROWS, log });
        log(`console: done in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
        consoleFields = {
          consoleRows: c.rows,
          consoleQueueP50Ms: c.queueP50Ms,
          consoleQueueP99Ms: c.queueP99Ms,
          consoleQueueDeepP99Ms: c.deepP99Ms,
          consoleFilterP99Ms: c.filterP99Ms,
          consoleSearchP99Ms: c.searchP99Ms,
          consoleExportRows: c.exportRows,
          consoleExportCsvMs: c.exportCsvMs,
          consoleExportXlsxMs: c.exportXlsxMs,
          consoleExportRssMb: c.exportRssMb,
          consoleExportRssMbBefore: c.rssMbBeforeExport,
        };
      } catch (err) {
        log(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
        process.exitCode = 1;
        return;
      }
    }

    // The real bot as a child process, killed and restarted while people register.
    let crash: Record<string, number> = {};
    if (CRASH) {
      try {
        const t0 = Date.now();
        crash = { ...(await runCrashBench({ people: CRASH_PEOPLE, kills: CRASH_KILLS, aim: CRASH_AIM, log, calibrationQuietMs: TG_CAL_QUIET_MS })) };
        log(`crash: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      } catch (err) {
        log(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
        process.exitCode = 1;
        return;
      }
    }

    // The real bot as a child process under Telegram's flood limits, and against a plain grammY bot.
    let limits: Record<string, number> = {};
    if (TG_LIMITS) {
      try {
        const t0 = Date.now();
        limits = await runTelegramLimitsBench({
          people: TG_LIMIT_PEOPLE,
          messages: TG_LIMIT_MESSAGES,
          humanPeople: TG_HUMAN_PEOPLE,
          humanMessages: TG_HUMAN_MESSAGES,
          humanReadMs: TG_HUMAN_READ_MS,
          plainPeople: TG_PLAIN_PEOPLE,
          plainMessages: TG_PLAIN_MESSAGES,
          calibrationQuietMs: TG_CAL_QUIET_MS,
          log,
        });
        log(`tg-limits: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      } catch (err) {
        log(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
        process.exitCode = 1;
        return;
      }
    }

    // How long `npm start` takes to be ready (the real process, spawned; built and with tsx).
    let startup: Record<string, number> = {};
    if (STARTUP) {
      try {
        startup = { ...(await runStartBench({ runs: STARTUP_RUNS, log })) };
      } catch (err) {
        log(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
        process.exitCode = 1;
        return;
      }
    }

    // The bot on PostgreSQL: one process, two, two with kills; the same traffic on SQLite to compare.
    let postgres: Record<string, number> = {};
    if (PG) {
      try {
        postgres = await runPostgresBench(PG);
      } catch (err) {
        log(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
        process.exitCode = 1;
        return;
      }
    }

    const result = {
      people: PEOPLE,
      messages,
      messagesPerSecond: Math.round(messagesPerSecond),
      p50Ms: round(pct(0.5), 2),
      p99Ms: round(pct(0.99), 2),
      rssMb,
      rssMbAtHalf,
      sqliteTxPerSecond: Math.round(baseline.txPerSecond),
      ratio: round(messagesPerSecond / baseline.txPerSecond, 3),
      ...telegram,
      ...consoleFields,
      ...faq,
      ...crash,
      ...limits,
      ...startup,
      ...postgres,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
