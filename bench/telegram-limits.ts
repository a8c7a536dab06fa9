// Telegram-limits benchmark: the real bot as a child process (as bench/crash.ts starts it) against
// the fake Bot API with Telegram's flood limits on (per chat about 1 message/s with a burst of 3,
// 30 counted calls/s over the bot, some latency). Three runs, each on a fresh bot, fake and SQLite file:
//   (a) BENCH_TG_LIMIT_PEOPLE people at once, each walking the first BENCH_TG_LIMIT_MESSAGES
//       messages of the registration, answering at once;
//   (b) BENCH_TG_HUMAN_PEOPLE people at human pace (BENCH_TG_HUMAN_READ_MS reading time per answer);
//   (c) limits off: the bot's updates/s against a plain sequential grammY bot (bench/plain-bot.ts)
//       that sends the same number of messages per update.
// Definitions: bench/README.md ("Telegram limits run").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeTelegram, type FakeLimits, type FakeStats, type FakeTelegram } from '../test/helpers/fake-telegram.js';
import { SCRIPT_LEN } from './people.js';
import {
  calibrate,
  Crowd,
  logTail,
  makePerson,
  percentile,
  shape,
  spawnBot,
  stopBot,
  waitReady,
  type BotProcess,
  type CrowdResult,
  type Person,
} from './tg-crowd.js';

export interface TelegramLimitsOptions {
  /** (a) people at once, and how many messages of the registration script each sends (0 people: skip). */
  people: number;
  messages: number;
  /** (b) people at human pace, their messages, and the reading time before each next message (0 people: skip). */
  humanPeople: number;
  humanMessages: number;
  humanReadMs: number;
  /** (c) people for the bot-against-plain-bot comparison, and their messages (0 people: skip). */
  plainPeople: number;
  plainMessages: number;
  log: (msg: string) => void;
  /** Response latency of the fake in runs (a) and (b), uniform in [min, max] ms (default 20..60). */
  latencyMs?: [number, number];
  calibrationQuietMs?: number;
}

export type TelegramLimitsResult = Record<string, number>;

/** Telegram's limits as the fake models them for (a) and (b). */
const TELEGRAM_LIMITS: FakeLimits = { perChat: { perSecond: 1, burst: 3 }, global: { perSecond: 30, burst: 30 } };
const CAL_BASE = 791_000_000;

interface PhaseResult {
  r: CrowdResult;
  /** Counted calls, their 429s, and messages the fake delivered, during the crowd's run. */
  counted: number;
  counted429: number;
  delivered: number;
  /** Calls by method during the crowd's run. */
  byMethod: Record<string, number>;
}

interface PhaseOptions {
  label: string;
  log: (m: string) => void;
  limits: FakeLimits | undefined;
  people: (usedNiks: Set<string>) => Person[];
  /** 'bot': the real bot (src/main.ts); else the plain bot with this many messages per update. */
  bot: 'bot' | { plainMessagesPerUpdate: number };
  /** Extra settings for the real bot (run c turns its own limits off). */
  botEnv?: Record<string, string>;
  buttons: boolean;
  readMs: number;
  lostMs: number;
  stallMs: number;
  timeoutMs: number;
  calibrationQuietMs: number;
}

async function phase(o: PhaseOptions): Promise<PhaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'lindung-bench-tglimits-'));
  let fake: FakeTelegram | undefined;
  let proc: BotProcess | undefined;
  try {
    fake = await startFakeTelegram({ maxLongPollMs: 1000 });
    const f = fake;
    const from = f.calls.length;
    const logFile = join(dir, 'bot.log');
    proc =
      o.bot === 'bot'
        ? spawnBot({ fake: f, dbPath: join(dir, 'bot.db'), logFile, env: o.botEnv })
        : spawnBot({
            fake: f,
            dbPath: join(dir, 'unused.db'),
            logFile,
            entry: 'bench/plain-bot.ts',
            env: { PLAIN_BOT_TOKEN: f.token, PLAIN_BOT_API_ROOT: f.apiRoot, PLAIN_BOT_MESSAGES_PER_UPDATE: String(o.bot.plainMessagesPerUpdate) },
          });
    await waitReady(f, proc, from);
    const usedNiks = new Set<string>();
    const people = o.people(usedNiks);
    let complete: (p: Person, k: number, text: string) => boolean = (_p, _k, text) => text.startsWith('end ');
    if (o.bot === 'bot') {
      // Calibrated without limits (once per bench process: bench/crash.ts may have done it already).
      const cals = await calibrate(
        f,
        [
          { person: makePerson(100_000, CAL_BASE, usedNiks), buttons: true },
          { person: makePerson(100_001, CAL_BASE, usedNiks), buttons: false },
        ],
        { quietMs: o.calibrationQuietMs, log: o.log },
      );
      const cal = cals.get(o.buttons)!;
      complete = (p, k, text) => shape(text, p.names) === cal.last[k];
    }
    f.setLimits(o.limits);
    const before: FakeStats = f.stats();
    const sentBefore = f.sent().length;
    const crowd = new Crowd({
      fake: f,
      people,
      complete,
      buttons: o.buttons,
      readMs: o.readMs,
      lostMs: o.lostMs,
      maxResends: 1,
      unexpectedQuietMs: o.lostMs,
      stallMs: o.stallMs,
      deadline: Date.now() + o.timeoutMs,
      log: o.log,
      label: o.label,
    });
    // A bot that exits during the run ends it: a failure.
    let exited = false;
    const watcher = setInterval(() => {
      if (exited || proc!.isAlive()) return;
      exited = true;
      crowd.abort('the bot process exited');
    }, 100);
    const r = await crowd.run();
    await crowd.settle(2000, 15_000);
    clearInterval(watcher);
    if (exited) throw new Error(`${o.label}: the bot process exited during the run\n${logTail(logFile, 15)}`);
    if (r.stalled || r.timedOut) o.log(`${o.label}: the bot's log ends with:\n${logTail(logFile, 10)}`);
    const after = f.stats();
    return {
      r,
      counted: after.counted - before.counted,
      counted429: after.counted429 - before.counted429,
      delivered: f.sent().length - sentBefore,
      byMethod: Object.fromEntries(
        Object.entries(after.byMethod)
          .map(([m, n]) => [m, n - (before.byMethod[m] ?? 0)] as const)
          .filter(([m, n]) => n > 0 && m !== 'getUpdates'),
      ),
    };
  } finally {
    if (proc) await stopBot(proc, 'SIGTERM', 10_000);
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

function describe(label: string, p: PhaseResult): string {
  const r = p.r;
  return (
    `${label}: ${r.inputs} updates (${r.pressed} button presses) in ${r.seconds.toFixed(1)} s, ${r.finished}/${r.people} people through; ` +
    `first reply p50 ${percentile(r.firstReplyMs, 0.5)} ms, p99 ${percentile(r.firstReplyMs, 0.99)} ms; ` +
    `${p.counted} counted calls (${round(p.counted / Math.max(1, r.inputs), 2)} per update), ${p.counted429} answered 429; ` +
    `${r.lost} lost, ${r.duplicates} duplicates, ${r.unexpected} unexpected answers${r.stalled ? ', STALLED' : ''}${r.timedOut ? ', TIMED OUT' : ''}; ` +
    `calls: ${Object.entries(p.byMethod).map(([m, n]) => `${m} ${n}`).join(', ')}`
  );
}

export async function runTelegramLimitsBench(o: TelegramLimitsOptions): Promise<TelegramLimitsResult> {
  for (const [name, v, max] of [
    ['BENCH_TG_LIMIT_MESSAGES', o.messages, SCRIPT_LEN],
    ['BENCH_TG_HUMAN_MESSAGES', o.humanMessages, SCRIPT_LEN],
    ['BENCH_TG_PLAIN_MESSAGES', o.plainMessages, SCRIPT_LEN],
  ] as const) {
    if (!Number.isInteger(v) || v < 1 || v > max) throw new Error(`${name} must be an integer from 1 to ${max}`);
  }
  for (const [name, v] of [['BENCH_TG_LIMIT_PEOPLE', o.people], ['BENCH_TG_HUMAN_PEOPLE', o.humanPeople], ['BENCH_TG_PLAIN_PEOPLE', o.plainPeople]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be an integer >= 0`);
  }
  const latencyMs = o.latencyMs ?? [20, 60];
  const calibrationQuietMs = o.calibrationQuietMs ?? 1500;
  const limits: FakeLimits = { ...TELEGRAM_LIMITS, latencyMs };
  const out: TelegramLimitsResult = {};
  const crowdOf = (count: number, base: number, messages: number) => (used: Set<string>) =>
    Array.from({ length: count }, (_, i) => makePerson(i, base, used, messages));

  if (o.people > 0) {
    o.log(`tg-limits (a): ${o.people} people x ${o.messages} messages at once, under Telegram's limits`);
    const p = await phase({
      label: 'tg-limits (a)', log: o.log, limits, people: crowdOf(o.people, 720_000_000, o.messages), bot: 'bot',
      buttons: true, readMs: 0, lostMs: 120_000, stallMs: 120_000, timeoutMs: 900_000, calibrationQuietMs,
    });
    o.log(describe('tg-limits (a)', p));
    Object.assign(out, {
      tgLimitsPeople: o.people,
      tgLimitsUpdates: p.r.inputs,
      tgLimitsLost: p.r.lost,
      tgLimitsP50FirstReplyMs: percentile(p.r.firstReplyMs, 0.5),
      tgLimitsP99FirstReplyMs: percentile(p.r.firstReplyMs, 0.99),
      tgLimits429Pct: round((100 * p.counted429) / Math.max(1, p.counted), 2),
      tgLimitsCallsPerUpdate: round(p.counted / Math.max(1, p.r.inputs), 3),
      tgLimitsSeconds: round(p.r.seconds, 1),
    });
  }

  if (o.humanPeople > 0) {
    o.log(`tg-limits (b): ${o.humanPeople} people x ${o.humanMessages} messages, ${o.humanReadMs} ms reading time, under Telegram's limits`);
    const p = await phase({
      label: 'tg-limits (b)', log: o.log, limits, people: crowdOf(o.humanPeople, 730_000_000, o.humanMessages), bot: 'bot',
      buttons: true, readMs: o.humanReadMs, lostMs: 60_000, stallMs: 60_000, timeoutMs: 600_000, calibrationQuietMs,
    });
    o.log(describe('tg-limits (b)', p));
    Object.assign(out, {
      tgHumanPeople: o.humanPeople,
      tgHumanUpdates: p.r.inputs,
      tgHumanLost: p.r.lost,
      tgHumanCallsPerUpdate: round(p.counted / Math.max(1, p.r.inputs), 3),
      tgHumanP50FirstReplyMs: percentile(p.r.firstReplyMs, 0.5),
      tgHumanP99FirstReplyMs: percentile(p.r.firstReplyMs, 0.99),
      tgHuman429Pct: round((100 * p.counted429) / Math.max(1, p.counted), 2),
    });
  }

  if (o.plainPeople > 0) {
    o.log(`tg-limits (c): ${o.plainPeople} people x ${o.plainMessages} typed messages, limits off: the bot, then a plain grammY bot`);
    const common = {
      log: o.log, limits: undefined, buttons: false, readMs: 0, lostMs: 60_000, stallMs: 60_000, timeoutMs: 600_000, calibrationQuietMs,
    };
    // Limits off on both sides: the fake enforces none, and the bot is told Telegram allows more
    // (its own pacing off), so this measures the pipeline, as the plain bot does.
    const botEnv = { TELEGRAM_GLOBAL_PER_SECOND: '0', TELEGRAM_CHAT_PER_SECOND: '1000', TELEGRAM_CHAT_BURST: '1000' };
    const bot = await phase({ ...common, label: 'tg-limits (c) bot', people: crowdOf(o.plainPeople, 740_000_000, o.plainMessages), bot: 'bot', botEnv });
    o.log(describe('tg-limits (c) bot', bot));
    const perUpdate = Math.max(1, bot.delivered / Math.max(1, bot.r.inputs));
    const plain = await phase({
      ...common, label: 'tg-limits (c) plain', people: crowdOf(o.plainPeople, 750_000_000, o.plainMessages),
      bot: { plainMessagesPerUpdate: perUpdate },
    });
    o.log(describe('tg-limits (c) plain', plain));
    const botRate = bot.r.inputs / Math.max(0.001, bot.r.seconds);
    const plainRate = plain.r.inputs / Math.max(0.001, plain.r.seconds);
    o.log(`tg-limits (c): bot ${botRate.toFixed(1)} updates/s, plain grammY bot ${plainRate.toFixed(1)} updates/s (${perUpdate.toFixed(2)} messages per update)`);
    Object.assign(out, {
      tgBotUpdatesPerSecond: round(botRate, 1),
      tgPlainUpdatesPerSecond: round(plainRate, 1),
      tgPlainRatio: round(botRate / plainRate, 3),
      tgPlainMessagesPerUpdate: round(perUpdate, 3),
    });
  }
  return out;
}

// Alone: `npx tsx bench/telegram-limits.ts` (same env as bench/run.ts); the JSON goes to stdout.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const env = (name: string, d: number) => Number(process.env[name] ?? d);
  const r = await runTelegramLimitsBench({
    people: env('BENCH_TG_LIMIT_PEOPLE', 400),
    messages: env('BENCH_TG_LIMIT_MESSAGES', 3),
    humanPeople: env('BENCH_TG_HUMAN_PEOPLE', 20),
    humanMessages: env('BENCH_TG_HUMAN_MESSAGES', SCRIPT_LEN),
    humanReadMs: env('BENCH_TG_HUMAN_READ_MS', 1500),
    plainPeople: env('BENCH_TG_PLAIN_PEOPLE', 100),
    plainMessages: env('BENCH_TG_PLAIN_MESSAGES', 5),
    calibrationQuietMs: env('BENCH_TG_CAL_QUIET_MS', 1500),
    log: (m) => process.stderr.write(`[bench] ${m}\n`),
  });
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
