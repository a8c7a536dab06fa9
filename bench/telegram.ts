// Telegram benchmark: the real Telegram channel (grammY runner long polling, the outbox sender,
// the API throttler) polls a local fake Bot API while many private chats talk at once. Each chat
// sends its next message only once it got the whole answer to the previous one, like a person.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createTelegramChannel, type TelegramChannel } from '../src/channels/telegram/channel.js';
import { loadConfig } from '../src/config.js';
import { createTranslator } from '../src/i18n.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { addressKey } from '../src/storage/addresses.js';
import { privateChat, startFakeTelegram, type FakeCall, type FakeChat, type FakeTelegram, type SentMessage } from '../test/helpers/fake-telegram.js';
import { letters, SCRIPT_LEN, scriptFor } from './people.js';

export interface TelegramBenchOptions {
  chats: number;
  /** Messages per chat: the first `messages` of the registration script (1..19). */
  messages: number;
  log: (msg: string) => void;
  /** The run fails when no turn completes for this long. */
  stallMs?: number;
}

export interface TelegramBenchResult {
  chats: number;
  updates: number;
  updatesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Throttled Bot API calls (sendMessage, editMessageReplyMarkup) per second over the run. */
  apiCallsPerSecond: number;
  seconds: number;
  /** CPU time of this process (bot + fake API + driver) as a share of one core, over the run. */
  cpuPct: number;
}

/** Real clock here: birth dates that stay inside the 15..65 age limits for years to come. */
const DOB_RANGE = { from: Date.UTC(1970, 0, 1), to: Date.UTC(1999, 11, 31) };
const CHAT_BASE = 700_000_000;
/** Throttled by apiThrottler (they carry a chat_id): they share Telegram's global 30 calls/s. */
const CHAT_METHODS = new Set(['sendMessage', 'editMessageReplyMarkup']);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What must match between two people's replies: the first line, without their own data or digits. */
function shape(text: string, script: string[]): string {
  let t = text.replace(/LD-[0-9A-Z]{5}/g, 'LD-?');
  for (const mine of [script[3], script[16]]) {
    // Whole words only: a name like "Warga k" must not eat "warga Kabupaten" in the greeting.
    if (mine !== undefined) t = t.replace(new RegExp(`\\b${escapeRe(mine)}\\b`, 'gi'), '<name>');
  }
  return (t.split('\n')[0] ?? '').replace(/\d/g, '#');
}

/** One chat's script, sent by the bench in turns. */
interface Talker {
  chat: FakeChat;
  script: string[];
  turn: number;
  /** sendMessage calls to this chat seen so far. */
  got: number;
  sentAt: number;
}

/**
 * Runs the calibration chat alone: for each turn, how many messages the bot sends and what the last
 * one says. A turn is complete once its first reply arrived and the chat's outbox is empty (all the
 * replies of one message are queued in the same transaction, and a row leaves the outbox only after
 * the fake API recorded its sendMessage), then a short quiet time confirms nothing else comes.
 */
async function calibrate(fake: FakeTelegram, runtime: Runtime, t: Talker): Promise<{ counts: number[]; last: string[] }> {
  const queued = runtime.db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM outbox WHERE channel = 'telegram' AND recipient_key = ?");
  const chatKey = addressKey(runtime.store.cipher, 'telegram', String(t.chat.id));
  const counts: number[] = [];
  const last: string[] = [];
  let before = 0;
  for (const text of t.script) {
    fake.sendText(t.chat, text);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const n = fake.sent(t.chat.id).length;
      if (n > before && queued.get(chatKey)!.n === 0) {
        await sleep(100);
        if (fake.sent(t.chat.id).length === n && queued.get(chatKey)!.n === 0) break;
      }
      if (Date.now() > deadline) throw new Error(`calibration: no complete answer to ${JSON.stringify(text)}`);
      await sleep(5);
    }
    const sent = fake.sent(t.chat.id);
    counts.push(sent.length - before);
    last.push(shape(sent.at(-1)!.text, t.script));
    before = sent.length;
  }
  return { counts, last };
}

export async function runTelegramBench(opts: TelegramBenchOptions): Promise<TelegramBenchResult> {
  const { chats, messages, log } = opts;
  if (!Number.isInteger(chats) || chats < 1) throw new Error('BENCH_TG_CHATS must be a positive integer');
  if (!Number.isInteger(messages) || messages < 1 || messages > SCRIPT_LEN) {
    throw new Error(`BENCH_TG_MESSAGES must be an integer from 1 to ${SCRIPT_LEN}`);
  }
  const stallMs = opts.stallMs ?? 30_000;
  const dir = mkdtempSync(join(tmpdir(), 'lindung-bench-tg-'));
  let runtime: Runtime | undefined;
  let fake: FakeTelegram | undefined;
  let channel: TelegramChannel | undefined;
  let scanner: NodeJS.Timeout | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  try {
    // A fresh runtime on its own file, real clock: the throttler, retries and polling run on real time.
    runtime = await createRuntime(loadConfig({ DATABASE_PATH: join(dir, 'telegram.db'), LOG_LEVEL: 'silent' }), {
      logger: pino({ level: 'silent' }),
    });
    fake = await startFakeTelegram({ maxLongPollMs: 1000 });
    channel = createTelegramChannel({
      token: fake.token,
      apiRoot: fake.apiRoot,
      app: runtime.app,
      translate: createTranslator(),
      logger: pino({ level: 'silent' }),
      // Not Telegram's limits (about 1 message/s per chat, 30/s overall): measure the pipeline.
      perChat: { perSecond: 1000, burst: 1000 },
      globalPerSecond: 0,
    });
    runtime.app.attach(channel);
    await channel.init();
    await channel.startPolling();
    const f = fake;

    const usedNiks = new Set<string>();
    const talker = (i: number): Talker => ({
      chat: privateChat(CHAT_BASE + i, `Warga ${letters(i)}`),
      script: scriptFor(i, usedNiks, DOB_RANGE).slice(0, messages),
      turn: 0,
      got: 0,
      sentAt: 0,
    });

    // Calibration (and JIT warm-up): one extra chat alone, not measured.
    const cal = await calibrate(f, runtime, talker(chats));
    const cumulative: number[] = [];
    cal.counts.reduce((sum, n, k) => (cumulative[k] = sum + n), 0);
    const perChat = cumulative.at(-1)!;
    log(`telegram: a conversation of ${messages} messages gets ${perChat} bot messages (per turn: ${cal.counts.join(', ')})`);

    const talkers = Array.from({ length: chats }, (_, i) => talker(i));
    const byId = new Map(talkers.map((t) => [t.chat.id, t]));
    const updates = chats * messages;
    const latencyMs = new Float64Array(updates);
    let done = 0; // turns completed
    let finished = 0; // chats completed
    let wrong = 0;
    const problems: string[] = [];
    let lastAt = 0;
    let errors = 0;
    let chatCalls = 0;
    const firstError: FakeCall[] = [];

    const send = (t: Talker): void => {
      t.sentAt = Date.now();
      f.sendText(t.chat, t.script[t.turn]!);
    };

    let allDone: () => void = () => {};
    const finishedAll = new Promise<void>((resolve) => (allDone = resolve));

    // Reads the fake's call log incrementally. The fake records a call and answers it in the same
    // synchronous step, so any sendMessage seen here already has its result (or error).
    let scanned = f.calls.length;
    const scan = (): void => {
      const calls = f.calls;
      for (; scanned < calls.length; scanned++) {
        const c = calls[scanned]!;
        if (c.error && c.method !== 'getUpdates') {
          errors++;
          if (firstError.length < 3) firstError.push(c);
        }
        if (!CHAT_METHODS.has(c.method)) continue;
        chatCalls++;
        if (c.method !== 'sendMessage' || c.error) continue;
        const t = byId.get(Number(c.params.chat_id));
        if (!t) continue;
        t.got++;
        if (t.turn >= messages || t.got !== cumulative[t.turn]) continue;
        // The last reply of this turn: the person has the whole answer and types the next message.
        latencyMs[done++] = c.at - t.sentAt;
        lastAt = Math.max(lastAt, c.at);
        const text = (c.result as SentMessage | undefined)?.text ?? '';
        if (shape(text, t.script) !== cal.last[t.turn]) {
          wrong++;
          if (problems.length < 3) problems.push(`chat ${t.chat.id} turn ${t.turn + 1}: ${JSON.stringify(text.slice(0, 100))}`);
        }
        t.turn++;
        if (t.turn < messages) send(t);
        else if (++finished === chats) allDone();
      }
    };

    log(`telegram: ${chats} chats x ${messages} messages, all at once, through the fake Bot API`);
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    scanner = setInterval(scan, 1);
    for (const t of talkers) send(t);

    let progress = -1;
    let progressAt = Date.now();
    const stalled = new Promise<never>((_, reject) => {
      watchdog = setInterval(() => {
        if (done !== progress) {
          if (progress >= 0 && Math.floor(done / 500) !== Math.floor(progress / 500)) {
            log(`telegram: ${done}/${updates} updates answered, ${finished}/${chats} chats done`);
          }
          progress = done;
          progressAt = Date.now();
        } else if (Date.now() - progressAt > stallMs) {
          const waiting = talkers.filter((t) => t.turn < messages).slice(0, 3);
          reject(
            new Error(
              `telegram: no progress for ${stallMs / 1000} s at ${done}/${updates} updates; waiting e.g. ` +
                waiting.map((t) => `chat ${t.chat.id} turn ${t.turn + 1} (${t.got}/${cumulative[t.turn]} messages)`).join(', '),
            ),
          );
        }
      }, 250);
    });
    await Promise.race([finishedAll, stalled]);
    clearInterval(watchdog);
    const seconds = (lastAt - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const callsInRun = chatCalls;

    // Nothing more may come: let the outbox drain, wait a little, and count every chat's messages.
    const outboxDeadline = Date.now() + 10_000;
    while ((await runtime.app.outbox.pendingCount()) > 0 && Date.now() < outboxDeadline) await sleep(20);
    await sleep(300);
    scan();
    clearInterval(scanner);
    const extra = talkers.filter((t) => t.got !== perChat);
    const failures: string[] = [];
    if (wrong > 0) failures.push(`${wrong} turns ended on an unexpected reply, e.g. ${problems.join('; ')}`);
    if (extra.length > 0) {
      failures.push(`${extra.length} chats did not get exactly ${perChat} messages, e.g. chat ${extra[0]!.chat.id} got ${extra[0]!.got}`);
    }
    const left = await runtime.app.outbox.pendingCount();
    if (left > 0) failures.push(`${left} messages left in the outbox`);
    if (errors > 0) {
      failures.push(`${errors} Bot API calls failed, e.g. ${firstError.map((c) => `${c.method}: ${c.error?.description}`).join('; ')}`);
    }
    if (failures.length > 0) throw new Error(`telegram: ${failures.join(' | ')}`);

    const sorted = latencyMs.slice().sort();
    const pct = (q: number) => sorted[Math.min(updates - 1, Math.ceil(q * updates) - 1)]!;
    const cpuPct = ((cpu.user + cpu.system) / 1e6 / seconds) * 100;
    log(
      `telegram: ${updates} updates in ${seconds.toFixed(1)} s, ${(callsInRun / seconds).toFixed(1)} throttled API calls/s, ` +
        `CPU ${Math.round(cpuPct)}% of one core`,
    );
    return {
      chats,
      updates,
      updatesPerSecond: updates / seconds,
      p50Ms: pct(0.5),
      p99Ms: pct(0.99),
      apiCallsPerSecond: callsInRun / seconds,
      seconds,
      cpuPct,
    };
  } finally {
    if (scanner) clearInterval(scanner);
    if (watchdog) clearInterval(watchdog);
    await channel?.stop();
    await fake?.close();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
