import { serve, type ServerType } from '@hono/node-server';
import { BindError, bindProblem, hostPort, isListenError } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { configuredChannelIds } from '../ops/health.js';
import { createConsole } from './app.js';

export interface ConsoleServerOptions {
  port: number;
  host: string;
  /** No messaging channel is configured: point to the chat simulator. */
  simulatorHint: boolean;
  /** The terminal chat is open in this process (the hint then says so). */
  terminalChat: boolean;
}

/**
 * Serves the officer console and says where; resolves with the server (to close on shutdown) and
 * its URL, or rejects with a BindError naming host:port when it cannot listen.
 */
export async function startConsoleServer(runtime: Runtime, opts: ConsoleServerOptions): Promise<{ server: ServerType; url: string }> {
  const { officers } = runtime.store;
  const web = createConsole({
    app: runtime.app,
    store: runtime.store,
    regencies: runtime.regencies,
    translate: runtime.translate,
    timeZone: runtime.config.TIMEZONE,
    logger: runtime.logger,
    trustedProxies: runtime.config.CONSOLE_TRUSTED_PROXIES,
    metrics: runtime.metrics,
    metricsToken: runtime.config.METRICS_TOKEN,
    expectedChannels: configuredChannelIds(runtime.config),
  });
  // Read before listening: the callback below cannot wait for the database.
  const noOfficers = (await officers.count()) === 0;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: web.fetch, port: opts.port, hostname: opts.host }, (info) => {
      server.off('error', failed);
      // Once listening, an error (too many open files at accept…) is logged; the bot goes on.
      server.on('error', (err) => runtime.logger.error({ err }, 'officer console: server error'));
      const url = `http://${hostPort(opts.host, info.port)}`;
      process.stderr.write(`Officer console: ${url}\n`);
      if (noOfficers) process.stderr.write('No officer yet: create one with  npm run officer -- add <username> --role admin\n');
      if (opts.simulatorHint) {
        process.stderr.write(`No messaging channel configured: try the bot in the chat simulator at ${url}/simulator${opts.terminalChat ? ' (or type here)' : ''}\n`);
      }
      resolve({ server, url });
    });
    const failed = (err: Error) => {
      reject(isListenError(err) ? new BindError(bindProblem('the officer console', opts.host, opts.port, err, { host: 'CONSOLE_HOST', port: 'CONSOLE_PORT' }), { cause: err }) : err);
    };
    server.once('error', failed);
  });
}
