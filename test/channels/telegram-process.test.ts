import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privateChat, startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { freshStore, type FreshStore } from '../helpers/stores.js';

/** The real bot process (`npm start`'s entry) against the fake Bot API, on the project's store. */
let fake: FakeTelegram;
let dir: string;
let db: FreshStore;
let bot: ChildProcess | undefined;
beforeEach(async () => {
  fake = await startFakeTelegram({ maxLongPollMs: 300 });
  dir = mkdtempSync(join(tmpdir(), 'lindung-proc-'));
  db = await freshStore();
});
afterEach(async () => {
  if (bot && bot.exitCode === null) {
    bot.kill('SIGKILL');
    await once(bot, 'exit');
  }
  await fake.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

function startBot(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      // The key file goes beside DATABASE_PATH (on PostgreSQL too); the database is the fresh store's.
      DATABASE_PATH: join(dir, 'bot.db'),
      ...db.env,
      TERMINAL_CHAT: 'off',
      CONSOLE_ENABLED: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.resume();
  return child;
}

const texts = (chatId: number) => fake.sent(chatId).map((m) => m.text);

describe('the bot process: nothing confirmed is lost', () => {
  it('handles at start what an earlier process took and never handled', async () => {
    // A process that died right after committing a message to the inbox.
    // As a version before migration 018 left it: no sender key yet (filled at start from the payload).
    await db.sql.run('INSERT INTO inbox (channel, sender_key, message_id, payload, received_at) VALUES (?, ?, ?, ?, ?)', [
      'telegram',
      null,
      '77',
      JSON.stringify({ channel: 'telegram', externalId: '5001', messageId: '77', text: 'halo', lang: 'id' }),
      Date.now(),
    ]);
    bot = startBot();
    await fake.waitFor(() => texts(5001).some((t) => t.includes('Lindung')), 60_000);
    expect((await db.sql.get<{ n: number }>('SELECT count(*) AS n FROM inbox'))?.n).toBe(0);
  });

  it('on SIGTERM stops taking updates, answers what it took, and exits 0; the rest comes at the next start', async () => {
    bot = startBot();
    const chats = [privateChat(6001), privateChat(6002), privateChat(6003)];
    fake.sendText(chats[0]!, 'halo');
    await fake.waitFor(() => texts(6001).length > 0, 60_000);
    // Two more, then a stop at once.
    fake.sendText(chats[1]!, 'halo');
    fake.sendText(chats[2]!, 'halo');
    await fake.waitFor((calls) => calls.filter((c) => c.method === 'getUpdates').length > 0, 5_000);
    bot.kill('SIGTERM');
    const [code] = await once(bot, 'exit');
    expect(code).toBe(0);
    // Whatever the stopped process took was answered; what it never took is still at Telegram.
    bot = startBot();
    await fake.waitFor(() => chats.every((c) => texts(c.id).some((t) => t.includes('Lindung'))), 60_000);
    for (const c of chats) expect(texts(c.id).filter((t) => t.includes('Saya Lindung'))).toHaveLength(1);
  });
});
