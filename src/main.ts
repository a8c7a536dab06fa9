import { purgeExpired } from './app/retention.js';
import { runTerminalChat } from './channels/terminal.js';
import type { Channel } from './channels/port.js';
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
  // Not unref'd: it also keeps the service up while a channel waits to reconnect.
  setInterval(purge, 3600_000);
  // What was received but not handled before the last stop or crash goes first, in order.
  const recovered = runtime.app.recoverInbox();
  if (recovered > 0) logger.info({ recovered }, 'handled messages received before the last stop');

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
    process.once('SIGINT', () => void shutdown(stops, runtime, []));
    await runTerminalChat(runtime.app, { jsonl: config.CHAT_JSONL, input: process.stdin, output: process.stdout });
    await shutdown(stops, runtime, []);
    return;
  }

  // Every messaging channel from one list: attached to the app's dispatcher (which sends their
  // outbox), then started. A channel that is not configured is not in the list.
  const channels = await configuredChannels(config, runtime);
  for (const channel of channels) runtime.app.attach(channel);
  for (const channel of channels) await channel.start();

  process.once('SIGINT', () => void shutdown(stops, runtime, channels));
  process.once('SIGTERM', () => void shutdown(stops, runtime, channels));
}

/** The channels the config turns on (Baileys and grammY are loaded only when theirs is). */
async function configuredChannels(config: Config, runtime: Runtime): Promise<Channel[]> {
  const { logger } = runtime;
  const channels: Channel[] = [];
  if (config.WHATSAPP_ENABLED) {
    const { baileysAuthCodec, baileysSocketFactory, latestWaWebVersion, printPairingCode, printQr } = await import('./channels/whatsapp/baileys.js');
    const { BROWSERS, createWhatsAppChannel } = await import('./channels/whatsapp/channel.js');
    channels.push(
      createWhatsAppChannel({
        app: runtime.app,
        logger,
        makeSocket: baileysSocketFactory,
        authCodec: baileysAuthCodec,
        browser: [...BROWSERS[config.WHATSAPP_BROWSER]],
        latestVersion: latestWaWebVersion,
        firstContactsPerDay: config.WHATSAPP_FIRST_CONTACTS_PER_DAY,
        showQr: printQr,
        showPairingCode: printPairingCode,
        pairingNumber: config.WHATSAPP_PAIRING_NUMBER,
        maxMessageAgeSeconds: config.WHATSAPP_MAX_MESSAGE_AGE_SECONDS,
        rate: { perChatMs: config.WHATSAPP_CHAT_GAP_MS, globalPerMinute: config.WHATSAPP_RATE_PER_MINUTE, jitterMs: config.WHATSAPP_JITTER_MS },
      }),
    );
    logger.info(config.WHATSAPP_PAIRING_NUMBER ? 'WhatsApp starting: a pairing code follows' : 'WhatsApp starting: scan the QR when it appears');
  }
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramChannel } = await import('./channels/telegram/channel.js');
    channels.push(
      createTelegramChannel({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        app: runtime.app,
        translate: runtime.translate,
        logger,
        perChat: { perSecond: config.TELEGRAM_CHAT_PER_SECOND, burst: config.TELEGRAM_CHAT_BURST },
        bulkPerSecond: config.TELEGRAM_BULK_PER_SECOND,
        globalPerSecond: config.TELEGRAM_GLOBAL_PER_SECOND,
        // The config refuses a webhook URL without a secret.
        webhook:
          config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
            ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET, port: config.TELEGRAM_WEBHOOK_PORT, host: config.TELEGRAM_WEBHOOK_HOST }
            : undefined,
      }),
    );
  }
  return channels;
}

let stopping = false;

/**
 * A clean stop (SIGTERM from a deploy, Ctrl+C): nothing new is taken from the platforms; what was
 * taken is handled (for a few seconds; the rest stays in the inbox for the next start); replies go
 * out for a few seconds (the rest stays in the outbox); then the channels, the console and the
 * database close. Nothing a person or a platform was told about is lost on the way.
 */
async function shutdown(stops: (() => Promise<void> | void)[], runtime: Runtime, channels: Channel[]): Promise<void> {
  if (stopping) return;
  stopping = true;
  const { logger } = runtime;
  // A stop that hangs must still end (a service manager would kill it anyway).
  setTimeout(() => {
    logger.error('stopping took too long; exiting');
    process.exit(1);
  }, 30_000).unref();
  for (const channel of channels) await channel.stopReceiving?.().catch((err: unknown) => logger.warn({ err, channel: channel.id }, 'stopping intake failed'));
  const handled = await runtime.app.settle(5_000);
  const sent = await runtime.app.flush(5_000);
  if (!handled || !sent) logger.info({ handled, sent }, 'stopping: the rest waits in the database for the next start');
  await runtime.app.stopSending();
  for (const channel of channels) await channel.stop().catch((err: unknown) => logger.warn({ err, channel: channel.id }, 'stopping a channel failed'));
  for (const s of stops) await s();
  runtime.close();
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
