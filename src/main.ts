import { isatty } from 'node:tty';
import { purgeExpired } from './app/retention.js';
import { runTerminalChat } from './channels/terminal.js';
import type { Channel } from './channels/port.js';
import { loadConfig, type Config } from './config.js';
import { bindProblem, EXIT, exitCodeFor, isListenError } from './exit-codes.js';
import { createRuntime, type Runtime } from './runtime.js';
import { startBackupSchedule } from './ops/backup.js';

/** What this process runs, for a stop or a failed start to close. */
const running: { config?: Config; runtime?: Runtime; channels: Channel[]; stops: (() => Promise<void> | void)[] } = { channels: [], stops: [] };
let stopping = false;

/**
 * The composition root: config, database, the retention timer, the console, and the channels that
 * are configured. The terminal chat opens when asked (TERMINAL_CHAT=on) or, with no channel
 * configured, when stdin is a terminal: under a service manager (stdin not a terminal) Lindung runs
 * until SIGTERM or SIGINT. One "ready" log line says what runs; exit codes: src/exit-codes.ts.
 */
async function main(): Promise<void> {
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  const config = loadConfig();
  running.config = config;
  const noChannel = !config.TELEGRAM_BOT_TOKEN && !config.WHATSAPP_ENABLED;
  // Stdin is only typed into at a terminal; elsewhere (a service, a pipe) its end means nothing.
  const terminalChat = config.TERMINAL_CHAT === 'on' || (config.TERMINAL_CHAT === 'auto' && noChannel && isatty(0));
  // The console's modules load while the runtime is built (they are a good part of the start).
  const consoleServer = config.CONSOLE_ENABLED ? import('./console/server.js') : undefined;
  consoleServer?.catch(() => undefined); // awaited below; a failed start before that must not report it twice
  const runtime = await createRuntime(config);
  running.runtime = runtime;
  if (stopping) return;
  const { logger } = runtime;
  const purge = async () => logger.debug(await purgeExpired(runtime.store, runtime.regencies, Date.now()), 'retention: expired data removed');
  await purge();
  // Not unref'd: it also keeps the service up while a channel waits to reconnect. A failed hourly
  // purge is logged; the next hour's removes what it left.
  setInterval(() => void purge().catch((err: unknown) => logger.error({ err }, 'retention: removing expired data failed')), 3600_000);
  if (config.DATABASE_URL) {
    // A process that died leaves what it had received but not handled: another one handles it.
    const orphans = () =>
      runtime.app.recoverInbox({ olderThanMs: 30_000 }).then((n) => n > 0 && logger.info({ recovered: n }, 'handled messages another process had left'));
    setInterval(() => void orphans().catch((err: unknown) => logger.warn({ err }, 'handling messages left in the inbox failed')), 30_000).unref();
    // Other processes on the database teach and forget phrasings through their consoles: read them again each minute.
    setInterval(() => void runtime.app.loadLearned().catch((err: unknown) => logger.warn({ err }, 'reading the taught phrasings failed')), 60_000).unref();
  }
  running.stops.push(startBackupSchedule(config, logger));
  // `systemctl reload lindung` (SIGHUP): the settings files are read again, and used from the next message on if all are valid.
  const reload = () => {
    const result = runtime.regencies.reload();
    if (result.ok) logger.info({ changed: result.changed }, 'programme settings reloaded');
    else logger.error({ errors: result.errors }, 'programme settings NOT reloaded: the ones in use stay');
  };
  process.on('SIGHUP', reload);
  running.stops.push(() => void process.off('SIGHUP', reload));
  // What was received but not handled before the last stop or crash goes first, in order.
  const recovered = await runtime.app.recoverInbox();
  if (recovered > 0) logger.info({ recovered }, 'handled messages received before the last stop');

  let consoleUrl: string | undefined;
  if (consoleServer) {
    // A console that cannot listen ends the start (exit code 3), with host:port and what to do.
    const { server, url } = await (await consoleServer).startConsoleServer(runtime, {
      port: config.CONSOLE_PORT,
      host: config.CONSOLE_HOST,
      simulatorHint: noChannel,
      terminalChat,
    });
    running.stops.push(() => void server.close());
    consoleUrl = url;
  }

  // Every messaging channel from one list: attached to the app's dispatcher (which sends their
  // outbox), then started. A channel that is not configured is not in the list.
  const channels = await configuredChannels(config, runtime);
  for (const channel of channels) runtime.app.attach(channel);
  for (const channel of channels) {
    if (stopping) return;
    running.channels.push(channel);
    await channel.start();
  }
  if (stopping) return;
  logger.info({ console: consoleUrl ?? 'off', channels: channels.map((c) => c.id), terminalChat }, 'ready');

  if (terminalChat) {
    // The end of its input (Ctrl+D, the end of piped input) stops Lindung.
    await runTerminalChat(runtime.app, { jsonl: config.CHAT_JSONL, input: process.stdin, output: process.stdout });
    await shutdown();
  }
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

/**
 * A clean stop (SIGTERM from a deploy, Ctrl+C): nothing new is taken from the platforms; what was
 * taken is handled (for a few seconds; the rest stays in the inbox for the next start); replies go
 * out for a few seconds (the rest stays in the outbox); then the channels, the console and the
 * database close, exit code 0. Nothing a person or a platform was told about is lost on the way.
 */
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  const { runtime, channels, stops } = running;
  // Stopped before the database was open: nothing to close yet.
  if (!runtime) process.exit(EXIT.ok);
  const { logger } = runtime;
  // A stop that hangs must still end (a service manager would kill it anyway; TimeoutStopSec=30 or more).
  setTimeout(() => {
    logger.error('stopping took too long; exiting');
    process.exit(EXIT.unexpected);
  }, 30_000).unref();
  for (const channel of channels) await channel.stopReceiving?.().catch((err: unknown) => logger.warn({ err, channel: channel.id }, 'stopping intake failed'));
  const handled = await runtime.app.settle(5_000);
  const sent = await runtime.app.flush(5_000);
  if (!handled || !sent) logger.info({ handled, sent }, 'stopping: the rest waits in the database for the next start');
  await runtime.app.stopSending();
  for (const channel of channels) await channel.stop().catch((err: unknown) => logger.warn({ err, channel: channel.id }, 'stopping a channel failed'));
  for (const s of stops) await s();
  await runtime.close();
  logger.info('stopped');
  process.exit(EXIT.ok);
}

/**
 * A start that failed, or an error nothing caught: one clear message on stderr (with the stack
 * when it is ours to fix), the database closed, and the exit code that says which (exit-codes.ts).
 */
async function fail(err: unknown): Promise<never> {
  const code = exitCodeFor(err);
  const { config, runtime } = running;
  let line = err instanceof Error ? err.message : String(err);
  // A listen error nobody caught (the Telegram webhook receiver): the same one line as the console's.
  if (isListenError(err) && err.port !== undefined) {
    const webhook = config && err.port === config.TELEGRAM_WEBHOOK_PORT;
    const settings = webhook ? { host: 'TELEGRAM_WEBHOOK_HOST', port: 'TELEGRAM_WEBHOOK_PORT' } : { host: 'the host', port: 'the port' };
    line = bindProblem(webhook ? 'the Telegram webhook receiver' : 'Lindung', err.address ?? '0.0.0.0', err.port, err, settings);
  }
  if (code === EXIT.unexpected) {
    if (runtime) runtime.logger.fatal({ err }, 'stopped by an unexpected error');
    else process.stderr.write(`${err instanceof Error && err.stack ? err.stack : line}\n`);
  }
  process.stderr.write(`Lindung stopped: ${line}\n`);
  try {
    // Closing is a courtesy here (SQLite recovers the WAL at the next start): it may not hold the exit up.
    if (runtime) await Promise.race([runtime.close(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
  } catch {
    // As above: the exit code says what went wrong, not the close.
  }
  process.exit(code);
}

process.on('uncaughtException', (err) => void fail(err));
process.on('unhandledRejection', (err) => void fail(err));
main().catch(fail);
