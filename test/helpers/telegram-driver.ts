import { pino } from 'pino';
import { createTelegramChannel, type TelegramChannel } from '../../src/channels/telegram/channel.js';
import { createTranslator } from '../../src/i18n.js';
import { addressKey } from '../../src/storage/addresses.js';
import type { FakeChat, FakeTelegram, SentMessage } from './fake-telegram.js';
import type { Harness } from './harness.js';

/** A Telegram channel on a harness's runtime, polling the fake Bot API (unless `poll` is false), with fast throttling. */
export async function startTelegram(h: Harness, fake: FakeTelegram, opts: { poll?: boolean; bulkPerSecond?: number } = {}): Promise<TelegramChannel> {
  const channel = createTelegramChannel({
    token: fake.token,
    apiRoot: fake.apiRoot,
    app: h.runtime.app,
    translate: createTranslator(),
    logger: pino({ level: 'silent' }),
    perChat: { perSecond: 1000, burst: 1000 },
    bulkPerSecond: opts.bulkPerSecond,
    senderPollMs: 50,
  });
  h.runtime.app.attach(channel);
  await channel.init();
  if (opts.poll !== false) await channel.startPolling();
  return channel;
}

function matches(m: SentMessage, expect: string | RegExp): boolean {
  return typeof expect === 'string' ? m.text.includes(expect) : expect.test(m.text);
}

/** Drives one chat: type or press a button, then wait for the bot's reply that matches. */
export function chatDriver(fake: FakeTelegram, chat: FakeChat, h: Harness) {
  let seen = 0;
  const pending = async (): Promise<number> =>
    (await h.runtime.store.sql.get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE channel = 'telegram' AND recipient_key = ?", [
      addressKey(h.runtime.store.cipher, 'telegram', String(chat.id)),
    ]))!.n;
  const waitReply = async (expect: string | RegExp, timeoutMs = 5000): Promise<SentMessage> => {
    const from = seen;
    let hit: SentMessage | undefined;
    await fake
      .waitFor(() => {
        const sent = fake.sent(chat.id);
        hit = sent.slice(from).find((m) => matches(m, expect));
        return hit !== undefined;
      }, timeoutMs)
      .catch(() => {
        const got = fake.sent(chat.id).slice(from).map((m) => m.text.slice(0, 80));
        throw new Error(`chat ${chat.id}: no reply matching ${String(expect)}; got ${JSON.stringify(got)}`);
      });
    seen = fake.sent(chat.id).indexOf(hit!) + 1;
    // The rest of the same answer (e.g. the next question after a confirmation) is sent too.
    for (const until = Date.now() + timeoutMs; (await pending()) !== 0; await new Promise((r) => setTimeout(r, 10))) {
      if (Date.now() > until) throw new Error(`chat ${chat.id}: the rest of the answer is still queued after ${timeoutMs} ms`);
    }
    return hit!;
  };
  /** The latest message that still has buttons. */
  const keyboardMessage = (): SentMessage | undefined =>
    [...fake.sent(chat.id)].reverse().find((m) => m.reply_markup?.inline_keyboard?.length);
  return {
    async type(text: string, expect: string | RegExp): Promise<SentMessage> {
      fake.sendText(chat, text);
      return waitReply(expect);
    },
    /** Presses the button whose label contains `label` on the latest keyboard. */
    async press(label: string, expect: string | RegExp): Promise<SentMessage> {
      const msg = keyboardMessage();
      const button = msg?.reply_markup.inline_keyboard.flat().find((b: { text: string }) => b.text.includes(label));
      if (!msg || !button) throw new Error(`chat ${chat.id}: no button "${label}" on the latest keyboard`);
      fake.pressButton(chat, msg.message_id, button.callback_data);
      return waitReply(expect);
    },
    waitReply,
    keyboardMessage,
  };
}
