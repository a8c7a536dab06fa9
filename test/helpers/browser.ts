// Helpers for driving the real officer console in headless Chromium with playwright-core. The
// browser comes from npm (the dev dependency @sparticuz/chromium); LINDUNG_CHROMIUM picks another,
// and a system Chromium is the fallback (test/helpers/chromium.ts). The console is served over real
// HTTP on 127.0.0.1.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromiumCandidates, chromiumChoice } from './chromium.js';
import { startConsole, PASSWORD } from './console.js';
import { cleanup, startHarness, type Harness } from './harness.js';
import { registrationScript } from './registration.js';

/** Flags for a machine without internet: no background fetches, no QUIC, no GPU, no sandbox (containers). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long one browser may take to start before the next one is tried. */
const LAUNCH_TIMEOUT_MS = 20_000;

/**
 * Launches headless Chromium: the first of LINDUNG_CHROMIUM, the bundled one, a system one that
 * starts. Fails (never skips) when none does, naming each one tried and why it did not start.
 */
export async function launchChromium(): Promise<Browser> {
  const tried: string[] = [];
  for (const c of await chromiumCandidates(chromiumChoice(), inject('lindungChromium'))) {
    if ('skipped' in c) {
      tried.push(c.skipped);
      continue;
    }
    const { label, executablePath, env } = c.candidate;
    try {
      return await chromium.launch({
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        timeout: LAUNCH_TIMEOUT_MS,
        ...(env ? { env: { ...process.env, ...env } } : {}),
      });
    } catch (e) {
      // Playwright's first line and what the browser printed on stderr, without its long command line.
      const lines = (e instanceof Error ? e.message : String(e)).split('\n');
      const why = [lines[0], ...lines.filter((l) => l.includes('[err]')).slice(0, 5).map((l) => l.replace(/^.*?\[err\]\s*/, ''))].join('\n      ');
      tried.push(`${label}: ${why}`);
    }
  }
  throw new Error(
    `Browser tests found no Chromium that starts. Tried, in order:\n${tried.map((t) => `  - ${t}`).join('\n')}\n` +
      'npm install brings one (@sparticuz/chromium, Linux x64); LINDUNG_CHROMIUM=/path/to/chromium uses another.',
  );
}

export interface ServedConsole {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  web: Awaited<ReturnType<typeof startConsole>>['web'];
  close(): Promise<void>;
}

/**
 * The console (officers "ana", admin, and "budi", officer; password PASSWORD) on a harness's
 * runtime, served on 127.0.0.1 with a random port. The harness should use the real clock; the
 * console then reads the real clock too (as in production), so sessions, audit times and the
 * runtime's timestamps agree.
 */
export async function serveConsole(h: Harness): Promise<ServedConsole> {
  // startConsole gives the console `() => h.clock.now`; with realClock the runtime ignores h.clock,
  // so pointing it at the real time only aligns the console with the runtime.
  Object.defineProperty(h.clock, 'now', { get: () => Date.now(), configurable: true });
  const { web } = await startConsole(h);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: web.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) as Server;
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    web,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // the browser may keep idle keep-alive sockets open
        server.close(() => resolve());
      }),
  };
}

/** Logs in through the login form and waits until the browser has left the login page. */
export async function logIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/login'); // relative: the page's context has the console as its baseURL
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  try {
    await page.waitForURL((u) => u.pathname !== '/login', { timeout: 5_000 });
  } catch {
    const flash = await page.locator('p.flash').textContent().catch(() => null);
    throw new Error(`login as ${username} failed: still on ${page.url()}${flash ? ` ("${flash}")` : ''}`);
  }
}

/** A person registers themself through the bot (as in test/console/routes.test.ts); returns the reference. */
export async function registerThroughBot(h: Harness, user: string, name = 'Budi Santoso'): Promise<string> {
  const script = registrationScript({ fullName: name });
  let out: string[] = [];
  for (const text of script) out = await h.say(user, text);
  const ref = /LD-\w{5}/.exec(out.join('\n'))?.[0];
  if (!ref) throw new Error(`the bot gave no reference code; last replies:\n${out.join('\n')}`);
  return ref;
}

/** Runs a read-only query on the harness's SQLite file through a separate connection (what is committed). */
export function query<R>(h: Harness, sql: string, ...params: unknown[]): R[] {
  const db = new Database(h.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as R[];
  } finally {
    db.close();
  }
}

/** The texts queued in the outbox for the applicant of a registration, oldest first. */
export function outboxTextsFor(h: Harness, reference: string): string[] {
  return query<{ payload: string }>(
    h,
    'SELECT payload FROM outbox WHERE person_id = (SELECT applicant_id FROM registrations WHERE reference = ?) ORDER BY id',
    reference,
  ).map((r) => (JSON.parse(h.runtime.store.cipher.decrypt(r.payload)) as { text: string }).text);
}

/** Splits one CSV record into fields (RFC 4180 quoting; records here never span lines). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** One headless Chromium for a whole test file (launched before, closed after): call at the top level. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 3 * LAUNCH_TIMEOUT_MS); // room to fall back from a browser that hangs at start
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** A browser context (its own cookies) on the served console, in Indonesian and WITA, and its page. */
export async function openPage(browser: Browser, con: ServedConsole, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: con.url, locale: 'id-ID', timezoneId: 'Asia/Makassar', ...options });
  // Fail a missing element well before vitest's 30 s test timeout, with Playwright's message.
  context.setDefaultTimeout(8_000);
  return { context, page: await context.newPage() };
}

/** What a browser test works with: a runtime, its console served over HTTP, and (once opened) a page. */
export interface ConsoleSession {
  h?: Harness;
  con?: ServedConsole;
  context?: BrowserContext;
  page?: Page;
}

/** A fresh runtime (real clock) and its console served on loopback; a page too unless `page` is false. */
export async function openConsoleSession(
  browser: Browser,
  opts: { env?: Record<string, string>; context?: BrowserContextOptions; page?: boolean } = {},
): Promise<ConsoleSession> {
  const h = await startHarness({ realClock: true, ...(opts.env ? { env: opts.env } : {}) });
  const con = await serveConsole(h);
  return opts.page === false ? { h, con } : { h, con, ...(await openPage(browser, con, opts.context)) };
}

/** Closes a session; after a failed test a full-page screenshot goes to test-results/failed-<prefix><test>.png. */
export async function closeConsoleSession(
  s: ConsoleSession,
  task?: { name: string; result?: { state?: string } },
  prefix = '',
): Promise<void> {
  if (task?.result?.state === 'fail' && s.page) {
    mkdirSync('test-results', { recursive: true });
    const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await s.page.screenshot({ path: join('test-results', `failed-${prefix}${name}.png`), fullPage: true }).catch(() => undefined);
  }
  await s.context?.close();
  await s.con?.close();
  if (s.h) await cleanup(s.h);
}
