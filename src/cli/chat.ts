import { loadConfig } from '../config.js';
import { runTerminalChat } from '../channels/terminal.js';
import { exitCodeFor } from '../exit-codes.js';
import { createRuntime } from '../runtime.js';

/** `npm run chat [-- --jsonl] [-- --user NAME]`: talk to the bot in a terminal. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const userIdx = args.indexOf('--user');
  const runtime = await createRuntime(loadConfig());
  try {
    await runTerminalChat(runtime.app, {
      jsonl: args.includes('--jsonl'),
      input: process.stdin,
      output: process.stdout,
      user: userIdx >= 0 ? args[userIdx + 1] : undefined,
    });
  } finally {
    await runtime.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  // 2 for a wrong setting or key, as `npm start` (src/exit-codes.ts).
  process.exit(exitCodeFor(err));
});
