// The baseline of bench/telegram-limits.ts: a minimal grammY bot, sequential (`bot.start()`, one
// update at a time), that answers each text message with PLAIN_BOT_MESSAGES_PER_UPDATE messages on
// average (a fraction is spread over the updates: update i gets round((i+1)·r) − round(i·r)). The
// last message of each answer starts with "end ". Run as a child process, like the real bot:
//   PLAIN_BOT_TOKEN=… PLAIN_BOT_API_ROOT=… node --import tsx bench/plain-bot.ts
import { Bot } from 'grammy';

const token = process.env.PLAIN_BOT_TOKEN;
const apiRoot = process.env.PLAIN_BOT_API_ROOT;
const ratio = Number(process.env.PLAIN_BOT_MESSAGES_PER_UPDATE ?? 1);
if (!token || !apiRoot || !(ratio >= 1)) throw new Error('PLAIN_BOT_TOKEN, PLAIN_BOT_API_ROOT and PLAIN_BOT_MESSAGES_PER_UPDATE (>= 1) are needed');

const bot = new Bot(token, { client: { apiRoot } });
let updates = 0;
bot.on('message', async (ctx) => {
  const i = updates++;
  const n = Math.round((i + 1) * ratio) - Math.round(i * ratio);
  for (let j = 1; j <= n; j++) await ctx.reply(j === n ? `end ${i}` : `part ${j} of ${i}`);
});
bot.catch((err) => process.stderr.write(`plain bot: ${String(err.error)}\n`));
process.once('SIGTERM', () => void bot.stop().finally(() => process.exit(0)));
await bot.start();
