import type { Server } from 'node:http';
import { purgeExpired } from './app/retention.js';
import { runTerminalChat } from './channels/terminal.js';
import { createTelegramChannel, type TelegramChannel } from './channels/telegram/channel.js';
import { startWebhookServer } from './channels/telegram/webhook.js';
import { loadConfig, type Config } from './config.js';
import { createRuntime, type Runtime } from './runtime.js';
import { startConsoleServer } from './console/server.js';

/**
 * The composition root: config, database, the retention timer, and the channels that are
 * configured. With none (no TELEGRAM_BOT_TOKEN, WHATSAPP_ENABLED not true), `npm start` opens the
 * terminal chat.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  const { logger } = runtime;
  const purge = () => logger.debug(purgeExpired(runtime.store, runtime.settings, Date.now()), 'retention: expired data removed');
  purge();
  setInterval(purge, 3600_000).unref();

  const noChannel = !config.TELEGRAM_BOT_TOKEN && !config.WHATSAPP_ENABLED;
  const stops: (() => Promise<void> | void)[] = [];
  if (config.CONSOLE_ENABLED) {
    try {
      const server = await startConsoleServer(runtime, { port: config.CONSOLE_PORT, host: config.CONSOLE_HOST, simulatorHint: noChannel });
      stops.push(() => void server.close());
    } catch (err) {
      logger.error({ err, port: config.CONSOLE_PORT }, 'the officer console could not start (is the port in use? set CONSOLE_PORT)');
    }
  }

  if (config.TERMINAL_CHAT === 'on' || (config.TERMINAL_CHAT === 'auto' && noChannel)) {
    // The terminal chat: when its input ends (Ctrl+D, or the end of piped input), Lindung stops.
    process.once('SIGINT', () => void shutdown(stops, runtime));
    await runTerminalChat(runtime.app, { jsonl: config.CHAT_JSONL, input: process.stdin, output: process.stdout });
    await shutdown(stops, runtime);
    return;
  }

  if (config.WHATSAPP_ENABLED) {
    // Baileys is loaded only when WhatsApp is on.
    const { baileysSocketFactory, printPairingCode, printQr } = await import('./channels/whatsapp/baileys.js');
    const { createWhatsAppChannel } = await import('./channels/whatsapp/channel.js');
    const whatsapp = createWhatsAppChannel({
      app: runtime.app,
      logger,
      makeSocket: baileysSocketFactory,
      showQr: printQr,
      showPairingCode: printPairingCode,
      pairingNumber: config.WHATSAPP_PAIRING_NUMBER,
      maxMessageAgeSeconds: config.WHATSAPP_MAX_MESSAGE_AGE_SECONDS,
      rate: { perChatMs: config.WHATSAPP_CHAT_GAP_MS, globalPerMinute: config.WHATSAPP_RATE_PER_MINUTE, jitterMs: config.WHATSAPP_JITTER_MS },
    });
    whatsapp.start();
    stops.push(() => whatsapp.stop());
    logger.info(config.WHATSAPP_PAIRING_NUMBER ? 'WhatsApp starting: a pairing code follows' : 'WhatsApp starting: scan the QR when it appears');
  }
  if (config.TELEGRAM_BOT_TOKEN) stops.push(await startTelegram(config, runtime));

  process.once('SIGINT', () => void shutdown(stops, runtime));
  process.once('SIGTERM', () => void shutdown(stops, runtime));
}

/** Clean shutdown: channels and the console stop, the database closes. */
async function shutdown(stops: (() => Promise<void> | void)[], runtime: Runtime): Promise<never> {
  for (const s of stops) await s();
  runtime.close();
  process.exit(0);
}

/** Telegram by long polling, or by webhook when TELEGRAM_WEBHOOK_URL is set; returns its stop. */
async function startTelegram(config: Config, runtime: Runtime): Promise<() => Promise<void>> {
  const { logger } = runtime;
  const telegram: TelegramChannel = createTelegramChannel({
    token: config.TELEGRAM_BOT_TOKEN!,
    apiRoot: config.TELEGRAM_API_ROOT,
    app: runtime.app,
    translate: runtime.translate,
    logger,
    globalPerSecond: config.TELEGRAM_MAX_PER_SECOND,
  });
  await telegram.init();
  let server: Server | undefined;
  if (config.TELEGRAM_WEBHOOK_URL) {
    server = await startWebhookServer({
      path: new URL(config.TELEGRAM_WEBHOOK_URL).pathname,
      secret: config.TELEGRAM_WEBHOOK_SECRET,
      port: config.TELEGRAM_WEBHOOK_PORT,
      host: config.TELEGRAM_WEBHOOK_HOST,
      logger,
      handle: (update) => telegram.handleUpdate(update as Parameters<TelegramChannel['handleUpdate']>[0]),
    });
    await telegram.setWebhook(config.TELEGRAM_WEBHOOK_URL, config.TELEGRAM_WEBHOOK_SECRET);
    logger.info({ bot: telegram.bot.botInfo.username, port: config.TELEGRAM_WEBHOOK_PORT }, 'Telegram bot running (webhook)');
  } else {
    await telegram.startPolling();
    logger.info({ bot: telegram.bot.botInfo.username }, 'Telegram bot running (long polling)');
  }
  return async () => {
    await telegram.stop();
    server?.close();
  };
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
