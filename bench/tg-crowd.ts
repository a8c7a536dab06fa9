// Shared by bench/crash.ts and bench/telegram-limits.ts: the real bot as a child process (black box:
// `node --import tsx src/main.ts` with env settings) against the fake Bot API of
// test/helpers/fake-telegram.ts in this process, and a crowd of simulated people who talk to it the
// way people do: one message, then wait for the whole answer, then the next. See bench/README.md
// ("Telegram people") for the exact rules: when an answer is complete, what counts as a lost input,
// a duplicate reply, a button press.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { privateChat, type FakeChat, type FakeTelegram, type SentMessage } from '../test/helpers/fake-telegram.js';
import { letters, scriptFor } from './people.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the bot under test is run from: this checkout, or another one (BENCH_BOT_DIR, e.g. to compare with the last commit). */
export const BOT_DIR = process.env.BENCH_BOT_DIR || REPO_ROOT;

/** Real clock in the child: birth dates inside the 15..65 age limits for years to come (as bench/telegram.ts). */
export const DOB_RANGE = { from: Date.UTC(1970, 0, 1), to: Date.UTC(1999, 11, 31) };

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const REF_PATTERN = /LD-[0-9A-Z]{5}/;

/** Nearest-rank percentile of unsorted numbers (0 for none). */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

// ---------- the bot as a child process ----------

/** Settings the bench sets itself (or leaves at their defaults): never taken from the caller's env. */
const OWN_ENV = /^(TELEGRAM_|WHATSAPP_|CONSOLE_|DATABASE_PATH$|DATABASE_URL$|PG_|INSTANCE_ID$|LINDUNG_KEY|TERMINAL_CHAT$|CHAT_JSONL$|LOG_LEVEL$|PHONE_CHANNEL$|PROGRAMME_SETTINGS_PATH$|RATES_PATH$|TIMEZONE$)/;

export interface BotProcess {
  child: ChildProcess;
  /** Resolves when the process is gone (never rejects). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isAlive(): boolean;
}

/**
 * Starts the real bot, as `npm start` does (`tsx src/main.ts`) but with tsx as node's loader
 * (`node --import tsx`), so the signals the bench sends reach the bot itself and not a tsx wrapper.
 * Long polling against the fake, the given SQLite file, no console, no terminal chat; its stdout
 * and stderr are appended to `logFile`.
 */
export function spawnBot(o: {
  fake: FakeTelegram;
  dbPath: string;
  logFile: string;
  logLevel?: string;
  env?: Record<string, string>;
  /** Another program to run the same way (default src/main.ts). */
  entry?: string;
}): BotProcess {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!OWN_ENV.test(k)) env[k] = v;
  Object.assign(env, {
    TELEGRAM_BOT_TOKEN: o.fake.token,
    TELEGRAM_API_ROOT: o.fake.apiRoot,
    DATABASE_PATH: o.dbPath,
    TERMINAL_CHAT: 'off',
    CONSOLE_ENABLED: 'false',
    WHATSAPP_ENABLED: 'false',
    LOG_LEVEL: o.logLevel ?? 'warn',
    ...o.env,
  });
  const fd = openSync(o.logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', o.entry ?? 'src/main.ts'], { cwd: o.entry === undefined ? BOT_DIR : REPO_ROOT, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let alive = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      alive = false;
      resolve({ code, signal });
    });
    child.once('error', () => {
      alive = false;
      resolve({ code: null, signal: null });
    });
  });
  return { child, exited, isAlive: () => alive };
}

/**
 * The bot is up once it asks for updates: the first getUpdates the fake records at or after call
 * index `from` (taken just before the spawn). Returns that call's time. Throws when the process exits
 * first or after `timeoutMs`.
 */
export async function waitReady(fake: FakeTelegram, bot: BotProcess, from: number, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let i = from;
  for (;;) {
    for (; i < fake.calls.length; i++) if (fake.calls[i]!.method === 'getUpdates') return fake.calls[i]!.at;
    if (!bot.isAlive()) throw new Error('the bot exited before it polled for updates (see its log)');
    if (Date.now() > deadline) throw new Error(`the bot did not poll for updates within ${timeoutMs / 1000} s`);
    await sleep(10);
  }
}

/** The last lines of a log file, for a failure message. */
export function logTail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Sends `signal`, waits for the exit; a process still there after `graceMs` gets SIGKILL. Returns whether that was needed. */
export async function stopBot(bot: BotProcess, signal: NodeJS.Signals, graceMs = 15_000): Promise<boolean> {
  if (!bot.isAlive()) return false;
  bot.child.kill(signal);
  const t = await Promise.race([bot.exited.then(() => 'gone' as const), sleep(graceMs).then(() => 'hung' as const)]);
  if (t === 'gone') return false;
  bot.child.kill('SIGKILL');
  await bot.exited;
  return true;
}

// ---------- people ----------

export interface Person {
  index: number;
  chat: FakeChat;
  script: string[];
  /** The person's own words in the bot's replies (masked out of a reply's shape). */
  names: string[];
  /** The NIK the script types. */
  nik: string;
}

/** Person i (its chat id is `chatBase + i`), with a NIK not yet in `usedNiks`. */
export function makePerson(i: number, chatBase: number, usedNiks: Set<string>, messages?: number): Person {
  const full = scriptFor(i, usedNiks, DOB_RANGE);
  const name = `Warga ${letters(i)}`;
  return {
    index: i,
    chat: privateChat(chatBase + i, name),
    script: messages === undefined ? full : full.slice(0, messages),
    names: [name, `Ahli ${letters(i)}`],
    nik: full.find((x) => /^\d{16}$/.test(x)) ?? '',
  };
}

/**
 * What must match between two people's replies to the same turn: the first line, with their own
 * names, reference codes and digits masked (as bench/telegram.ts does).
 */
export function shape(text: string, names: string[]): string {
  let t = text.replace(/LD-[0-9A-Z]{5}/g, 'LD-?');
  for (const name of names) t = t.replace(new RegExp(`\\b${escapeRe(name)}\\b`, 'gi'), '<name>');
  return (t.split('\n')[0] ?? '').replace(/\d/g, '#');
}

/**
 * The button a person presses instead of typing `answer`: on the inline keyboard of the bot's
 * latest message in the chat, one whose label's key is the answer ("1. Ya" for "1"), or whose label
 * text is the answer or starts with it as a whole word ("1. Ya" and "1. Ya, saya setuju" for "ya";
 * case ignored).
 */
export function buttonFor(last: SentMessage | undefined, answer: string): string | undefined {
  const rows = last?.reply_markup?.inline_keyboard as { text: string; callback_data?: string }[][] | undefined;
  if (!rows) return undefined;
  const want = answer.trim().toLowerCase();
  for (const row of rows) {
    for (const b of row) {
      if (b.callback_data === undefined) continue;
      const m = /^\s*([^.\s]+)\.\s*(.*)$/.exec(b.text);
      const key = (m?.[1] ?? '').toLowerCase();
      const label = (m?.[2] ?? b.text).trim().toLowerCase();
      const wordPrefix = want !== '' && label.startsWith(want) && /^[^\p{L}\p{N}]/u.test(label.slice(want.length));
      if (want === key || want === label || wordPrefix) return b.callback_data;
    }
  }
  return undefined;
}

/** Types the answer, or presses its button when `buttons` and the latest message offers one. */
function deliver(fake: FakeTelegram, p: Person, text: string, last: SentMessage | undefined, buttons: boolean): 'typed' | 'pressed' {
  const data = buttons ? buttonFor(last, text) : undefined;
  if (data !== undefined && last) {
    fake.pressButton(p.chat, last.message_id, data);
    return 'pressed';
  }
  fake.sendText(p.chat, text);
  return 'typed';
}

// ---------- calibration ----------

export interface Calibration {
  /** Per turn: the shape of the last message of the answer (what ends the turn). */
  last: string[];
  /** Per turn: how many messages the answer had. */
  counts: number[];
  pressed: number;
}

const calibrations = new Map<string, Calibration>();

/**
 * One person alone walks the script; each answer is complete once a reply came and then nothing
 * more for `quietMs`. Learns the shape of each answer's last message. Cached per mode (`buttons`) for
 * the whole bench process: the bot's code does not change between its runs. Several modes calibrate
 * at once (different chats), so a second mode costs no extra time.
 */
export async function calibrate(
  fake: FakeTelegram,
  modes: { person: Person; buttons: boolean }[],
  o: { quietMs: number; log: (m: string) => void; turnTimeoutMs?: number },
): Promise<Map<boolean, Calibration>> {
  const out = new Map<boolean, Calibration>();
  const todo = modes.filter((m) => {
    const cached = calibrations.get(String(m.buttons));
    if (cached) out.set(m.buttons, cached);
    return !cached;
  });
  if (todo.length === 0) return out;
  o.log(`calibration: ${todo.map((m) => (m.buttons ? 'buttons' : 'typed')).join(' + ')}, ${todo[0]!.person.script.length} turns, ${o.quietMs} ms quiet time per answer`);
  const turnTimeoutMs = o.turnTimeoutMs ?? 30_000;
  await Promise.all(
    todo.map(async ({ person: p, buttons }) => {
      const cal: Calibration = { last: [], counts: [], pressed: 0 };
      for (const text of p.script) {
        const before = fake.sent(p.chat.id);
        if (deliver(fake, p, text, before.at(-1), buttons) === 'pressed') cal.pressed++;
        const deadline = Date.now() + turnTimeoutMs;
        let n = before.length;
        let quietSince = Date.now();
        for (;;) {
          await sleep(20);
          const now = fake.sent(p.chat.id).length;
          if (now !== n) {
            n = now;
            quietSince = Date.now();
          } else if (n > before.length && Date.now() - quietSince >= o.quietMs) {
            break;
          }
          if (Date.now() > deadline) throw new Error(`calibration: no complete answer to ${JSON.stringify(text)} within ${turnTimeoutMs / 1000} s`);
        }
        const sent = fake.sent(p.chat.id);
        cal.counts.push(sent.length - before.length);
        cal.last.push(shape(sent.at(-1)!.text, p.names));
      }
      const sent = fake.sent(p.chat.id);
      if (p.script.at(-1) === '1' && p.script.length > 10 && !REF_PATTERN.test(sent.at(-1)?.text ?? '')) {
        throw new Error(`calibration: the registration ended without a reference code: ${JSON.stringify(sent.at(-1)?.text.slice(0, 120))}`);
      }
      const repeats = sent.filter((m, i) => i > 0 && m.text === sent[i - 1]!.text).length;
      if (repeats > 0) o.log(`calibration warning: the bot sent the same text twice in a row ${repeats} time(s) without any fault: duplicate counts include them`);
      for (let k = 1; k < cal.last.length; k++) {
        if (cal.last[k] === cal.last[k - 1]) o.log(`calibration warning: turns ${k} and ${k + 1} end on the same reply shape ${JSON.stringify(cal.last[k])}`);
      }
      calibrations.set(String(buttons), cal);
      out.set(buttons, cal);
      o.log(`calibration (${buttons ? 'buttons' : 'typed'}): messages per turn ${cal.counts.join(',')}; ${cal.pressed} of ${p.script.length} answers by button`);
    }),
  );
  return out;
}

// ---------- the crowd ----------

export interface CrowdOptions {
  fake: FakeTelegram;
  people: Person[];
  /** Does this bot message end the answer to turn k? (the calibrated shape, or a marker for the plain bot) */
  complete: (p: Person, k: number, text: string) => boolean;
  buttons: boolean;
  /** Reading time between an answer and the next message (0: at once). */
  readMs: number;
  /** An input with no reply this long after it was sent, or after the bot was last back up, is lost. */
  lostMs: number;
  /** Re-sends of one input after losses before the person gives up. */
  maxResends: number;
  /** Replies came but not the expected last one, then nothing for this long: the person goes on. */
  unexpectedQuietMs: number;
  /** The run ends when no reply at all arrives for this long. */
  stallMs: number;
  /** The run ends at this time (Date.now()) whatever happens. */
  deadline?: number;
  /** At most this many people talk at once (default: all); one who is through makes room for the next, in order. */
  maxActive?: number;
  log: (m: string) => void;
  label: string;
}

export interface CrowdResult {
  people: number;
  /** Inputs sent, re-sends included (= updates pushed into the fake). */
  inputs: number;
  typed: number;
  pressed: number;
  /** Inputs that got no reply (see lostMs), plus inputs still unanswered when the run ended. */
  lost: number;
  /** Per answered input: ms from sending it to the first reply (fake's timestamps). */
  firstReplyMs: number[];
  /** Bot messages identical to the bot's previous message in the same chat. */
  duplicates: number;
  /** Turns that ended without the expected last reply (after unexpectedQuietMs). */
  unexpected: number;
  /** Bot messages that came while the person was not waiting for an answer (reading, or done). */
  extra: number;
  finished: number;
  gaveUp: number;
  /** People who never got a reference code LD-XXXXX. */
  withoutRef: number;
  stalled: boolean;
  timedOut: boolean;
  /** From the first input to the last completed turn. */
  seconds: number;
  /** Turns completed. */
  turns: number;
}

interface State {
  p: Person;
  k: number;
  phase: 'queued' | 'reading' | 'waiting' | 'done' | 'gaveUp';
  sentAt: number;
  answered: boolean;
  lastReplyAt: number;
  readUntil: number;
  resends: number;
  last: SentMessage | undefined;
  lastText: string | undefined;
  gotRef: boolean;
}

/** A crowd talking to the bot through the fake. `botDown()` / `botUp(at)` tell it when the bot is away (losses wait). */
export class Crowd {
  private readonly o: CrowdOptions;
  private readonly states: State[];
  private readonly byChat = new Map<number, State>();
  private scanned: number;
  private upAt: number | undefined;
  private readonly r: CrowdResult;
  private aborted: string | undefined;
  private startAt = 0;
  private lastTurnAt = 0;
  private lastReplyAt = 0;
  private open: number;
  /** The next queued person to start (maxActive). */
  private nextQueued: number;

  constructor(o: CrowdOptions) {
    this.o = o;
    const first = Math.min(o.people.length, o.maxActive ?? o.people.length);
    this.nextQueued = first;
    this.states = o.people.map((p, i) => ({
      p, k: 0, phase: i < first ? 'reading' : 'queued', sentAt: 0, answered: false, lastReplyAt: 0, readUntil: 0, resends: 0,
      last: undefined, lastText: undefined, gotRef: false,
    }));
    for (const s of this.states) this.byChat.set(s.p.chat.id, s);
    this.scanned = o.fake.calls.length;
    this.open = this.states.length;
    this.r = {
      people: o.people.length, inputs: 0, typed: 0, pressed: 0, lost: 0, firstReplyMs: [], duplicates: 0,
      unexpected: 0, extra: 0, finished: 0, gaveUp: 0, withoutRef: 0, stalled: false, timedOut: false, seconds: 0, turns: 0,
    };
  }

  botDown(): void {
    this.upAt = undefined;
  }

  botUp(at: number): void {
    this.upAt = at;
  }

  /** Ends run() at its next step (e.g. the bot cannot start any more). */
  abort(reason: string): void {
    this.aborted = reason;
  }

  /**
   * After run(): keeps reading the bot's messages (duplicates, stragglers) until none came for
   * `quietMs`, at most `maxMs`. Nobody sends anything any more.
   */
  async settle(quietMs: number, maxMs: number): Promise<void> {
    const end = Date.now() + maxMs;
    let seen = this.o.fake.calls.length;
    let quietSince = Date.now();
    while (Date.now() < end && Date.now() - quietSince < quietMs) {
      await sleep(50);
      this.scan();
      if (this.o.fake.calls.length !== seen) {
        const fresh = this.o.fake.calls.slice(seen).some((c) => c.method !== 'getUpdates');
        seen = this.o.fake.calls.length;
        if (fresh) quietSince = Date.now();
      }
    }
    this.r.withoutRef = this.states.filter((s) => !s.gotRef).length;
  }

  /** Whether this person got a reference code LD-XXXXX. */
  gotRef(p: Person): boolean {
    return this.byChat.get(p.chat.id)?.gotRef ?? false;
  }

  /** People still talking. */
  get active(): number {
    return this.open;
  }

  /** Runs until everyone is through (or gave up), a stall, or the deadline. */
  async run(): Promise<CrowdResult> {
    const o = this.o;
    this.startAt = Date.now();
    this.lastReplyAt = this.startAt;
    this.upAt ??= this.startAt;
    for (const s of this.states) if (s.phase === 'reading') this.send(s, false);
    let progressLogged = 0;
    while (this.open > 0) {
      await sleep(10);
      this.tick();
      const now = Date.now();
      if (now - progressLogged > 10_000) {
        progressLogged = now;
        o.log(`${o.label}: ${this.r.turns} turns done, ${this.open}/${this.states.length} people still talking, ${this.r.lost} lost so far`);
      }
      if (now - this.lastReplyAt > o.stallMs) {
        this.r.stalled = true;
        o.log(`${o.label}: no reply for ${o.stallMs / 1000} s: ending the run`);
        break;
      }
      if (this.aborted !== undefined) {
        o.log(`${o.label}: ${this.aborted}: ending the run`);
        break;
      }
      if (o.deadline !== undefined && now > o.deadline) {
        this.r.timedOut = true;
        o.log(`${o.label}: overall time limit reached: ending the run`);
        break;
      }
    }
    this.tick();
    for (const s of this.states) if (s.phase === 'waiting' && !s.answered) this.r.lost++; // never answered before the end
    this.r.withoutRef = this.states.filter((s) => !s.gotRef).length;
    this.r.seconds = ((this.lastTurnAt || Date.now()) - this.startAt) / 1000;
    return this.r;
  }

  private scan(): void {
    const calls = this.o.fake.calls;
    for (; this.scanned < calls.length; this.scanned++) {
      const c = calls[this.scanned]!;
      // The fake records a call and answers it in one synchronous step: its result is there already.
      if (c.method !== 'sendMessage' || c.error || c.result === undefined) continue;
      const s = this.byChat.get(Number(c.params.chat_id));
      if (s) this.onBotMessage(s, c.result as SentMessage, c.at);
    }
  }

  private tick(): void {
    this.scan();
    const now = Date.now();
    for (const s of this.states) {
      if (s.phase === 'reading') {
        if (now >= s.readUntil) this.send(s, false);
      } else if (s.phase === 'waiting') {
        if (!s.answered) {
          if (this.upAt !== undefined && now - Math.max(s.sentAt, this.upAt) > this.o.lostMs) {
            this.r.lost++;
            if (s.resends < this.o.maxResends) {
              s.resends++;
              this.send(s, true);
            } else {
              s.phase = 'gaveUp';
              this.r.gaveUp++;
              this.open--;
              this.startNext();
            }
          }
        } else if (now - s.lastReplyAt > this.o.unexpectedQuietMs) {
          this.r.unexpected++;
          this.endTurn(s, now);
        }
      }
    }
  }

  private onBotMessage(s: State, msg: SentMessage, at: number): void {
    const text = msg.text;
    const duplicate = text === s.lastText;
    s.lastText = text;
    s.last = msg;
    if (REF_PATTERN.test(text)) s.gotRef = true;
    this.lastReplyAt = Math.max(this.lastReplyAt, at);
    if (duplicate) {
      this.r.duplicates++;
      return;
    }
    if (s.phase !== 'waiting') {
      this.r.extra++;
      return;
    }
    if (!s.answered) {
      s.answered = true;
      this.r.firstReplyMs.push(at - s.sentAt);
    }
    s.lastReplyAt = at;
    if (this.o.complete(s.p, s.k, text)) this.endTurn(s, at);
  }

  private endTurn(s: State, at: number): void {
    this.r.turns++;
    this.lastTurnAt = Math.max(this.lastTurnAt, at);
    s.k++;
    s.resends = 0;
    if (s.k >= s.p.script.length) {
      s.phase = 'done';
      this.r.finished++;
      this.open--;
      this.startNext();
      return;
    }
    s.phase = 'reading';
    s.readUntil = Date.now() + this.o.readMs;
    if (this.o.readMs <= 0) this.send(s, false);
  }

  /** A person made room (maxActive): the next queued one starts at the next tick. */
  private startNext(): void {
    const s = this.states[this.nextQueued];
    if (!s) return;
    this.nextQueued++;
    s.phase = 'reading';
    s.readUntil = 0;
  }

  private send(s: State, resend: boolean): void {
    const how = deliver(this.o.fake, s.p, s.p.script[s.k]!, s.last, this.o.buttons);
    if (how === 'pressed') this.r.pressed++;
    else this.r.typed++;
    this.r.inputs++;
    s.phase = 'waiting';
    s.answered = false;
    s.sentAt = Date.now();
    if (!resend) s.lastReplyAt = 0;
  }
}
