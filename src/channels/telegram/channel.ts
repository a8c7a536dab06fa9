import { AsyncLocalStorage } from 'node:async_hooks';
import type { Server } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, HttpError } from 'grammy';
import type { Message, Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { App, Inbound } from '../../app/app.js';
import { TokenBuckets } from '../../app/token-bucket.js';
import { SendError } from '../port.js';
import type { Lang, T } from '../../core/types.js';
import { TELEGRAM_USERNAME_KEY } from '../../storage/kv.js';
import type { OutboxMessage } from '../../storage/outbox.js';
import type { Channel, ChannelHealth } from '../port.js';
import { inlineKeyboard, parseButtonData, splitText } from './render.js';
import { startWebhookServer } from './webhook.js';

export const TELEGRAM_CHANNEL = 'telegram';

/** Commands in the menu Telegram shows beside the text box. */
export const TELEGRAM_COMMANDS = ['start', 'menu', 'status', 'daftar', 'warga', 'draf', 'bahasa', 'bantuan'] as const;

/** Updates the bot asks Telegram for (nothing else is handled). */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** How often an unaddressed group chat gets the "talk to me privately" pointer. */
const GROUP_POINTER_EVERY_MS = 10 * 60_000;

/** getUpdates failures in a row after which polling counts as down, not degraded (about 30 s of backoff). */
const POLL_DOWN_AFTER = 5;
/** Sends failing in a row (to be retried) after which the channel counts as degraded. */
const SEND_DEGRADED_AFTER = 3;

/** Calls Telegram counts against a chat's and the bot's limits (they put or change a message in a chat). */
const COUNTED = new Set(['sendMessage', 'editMessageText', 'editMessageReplyMarkup', 'sendPhoto', 'sendDocument', 'sendVoice', 'sendSticker', 'copyMessage', 'forwardMessage']);

export interface TelegramDeps {
  token: string;
  app: App;
  translate: (lang: Lang) => T;
  logger: Logger;
  apiRoot?: string;
  /**
   * Messages per chat: a token bucket (Telegram asks for about one message a second in a chat;
   * a short burst is fine). Default 1 per second, burst 3.
   */
  perChat?: { perSecond: number; burst: number };
  /**
   * The budget for messages nobody is waiting for (notifications, bulk sends such as 500
   * approvals at once), over all chats; replies are not held to it. Default 25 per second, so
   * that replies keep some of the bot's overall rate while news goes out.
   */
  bulkPerSecond?: number;
  /**
   * Every counted call over all chats, replies included: a smooth token bucket (no fixed one-second
   * windows), so a crowd writing at once is answered at the rate Telegram accepts instead of
   * meeting 429s. Default 30 per second (Telegram's documented figure); 0 turns it off (for a bot
   * Telegram granted more).
   */
  globalPerSecond?: number;
  senderPollMs?: number;
  /** Webhook mode (else long polling): where Telegram posts, the secret it sends, and where we listen. */
  webhook?: { url: string; secret: string; port: number; host: string };
}

/** Updates taken: committed (kept) by the time it is given; `handled` resolves once they are handled. */
export interface Accepted {
  handled: Promise<unknown>;
}

function langOf(code: string | undefined): Lang {
  return code?.toLowerCase().startsWith('en') ? 'en' : 'id';
}

/** Turns a grammY failure into: retry later (429, network, 5xx) or never (blocked, chat gone). */
export function toSendError(err: unknown): SendError {
  if (err instanceof GrammyError) {
    const retryAfter = err.parameters?.retry_after;
    if (err.error_code === 429) return new SendError(err.description, false, (retryAfter ?? 5) * 1000);
    if (err.error_code === 403 || (err.error_code === 400 && /chat not found|user is deactivated/i.test(err.description))) {
      return new SendError(err.description, true, undefined, err.error_code === 403 ? 'blocked' : 'no_account');
    }
    return new SendError(err.description, err.error_code < 500 && err.error_code !== 409);
  }
  if (err instanceof HttpError) return new SendError(err.message, false);
  return new SendError(err instanceof Error ? err.message : String(err), false);
}

/**
 * The Telegram channel: grammY in, the outbox out. Private chats talk to the app; groups get a
 * pointer to a private chat; buttons are inline keyboards numbered per question.
 */
export function createTelegramChannel(deps: TelegramDeps) {
  const { app, translate, logger } = deps;
  const bot = new Bot(deps.token, deps.apiRoot ? { client: { apiRoot: deps.apiRoot } } : undefined);
  const perChat = new TokenBuckets(deps.perChat ?? { perSecond: 1, burst: 3 });
  const bulkRate = deps.bulkPerSecond ?? 25;
  const bulk = new TokenBuckets({ perSecond: bulkRate, burst: bulkRate });
  const globalRate = deps.globalPerSecond ?? 30;
  const overall = globalRate > 0 ? new TokenBuckets({ perSecond: globalRate, burst: Math.max(1, Math.floor(globalRate / 2)) }) : undefined;
  /** What the call under way is: a reply someone waits for, or news nobody waits for. */
  const sendKind = new AsyncLocalStorage<string>();
  // The limits sit inside auto-retry (installed first = called last): a retry after a 429 takes a
  // token again, and waits its retry_after first.
  bot.api.config.use(async (prev, method, payload, signal) => {
    const chat = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    if (chat !== undefined && COUNTED.has(method)) {
      // The chat's own token first, the shared ones last: a call waiting for its chat holds no
      // token others could use.
      await perChat.take(String(chat));
      if (sendKind.getStore() !== 'reply') await bulk.take('all');
      await overall?.take('all');
    }
    return prev(method, payload, signal);
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  const lastPointer = new Map<number, number>();
  /** What health() reads: how it receives, and the failures in a row (no platform call at scrape time). */
  let receiving: 'starting' | 'polling' | 'webhook' | 'stopped' = 'starting';
  let pollTrouble: { count: number; code?: number } | undefined;
  let sendFailuresInARow = 0;

  async function send(m: OutboxMessage): Promise<void> {
    const parts = splitText(m.reply.text);
    const keyboard = inlineKeyboard(m.reply);
    try {
      await sendKind.run(m.kind, async () => {
        for (const [i, part] of parts.entries()) {
          const last = i === parts.length - 1;
          await bot.api.sendMessage(m.externalId, part, last && keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {});
        }
      });
      sendFailuresInARow = 0;
    } catch (err) {
      const e = toSendError(err);
      // A chat that blocked the bot says nothing about the bot's health.
      if (!e.permanent) sendFailuresInARow++;
      throw e;
    }
  }

  /** ok; starting until it receives; degraded while getUpdates or sends fail (retrying); down when stopped, refused or failing on. */
  function health(): ChannelHealth {
    if (receiving === 'stopped') return { state: 'down', detail: 'stopped' };
    if (receiving === 'starting') return { state: 'starting', detail: 'connecting to Telegram' };
    if (receiving === 'webhook' && !server?.listening) return { state: 'down', detail: 'the webhook receiver is not listening' };
    if (pollTrouble) {
      // 401/404: the token was refused; 409: another process polls with it, or a webhook is set.
      if (pollTrouble.code === 401 || pollTrouble.code === 404 || pollTrouble.code === 409) return { state: 'down', detail: `getUpdates refused (${pollTrouble.code})` };
      const detail = `getUpdates failed ${pollTrouble.count} time(s) in a row`;
      return { state: pollTrouble.count >= POLL_DOWN_AFTER ? 'down' : 'degraded', detail };
    }
    if (sendFailuresInARow >= SEND_DEGRADED_AFTER) return { state: 'degraded', detail: `${sendFailuresInARow} sends failed in a row` };
    return { state: 'ok' };
  }

  const sending: Channel['sending'] = {
    pollMs: deps.senderPollMs,
    // One process sends for the bot (its 30 messages a second are one budget); any process receives.
    exclusive: true,
    // Replies to one message (e.g. an answer and the next question) go out as one Telegram message:
    // one counted call per reply burst. A message with buttons always ends a group.
    combine: (first, next) =>
      first.kind === 'reply' &&
      next.kind === 'reply' &&
      first.createdAt === next.createdAt &&
      !first.reply.choices?.length &&
      first.reply.text.length + next.reply.text.length < 3500,
    // Many chats at once: a chat waiting for its own token does not hold the others up.
    concurrency: 64,
  };

  /** In a group: never collect anything, just point to a private chat (addressed, or now and then). */
  async function groupPointer(message: Message): Promise<void> {
    const chat = message.chat;
    const text = message.text ?? '';
    const username = bot.botInfo.username;
    const addressed = text.startsWith('/') || text.includes(`@${username}`) || message.reply_to_message?.from?.id === bot.botInfo.id;
    const now = app.clock();
    if (!addressed && now - (lastPointer.get(chat.id) ?? 0) < GROUP_POINTER_EVERY_MS) return;
    lastPointer.set(chat.id, now);
    const t = translate(langOf(message.from?.language_code));
    await app.enqueue({ channel: TELEGRAM_CHANNEL, externalId: String(chat.id), reply: { text: t('tg.group_pointer', { link: `https://t.me/${username}` }) }, kind: 'group_pointer' });
  }

  /** Acknowledges a button press (free of rate limits); a failure only leaves the button spinning a while. */
  function answerPress(id: string): void {
    bot.api.answerCallbackQuery(id).catch((err: unknown) => logger.warn({ err }, 'answerCallbackQuery failed'));
  }

  /** What an update asks of the app: a message to handle (and a press to acknowledge after), or nothing (a group's pointer is queued). */
  async function intake(update: Update): Promise<{ msg: Inbound; pressId?: string } | undefined> {
    const base = (chatId: number, lang: string | undefined) => ({
      channel: TELEGRAM_CHANNEL,
      externalId: String(chatId),
      messageId: String(update.update_id),
      lang: langOf(lang),
    });
    const press = update.callback_query;
    if (press) {
      const chat = press.message?.chat;
      const data = press.data === undefined ? undefined : parseButtonData(press.data);
      if (!chat || chat.type !== 'private' || !data) {
        answerPress(press.id);
        return undefined;
      }
      return { msg: { ...base(chat.id, press.from.language_code), text: data.key, questionRef: data.question }, pressId: press.id };
    }
    const message = update.message;
    if (!message) return undefined;
    if (message.chat.type !== 'private') {
      if (message.text) await groupPointer(message);
      return undefined;
    }
    const from = base(message.chat.id, message.from?.language_code);
    return { msg: message.text !== undefined ? { ...from, text: message.text } : { ...from, text: '', media: true } };
  }

  /**
   * Takes a batch of updates: resolves once they are committed to the inbox (only then may Telegram
   * hear they arrived: the next getUpdates offset, a webhook's 200), rejects when they could not be
   * kept. `handled` resolves when all are handled; a button press is acknowledged once its answer
   * is committed.
   */
  async function accept(updates: readonly Update[]): Promise<Accepted> {
    const taken: { msg: Inbound; pressId?: string }[] = [];
    // In order: a group's pointers are queued as their updates come.
    for (const update of updates) {
      const x = await intake(update);
      if (x) taken.push(x);
    }
    if (taken.length === 0) return { handled: Promise.resolve() };
    const done = await app.receive(taken.map((x) => x.msg));
    const handled = Promise.all(
      done.map((one, i) => {
        const pressId = taken[i]!.pressId;
        return pressId === undefined ? one : one.finally(() => answerPress(pressId));
      }),
    );
    return { handled };
  }

  /** Publishes the command menu in Indonesian (default) and English. */
  async function publishCommands(): Promise<void> {
    for (const lang of ['id', 'en'] as const) {
      const t = translate(lang);
      const commands = TELEGRAM_COMMANDS.map((command) => ({ command, description: t(`tg.commands.${command}`) }));
      await bot.api.setMyCommands(commands, { language_code: lang });
      if (lang === 'id') await bot.api.setMyCommands(commands);
    }
  }

  let polling: { stop(): Promise<void> } | undefined;
  let server: Server | undefined;
  /** Updates taken and not yet handled (a clean stop waits for them). */
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>): void => {
    const settled = p.catch((err: unknown) => logger.error({ err }, 'telegram update failed')).finally(() => inFlight.delete(settled));
    inFlight.add(settled);
  };

  /** Connects (getMe), publishes commands, remembers the username for invite links. */
  async function init(): Promise<void> {
    await bot.init();
    await app.store.kv.set(TELEGRAM_USERNAME_KEY, bot.botInfo.username, app.clock());
    await publishCommands();
  }

  /**
   * Long polling: each batch is committed to the inbox before the next getUpdates, whose offset
   * tells Telegram the batch arrived; a batch that could not be kept is asked for again.
   */
  async function startPolling(): Promise<void> {
    await bot.api.deleteWebhook();
    receiving = 'polling';
    const abort = new AbortController();
    let stopping = false;
    let offset = 0;
    const loop = (async () => {
      let failures = 0;
      while (!stopping) {
        let updates: Update[];
        try {
          updates = await bot.api.getUpdates({ offset, timeout: 30, allowed_updates: [...ALLOWED_UPDATES] }, abort.signal as Parameters<typeof bot.api.getUpdates>[1]);
          failures = 0;
          pollTrouble = undefined;
        } catch (err) {
          if (stopping) break;
          failures++;
          pollTrouble = { count: failures, code: err instanceof GrammyError ? err.error_code : undefined };
          logger.warn({ err }, 'Telegram getUpdates failed; trying again');
          await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** failures, 30_000)));
          continue;
        }
        if (updates.length === 0) continue;
        try {
          track((await accept(updates)).handled);
        } catch (err) {
          // Not kept (the database refused): not confirmed either, so Telegram sends them again.
          logger.error({ err }, 'could not keep received Telegram updates; asking for them again');
          await new Promise((r) => setTimeout(r, 1000));
          continue;
        }
        offset = updates[updates.length - 1]!.update_id + 1;
      }
    })();
    polling = {
      async stop() {
        stopping = true;
        abort.abort();
        await loop;
      },
    };
  }

  /** For webhook mode: takes one update; committed when this resolves (the 200 may go then); `handled` is its handling. */
  const handleUpdate = async (update: Update): Promise<Accepted> => {
    const accepted = await accept([update]);
    track(accepted.handled);
    return accepted;
  };
  /** Takes nothing new (polling ends, the webhook closes), then waits for what was taken (bounded). */
  async function stopReceiving(timeoutMs = 10_000): Promise<void> {
    receiving = 'stopped';
    await polling?.stop();
    polling = undefined;
    const closing = server;
    server = undefined;
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }
  async function setWebhook(url: string, secret?: string): Promise<void> {
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  }

  const channel = {
    id: TELEGRAM_CHANNEL,
    sending,
    send,
    bot,
    init,
    startPolling,
    handleUpdate,
    setWebhook,
    /** Connects, then receives by webhook (when configured) or long polling. */
    async start(): Promise<void> {
      await init();
      const hook = deps.webhook;
      if (hook) {
        server = await startWebhookServer({
          path: new URL(hook.url).pathname,
          secret: hook.secret,
          port: hook.port,
          host: hook.host,
          logger,
          handle: (update) => handleUpdate(update as Update),
        });
        await setWebhook(hook.url, hook.secret);
        receiving = 'webhook';
        logger.info({ bot: bot.botInfo.username, port: hook.port }, 'Telegram bot running (webhook)');
      } else {
        await startPolling();
        logger.info({ bot: bot.botInfo.username }, 'Telegram bot running (long polling)');
      }
    },
    stopReceiving,
    health,
    async stop(): Promise<void> {
      await stopReceiving();
    },
  } satisfies Channel & Record<string, unknown>;
  return channel;
}

export type TelegramChannel = ReturnType<typeof createTelegramChannel>;
