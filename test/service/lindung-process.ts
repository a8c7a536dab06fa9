import { spawn, type ChildProcess } from 'node:child_process';
import { ConfigSchema } from '../../src/config.js';

/** What `npm start` runs (package.json "start"): scripts/start.mjs, which builds dist/ when src/ changed, then dist/main.js. */
export const START = ['scripts/start.mjs'];

/** The environment of a started process: this one's, minus every Lindung setting (a developer's TELEGRAM_BOT_TOKEN…), plus the test's. */
export function cleanEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const own = new Set(Object.keys(ConfigSchema.shape));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !own.has(k)));
  return { ...env, LOG_LEVEL: 'info', CONSOLE_PORT: '0', ...settings };
}

/** A started Lindung process with its output collected, to wait on lines and its exit. */
export interface LindungProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stderr line that matches (rejects if the process ends first, or after `timeoutMs`). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (null: ended by a signal). */
  exited: Promise<number | null>;
}

/**
 * Starts `npm start`'s program with the given settings, stdin a pipe (not a terminal), in the repo
 * folder. Timeouts are generous: they only bound a hang, never measure a duration.
 */
export function startLindung(settings: Record<string, string>, opts: { args?: string[] } = {}): LindungProcess {
  const child = spawn(process.execPath, opts.args ?? START, { env: cleanEnv(settings), stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => (out += String(chunk)));
  child.stderr!.on('data', (chunk: Buffer) => {
    err += String(chunk);
    for (const w of waiters) w();
  });
  // 'close': the process ended and its output is all read.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const waitForLine = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = err.split('\n').find((l) => pattern.test(l));
        if (line === undefined) return false;
        done();
        resolve(line);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; stderr:\n${err}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      if (check()) return;
      waiters.add(check);
      void exited.then((code) => {
        if (check()) return;
        done();
        reject(new Error(`the process ended (exit code ${code}) without a line matching ${pattern}; stderr:\n${err}`));
      });
    });
  return { child, stdout: () => out, stderr: () => err, waitForLine, exited };
}

/** The "ready" log line's fields. */
export function readyFields(line: string): { console: string; channels: string[]; terminalChat: boolean } {
  return JSON.parse(line) as { console: string; channels: string[]; terminalChat: boolean };
}
