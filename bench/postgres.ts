// PostgreSQL benchmark: the real bot as child processes (as bench/crash.ts starts it) receiving
// Telegram by webhook from the fake Bot API, which posts each update to one of the processes at
// random (the load balancer) and posts it again until it is answered 200. BENCH_PG_PEOPLE people
// walk the whole registration, BENCH_PG_WAVE of them at a time. Four runs, each on a fresh database:
// one process on SQLite (the comparison), one on PostgreSQL, two on one PostgreSQL, and two with one
// of them killed (SIGKILL) BENCH_PG_KILLS times and started again under the same INSTANCE_ID. After
// each run: nothing lost, doubled, unanswered or out of order (bench/pg-checks.ts), or exit 1.
// Definitions: bench/README.md ("PostgreSQL run").
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startFakeTelegram, type FakeTelegram } from '../test/helpers/fake-telegram.js';
import { Skip, startCluster } from '../test/helpers/pg-setup.js';
import { checkRun, type RunChecks, type RunStore } from './pg-checks.js';
import { SCRIPT_LEN, seeded } from './people.js';
import { calibrate, Crowd, logTail, makePerson, percentile, shape, sleep, spawnBot, stopBot, type BotProcess, type CrowdResult } from './tg-crowd.js';

export interface PostgresBenchOptions {
  people: number;
  /** People talking at once; one who is through makes room for the next. */
  wave: number;
  kills: number;
  log: (msg: string) => void;
  /** Telegram's limits on: the fake's buckets and the bot's own pacing (default off: the run measures the processes and the database). */
  telegramLimits?: boolean;
  calibrationQuietMs?: number;
  /** Seed of the kill times, the victims and the load balancer's choices (default 11). */
  seed?: number;
}

/** About 4.5 minutes for all four runs on a quiet 2-core machine (the runs are bound by its CPU). */
const DEFAULT_PEOPLE = 1000;
const CHAT_BASE = 730_000_000;
const CAL_BASE = 792_000_000;
/** What the processes tell Telegram (a load balancer's address); the fake posts to a process's own port instead. */
const PUBLIC_URL = 'https://bot.example/telegram/hook';
/** An input with no reply for this long is unanswered (the person gives up): a dead process's work is another's within 30 s. */
const UNANSWERED_MS = 60_000;
const KILL_GAP_MS: [number, number] = [3000, 8000];

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A PostgreSQL server to create the runs' databases on, or why there is none. */
async function findServer(): Promise<{ adminUrl: string; stop(): void; where: string } | string> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
    } catch (err) {
      return `BENCH_DATABASE_URL: cannot connect: ${(err as Error).message}`;
    } finally {
      await client.end().catch(() => undefined);
    }
    return { adminUrl: url, stop: () => undefined, where: 'BENCH_DATABASE_URL' };
  }
  try {
    // Durable like a real server (fsync, synchronous commits): the SQLite run commits durably too.
    return { ...(await startCluster({ durable: true })), where: 'a throwaway cluster (fsync on)' };
  } catch (err) {
    if (err instanceof Skip) return `${err.message} (and BENCH_DATABASE_URL is not set)`;
    throw err;
  }
}

interface Run {
  label: string;
  processes: number;
  /** PostgreSQL URL of a fresh database, or undefined for SQLite. */
  url?: string;
  kills: number;
}

interface RunResult {
  r: CrowdResult;
  checks: RunChecks;
  kills: number;
  redeliveries: number;
  errorLines: number;
}

/** Learned once per bench process (bench/crash.ts may have done it already): the prompt each answer ends with. */
let expected: string[] | undefined;

async function oneRun(run: Run, o: PostgresBenchOptions, random: { kills: () => number; route: () => number }): Promise<RunResult> {
  const { log } = o;
  const dir = mkdtempSync(join(tmpdir(), 'lindung-bench-pg-'));
  const store: RunStore = { url: run.url, file: join(dir, 'bot.db'), keyFile: join(dir, 'lindung.key') };
  const secret = randomBytes(16).toString('hex');
  const ports = await Promise.all(Array.from({ length: run.processes }, () => freePort()));
  const procs: (BotProcess | undefined)[] = [];
  let fake: FakeTelegram | undefined;
  try {
    // The load balancer: each attempt goes to one of the processes at random, dead or alive (Telegram posts again).
    fake = await startFakeTelegram({
      webhook: { route: (url) => `http://127.0.0.1:${ports[Math.floor(random.route() * ports.length)]}${new URL(url).pathname}`, retryMs: 500 },
      ...(o.telegramLimits ? { limits: { perChat: { perSecond: 1, burst: 3 }, global: { perSecond: 30, burst: 30 }, latencyMs: [20, 60] } } : {}),
    });
    const f = fake;
    const env = (i: number): Record<string, string> => ({
      DATABASE_URL: run.url ?? '',
      LINDUNG_KEY_FILE: store.keyFile,
      INSTANCE_ID: `bench-${'ab'[i]}`,
      TELEGRAM_WEBHOOK_URL: PUBLIC_URL,
      TELEGRAM_WEBHOOK_SECRET: secret,
      TELEGRAM_WEBHOOK_PORT: String(ports[i]),
      TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
      // The bot's own pacing (30 messages/s, 1 per chat) would be all these runs measure.
      ...(o.telegramLimits ? {} : { TELEGRAM_GLOBAL_PER_SECOND: '0', TELEGRAM_CHAT_PER_SECOND: '1000', TELEGRAM_CHAT_BURST: '1000' }),
    });
    const logFile = (i: number) => join(dir, `bot-${'ab'[i]}.log`);
    /** Starts process i; it is up once it set the webhook (its receiver listens by then). Returns when. */
    const start = async (i: number): Promise<number> => {
      const from = f.calls.length;
      const bot = spawnBot({ fake: f, dbPath: store.file!, logFile: logFile(i), env: env(i) });
      procs[i] = bot;
      const deadline = Date.now() + 60_000;
      for (let c = from; ; ) {
        for (; c < f.calls.length; c++) if (f.calls[c]!.method === 'setWebhook') return f.calls[c]!.at;
        if (!bot.isAlive() || Date.now() > deadline) throw new Error(`${run.label}: process ${'ab'[i]} did not start\n${logTail(logFile(i), 15)}`);
        await sleep(10);
      }
    };
    // One after the other: the first creates the key file and migrates the database.
    for (let i = 0; i < run.processes; i++) await start(i);

    // The calibration's person first: the people's NIKs are others (one NIK registers once).
    const usedNiks = new Set<string>();
    const calPerson = makePerson(o.people, CAL_BASE, usedNiks);
    if (!expected) {
      const cal = await calibrate(f, [{ person: calPerson, buttons: true }], { quietMs: o.calibrationQuietMs ?? 1500, log });
      expected = cal.get(true)!.last;
    }
    const prompts = expected;
    const people = Array.from({ length: o.people }, (_, i) => makePerson(i, CHAT_BASE, usedNiks));
    const crowd = new Crowd({
      fake: f,
      people,
      complete: (p, k, text) => shape(text, p.names) === prompts[k],
      buttons: true,
      readMs: 0,
      lostMs: UNANSWERED_MS,
      maxResends: 0,
      unexpectedQuietMs: 8000,
      stallMs: UNANSWERED_MS,
      deadline: Date.now() + 900_000,
      maxActive: o.wave,
      log,
      label: run.label,
    });
    let killing = -1;
    let diedAlone: string | undefined;
    // A process that exits without being killed ends the run: that is a failure, not a crash test.
    const watcher = setInterval(() => {
      procs.forEach((p, i) => {
        if (i === killing || !p || p.isAlive() || diedAlone !== undefined) return;
        diedAlone = `${run.label}: process ${'ab'[i]} exited without being killed\n${logTail(logFile(i), 15)}`;
        crowd.abort('a process exited without being killed');
      });
    }, 100);
    const running = crowd.run();
    let kills = 0;
    const killer = (async () => {
      let upAt = Date.now();
      for (let n = 0; n < run.kills; n++) {
        const at = upAt + KILL_GAP_MS[0] + random.kills() * (KILL_GAP_MS[1] - KILL_GAP_MS[0]);
        while (Date.now() < at && crowd.active > 0) await sleep(50);
        if (crowd.active === 0) return;
        // In turn, the first process first: it usually holds the send lease, the other only handles.
        const i = n % run.processes;
        killing = i;
        const t = Date.now();
        await stopBot(procs[i]!, 'SIGKILL', 5000);
        kills++;
        upAt = await start(i);
        killing = -1;
        log(`${run.label}: kill ${kills} (SIGKILL, process ${'ab'[i]}): up again after ${upAt - t} ms; ${crowd.active} people still to finish`);
      }
    })().catch((err: unknown) => {
      crowd.abort(err instanceof Error ? err.message : String(err));
      throw err;
    });
    const r = await running;
    await killer;
    await crowd.settle(3000, 20_000);
    clearInterval(watcher);
    if (diedAlone !== undefined) throw new Error(diedAlone);
    if (r.stalled || r.timedOut) for (let i = 0; i < run.processes; i++) log(`${run.label}: process ${'ab'[i]}'s log ends with:\n${logTail(logFile(i), 10)}`);
    // Stopped cleanly (what is left in the outbox goes out), then the database is read.
    for (const p of procs) if (p) await stopBot(p, 'SIGTERM', 15_000);
    const checks = await checkRun(f, people, prompts, store);
    const errorLines = procs.reduce((n, _, i) => n + logTail(logFile(i), 1_000_000).split('\n').filter((l) => /"level":(50|60)/.test(l)).length, 0);
    const redeliveries = f.webhookAttempts.filter((a) => a.status !== 200).length;
    return { r, checks, kills, redeliveries, errorLines };
  } finally {
    for (const p of procs) if (p) await stopBot(p, 'SIGKILL', 5000);
    await fake?.close();
    // The processes' logs, for a closer look (BENCH_PG_KEEP_LOGS=1).
    if (process.env.BENCH_PG_KEEP_LOGS === '1') log(`${run.label}: logs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const perSecond = (r: CrowdResult) => Math.round((r.turns / Math.max(0.001, r.seconds)) * 10) / 10;

function describe(label: string, x: RunResult): string {
  const { r, checks: c } = x;
  return (
    `${label}: ${r.turns} turns in ${r.seconds.toFixed(1)} s (${perSecond(r)} messages/s), first reply p50 ${percentile(r.firstReplyMs, 0.5)} ms, ` +
    `p99 ${percentile(r.firstReplyMs, 0.99)} ms; ${r.finished}/${r.people} people through; ${x.kills} kills; ` +
    `${c.lost} lost (${c.missingReplies} replies missing), ${c.doubled} doubled, ${r.lost} unanswered inputs, ` +
    `${c.inboxLeft} left in the inbox, ${c.outboxLeft} in the outbox, ${c.outOfOrder} out of order, ` +
    `${c.duplicates} duplicate replies (${c.repeatedTails} the end of a merged one; at most ${c.maxDuplicatesInAChat} in a chat), ${c.strayReplies} other replies, ${r.unexpected} unexpected answers; ` +
    `${x.redeliveries} webhook posts answered other than 200 (posted again); ${x.errorLines} error lines in the logs` +
    (c.straySamples.length > 0 ? `\n  other replies, e.g. ${c.straySamples.join('; ')}` : '')
  );
}

/** The unanswered messages of a run: inputs without a reply (the person gave up), and what the database still holds. */
const unanswered = (x: RunResult) => x.r.lost + x.checks.inboxLeft + x.checks.outboxLeft;

function checkOptions(o: PostgresBenchOptions): PostgresBenchOptions {
  for (const [name, v, min] of [['BENCH_PG_PEOPLE', o.people, 1], ['BENCH_PG_WAVE', o.wave, 1], ['BENCH_PG_KILLS', o.kills, 0]] as const) {
    if (!Number.isInteger(v) || v < min) throw new Error(`${name} must be an integer >= ${min}`);
  }
  return o;
}

export async function runPostgresBench(o: PostgresBenchOptions): Promise<Record<string, number>> {
  const { log } = checkOptions(o);
  const server = await findServer();
  if (typeof server === 'string') {
    log(`PostgreSQL run skipped: ${server}`);
    return {};
  }
  const admin = new pg.Client({ connectionString: server.adminUrl });
  const made: string[] = [];
  const t0 = Date.now();
  try {
    await admin.connect();
    /** A fresh database for one run (dropped at the end). */
    const fresh = async (): Promise<string> => {
      const name = `lindung_bench_${randomBytes(5).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${name}`);
      made.push(name);
      const u = new URL(server.adminUrl);
      u.pathname = `/${name}`;
      return u.toString();
    };
    let firstUrl: string;
    try {
      firstUrl = await fresh();
    } catch (err) {
      log(`PostgreSQL run skipped: ${server.where} cannot create a database: ${(err as Error).message}`);
      return {};
    }
    log(
      `pg: PostgreSQL from ${server.where}; ${o.people} people x ${SCRIPT_LEN} messages over Telegram webhooks, ${o.wave} at a time` +
        `${o.telegramLimits ? ", under Telegram's limits" : ", Telegram's limits off (fake and bot)"}`,
    );
    // Apart: the load balancer's draws depend on timing, the kills' must not.
    const random = { kills: seeded(o.seed ?? 11), route: seeded((o.seed ?? 11) + 1) };
    const results: [string, RunResult][] = [];
    const runs: Run[] = [
      { label: 'pg: sqlite, 1 process', processes: 1, kills: 0 },
      { label: 'pg: 1 process', processes: 1, url: firstUrl, kills: 0 },
      { label: 'pg: 2 processes', processes: 2, url: await fresh(), kills: 0 },
      { label: 'pg: 2 processes, kills', processes: 2, url: await fresh(), kills: o.kills },
    ];
    for (const run of runs) {
      log(`${run.label}: starting`);
      const x = await oneRun(run, o, random);
      log(describe(run.label, x));
      results.push([run.label, x]);
    }
    // Every run must keep everything, the SQLite one too; a failure says which check, how many, and one chat's story.
    const failures = results.flatMap(([label, x]) => {
      const c = x.checks;
      const bad = [
        c.lost > 0 && `${c.lost} people lost replies or their registration`,
        c.doubled > 0 && `${c.doubled} people with two registrations`,
        unanswered(x) > 0 && `${unanswered(x)} unanswered messages`,
        c.outOfOrder > 0 && `${c.outOfOrder} people got their replies out of order`,
      ].filter(Boolean);
      return bad.length > 0 ? [`${label}: ${bad.join(', ')}${c.sample ? `\n  ${c.sample}` : ''}`] : [];
    });
    if (failures.length > 0) throw new Error(`PostgreSQL run FAILED:\n${failures.join('\n')}`);
    const pgRuns = results.slice(1).map(([, x]) => x);
    const sum = (f: (x: RunResult) => number) => pgRuns.reduce((n, x) => n + f(x), 0);
    const [sqlite, one, two, killed] = results.map(([, x]) => x) as [RunResult, RunResult, RunResult, RunResult];
    log(`pg: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return {
      pgPeople: o.people,
      pgMessages: o.people * SCRIPT_LEN,
      pgWave: o.wave,
      pgOneProcessMessagesPerSecond: perSecond(one.r),
      pgTwoProcessesMessagesPerSecond: perSecond(two.r),
      pgKillsMessagesPerSecond: perSecond(killed.r),
      sqliteWebhookMessagesPerSecond: perSecond(sqlite.r),
      pgOneProcessP99ReplyMs: percentile(one.r.firstReplyMs, 0.99),
      pgTwoProcessesP99ReplyMs: percentile(two.r.firstReplyMs, 0.99),
      sqliteWebhookP99ReplyMs: percentile(sqlite.r.firstReplyMs, 0.99),
      pgKills: killed.kills,
      pgLost: sum((x) => x.checks.lost),
      pgDoubled: sum((x) => x.checks.doubled),
      pgUnanswered: sum(unanswered),
      pgOutOfOrder: sum((x) => x.checks.outOfOrder),
      pgDuplicateReplies: sum((x) => x.checks.duplicates),
      pgRepeatedTails: sum((x) => x.checks.repeatedTails),
      pgStrayReplies: sum((x) => x.checks.strayReplies),
      pgWebhookRedeliveries: sum((x) => x.redeliveries),
      pgSeconds: Math.round((Date.now() - t0) / 100) / 10,
    };
  } finally {
    for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    server.stop();
  }
}

/** The settings from the environment, the same for bench/run.ts and this script alone (defaults: bench/README.md). */
export function postgresBenchEnv(log: (msg: string) => void): PostgresBenchOptions {
  return checkOptions({
    people: Number(process.env.BENCH_PG_PEOPLE ?? DEFAULT_PEOPLE),
    wave: Number(process.env.BENCH_PG_WAVE ?? 100),
    kills: Number(process.env.BENCH_PG_KILLS ?? 4),
    telegramLimits: process.env.BENCH_PG_TG_LIMITS === '1',
    calibrationQuietMs: Number(process.env.BENCH_TG_CAL_QUIET_MS ?? 1500),
    log,
  });
}

// Alone: `npx tsx bench/postgres.ts` (same env); the JSON goes to stdout.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
  try {
    const r = await runPostgresBench(postgresBenchEnv(log));
    process.stdout.write(`${JSON.stringify(r)}\n`);
  } catch (err) {
    log(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
