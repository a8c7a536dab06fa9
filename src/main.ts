import { purgeExpired } from './app/retention.js';
import { runTerminalChat } from './channels/terminal.js';
import { loadConfig } from './config.js';
import { createRuntime } from './runtime.js';

/**
 * The composition root. With no messaging channel configured (the only kind so far), `npm start`
 * opens the terminal chat on the embedded SQLite database.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  runtime.logger.debug({ database: config.DATABASE_PATH }, 'no messaging channel configured: terminal chat');
  const purge = () => {
    const removed = purgeExpired(runtime.db, runtime.settings, Date.now());
    runtime.logger.debug(removed, 'retention: expired data removed');
  };
  purge();
  const timer = setInterval(purge, 3600_000);
  timer.unref();
  const stop = () => {
    runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await runTerminalChat(runtime.app, { jsonl: config.CHAT_JSONL, input: process.stdin, output: process.stdout });
  runtime.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
