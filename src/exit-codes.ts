import { ConfigError, loadConfig, type Config } from './config.js';
import { SettingsError } from './settings.js';
import { KeyError } from './storage/crypto.js';

/**
 * How `npm start` (node dist/main.js) ends, for a service manager to act on (README, "Running it
 * as a service"): restarting helps after 1 and maybe 3, never after 2 (systemd:
 * RestartPreventExitStatus=2).
 */
export const EXIT = {
  /** A clean stop: SIGTERM or SIGINT, or the end of input of a terminal chat that was asked for. */
  ok: 0,
  /** Something we did not expect (a bug, a database that cannot be opened, a stop that hung). */
  unexpected: 1,
  /** The configuration is wrong (environment, programme settings, rates, keys): fix it, then start. */
  config: 2,
  /** A port cannot be listened on (in use, not allowed, no such address). */
  bind: 3,
} as const;

/** Error codes of a listen() that failed. */
const BIND_CODES = new Set(['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL', 'EPERM']);

/** Thrown when a server cannot listen; its message names host:port and what to do. */
export class BindError extends Error {
  override name = 'BindError';
}

/** An error from net's listen() (code EADDRINUSE…, syscall listen). */
export function isListenError(err: unknown): err is NodeJS.ErrnoException & { address?: string; port?: number } {
  const e = err as NodeJS.ErrnoException | null;
  return typeof e === 'object' && e !== null && e.syscall === 'listen' && typeof e.code === 'string' && BIND_CODES.has(e.code);
}

/** host:port as one types it in a browser (IPv6 in brackets). */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** One line for a failed listen: what, where, why, and what to do (the settings named). */
export function bindProblem(what: string, host: string, port: number, err: NodeJS.ErrnoException, settings: { host: string; port: string }): string {
  const why =
    err.code === 'EADDRINUSE'
      ? `the port is in use (another Lindung still running? stop it, or set ${settings.port} to a free port)`
      : err.code === 'EADDRNOTAVAIL'
        ? `no network interface of this machine has that address (set ${settings.host})`
        : `this user may not listen there (ports below 1024 need privileges: set ${settings.port} to 1024 or above, behind a proxy)`;
  return `${what} cannot listen on ${hostPort(host, port)}: ${why} [${err.code}]`;
}

/** The exit code for an error that ended the start. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof ConfigError || err instanceof SettingsError || err instanceof KeyError) return EXIT.config;
  if (err instanceof BindError || isListenError(err)) return EXIT.bind;
  return EXIT.unexpected;
}

/**
 * The settings for a command-line tool, or (printed on stderr) why not and the exit code to end
 * with: 2 for a wrong setting, as for the bot.
 */
export function configForTool(): { config: Config } | { exit: number } {
  try {
    return { config: loadConfig() };
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return { exit: exitCodeFor(err) };
  }
}
