import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramChannel } from '../../src/channels/telegram/channel.js';
import { startWebhookServer } from '../../src/channels/telegram/webhook.js';
import { privateChat, startFakeTelegram, userFor, type FakeTelegram } from '../helpers/fake-telegram.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { startTelegram } from '../helpers/telegram-driver.js';
import { refuseInserts } from '../helpers/stores.js';

let h: Harness;
let fake: FakeTelegram;
let tg: TelegramChannel;
let server: Server;
let url: string;
const SECRET = 'test-secret_1';

beforeEach(async () => {
  h = await startHarness({ realClock: true });
  fake = await startFakeTelegram();
  tg = await startTelegram(h, fake, { poll: false });
  server = await startWebhookServer({
    path: '/telegram/hook',
    secret: SECRET,
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    handle: (update) => tg.handleUpdate(update as Parameters<TelegramChannel['handleUpdate']>[0]),
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/hook`;
  await tg.setWebhook(url, SECRET);
});
afterEach(async () => {
  await tg.stop();
  server.close();
  await fake.close();
  await cleanup(h);
});

const chat = privateChat(42, 'Ani');
function update(id: number, text: string) {
  return { update_id: id, message: { message_id: id, date: Math.floor(Date.now() / 1000), chat, from: userFor(chat), text } };
}
const post = (body: unknown, secret = SECRET) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(body) });

describe('telegram webhook', () => {
  it('registers the webhook with its secret', () => {
    const call = fake.calls.find((c) => c.method === 'setWebhook');
    expect(call?.params).toMatchObject({ url, secret_token: SECRET });
  });

  it('answers Telegram at once, replies from the queue, and ignores a repeated update_id', async () => {
    const res = await post(update(5001, 'halo'));
    expect(res.status).toBe(200);
    // The greeting and the menu go out as one Telegram message.
    const [first] = await fake.waitForSent(chat.id, 1);
    expect(first!.text).toContain('Saya Lindung');
    expect(first!.text).toContain('Menu utama');
    expect((await post(update(5001, 'halo'))).status).toBe(200);
    expect((await post(update(5002, '2'))).status).toBe(200);
    const sent = await fake.waitForSent(chat.id, 2);
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.sent(chat.id)).toHaveLength(2);
    expect(sent[1]!.text).toContain('penghasilan');
  });

  it('refuses a request without the secret', async () => {
    expect((await post(update(6001, 'halo'), 'wrong')).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.sent(chat.id)).toHaveLength(0);
  });
});

describe('telegram webhook: the 200 means kept', () => {
  it('answers 200 only once the update is kept (handled and committed), and 500 when it could not be (Telegram sends it again)', async () => {
    expect((await post(update(6001, 'halo'))).status).toBe(200);
    await fake.waitForSent(chat.id, 1);
    // The database refuses: no 200, so Telegram keeps the update and sends it again later.
    const lift = await refuseInserts(h.runtime.store.sql, 'outbox', 'disk full');
    expect((await post(update(6002, 'menu'))).status).toBe(500);
    await lift();
    // Sent again: now kept and answered.
    expect((await post(update(6002, 'menu'))).status).toBe(200);
    await fake.waitForSent(chat.id, 2);
  });
});

describe('telegram webhook: no secret, no webhook', () => {
  it('refuses to start with a webhook URL and no secret, and listens on loopback unless told otherwise', async () => {
    const { loadConfig } = await import('../../src/config.js');
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '1:x', TELEGRAM_WEBHOOK_URL: 'https://bot.example/hook' })).toThrow(/TELEGRAM_WEBHOOK_SECRET: required/);
    const ok = loadConfig({ TELEGRAM_BOT_TOKEN: '1:x', TELEGRAM_WEBHOOK_URL: 'https://bot.example/hook', TELEGRAM_WEBHOOK_SECRET: 'long-random_secret' });
    expect(ok.TELEGRAM_WEBHOOK_HOST).toBe('127.0.0.1');
  });

  it('takes nothing without the right secret (a forged update in a victim\'s chat is refused)', async () => {
    expect((await post(update(7001, 'halo'), 'wrong')).status).toBe(401);
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(update(7002, 'halo')) })).status).toBe(401);
    expect(await h.runtime.store.inbox.count()).toBe(0);
    expect(await h.runtime.store.people.knows('telegram', '42')).toBe(false);
  });
});
