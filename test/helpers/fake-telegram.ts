/**
 * A local fake of the Telegram Bot API, served over HTTP on 127.0.0.1, good
 * enough for the real grammY client (`bot.start()` long polling and
 * `@grammyjs/runner`) to run against it:
 *
 *   const fake = await startFakeTelegram();
 *   const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
 *
 * grammY posts `{apiRoot}/bot{token}/{method}` with a JSON body and parses
 * every response body as JSON whatever the HTTP status, so errors are always
 * answered Telegram-style: `{ ok: false, error_code, description, parameters? }`.
 *
 * Re-delivery: like Telegram, an update stays queued until the bot confirms it by asking getUpdates
 * for a later `offset` (update_id + 1). A bot that fetched updates and died (SIGKILL, crash) or
 * stopped without confirming them gets the same updates again from its next getUpdates, with the
 * same update_id; a long poll whose client went away is dropped without losing anything. So a
 * crash test needs no helper here: kill the bot, start it again against the same fake.
 *
 * Telegram's limits (opt-in, `limits` option or setLimits()): per-chat and global token buckets
 * over the calls that send or edit a message in a chat (COUNTED_METHODS: sendMessage, sendPhoto…,
 * editMessageText, editMessageReplyMarkup…; not answerCallbackQuery, getUpdates, setMyCommands…).
 * A call over a limit, or picked by `random429Rate`, is answered 429 `Too Many Requests: retry
 * after N` with `parameters.retry_after` and is NOT performed. `latencyMs` delays every response
 * (the call takes effect on arrival, the answer comes later, as seen from a far-away bot).
 * stats() counts every call by method, the counted ones, and their 429s, with or without limits.
 * Without `limits` nothing of this changes what the fake answers or when.
 *
 * Webhook delivery (opt-in, `webhook` option): while a webhook is set (setWebhook), the fake POSTs
 * each update to it as Telegram does, with the secret in X-Telegram-Bot-Api-Secret-Token: at most
 * max_connections (default 40) at once, one at a time per chat (a chat's updates in order). A 2xx
 * answer confirms the update; anything else (another status, a refused or reset connection, no
 * answer within `timeoutMs`) means it is posted again after `retryMs`. `route` picks where each
 * attempt goes (a load balancer in front of several processes). Without the option a set webhook
 * only makes getUpdates answer 409, as before.
 */
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  first_name?: string;
  username?: string;
}

export interface FakeUser {
  id: number;
  is_bot: false;
  first_name: string;
  language_code?: string;
  username?: string;
}

export interface BotUser {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
}

/** A message the bot sent (as returned to it by sendMessage, kept up to date by edits). */
export interface SentMessage {
  message_id: number;
  chat: FakeChat;
  date: number;
  text: string;
  reply_markup?: any;
  from?: BotUser;
  edit_date?: number;
}

/** One recorded API call. `result`/`error` are filled in once it was answered. */
export interface FakeCall {
  method: string;
  params: Record<string, any>;
  at: number;
  result?: unknown;
  error?: { error_code: number; description: string };
}

export interface FailOptions {
  times?: number;
  retryAfter?: number;
  errorCode?: number;
  description?: string;
  /** Only fail calls whose chat_id is this (e.g. a 403 'bot was blocked by the user' for one user). */
  chatId?: number;
}

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  botUser: BotUser;
  /** Queues an update for getUpdates; gets the next update_id unless it has one. Returns the update_id. */
  pushUpdate(update: Record<string, unknown>): number;
  sendText(chat: FakeChat, text: string, opts?: { from?: FakeUser; replyToBot?: boolean }): number;
  sendPhoto(chat: FakeChat, from?: FakeUser): number;
  sendVoice(chat: FakeChat, from?: FakeUser): number;
  sendSticker(chat: FakeChat, from?: FakeUser): number;
  sendDocument(chat: FakeChat, from?: FakeUser): number;
  pressButton(chat: FakeChat, messageId: number, data: string, from?: FakeUser): number;
  /** Every API call, in arrival order. */
  calls: FakeCall[];
  /** Messages the bot sent with sendMessage (live: edits show), optionally for one chat, in order. */
  sent(chatId?: number): SentMessage[];
  waitFor(pred: (calls: FakeCall[]) => boolean, timeoutMs?: number): Promise<void>;
  waitForSent(chatId: number, count: number, timeoutMs?: number): Promise<SentMessage[]>;
  /** The next `times` (default 1) calls of `method` fail; default 429 with retry_after = retryAfter (default 1). */
  failNext(method: string, opts: FailOptions): void;
  /** Commands set with setMyCommands for this scope/language (what getMyCommands would answer). */
  myCommands(opts?: { languageCode?: string; scope?: Record<string, unknown> }): { command: string; description: string }[];
  /** A copy of the counters (see FakeStats). */
  stats(): FakeStats;
  resetStats(): void;
  /** Turns limits on, changes them (buckets start full, randomness restarts from the seed), or off (undefined). */
  setLimits(limits: FakeLimits | undefined): void;
  /** Every webhook POST made (with the `webhook` option), in the order they were answered. */
  webhookAttempts: WebhookAttempt[];
  close(): Promise<void>;
}

/** Opt-in webhook delivery (see the header). */
export interface WebhookDelivery {
  /** The address one attempt goes to, given the URL set with setWebhook (default: that URL). */
  route?: (url: string, update: Record<string, unknown>) => string;
  /** Wait before an update that failed is posted again (default 1000 ms). */
  retryMs?: number;
  /** An attempt not answered within this long has failed (default 30 s). */
  timeoutMs?: number;
}

/** One webhook POST: where it went, when it was answered, and how (an HTTP status, or the connection's error code). */
export interface WebhookAttempt {
  update_id: number;
  url: string;
  at: number;
  ms: number;
  status: number | string;
}

export interface StartOptions {
  token?: string;
  /** Longest time a long-polling getUpdates is held open when nothing is queued (default 1000 ms). */
  maxLongPollMs?: number;
  /** Telegram's flood limits, random 429s and network latency (off unless given). */
  limits?: FakeLimits;
  /** POST updates to the webhook once one is set (off unless given). */
  webhook?: WebhookDelivery;
}

/** A token bucket: `perSecond` tokens added per second, holding at most `burst` (default: perSecond for global, 1 per chat). */
export interface BucketLimit {
  perSecond: number;
  burst?: number;
}

/**
 * Opt-in Telegram-like limits. Counted calls (COUNTED_METHODS) take one token from their chat's
 * bucket (`perChat`, keyed by chat_id) and one from the bot's (`global`); with either empty the call
 * fails with 429 and retry_after = the seconds until a token is back (at least 1), and nothing is
 * taken or performed. `random429Rate` (0..1) fails that share of counted calls at random first
 * (retry_after `random429RetryAfter`, default 1). `latencyMs: [min, max]` delays every response by a
 * uniform random time. Randomness comes from `seed` (default 1), so one call order gives one outcome.
 */
export interface FakeLimits {
  perChat?: BucketLimit;
  global?: BucketLimit;
  random429Rate?: number;
  random429RetryAfter?: number;
  latencyMs?: [number, number];
  seed?: number;
  /** The buckets' clock in ms (default Date.now): tests pass a fake one. */
  now?: () => number;
}

/** Counters since start (or resetStats()), limits on or off. */
export interface FakeStats {
  /** Every call by method name as the client spelled it, failed ones included. */
  byMethod: Record<string, number>;
  /** Calls of COUNTED_METHODS (sending or editing a message in a chat), failed ones included. */
  counted: number;
  /** Counted calls answered 429, for whatever reason (buckets, random, failNext). */
  counted429: number;
  /** Of those: over the per-chat bucket, over the global bucket, random. */
  perChat429: number;
  global429: number;
  random429: number;
  /** Counted calls by method. */
  countedByMethod: Record<string, number>;
}

/** The calls Telegram's flood limits apply to: they send or edit a message in a chat (lower case). */
export const COUNTED_METHODS: ReadonlySet<string> = new Set(
  [
    'sendMessage', 'sendPhoto', 'sendAudio', 'sendDocument', 'sendVideo', 'sendAnimation', 'sendVoice',
    'sendVideoNote', 'sendPaidMedia', 'sendMediaGroup', 'sendLocation', 'sendVenue', 'sendContact',
    'sendPoll', 'sendDice', 'sendSticker', 'sendInvoice', 'sendGame', 'copyMessage', 'copyMessages',
    'forwardMessage', 'forwardMessages', 'editMessageText', 'editMessageCaption', 'editMessageMedia',
    'editMessageReplyMarkup', 'editMessageLiveLocation', 'stopMessageLiveLocation', 'stopPoll',
  ].map((m) => m.toLowerCase()),
);

/** mulberry32: the fake's seeded randomness. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Bucket {
  tokens: number;
  at: number;
}

const DEFAULT_TOKEN = '123456789:TEST-fake-telegram-token';

export function privateChat(id: number, firstName = 'Tester'): FakeChat {
  return { id, type: 'private', first_name: firstName };
}

export function groupChat(id: number, title = 'Test Group'): FakeChat {
  return { id: -Math.abs(id), type: 'group', title };
}

export function userFor(chat: FakeChat, languageCode?: string): FakeUser {
  const user: FakeUser = { id: chat.id, is_bot: false, first_name: chat.first_name ?? 'Tester' };
  if (chat.username !== undefined) user.username = chat.username;
  if (languageCode !== undefined) user.language_code = languageCode;
  return user;
}

/** The user who writes in group chats when no `from` is given. */
const GROUP_MEMBER: FakeUser = { id: 424242, is_bot: false, first_name: 'Member' };

/** Update types Telegram leaves out when allowed_updates is empty or never given. */
const NOT_DEFAULT_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

const HTML_TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler',
  'a', 'code', 'pre', 'blockquote', 'tg-emoji',
]);

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);

interface Poller {
  res: ServerResponse;
  call: FakeCall;
  limit: number;
  timer: NodeJS.Timeout;
  done: boolean;
}

interface Failure {
  remaining: number;
  errorCode: number;
  description: string;
  retryAfter?: number;
  chatId?: number;
}

type Update = Record<string, unknown> & { update_id: number };

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export async function startFakeTelegram(opts: StartOptions = {}): Promise<FakeTelegram> {
  const token = opts.token ?? DEFAULT_TOKEN;
  const maxLongPollMs = opts.maxLongPollMs ?? 1000;
  const botId = Number(token.split(':')[0]) || 123456789;
  const botUser: BotUser = { id: botId, is_bot: true, first_name: 'Lindung Test', username: 'lindung_test_bot' };

  const calls: FakeCall[] = [];
  let queue: Update[] = []; // sorted by update_id
  let nextUpdateId = 100_001;
  let confirmedBelow = 0; // updates with update_id < this were confirmed and are gone for good
  let allowedUpdates: string[] = [];
  let pollers: Poller[] = [];
  let wakeScheduled = false;
  let closed = false;
  let webhookUrl = '';

  const chats = new Map<number, FakeChat>();
  const botMessageIds = new Map<number, number>();
  const userMessageIds = new Map<number, number>();
  const sentMessages: SentMessage[] = [];
  const sentByKey = new Map<string, SentMessage>();
  const issuedQueries = new Set<string>();
  const answeredQueries = new Set<string>();
  let queryCounter = 0;
  const failures = new Map<string, Failure[]>();
  const commands = new Map<string, { command: string; description: string }[]>();

  // Opt-in limits (undefined: none of this runs, and the fake answers as it always did).
  let limits: FakeLimits | undefined;
  let random429 = mulberry32(1);
  let randomLatency = mulberry32(1);
  let chatBuckets = new Map<string, Bucket>();
  let globalBucket: Bucket | undefined;
  const latencyTimers = new Set<NodeJS.Timeout>();
  const emptyStats = (): FakeStats => ({
    byMethod: {}, counted: 0, counted429: 0, perChat429: 0, global429: 0, random429: 0, countedByMethod: {},
  });
  let stats = emptyStats();

  function setLimits(l: FakeLimits | undefined): void {
    limits = l === undefined ? undefined : { ...l };
    const seed = l?.seed ?? 1;
    random429 = mulberry32(seed);
    randomLatency = mulberry32(seed ^ 0x9e3779b9);
    chatBuckets = new Map();
    globalBucket = undefined;
  }
  setLimits(opts.limits);

  // ---------- updates ----------

  const updateType = (u: Update): string => Object.keys(u).find((k) => k !== 'update_id') ?? '';
  const isAllowed = (u: Update): boolean => {
    const type = updateType(u);
    return allowedUpdates.length === 0 ? !NOT_DEFAULT_UPDATES.has(type) : allowedUpdates.includes(type);
  };
  const pending = (): Update[] => queue.filter((u) => u.update_id >= confirmedBelow && isAllowed(u));

  function pushUpdate(update: Record<string, unknown>): number {
    const id = typeof update.update_id === 'number' ? update.update_id : nextUpdateId;
    nextUpdateId = Math.max(nextUpdateId, id + 1);
    const u = { update_id: id, ...update } as Update;
    rememberChats(u);
    const at = queue.findIndex((q) => q.update_id > id);
    if (at === -1) queue.push(u);
    else queue.splice(at, 0, u);
    scheduleWake();
    return id;
  }

  function rememberChats(u: Update): void {
    for (const value of Object.values(u)) {
      if (typeof value !== 'object' || value === null) continue;
      const v = value as Record<string, any>;
      const chat = (v.chat ?? v.message?.chat) as FakeChat | undefined;
      if (chat && typeof chat.id === 'number' && !chats.has(chat.id)) chats.set(chat.id, chat);
    }
  }

  function scheduleWake(): void {
    if (wakeScheduled) return;
    wakeScheduled = true;
    // Deferred so that updates pushed in one go arrive in one batch.
    queueMicrotask(() => {
      wakeScheduled = false;
      pumpWebhook();
      const ready = pending();
      if (ready.length === 0) return;
      for (const p of [...pollers]) finishPoll(p, ready.slice(0, p.limit));
    });
  }

  function finishPoll(p: Poller, updates: Update[]): void {
    if (p.done) return;
    p.done = true;
    clearTimeout(p.timer);
    pollers = pollers.filter((q) => q !== p);
    answer(p.res, p.call, { ok: true, result: updates });
  }

  function failPoll(p: Poller, err: ApiError): void {
    if (p.done) return;
    p.done = true;
    clearTimeout(p.timer);
    pollers = pollers.filter((q) => q !== p);
    answerError(p.res, p.call, err);
  }

  /** Returns the updates to answer now, or undefined when the request was parked as a long poll. */
  function getUpdates(params: Record<string, any>, res: ServerResponse, call: FakeCall): Update[] | undefined {
    if (webhookUrl !== '') {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    // Telegram ends a pending getUpdates with 409 when another one arrives. The
    // older one is usually a poll grammY just aborted (bot.stop() aborts it and
    // confirms the offset with a new call), so give its 'close' a moment to land.
    for (const p of [...pollers]) {
      setTimeout(() => {
        failPoll(p, new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
      }, 50).unref();
    }
    const offset = toInt(params.offset);
    if (offset !== undefined && offset > 0) {
      confirmedBelow = Math.max(confirmedBelow, offset);
    } else if (offset !== undefined && offset < 0) {
      const live = queue.filter((u) => u.update_id >= confirmedBelow);
      const keep = live.slice(offset);
      if (keep[0]) confirmedBelow = Math.max(confirmedBelow, keep[0].update_id);
    }
    queue = queue.filter((u) => u.update_id >= confirmedBelow);
    if (Array.isArray(params.allowed_updates)) allowedUpdates = params.allowed_updates.map(String);
    const limit = Math.min(100, Math.max(1, toInt(params.limit) ?? 100));
    const timeout = Math.max(0, Number(params.timeout ?? 0) || 0);
    const ready = pending().slice(0, limit);
    if (ready.length > 0 || timeout === 0 || closed) return ready;
    const poller: Poller = {
      res,
      call,
      limit,
      done: false,
      timer: setTimeout(() => finishPoll(poller, pending().slice(0, limit)), Math.min(timeout * 1000, maxLongPollMs)),
    };
    pollers.push(poller);
    res.on('close', () => {
      // The client went away (grammY aborts the pending poll on stop()).
      if (poller.done) return;
      poller.done = true;
      clearTimeout(poller.timer);
      pollers = pollers.filter((q) => q !== poller);
    });
    return undefined;
  }

  // ---------- webhook delivery (opt-in) ----------

  let webhookSecret: string | undefined;
  let maxConnections = 40;
  const posting = new Set<number>(); // update_ids with a POST under way
  const retryAt = new Map<number, number>(); // update_id -> not posted again before then
  const webhookAttempts: WebhookAttempt[] = [];
  const agent = new Agent({ keepAlive: true });
  let retryTimer: NodeJS.Timeout | undefined;

  /** The chat an update belongs to (its updates are posted one at a time, in order). */
  function chatOf(u: Update): number | undefined {
    for (const value of Object.values(u)) {
      if (typeof value !== 'object' || value === null) continue;
      const v = value as Record<string, any>;
      const id = (v.chat ?? v.message?.chat)?.id;
      if (typeof id === 'number') return id;
    }
    return undefined;
  }

  /** Posts what may go now: the oldest waiting update of each chat with nothing under way, up to max_connections. */
  function pumpWebhook(): void {
    const hook = opts.webhook;
    if (!hook || webhookUrl === '' || closed) return;
    const now = Date.now();
    const seen = new Set<number>();
    let nextRetry = Infinity;
    for (const u of pending()) {
      if (posting.size >= maxConnections) break;
      const chat = chatOf(u);
      if (chat !== undefined) {
        if (seen.has(chat)) continue;
        seen.add(chat);
      }
      if (posting.has(u.update_id)) continue;
      const at = retryAt.get(u.update_id) ?? 0;
      if (at > now) {
        nextRetry = Math.min(nextRetry, at);
        continue;
      }
      post(hook, u);
    }
    if (nextRetry < Infinity && retryTimer === undefined) {
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        pumpWebhook();
      }, nextRetry - now);
    }
  }

  function post(hook: WebhookDelivery, u: Update): void {
    const url = hook.route?.(webhookUrl, u) ?? webhookUrl;
    const body = JSON.stringify(u);
    const started = Date.now();
    posting.add(u.update_id);
    let finished = false;
    const done = (status: number | string): void => {
      if (finished) return;
      finished = true;
      posting.delete(u.update_id);
      webhookAttempts.push({ update_id: u.update_id, url, at: Date.now(), ms: Date.now() - started, status });
      if (typeof status === 'number' && status >= 200 && status < 300) {
        retryAt.delete(u.update_id);
        queue = queue.filter((q) => q !== u);
      } else {
        retryAt.set(u.update_id, Date.now() + (hook.retryMs ?? 1000));
      }
      pumpWebhook();
    };
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (webhookSecret !== undefined) headers['x-telegram-bot-api-secret-token'] = webhookSecret;
    const req = httpRequest(url, { method: 'POST', headers, agent }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
      res.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? 'error'));
    });
    req.setTimeout(hook.timeoutMs ?? 30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? 'error'));
    req.end(body);
  }

  // ---------- building user-side updates ----------

  const nextUserMessageId = (chatId: number): number => {
    const id = (userMessageIds.get(chatId) ?? 0) + 1;
    userMessageIds.set(chatId, id);
    return id;
  };

  const defaultFrom = (chat: FakeChat): FakeUser => (chat.type === 'private' ? userFor(chat) : GROUP_MEMBER);

  function userMessage(chat: FakeChat, from: FakeUser | undefined, extra: Record<string, unknown>): Record<string, unknown> {
    return {
      message_id: nextUserMessageId(chat.id),
      from: from ?? defaultFrom(chat),
      chat,
      date: nowSeconds(),
      ...extra,
    };
  }

  const fileIds = (kind: string): { file_id: string; file_unique_id: string } => {
    const n = ++queryCounter;
    return { file_id: `${kind}-file-${n}`, file_unique_id: `${kind}-u${n}` };
  };

  function sendText(chat: FakeChat, text: string, o: { from?: FakeUser; replyToBot?: boolean } = {}): number {
    const extra: Record<string, unknown> = { text };
    if (text.startsWith('/')) {
      const end = text.search(/\s/);
      extra.entities = [{ type: 'bot_command', offset: 0, length: end === -1 ? text.length : end }];
    }
    if (o.replyToBot) {
      const last = sentMessages.filter((m) => m.chat.id === chat.id).at(-1);
      extra.reply_to_message = last
        ? { ...last }
        : { message_id: 999, from: botUser, chat, date: nowSeconds(), text: '' };
    }
    return pushUpdate({ message: userMessage(chat, o.from, extra) });
  }

  function sendPhoto(chat: FakeChat, from?: FakeUser): number {
    const base = fileIds('photo');
    const photo = [
      { file_id: `${base.file_id}-s`, file_unique_id: `${base.file_unique_id}-s`, width: 90, height: 67, file_size: 1_234 },
      { file_id: `${base.file_id}-m`, file_unique_id: `${base.file_unique_id}-m`, width: 320, height: 240, file_size: 15_678 },
      { file_id: `${base.file_id}-x`, file_unique_id: `${base.file_unique_id}-x`, width: 1280, height: 960, file_size: 123_456 },
    ];
    return pushUpdate({ message: userMessage(chat, from, { photo }) });
  }

  function sendVoice(chat: FakeChat, from?: FakeUser): number {
    const voice = { ...fileIds('voice'), duration: 3, mime_type: 'audio/ogg', file_size: 12_345 };
    return pushUpdate({ message: userMessage(chat, from, { voice }) });
  }

  function sendSticker(chat: FakeChat, from?: FakeUser): number {
    const sticker = {
      ...fileIds('sticker'), type: 'regular', width: 512, height: 512,
      is_animated: false, is_video: false, emoji: '👍', set_name: 'TestStickers', file_size: 23_456,
    };
    return pushUpdate({ message: userMessage(chat, from, { sticker }) });
  }

  function sendDocument(chat: FakeChat, from?: FakeUser): number {
    const document = { ...fileIds('document'), file_name: 'document.pdf', mime_type: 'application/pdf', file_size: 45_678 };
    return pushUpdate({ message: userMessage(chat, from, { document }) });
  }

  function pressButton(chat: FakeChat, messageId: number, data: string, from?: FakeUser): number {
    const id = `${7_000_000 + ++queryCounter}${String(Math.abs(chat.id) % 1000).padStart(3, '0')}`;
    issuedQueries.add(id);
    const stored = sentByKey.get(`${chat.id}:${messageId}`);
    const message = stored ? structuredClone(stored) : { message_id: messageId, from: botUser, chat, date: nowSeconds(), text: '' };
    return pushUpdate({
      callback_query: { id, from: from ?? defaultFrom(chat), message, chat_instance: String(chat.id), data },
    });
  }

  // ---------- bot-side methods ----------

  function chatFor(raw: unknown): FakeChat {
    if (raw === undefined || raw === null || raw === '') throw badRequest('chat_id is empty');
    if (typeof raw === 'string' && raw.startsWith('@')) {
      const found = [...chats.values()].find((c) => c.username !== undefined && `@${c.username}` === raw);
      if (!found) throw badRequest('chat not found');
      return found;
    }
    const id = Number(raw);
    if (!Number.isInteger(id) || id === 0) throw badRequest('chat not found');
    const known = chats.get(id);
    if (known) return known;
    // A chat the fake never saw: make one up rather than fail.
    const chat: FakeChat = id > 0 ? privateChat(id) : { id, type: id < -1_000_000_000_000 ? 'supergroup' : 'group', title: 'Test Group' };
    chats.set(id, chat);
    return chat;
  }

  function messageText(params: Record<string, any>, field = 'text'): string {
    const raw = params[field];
    const text = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw);
    const plain = params.parse_mode === 'HTML' ? htmlToPlain(text) : text;
    if (plain.trim() === '') throw badRequest('message text is empty');
    if (plain.length > 4096) throw badRequest('message is too long');
    return plain;
  }

  function markupOf(params: Record<string, any>): any {
    let m = params.reply_markup;
    if (typeof m === 'string') {
      try {
        m = JSON.parse(m);
      } catch {
        throw badRequest("can't parse reply keyboard markup JSON object");
      }
    }
    if (m === undefined || m === null || typeof m !== 'object') return undefined;
    if ('inline_keyboard' in m) {
      if (!Array.isArray(m.inline_keyboard)) throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array');
      for (const row of m.inline_keyboard) {
        if (!Array.isArray(row)) throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
        for (const b of row) checkInlineButton(b);
      }
      if (m.inline_keyboard.every((row: unknown[]) => row.length === 0)) return undefined;
    }
    return m;
  }

  function checkInlineButton(b: any): void {
    if (typeof b !== 'object' || b === null || typeof b.text !== 'string') {
      throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }
    const actions = Object.keys(b).filter((k) => k !== 'text');
    if (actions.length === 0) throw badRequest('text buttons are unallowed in the inline keyboard');
    if ('callback_data' in b) {
      const bytes = Buffer.byteLength(String(b.callback_data), 'utf8');
      if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
    }
  }

  function sendMessage(params: Record<string, any>): SentMessage {
    const chat = chatFor(params.chat_id);
    const text = messageText(params);
    const reply_markup = markupOf(params);
    const message_id = (botMessageIds.get(chat.id) ?? 999) + 1;
    botMessageIds.set(chat.id, message_id);
    const msg: SentMessage = { message_id, from: botUser, chat, date: nowSeconds(), text };
    if (reply_markup !== undefined) msg.reply_markup = reply_markup;
    sentMessages.push(msg);
    sentByKey.set(`${chat.id}:${message_id}`, msg);
    return msg;
  }

  function messageToEdit(params: Record<string, any>): SentMessage | undefined {
    if (params.inline_message_id !== undefined) return undefined;
    const chat = chatFor(params.chat_id);
    const msg = sentByKey.get(`${chat.id}:${toInt(params.message_id)}`);
    if (!msg) throw badRequest('message to edit not found');
    return msg;
  }

  const sameMarkup = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

  function applyEdit(msg: SentMessage, text: string, markup: unknown): SentMessage {
    if (msg.text === text && sameMarkup(msg.reply_markup, markup)) throw badRequest('message is not modified');
    msg.text = text;
    if (markup === undefined) delete msg.reply_markup;
    else msg.reply_markup = markup;
    msg.edit_date = nowSeconds();
    return msg;
  }

  const commandKey = (scope: unknown, lang: unknown): string =>
    `${JSON.stringify(typeof scope === 'string' ? JSON.parse(scope) : scope ?? { type: 'default' })}|${lang ?? ''}`;

  function setMyCommands(params: Record<string, any>): true {
    let list = params.commands;
    if (typeof list === 'string') list = JSON.parse(list);
    if (!Array.isArray(list)) throw badRequest('parameter "commands" is required');
    if (list.length > 100) throw badRequest('too many commands');
    for (const c of list) {
      if (typeof c?.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw badRequest('BOT_COMMAND_INVALID');
      if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) {
        throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
      }
    }
    commands.set(commandKey(params.scope, params.language_code), list.map((c: any) => ({ command: c.command, description: c.description })));
    return true;
  }

  function takeFailure(method: string, params: Record<string, any>): ApiError | undefined {
    const list = failures.get(method.toLowerCase());
    if (!list) return undefined;
    const f = list.find((x) => x.remaining > 0 && (x.chatId === undefined || Number(params.chat_id) === x.chatId));
    if (!f) return undefined;
    f.remaining -= 1;
    if (list.every((x) => x.remaining <= 0)) failures.delete(method.toLowerCase());
    return new ApiError(f.errorCode, f.description, f.retryAfter !== undefined ? { retry_after: f.retryAfter } : undefined);
  }

  // ---------- limits ----------

  /** The bucket refilled up to time t (created full). */
  function refill(b: Bucket | undefined, limit: BucketLimit, defaultBurst: number, t: number): Bucket {
    const burst = Math.max(1, limit.burst ?? defaultBurst);
    if (!b) return { tokens: burst, at: t };
    b.tokens = Math.min(burst, b.tokens + (Math.max(0, t - b.at) * limit.perSecond) / 1000);
    b.at = t;
    return b;
  }

  const waitMs = (b: Bucket, limit: BucketLimit): number => (b.tokens >= 1 ? 0 : ((1 - b.tokens) * 1000) / limit.perSecond);

  const tooManyRequests = (retryAfter: number): ApiError =>
    new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

  /** For a counted call under `limits`: the 429 to answer instead of performing it, else takes its tokens. */
  function overLimit(l: FakeLimits, params: Record<string, any>): ApiError | undefined {
    if ((l.random429Rate ?? 0) > 0 && random429() < l.random429Rate!) {
      stats.random429 += 1;
      return tooManyRequests(Math.max(1, Math.ceil(l.random429RetryAfter ?? 1)));
    }
    const t = (l.now ?? Date.now)();
    const chatKey = params.chat_id === undefined || params.chat_id === null ? undefined : String(params.chat_id);
    let chat: Bucket | undefined;
    let chatWait = 0;
    if (l.perChat && chatKey !== undefined) {
      chat = refill(chatBuckets.get(chatKey), l.perChat, 1, t);
      chatBuckets.set(chatKey, chat);
      chatWait = waitMs(chat, l.perChat);
    }
    let globalWait = 0;
    if (l.global) {
      globalBucket = refill(globalBucket, l.global, l.global.perSecond, t);
      globalWait = waitMs(globalBucket, l.global);
    }
    if (chatWait > 0 || globalWait > 0) {
      if (chatWait > 0) stats.perChat429 += 1;
      else stats.global429 += 1;
      return tooManyRequests(Math.max(1, Math.ceil(Math.max(chatWait, globalWait) / 1000)));
    }
    if (chat) chat.tokens -= 1;
    if (globalBucket && l.global) globalBucket.tokens -= 1;
    return undefined;
  }

  /** Runs one method. Returns undefined when the answer is given later (long polling). */
  function dispatch(method: string, params: Record<string, any>, res: ServerResponse, call: FakeCall): { result: unknown } | undefined {
    const failure = takeFailure(method, params);
    if (failure) throw failure;
    switch (method.toLowerCase()) {
      case 'getme':
        return { result: botUser };
      case 'getupdates': {
        const updates = getUpdates(params, res, call);
        return updates === undefined ? undefined : { result: updates };
      }
      case 'sendmessage':
        return { result: sendMessage(params) };
      case 'editmessagetext': {
        const msg = messageToEdit(params);
        const text = messageText(params);
        if (!msg) return { result: true };
        // Like Telegram: editing the text without reply_markup drops the inline keyboard.
        return { result: applyEdit(msg, text, markupOf(params)) };
      }
      case 'editmessagereplymarkup': {
        const msg = messageToEdit(params);
        if (!msg) return { result: true };
        return { result: applyEdit(msg, msg.text, markupOf(params)) };
      }
      case 'answercallbackquery': {
        const id = String(params.callback_query_id ?? '');
        if (!issuedQueries.has(id) || answeredQueries.has(id)) {
          throw badRequest('query is too old and response timeout expired or query ID is invalid');
        }
        answeredQueries.add(id);
        return { result: true };
      }
      case 'setmycommands':
        return { result: setMyCommands(params) };
      case 'getmycommands':
        return { result: commands.get(commandKey(params.scope, params.language_code)) ?? [] };
      case 'deletemycommands':
        commands.delete(commandKey(params.scope, params.language_code));
        return { result: true };
      case 'deletewebhook':
        webhookUrl = '';
        if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') {
          const last = queue.at(-1);
          if (last) confirmedBelow = Math.max(confirmedBelow, last.update_id + 1);
          queue = [];
        }
        return { result: true };
      case 'setwebhook':
        webhookUrl = String(params.url ?? '');
        webhookSecret = params.secret_token === undefined ? undefined : String(params.secret_token);
        maxConnections = Math.min(100, Math.max(1, toInt(params.max_connections) ?? 40));
        if (Array.isArray(params.allowed_updates)) allowedUpdates = params.allowed_updates.map(String);
        scheduleWake();
        return { result: true };
      case 'getwebhookinfo':
        return {
          result: {
            url: webhookUrl,
            has_custom_certificate: false,
            pending_update_count: queue.filter((u) => u.update_id >= confirmedBelow).length,
          },
        };
      case 'getchat': {
        const chat = chatFor(params.chat_id);
        return { result: { ...chat } };
      }
      default:
        return { result: true };
    }
  }

  // ---------- HTTP ----------

  function answer(res: ServerResponse, call: FakeCall, body: { ok: true; result: unknown }): void {
    call.result = body.result;
    send(res, 200, body);
  }

  function answerError(res: ServerResponse, call: FakeCall | undefined, err: ApiError): void {
    if (call) call.error = { error_code: err.code, description: err.description };
    const body: Record<string, unknown> = { ok: false, error_code: err.code, description: err.description };
    if (err.parameters) body.parameters = err.parameters;
    send(res, err.code, body);
  }

  function send(res: ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    const json = JSON.stringify(body);
    const latency = limits?.latencyMs;
    if (latency && !closed) {
      const [min, max] = latency;
      const delay = Math.max(0, min + randomLatency() * Math.max(0, max - min));
      const timer = setTimeout(() => {
        latencyTimers.delete(timer);
        write(res, status, json);
      }, delay);
      latencyTimers.add(timer);
      return;
    }
    write(res, status, json);
  }

  function write(res: ServerResponse, status: number, json: string): void {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z]+)\/?$/.exec(url.pathname);
    let params: Record<string, any>;
    try {
      params = await readParams(req, url);
    } catch (e) {
      if (!match) return answerError(res, undefined, new ApiError(404, 'Not Found'));
      return answerError(res, undefined, badRequest(e instanceof Error ? e.message : String(e)));
    }
    if (!match) return answerError(res, undefined, new ApiError(404, 'Not Found'));
    const [, reqToken, method] = match as unknown as [string, string, string];
    const call: FakeCall = { method, params, at: Date.now() };
    calls.push(call);
    stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1;
    const counted = COUNTED_METHODS.has(method.toLowerCase());
    if (counted) {
      stats.counted += 1;
      stats.countedByMethod[method] = (stats.countedByMethod[method] ?? 0) + 1;
    }
    if (reqToken !== token) return answerError(res, call, new ApiError(401, 'Unauthorized'));
    try {
      const limited = limits && counted ? overLimit(limits, params) : undefined;
      if (limited) throw limited;
      const out = dispatch(method, params, res, call);
      if (out) answer(res, call, { ok: true, result: out.result });
    } catch (e) {
      if (e instanceof ApiError && e.code === 429 && counted) stats.counted429 += 1;
      if (e instanceof ApiError) return answerError(res, call, e);
      return answerError(res, call, new ApiError(500, `Internal Server Error: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.writableEnded && !res.destroyed) res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  // ---------- inspection ----------

  function sent(chatId?: number): SentMessage[] {
    return chatId === undefined ? [...sentMessages] : sentMessages.filter((m) => m.chat.id === chatId);
  }

  function describeCalls(): string {
    const recent = calls.slice(-12);
    if (recent.length === 0) return '  (no API calls at all)';
    const t0 = calls[0]?.at ?? 0;
    return recent
      .map((c) => {
        let p = JSON.stringify(c.params);
        if (p.length > 200) p = `${p.slice(0, 197)}...`;
        const err = c.error ? ` -> ${c.error.error_code} ${c.error.description}` : '';
        return `  +${c.at - t0}ms ${c.method} ${p}${err}`;
      })
      .join('\n');
  }

  async function poll(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (check()) return;
      if (Date.now() >= deadline) {
        throw new Error(`fake-telegram: timed out after ${timeoutMs}ms waiting for ${what}. Last calls (${calls.length} in all):\n${describeCalls()}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botUser,
    calls,
    pushUpdate,
    sendText,
    sendPhoto,
    sendVoice,
    sendSticker,
    sendDocument,
    pressButton,
    sent,
    waitFor: (pred, timeoutMs = 5000) => poll(() => pred(calls), timeoutMs, 'the predicate'),
    async waitForSent(chatId, count, timeoutMs = 5000) {
      await poll(() => sent(chatId).length >= count, timeoutMs, `${count} sent message(s) in chat ${chatId} (have ${sent(chatId).length})`);
      return sent(chatId);
    },
    failNext(method, o) {
      const errorCode = o.errorCode ?? 429;
      const retryAfter = o.retryAfter ?? (errorCode === 429 ? 1 : undefined);
      const description = o.description ?? (errorCode === 429 ? `Too Many Requests: retry after ${retryAfter}` : `Error ${errorCode}`);
      const f: Failure = { remaining: o.times ?? 1, errorCode, description };
      if (retryAfter !== undefined) f.retryAfter = retryAfter;
      if (o.chatId !== undefined) f.chatId = o.chatId;
      const key = method.toLowerCase();
      failures.set(key, [...(failures.get(key) ?? []), f]);
    },
    myCommands(o = {}) {
      return commands.get(commandKey(o.scope, o.languageCode)) ?? [];
    },
    stats: () => ({ ...stats, byMethod: { ...stats.byMethod }, countedByMethod: { ...stats.countedByMethod } }),
    resetStats() {
      stats = emptyStats();
    },
    setLimits,
    webhookAttempts,
    async close() {
      if (closed) return;
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      agent.destroy();
      for (const p of [...pollers]) finishPoll(p, []);
      for (const timer of latencyTimers) clearTimeout(timer);
      latencyTimers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

// ---------- parsing helpers ----------

function toInt(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
}

/** Form and query values are strings; JSON-serialized fields (objects/arrays/booleans) are decoded. */
function coerce(v: string): unknown {
  const t = v.trim();
  if (t.startsWith('{') || t.startsWith('[') || t === 'true' || t === 'false') {
    try {
      return JSON.parse(t);
    } catch {
      return v;
    }
  }
  return v;
}

async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, any>> {
  const params: Record<string, any> = {};
  for (const [k, v] of url.searchParams) params[k] = coerce(v);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length === 0) return params;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/json') || (type === '' && body[0] === 0x7b)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new Error("can't parse JSON object");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error("can't parse JSON object");
    return { ...params, ...(parsed as Record<string, any>) };
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = coerce(v);
    return params;
  }
  if (type.startsWith('multipart/form-data')) {
    // The boundary is case-sensitive: take it from the raw header.
    const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(String(req.headers['content-type']));
    const boundary = m?.[1] ?? m?.[2];
    if (!boundary) throw new Error('multipart boundary missing');
    Object.assign(params, parseMultipart(body, boundary));
    return params;
  }
  return params;
}

/** Text fields as values (JSON decoded); file parts as `{ filename, contentType, size }`. */
function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const text = body.toString('latin1');
  for (const part of text.split(`--${boundary}`)) {
    const sep = part.indexOf('\r\n\r\n');
    if (sep === -1) continue;
    const head = part.slice(0, sep);
    let content = part.slice(sep + 4);
    if (content.endsWith('\r\n')) content = content.slice(0, -2);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) continue;
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    if (filename !== undefined) {
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
      out[name] = { filename, contentType, size: Buffer.byteLength(content, 'latin1') };
    } else {
      out[name] = coerce(Buffer.from(content, 'latin1').toString('utf8'));
    }
  }
  return out;
}

/** Telegram's HTML parse mode: checks the tags it knows and returns the plain text it would show. */
function htmlToPlain(src: string): string {
  let out = '';
  const stack: string[] = [];
  const byteOffset = (i: number): number => Buffer.byteLength(src.slice(0, i), 'utf8');
  const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '<') {
      const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>/.exec(src.slice(i));
      if (!tag) throw badRequest(`can't parse entities: Unexpected character '<' at byte offset ${byteOffset(i)}`);
      const closing = tag[1] === '/';
      const name = tag[2]!.toLowerCase();
      if (!HTML_TAGS.has(name)) {
        throw badRequest(`can't parse entities: Unsupported ${closing ? 'end' : 'start'} tag "${name}" at byte offset ${byteOffset(i)}`);
      }
      if (closing) {
        const open = stack.pop();
        if (open !== name) {
          throw badRequest(`can't parse entities: Unmatched end tag at byte offset ${byteOffset(i)}, expected "</${open ?? ''}>", found "</${name}>"`);
        }
      } else {
        stack.push(name);
      }
      i += tag[0].length;
    } else if (ch === '&') {
      const ent = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/.exec(src.slice(i));
      const name = ent?.[1];
      if (ent && name !== undefined && name.startsWith('#x')) out += String.fromCodePoint(parseInt(name.slice(2), 16));
      else if (ent && name !== undefined && name.startsWith('#')) out += String.fromCodePoint(parseInt(name.slice(1), 10));
      else if (ent && name !== undefined && entities[name] !== undefined) out += entities[name];
      else {
        out += '&';
        i += 1;
        continue;
      }
      i += ent[0].length;
    } else {
      out += ch;
      i += 1;
    }
  }
  if (stack.length > 0) throw badRequest(`can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"`);
  return out;
}
