import { afterEach, describe, expect, it } from 'vitest';
import { Bot, GrammyError, InlineKeyboard } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, type RunnerHandle } from '@grammyjs/runner';
import {
  groupChat,
  privateChat,
  startFakeTelegram,
  userFor,
  type FakeTelegram,
} from '../helpers/fake-telegram.js';

/** Everything a test started, undone in reverse order after it. */
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  const failures: unknown[] = [];
  while (cleanups.length > 0) await cleanups.pop()!().catch((e: unknown) => failures.push(e));
  if (failures.length > 0) throw failures[0];
});

async function setup(): Promise<{ fake: FakeTelegram; bot: Bot }> {
  const fake = await startFakeTelegram();
  cleanups.push(() => fake.close());
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  return { fake, bot };
}

/** Starts long polling without awaiting it; stops the bot (before the server closes) after the test. */
function startPolling(bot: Bot): Promise<void> {
  const errors: unknown[] = [];
  bot.catch((err) => {
    errors.push(err);
  });
  const running = bot.start({ drop_pending_updates: false, timeout: 30 }).catch((e: unknown) => {
    errors.push(e);
  });
  cleanups.push(async () => {
    if (bot.isRunning()) await bot.stop();
    await running;
    if (errors.length > 0) throw errors[0];
  });
  return running;
}

describe('fake Telegram Bot API with the real grammY client', () => {
  it('answers getMe, and rejects a wrong token with 401', async () => {
    const { fake, bot } = await setup();
    await bot.init();
    expect(bot.botInfo.username).toBe('lindung_test_bot');
    expect(bot.botInfo.is_bot).toBe(true);
    expect(fake.calls.map((c) => c.method)).toEqual(['getMe']);

    const stranger = new Bot('999:wrong', { client: { apiRoot: fake.apiRoot } });
    const err = await stranger.api.getMe().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(401);
    expect((err as GrammyError).description).toBe('Unauthorized');
  });

  it('delivers a pushed text message to bot.start() and records the reply with its keyboard', async () => {
    const { fake, bot } = await setup();
    const chat = privateChat(42, 'Sari');
    const seen: string[] = [];
    bot.command('start', (ctx) => ctx.reply('Halo!'));
    bot.on('message:text', async (ctx) => {
      seen.push(ctx.message.text);
      await ctx.reply(`You said: ${ctx.message.text}`, {
        reply_markup: new InlineKeyboard().text('Yes', 'ans:yes').text('No', 'ans:no'),
      });
    });
    startPolling(bot);

    fake.sendText(chat, 'hello', { from: userFor(chat, 'id') });
    const [reply] = await fake.waitForSent(42, 1, 3000);
    expect(seen).toEqual(['hello']);
    expect(reply).toMatchObject({ message_id: 1000, chat: { id: 42, type: 'private' }, text: 'You said: hello' });
    expect(reply!.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Yes', callback_data: 'ans:yes' }, { text: 'No', callback_data: 'ans:no' }]],
    });
    const send = fake.calls.find((c) => c.method === 'sendMessage');
    expect(send?.params).toMatchObject({ chat_id: 42, text: 'You said: hello' });

    // A command gets its bot_command entity, and message ids go on per chat.
    fake.sendText(chat, '/start');
    const replies = await fake.waitForSent(42, 2, 3000);
    expect(replies.map((m) => [m.message_id, m.text])).toEqual([[1000, 'You said: hello'], [1001, 'Halo!']]);

    // Groups get their own numbering.
    const group = groupChat(7);
    fake.sendText(group, 'hi all');
    const [groupReply] = await fake.waitForSent(-7, 1, 3000);
    expect(groupReply!.message_id).toBe(1000);
    expect(fake.sent()).toHaveLength(3);
  });

  it('routes a button press to callback_query:data and records answerCallbackQuery', async () => {
    const { fake, bot } = await setup();
    const chat = privateChat(43);
    const pressed: string[] = [];
    bot.on('message:text', (ctx) => ctx.reply('Pick one', { reply_markup: new InlineKeyboard().text('A', 'pick:a') }));
    bot.on('callback_query:data', async (ctx) => {
      pressed.push(ctx.callbackQuery.data);
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup(); // drop the keyboard
    });
    startPolling(bot);

    fake.sendText(chat, 'menu');
    const [menu] = await fake.waitForSent(43, 1, 3000);
    fake.pressButton(chat, menu!.message_id, 'pick:a');
    await fake.waitFor((calls) => calls.some((c) => c.method === 'editMessageReplyMarkup' && c.result !== undefined), 3000);

    expect(pressed).toEqual(['pick:a']);
    const answers = fake.calls.filter((c) => c.method === 'answerCallbackQuery');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.error).toBeUndefined();
    expect(fake.sent(43)[0]!.reply_markup).toBeUndefined();

    // Answering the same query again is refused like Telegram does.
    const again = await bot.api.answerCallbackQuery(String(answers[0]!.params.callback_query_id)).catch((e: unknown) => e);
    expect((again as GrammyError).description).toMatch(/query is too old/);
    // And removing a keyboard that is already gone is "not modified".
    const noop = await bot.api.editMessageReplyMarkup(43, menu!.message_id).catch((e: unknown) => e);
    expect((noop as GrammyError).description).toBe('Bad Request: message is not modified');
  });

  it('with autoRetry, a 429 delays sendMessage but delivers it exactly once', async () => {
    const { fake, bot } = await setup();
    bot.api.config.use(autoRetry());
    const chat = privateChat(44);
    bot.on('message:text', (ctx) => ctx.reply('pong'));
    startPolling(bot);
    fake.failNext('sendMessage', { times: 1, retryAfter: 1 });

    const t0 = Date.now();
    fake.sendText(chat, 'ping');
    const sent = await fake.waitForSent(44, 1, 5000);
    const elapsed = Date.now() - t0;

    expect(sent.map((m) => m.text)).toEqual(['pong']);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    const attempts = fake.calls.filter((c) => c.method === 'sendMessage');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.error).toEqual({ error_code: 429, description: 'Too Many Requests: retry after 1' });
    expect(attempts[1]!.error).toBeUndefined();
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.sent(44)).toHaveLength(1);
  });

  it('runs under @grammyjs/runner and never redelivers a handled update', async () => {
    const { fake, bot } = await setup();
    const chat = privateChat(45);
    const got: number[] = [];
    bot.on('message', (ctx) => {
      got.push(ctx.update.update_id);
      return ctx.reply(ctx.message.photo ? 'nice photo' : 'ok');
    });
    const runner: RunnerHandle = run(bot, { runner: { fetch: { timeout: 30 } } });
    cleanups.push(async () => {
      if (runner.isRunning()) await runner.stop();
    });

    const a = fake.sendText(chat, 'one');
    const b = fake.sendPhoto(chat);
    await fake.waitForSent(45, 2, 3000);
    const c = fake.sendText(chat, 'three');
    const replies = await fake.waitForSent(45, 3, 3000);

    expect(got).toEqual([a, b, c]);
    expect(replies.map((m) => m.text).sort()).toEqual(['nice photo', 'ok', 'ok']);
    const polls = fake.calls.filter((call) => call.method === 'getUpdates');
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.at(-1)!.params.offset).toBeGreaterThan(a);
  });

  it('bot.stop() confirms handled updates, so a restarted bot gets only the new ones', async () => {
    const { fake, bot } = await setup();
    const chat = privateChat(46);
    const seen: number[] = [];
    bot.on('message', (ctx) => {
      seen.push(ctx.update.update_id);
    });
    const first = bot.start({ drop_pending_updates: false });
    const a = fake.sendText(chat, 'before restart');
    await fake.waitFor(() => seen.length === 1, 3000);
    await bot.stop();
    await first;

    const b = fake.sendText(chat, 'while down');
    const again = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    again.on('message', (ctx) => {
      seen.push(ctx.update.update_id);
    });
    startPolling(again);
    await fake.waitFor(() => seen.length >= 2, 3000);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([a, b]);
  });

  it('keeps commands per language and fails waitFor with the recent calls listed', async () => {
    const { fake, bot } = await setup();
    await bot.api.setMyCommands([{ command: 'start', description: 'Mulai' }], { language_code: 'id' });
    await bot.api.setMyCommands([{ command: 'start', description: 'Start' }]);
    expect(await bot.api.getMyCommands({ language_code: 'id' })).toEqual([{ command: 'start', description: 'Mulai' }]);
    expect(await bot.api.getMyCommands()).toEqual([{ command: 'start', description: 'Start' }]);
    expect(fake.myCommands({ languageCode: 'id' })).toEqual([{ command: 'start', description: 'Mulai' }]);

    const empty = await bot.api.sendMessage(1, '   ').catch((e: unknown) => e);
    expect((empty as GrammyError).description).toBe('Bad Request: message text is empty');
    const long = await bot.api.sendMessage(1, 'x'.repeat(4097)).catch((e: unknown) => e);
    expect((long as GrammyError).description).toBe('Bad Request: message is too long');

    await expect(fake.waitFor(() => false, 50)).rejects.toThrow(/setMyCommands/);
  });
});
