import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Bot, GrammyError, HttpError, type Context } from 'grammy';
import type { Logger } from 'pino';
import type { App } from '../../app/app.js';
import { SendError } from '../port.js';
import type { Lang, T } from '../../core/types.js';
import { TELEGRAM_USERNAME_KEY } from '../../storage/kv.js';
import type { OutboxMessage } from '../../storage/outbox.js';
import type { Channel } from '../port.js';
import { inlineKeyboard, parseButtonData, splitText } from './render.js';
import { startWebhookServer } from './webhook.js';
import type { Server } from 'node:http';

export const TELEGRAM_CHANNEL = 'telegram';

/** Commands in the menu Telegram shows beside the text box. */
export const TELEGRAM_COMMANDS = ['start', 'menu', 'status', 'daftar', 'warga', 'draf', 'bahasa', 'bantuan'] as const;

/** Updates the bot asks Telegram for (nothing else is handled). */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** How often an unaddressed group chat gets the "talk to me privately" pointer. */
const GROUP_POINTER_EVERY_MS = 10 * 60_000;

export interface TelegramDeps {
  token: string;
  app: App;
  translate: (lang: Lang) => T;
  logger: Logger;
  apiRoot?: string;
  /** Per-chat spacing of sends (ms); Telegram asks for about one message a second per chat. */
  perChatMinMs?: number;
  /** API calls per second over all chats (Telegram's broadcast limit is about 30). */
  globalPerSecond?: number;
  senderPollMs?: number;
  /** Webhook mode (else long polling): where Telegram posts, the secret it sends, and where we listen. */
  webhook?: { url: string; secret?: string; port: number; host: string };
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
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  const perSecond = deps.globalPerSecond ?? 30;
  bot.api.config.use(
    apiThrottler({
      global: { reservoir: perSecond, reservoirRefreshAmount: perSecond, reservoirRefreshInterval: 1000 },
      out: { maxConcurrent: 1, minTime: deps.perChatMinMs ?? 300 },
    }),
  );
  const { chats, kv } = app.store;
  const lastPointer = new Map<number, number>();

  async function removeKeyboard(chatId: string, messageId: string): Promise<void> {
    try {
      await bot.api.editMessageReplyMarkup(chatId, Number(messageId), { reply_markup: { inline_keyboard: [] } });
    } catch (err) {
      // Already removed, or the message is gone: nothing to do.
      if (!(err instanceof GrammyError) || err.error_code >= 500) throw err;
    }
  }

  async function send(m: OutboxMessage): Promise<void> {
    try {
      const previous = chats.keyboardMessage(TELEGRAM_CHANNEL, m.externalId);
      if (previous) {
        await removeKeyboard(m.externalId, previous);
        chats.setKeyboardMessage(TELEGRAM_CHANNEL, m.externalId, null, app.clock());
      }
      const parts = splitText(m.reply.text);
      const keyboard = inlineKeyboard(m.reply);
      for (const [i, part] of parts.entries()) {
        const last = i === parts.length - 1;
        const sent = await bot.api.sendMessage(m.externalId, part, last && keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {});
        if (last && keyboard) chats.setKeyboardMessage(TELEGRAM_CHANNEL, m.externalId, String(sent.message_id), app.clock());
      }
    } catch (err) {
      throw toSendError(err);
    }
  }

  const sending: Channel['sending'] = {
    pollMs: deps.senderPollMs,
    // Replies to one message (e.g. an answer and the next question) go out as one Telegram message:
    // fewer calls against Telegram's 30 per second. A message with buttons always ends a group.
    combine: (first, next) =>
      first.kind === 'reply' &&
      next.kind === 'reply' &&
      first.createdAt === next.createdAt &&
      !first.reply.choices?.length &&
      first.reply.text.length + next.reply.text.length < 3500,
  };

  async function toApp(ctx: Context, input: { text: string; questionRef?: number; media?: boolean }): Promise<void> {
    const chat = ctx.chat!;
    await app.handle({
      channel: TELEGRAM_CHANNEL,
      externalId: String(chat.id),
      messageId: String(ctx.update.update_id),
      lang: langOf(ctx.from?.language_code),
      ...input,
    });
  }

  /** In a group: never collect anything, just point to a private chat (addressed, or now and then). */
  function groupPointer(ctx: Context): void {
    const chat = ctx.chat!;
    const text = ctx.message?.text ?? '';
    const username = bot.botInfo.username;
    const addressed =
      text.startsWith('/') || text.includes(`@${username}`) || ctx.message?.reply_to_message?.from?.id === bot.botInfo.id;
    const now = app.clock();
    if (!addressed && now - (lastPointer.get(chat.id) ?? 0) < GROUP_POINTER_EVERY_MS) return;
    lastPointer.set(chat.id, now);
    const t = translate(langOf(ctx.from?.language_code));
    app.enqueue({ channel: TELEGRAM_CHANNEL, externalId: String(chat.id), reply: { text: t('tg.group_pointer', { link: `https://t.me/${username}` }) }, kind: 'group_pointer' });
  }

  // Updates of one chat one after another (the runner and webhooks would otherwise overlap them).
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));

  bot.on('callback_query:data', async (ctx) => {
    // Answer at once so the button stops spinning, whatever happens next.
    await ctx.answerCallbackQuery().catch((err: unknown) => logger.warn({ err }, 'answerCallbackQuery failed'));
    if (ctx.chat?.type !== 'private') return;
    const data = parseButtonData(ctx.callbackQuery.data);
    if (!data) return;
    await toApp(ctx, { text: data.key, questionRef: data.question });
  });

  bot.on('message', async (ctx) => {
    if (ctx.chat.type !== 'private') {
      if (ctx.message.text) groupPointer(ctx);
      return;
    }
    if (ctx.message.text !== undefined) return toApp(ctx, { text: ctx.message.text });
    return toApp(ctx, { text: '', media: true });
  });

  bot.catch((err) => logger.error({ err: err.error }, 'telegram update failed'));

  /** Publishes the command menu in Indonesian (default) and English. */
  async function publishCommands(): Promise<void> {
    for (const lang of ['id', 'en'] as const) {
      const t = translate(lang);
      const commands = TELEGRAM_COMMANDS.map((command) => ({ command, description: t(`tg.commands.${command}`) }));
      await bot.api.setMyCommands(commands, { language_code: lang });
      if (lang === 'id') await bot.api.setMyCommands(commands);
    }
  }

  let runner: RunnerHandle | undefined;
  let server: Server | undefined;

  /** Connects (getMe), publishes commands, remembers the username for invite links. */
  async function init(): Promise<void> {
    await bot.init();
    kv.set(TELEGRAM_USERNAME_KEY, bot.botInfo.username, app.clock());
    await publishCommands();
  }
  /** Long polling with the runner (updates of different chats handled concurrently). */
  async function startPolling(): Promise<void> {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  }
  /** For webhook mode: feed one update (already acknowledged to Telegram). */
  const handleUpdate = (update: Parameters<Bot['handleUpdate']>[0]) => bot.handleUpdate(update);
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
          handle: (update) => handleUpdate(update as Parameters<Bot['handleUpdate']>[0]),
        });
        await setWebhook(hook.url, hook.secret);
        logger.info({ bot: bot.botInfo.username, port: hook.port }, 'Telegram bot running (webhook)');
      } else {
        await startPolling();
        logger.info({ bot: bot.botInfo.username }, 'Telegram bot running (long polling)');
      }
    },
    async stop(): Promise<void> {
      if (runner?.isRunning()) await runner.stop();
      server?.close();
    },
  } satisfies Channel & Record<string, unknown>;
  return channel;
}

export type TelegramChannel = ReturnType<typeof createTelegramChannel>;
