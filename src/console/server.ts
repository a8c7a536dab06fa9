import { serve, type ServerType } from '@hono/node-server';
import type { Runtime } from '../runtime.js';
import { createConsole } from './app.js';

/** Serves the officer console and says where; returns the server to close on shutdown. */
export async function startConsoleServer(runtime: Runtime, opts: { port: number; host: string; simulatorHint: boolean }): Promise<ServerType> {
  const { officers } = runtime.store;
  const web = createConsole({
    app: runtime.app,
    store: runtime.store,
    settings: runtime.settings,
    translate: runtime.translate,
    timeZone: runtime.config.TIMEZONE,
    logger: runtime.logger,
    trustedProxies: runtime.config.CONSOLE_TRUSTED_PROXIES,
  });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: web.fetch, port: opts.port, hostname: opts.host }, (info) => {
      const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${info.port}`;
      process.stderr.write(`Officer console: ${url}\n`);
      if (officers.count() === 0) process.stderr.write('No officer yet: create one with  npm run officer -- add <username> --role admin\n');
      if (opts.simulatorHint) process.stderr.write(`No messaging channel configured: try the bot in the chat simulator at ${url}/simulator (or type here)\n`);
      resolve(server);
    });
    server.once('error', reject);
  });
}
