import { afterEach, describe, expect, it } from 'vitest';
import { Api, GrammyError } from 'grammy';
import { COUNTED_METHODS, privateChat, startFakeTelegram, type FakeLimits, type FakeTelegram } from '../helpers/fake-telegram.js';

// The fake Bot API's opt-in Telegram limits (flood buckets, random 429s, latency), its counters,
// and its re-delivery of unconfirmed updates. The buckets run on a fake clock: nothing here depends
// on how fast the machine is.

const fakes: FakeTelegram[] = [];
afterEach(async () => {
  while (fakes.length > 0) await fakes.pop()!.close();
});

async function start(limits?: FakeLimits): Promise<FakeTelegram> {
  const fake = await startFakeTelegram(limits ? { limits, maxLongPollMs: 200 } : { maxLongPollMs: 200 });
  fakes.push(fake);
  return fake;
}

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

interface Raw {
  status: number;
  body: { ok: boolean; result?: any; error_code?: number; description?: string; parameters?: { retry_after?: number } };
}

/** One raw HTTP call, as any client would make it. */
async function call(fake: FakeTelegram, method: string, params: Record<string, unknown> = {}, signal?: AbortSignal): Promise<Raw> {
  const res = await fetch(`${fake.apiRoot}/bot${fake.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
    signal,
  });
  return { status: res.status, body: (await res.json()) as Raw['body'] };
}

const say = (fake: FakeTelegram, chatId: number, text = 'hi') => call(fake, 'sendMessage', { chat_id: chatId, text });

describe('fake Telegram limits (opt-in)', () => {
  it('without limits answers every call at once and still counts them', async () => {
    const fake = await start();
    for (let i = 0; i < 50; i++) expect((await say(fake, 1, `m${i}`)).status).toBe(200);
    await call(fake, 'getMe');
    expect(fake.sent(1)).toHaveLength(50);
    const s = fake.stats();
    expect(s.counted).toBe(50);
    expect(s.counted429).toBe(0);
    expect(s.byMethod).toEqual({ sendMessage: 50, getMe: 1 });
    expect(s.countedByMethod).toEqual({ sendMessage: 50 });
  });

  it('per chat: a burst, then 429 with retry_after, the call not performed, until the bucket refills', async () => {
    const clock = manualClock();
    const fake = await start({ perChat: { perSecond: 1, burst: 3 }, now: clock.now });
    for (let i = 0; i < 3; i++) expect((await say(fake, 7, `m${i}`)).status).toBe(200);
    const over = await say(fake, 7, 'too many');
    expect(over.status).toBe(429);
    expect(over.body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    expect(fake.sent(7).map((m) => m.text)).toEqual(['m0', 'm1', 'm2']);
    // Another chat has its own bucket.
    expect((await say(fake, 8)).status).toBe(200);
    // Half a second gives half a token: still refused.
    clock.advance(500);
    expect((await say(fake, 7)).status).toBe(429);
    clock.advance(500);
    expect((await say(fake, 7, 'again')).status).toBe(200);
    expect((await say(fake, 7)).status).toBe(429);
    // A long pause refills the burst, not more.
    clock.advance(60_000);
    for (let i = 0; i < 3; i++) expect((await say(fake, 7)).status).toBe(200);
    expect((await say(fake, 7)).status).toBe(429);
    const s = fake.stats();
    expect(s.counted).toBe(12);
    expect(s.counted429).toBe(4);
    expect(s.perChat429).toBe(4);
    expect(s.global429).toBe(0);
  });

  it('retry_after is the whole seconds until a token is back', async () => {
    const clock = manualClock();
    const fake = await start({ perChat: { perSecond: 0.25 }, now: clock.now });
    expect((await say(fake, 1)).status).toBe(200);
    expect((await say(fake, 1)).body.parameters).toEqual({ retry_after: 4 });
    clock.advance(2500);
    expect((await say(fake, 1)).body.parameters).toEqual({ retry_after: 2 });
  });

  it('global: about 30 counted calls a second over all chats; callback answers, polling and commands are not counted', async () => {
    const clock = manualClock();
    const fake = await start({ global: { perSecond: 30 }, now: clock.now });
    for (let i = 0; i < 30; i++) expect((await say(fake, 100 + i)).status).toBe(200);
    const over = await say(fake, 999);
    expect(over.status).toBe(429);
    expect(over.body.parameters?.retry_after).toBe(1);
    // Not counted: they go through while the bucket is empty.
    const chat = privateChat(5);
    fake.pressButton(chat, 1, 'q1:1');
    const updates = await call(fake, 'getUpdates', { timeout: 0 });
    expect(updates.status).toBe(200);
    const queryId = updates.body.result[0].callback_query.id as string;
    expect((await call(fake, 'answerCallbackQuery', { callback_query_id: queryId })).status).toBe(200);
    expect((await call(fake, 'setMyCommands', { commands: [{ command: 'start', description: 'Mulai' }] })).status).toBe(200);
    expect((await call(fake, 'getMe')).status).toBe(200);
    // An edit is counted like a send.
    expect((await call(fake, 'editMessageText', { chat_id: 100, message_id: 1000, text: 'edited' })).status).toBe(429);
    clock.advance(100); // 3 tokens back
    for (let i = 0; i < 3; i++) expect((await say(fake, 200 + i)).status).toBe(200);
    expect((await say(fake, 300)).status).toBe(429);
    const s = fake.stats();
    expect(s.counted).toBe(30 + 1 + 1 + 3 + 1);
    expect(s.counted429).toBe(3);
    expect(s.global429).toBe(3);
    expect(s.countedByMethod).toEqual({ sendMessage: 35, editMessageText: 1 });
    expect(s.byMethod.answerCallbackQuery).toBe(1);
    expect(s.byMethod.getUpdates).toBe(1);
  });

  it('a call over the chat limit takes no global token, and the reverse', async () => {
    const clock = manualClock();
    const fake = await start({ perChat: { perSecond: 1, burst: 1 }, global: { perSecond: 2, burst: 2 }, now: clock.now });
    expect((await say(fake, 1)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await say(fake, 1)).status).toBe(429); // chat 1 is over: global untouched
    expect((await say(fake, 2)).status).toBe(200); // the second global token
    expect((await say(fake, 3)).status).toBe(429); // global is over: chat 3's token stays
    clock.advance(1000);
    expect((await say(fake, 3)).status).toBe(200);
    const s = fake.stats();
    expect(s.perChat429).toBe(5);
    expect(s.global429).toBe(1);
  });

  it('editMessageReplyMarkup over the limit leaves the keyboard as it was', async () => {
    const clock = manualClock();
    const fake = await start({ perChat: { perSecond: 1, burst: 1 }, now: clock.now });
    const keyboard = { inline_keyboard: [[{ text: '1. Ya', callback_data: 'q1:1' }]] };
    const sent = await call(fake, 'sendMessage', { chat_id: 4, text: 'Setuju?', reply_markup: keyboard });
    const messageId = sent.body.result.message_id as number;
    const edit = await call(fake, 'editMessageReplyMarkup', { chat_id: 4, message_id: messageId, reply_markup: { inline_keyboard: [] } });
    expect(edit.status).toBe(429);
    expect(fake.sent(4)[0]!.reply_markup).toEqual(keyboard);
    clock.advance(1000);
    expect((await call(fake, 'editMessageReplyMarkup', { chat_id: 4, message_id: messageId, reply_markup: { inline_keyboard: [] } })).status).toBe(200);
    expect(fake.sent(4)[0]!.reply_markup).toBeUndefined();
  });

  it('random 429s hit only counted calls, at the given rate, the same ones for the same seed', async () => {
    const run = async (seed: number): Promise<number[]> => {
      const fake = await start({ random429Rate: 0.3, random429RetryAfter: 2, seed });
      const failed: number[] = [];
      for (let i = 0; i < 200; i++) {
        const r = await say(fake, 1 + (i % 7), `m${i}`);
        if (r.status === 429) {
          expect(r.body.parameters).toEqual({ retry_after: 2 });
          failed.push(i);
        }
        expect((await call(fake, 'getMe')).status).toBe(200);
      }
      const s = fake.stats();
      expect(s.random429).toBe(failed.length);
      expect(s.counted429).toBe(failed.length);
      expect(fake.sent()).toHaveLength(200 - failed.length);
      return failed;
    };
    const a = await run(11);
    expect(a.length).toBeGreaterThan(30);
    expect(a.length).toBeLessThan(90);
    expect(await run(11)).toEqual(a);
    expect(await run(12)).not.toEqual(a);
  });

  it('counted429 also counts 429s injected with failNext on counted calls', async () => {
    const fake = await start();
    fake.failNext('sendMessage', { retryAfter: 3 });
    fake.failNext('getMe', {});
    expect((await say(fake, 1)).body.parameters).toEqual({ retry_after: 3 });
    expect((await call(fake, 'getMe')).status).toBe(429);
    expect(fake.stats().counted429).toBe(1);
  });

  it('grammY sees the 429 as a GrammyError with retry_after', async () => {
    const clock = manualClock();
    const fake = await start({ perChat: { perSecond: 1, burst: 1 }, now: clock.now });
    const api = new Api(fake.token, { apiRoot: fake.apiRoot });
    await api.sendMessage(9, 'one');
    const err = await api.sendMessage(9, 'two').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(429);
    expect((err as GrammyError).parameters.retry_after).toBe(1);
    expect(fake.sent(9).map((m) => m.text)).toEqual(['one']);
  });

  it('latency delays every response, the call taking effect on arrival', async () => {
    const fake = await start({ latencyMs: [80, 80] });
    const t0 = performance.now();
    const pending = say(fake, 1, 'slow');
    await fake.waitForSent(1, 1); // recorded before its answer comes back
    const r = await pending;
    expect(r.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(70);
    const t1 = performance.now();
    expect((await call(fake, 'getMe')).status).toBe(200);
    expect(performance.now() - t1).toBeGreaterThanOrEqual(70);
  });

  it('setLimits turns limits on, with full buckets, and off again', async () => {
    const clock = manualClock();
    const fake = await start();
    fake.setLimits({ perChat: { perSecond: 1, burst: 2 }, now: clock.now });
    expect((await say(fake, 1)).status).toBe(200);
    expect((await say(fake, 1)).status).toBe(200);
    expect((await say(fake, 1)).status).toBe(429);
    fake.setLimits(undefined);
    for (let i = 0; i < 10; i++) expect((await say(fake, 1)).status).toBe(200);
    fake.resetStats();
    expect(fake.stats().counted).toBe(0);
  });

  it('lists the counted methods in lower case (sends and edits, not callback answers or polling)', () => {
    expect(COUNTED_METHODS.has('sendmessage')).toBe(true);
    expect(COUNTED_METHODS.has('editmessagereplymarkup')).toBe(true);
    expect(COUNTED_METHODS.has('sendphoto')).toBe(true);
    expect(COUNTED_METHODS.has('answercallbackquery')).toBe(false);
    expect(COUNTED_METHODS.has('getupdates')).toBe(false);
  });
});

describe('fake Telegram re-delivery of unconfirmed updates (what a crashed bot relies on)', () => {
  it('gives the same updates again until a later offset confirms them', async () => {
    const fake = await start();
    const chat = privateChat(21);
    const a = fake.sendText(chat, 'halo');
    const b = fake.pressButton(chat, 1000, 'q1:1');
    const first = await call(fake, 'getUpdates', { timeout: 0 });
    expect(first.body.result.map((u: { update_id: number }) => u.update_id)).toEqual([a, b]);
    // The bot died before its next getUpdates: a new one (offset 0, as after a restart) gets both again.
    const again = await call(fake, 'getUpdates', { timeout: 0 });
    expect(again.body.result).toEqual(first.body.result);
    // Confirming the first leaves the second.
    const rest = await call(fake, 'getUpdates', { offset: a + 1, timeout: 0 });
    expect(rest.body.result.map((u: { update_id: number }) => u.update_id)).toEqual([b]);
    // A restarted bot without an offset does not get a confirmed update back.
    expect((await call(fake, 'getUpdates', { timeout: 0 })).body.result.map((u: { update_id: number }) => u.update_id)).toEqual([b]);
    await call(fake, 'getUpdates', { offset: b + 1, timeout: 0 });
    expect((await call(fake, 'getUpdates', { timeout: 0 })).body.result).toEqual([]);
  });

  it('loses nothing when the client of a long poll goes away (killed bot)', async () => {
    const fake = await start();
    const abort = new AbortController();
    const dying = call(fake, 'getUpdates', { timeout: 30 }, abort.signal).catch((e: unknown) => e);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'getUpdates'));
    abort.abort();
    await dying;
    const id = fake.sendText(privateChat(22), 'ya');
    const next = await call(fake, 'getUpdates', { timeout: 30 });
    expect(next.body.result.map((u: { update_id: number }) => u.update_id)).toEqual([id]);
  });
});
