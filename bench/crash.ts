// Crash benchmark: the real bot as a child process (`node --import tsx src/main.ts`, long polling)
// against the fake Bot API with 3% random 429s and some latency; BENCH_CRASH_PEOPLE people walk the
// whole registration (pressing buttons where the bot offers the answer as one) while the bot is
// killed every few seconds, SIGKILL and SIGTERM in turn, and started again at once on the same
// SQLite file. Counts what people lost, what they got twice, and who ended with two registrations.
// Definitions: bench/README.md ("Crash run").
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeTelegram, type FakeTelegram } from '../test/helpers/fake-telegram.js';
import { addressKey } from '../src/storage/addresses.js';
import { FieldCipher, loadKeyRing } from '../src/storage/crypto.js';
import { seeded } from './people.js';
import { calibrate, Crowd, logTail, makePerson, shape, sleep, spawnBot, stopBot, waitReady, type BotProcess, type Person } from './tg-crowd.js';

export interface CrashBenchOptions {
  people: number;
  kills: number;
  log: (msg: string) => void;
  /** Seed of the kill times and of the fake's randomness (default 7). */
  seed?: number;
  /** Gap between the bot being up and the next kill, uniform in [min, max] ms (default 3000..8000). */
  killGapMs?: [number, number];
  /** An input is lost when no reply came this long after it was sent and after the bot was back up (default 20 s). */
  lostMs?: number;
  random429Rate?: number;
  latencyMs?: [number, number];
  /**
   * When a kill lands once its gap is over: 'busy' (default) waits for the fake to hand the bot a
   * batch of updates and kills 0..80 ms later; 'any' kills at the end of the gap, whatever the bot does.
   */
  aim?: 'busy' | 'any';
  /** The whole run ends after this long, done or not (default 300 s). */
  timeoutMs?: number;
  calibrationQuietMs?: number;
}

export interface CrashBenchResult {
  crashPeople: number;
  crashKills: number;
  crashLost: number;
  crashDoubled: number;
  crashUnanswered: number;
  crashDuplicateReplies: number;
  crashInputs: number;
  crashButtonPresses: number;
  crashUnexpected: number;
  crashRefWithoutRow: number;
  crashSeconds: number;
}

const CHAT_BASE = 710_000_000;
const CAL_BASE = 790_000_000;

export async function runCrashBench(opts: CrashBenchOptions): Promise<CrashBenchResult> {
  const { people: count, log } = opts;
  if (!Number.isInteger(count) || count < 1) throw new Error('BENCH_CRASH_PEOPLE must be a positive integer');
  if (!Number.isInteger(opts.kills) || opts.kills < 0) throw new Error('BENCH_CRASH_KILLS must be an integer >= 0');
  const seed = opts.seed ?? 7;
  const [gapMin, gapMax] = opts.killGapMs ?? [3000, 8000];
  const lostMs = opts.lostMs ?? 20_000;
  const latencyMs = opts.latencyMs ?? [5, 40];
  const random = seeded(seed);
  const aim = opts.aim ?? 'busy';
  const dir = mkdtempSync(join(tmpdir(), 'lindung-bench-crash-'));
  const dbPath = join(dir, 'bot.db');
  const logFile = join(dir, 'bot.log');
  let fake: FakeTelegram | undefined;
  let bot: BotProcess | undefined;
  try {
    fake = await startFakeTelegram({ maxLongPollMs: 1000, limits: { latencyMs, seed } });
    const f = fake;
    const start = async (): Promise<number> => {
      const from = f.calls.length;
      bot = spawnBot({ fake: f, dbPath, logFile });
      try {
        return await waitReady(f, bot, from);
      } catch (err) {
        throw new Error(`crash: ${err instanceof Error ? err.message : String(err)}\n${logTail(logFile, 15)}`);
      }
    };
    const t0 = Date.now();
    await start();
    log(`crash: bot up in ${Date.now() - t0} ms (pid ${bot!.child.pid}, log ${logFile})`);

    // What each answer ends with, learned without kills or 429s (both modes: telegram-limits reuses the typed one).
    const usedNiks = new Set<string>();
    const cals = await calibrate(
      f,
      [
        { person: makePerson(count, CAL_BASE, usedNiks), buttons: true },
        { person: makePerson(count + 1, CAL_BASE, usedNiks), buttons: false },
      ],
      { quietMs: opts.calibrationQuietMs ?? 1500, log },
    );
    const cal = cals.get(true)!;

    f.setLimits({ random429Rate: opts.random429Rate ?? 0.03, latencyMs, seed });
    const people: Person[] = Array.from({ length: count }, (_, i) => makePerson(i, CHAT_BASE, usedNiks));
    const deadline = Date.now() + (opts.timeoutMs ?? 300_000);
    const crowd = new Crowd({
      fake: f,
      people,
      complete: (p, k, text) => shape(text, p.names) === cal.last[k],
      buttons: true,
      readMs: 0,
      lostMs,
      maxResends: 3,
      unexpectedQuietMs: 8000,
      stallMs: 90_000,
      deadline,
      log,
      label: 'crash',
    });
    log(
      `crash: ${count} people x ${people[0]!.script.length} messages; ${opts.kills} kills every ${gapMin / 1000}..${gapMax / 1000} s ` +
        `(SIGKILL, SIGTERM in turn${aim === 'busy' ? ', each just after updates were handed to the bot' : ''})`,
    );

    let kills = 0;
    let hung = 0;
    let killing = false;
    let diedAlone: string | undefined;
    // A bot that exits without being killed ends the run: that is a failure, not a crash test.
    const watcher = setInterval(() => {
      if (killing || bot!.isAlive() || diedAlone !== undefined) return;
      diedAlone = `crash: the bot exited without being killed\n${logTail(logFile, 15)}`;
      crowd.abort('the bot exited without being killed');
    }, 100);
    const running = crowd.run();
    let upAt = Date.now();
    const killer = (async () => {
      for (let i = 0; i < opts.kills; i++) {
        const at = upAt + gapMin + random() * (gapMax - gapMin);
        while (Date.now() < at && crowd.active > 0) await sleep(50);
        if (crowd.active === 0) return;
        if (aim === 'busy') {
          // The next moment the bot is handed updates (a getUpdates answer with some), then 0..80 ms:
          // the updates are on the wire or being handled. At most 5 s of waiting for one.
          const from = f.calls.length;
          const until = Date.now() + 5000;
          const delivered = () => f.calls.slice(from).some((c) => c.method === 'getUpdates' && Array.isArray(c.result) && c.result.length > 0);
          while (!delivered() && Date.now() < until && crowd.active > 0) await sleep(2);
          await sleep(random() * 80);
        }
        const signal: NodeJS.Signals = i % 2 === 0 ? 'SIGKILL' : 'SIGTERM';
        killing = true;
        crowd.botDown();
        kills++;
        const t = Date.now();
        if (await stopBot(bot!, signal, 15_000)) {
          hung++;
          log(`crash: the bot did not exit within 15 s of SIGTERM: SIGKILL`);
        }
        const stopped = Date.now();
        upAt = await start();
        killing = false;
        crowd.botUp(upAt);
        log(`crash: kill ${kills} (${signal}): gone after ${stopped - t} ms, up again after ${upAt - stopped} ms; ${crowd.active} people still talking`);
      }
    })().catch((err: unknown) => {
      crowd.abort(err instanceof Error ? err.message : String(err));
      throw err;
    });
    const r = await running;
    await killer;
    await crowd.settle(3000, 20_000);
    killing = true;
    clearInterval(watcher);
    if (diedAlone !== undefined) throw new Error(diedAlone);
    if (r.stalled || r.timedOut) log(`crash: the bot's log ends with:\n${logTail(logFile, 10)}`);

    // The registrations, read from the file once the bot stopped for good.
    if (await stopBot(bot!, 'SIGTERM', 15_000)) hung++;
    let doubled = 0;
    let refWithoutRow = 0;
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    // Chat ids are stored as blind indexes (migration 018): computed with the bot's key file.
    const cipher = new FieldCipher(loadKeyRing({ path: join(dir, 'lindung.key'), create: false }));
    try {
      const rows = db.prepare<[string, string], { n: number }>(
        `SELECT count(*) AS n FROM registrations
          WHERE nik_index = ? OR applicant_id IN (SELECT person_id FROM identities WHERE channel = 'telegram' AND external_key = ?)`,
      );
      for (const p of people) {
        const n = rows.get(cipher.blindIndex('nik', p.nik), addressKey(cipher, 'telegram', String(p.chat.id)))!.n;
        if (n > 1) doubled++;
        if (n === 0 && crowd.gotRef(p)) refWithoutRow++;
      }
    } finally {
      db.close();
    }
    const errors = logTail(logFile, 1_000_000).split('\n').filter((l) => /"level":(50|60)/.test(l)).length;
    const st = f.stats();
    log(
      `crash: Bot API calls over the whole run: ${Object.entries(st.byMethod).map(([m, n]) => `${m} ${n}`).join(', ')}; ` +
        `${st.counted429} of ${st.counted} counted calls answered 429 (${st.random429} at random)`,
    );
    log(
      `crash: ${r.turns} turns in ${r.seconds.toFixed(1)} s, ${r.inputs} inputs (${r.pressed} button presses), ${kills} kills; ` +
        `${r.lost} lost, ${r.duplicates} duplicate replies, ${r.unexpected} unexpected answers, ${r.extra} stray messages, ` +
        `${r.finished}/${count} people through, ${r.gaveUp} gave up, ${r.withoutRef} without a reference code, ${doubled} with two registrations; ` +
        `${errors} error lines in the bot's log${hung > 0 ? `; ${hung} SIGTERMs needed SIGKILL` : ''}`,
    );
    return {
      crashPeople: count,
      crashKills: kills,
      crashLost: r.lost,
      crashDoubled: doubled,
      crashUnanswered: r.withoutRef,
      crashDuplicateReplies: r.duplicates,
      crashInputs: r.inputs,
      crashButtonPresses: r.pressed,
      crashUnexpected: r.unexpected,
      crashRefWithoutRow: refWithoutRow,
      crashSeconds: Math.round(r.seconds * 10) / 10,
    };
  } finally {
    if (bot) await stopBot(bot, 'SIGKILL', 5000);
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Alone: `npx tsx bench/crash.ts` (BENCH_CRASH_PEOPLE, BENCH_CRASH_KILLS); the JSON goes to stdout.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const r = await runCrashBench({
    people: Number(process.env.BENCH_CRASH_PEOPLE ?? 60),
    kills: Number(process.env.BENCH_CRASH_KILLS ?? 6),
    aim: process.env.BENCH_CRASH_AIM === 'any' ? 'any' : 'busy',
    calibrationQuietMs: Number(process.env.BENCH_TG_CAL_QUIET_MS ?? 1500),
    log: (m) => process.stderr.write(`[bench] ${m}\n`),
  });
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
