import { pino } from 'pino';
import type { Hono } from 'hono';
import type { ConsoleEnv } from '../../src/console/auth.js';
import { createConsole } from '../../src/console/app.js';
import { hashPassword } from '../../src/console/security.js';
import { createTranslator } from '../../src/i18n.js';
import { RegencyRegistry } from '../../src/regencies.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import type { Harness } from './harness.js';

export const PASSWORD = 'correct horse battery';

let passwordHash: Promise<string> | undefined;

/**
 * PASSWORD's scrypt hash, made once per test file (scrypt is slow on purpose: about 30 ms, several
 * times that on a busy machine). Officers added with it still log in through the real verifier.
 */
export function hashedPassword(): Promise<string> {
  passwordHash ??= hashPassword(PASSWORD);
  return passwordHash;
}

/**
 * The console on a harness's runtime, with an admin "ana" and an officer "budi" (deployment-wide).
 * It serves the runtime's regencies (PROGRAMME_SETTINGS_PATH of the harness's env), as server.ts
 * does; `settingsPath`: one regency's settings file instead, given in code.
 */
export async function startConsole(h: Harness, opts: { settingsPath?: string } = {}) {
  const { officers } = h.runtime.store;
  const hash = await hashedPassword();
  await officers.add({ username: 'ana', passwordHash: hash, role: 'admin', now: h.clock.now });
  await officers.add({ username: 'budi', passwordHash: hash, role: 'officer', now: h.clock.now });
  const web = createConsole({
    app: h.runtime.app,
    store: h.runtime.store,
    regencies: opts.settingsPath ? RegencyRegistry.single(loadProgrammeSettings(opts.settingsPath)) : h.runtime.regencies,
    translate: createTranslator(),
    timeZone: 'Asia/Makassar',
    logger: pino({ level: 'silent' }),
    clock: () => h.clock.now,
  });
  return { web, officers };
}

/** A browser-like client: keeps cookies, reads the CSRF token from pages, posts forms. */
export function client(web: Hono<ConsoleEnv>) {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || v === '') jar.delete(k!);
      else jar.set(k!, v!);
    }
  };
  let csrf = '';
  const grabCsrf = (html: string) => {
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (m) csrf = m[1]!;
  };
  const api = {
    jar,
    get csrf() {
      return csrf;
    },
    /** A GET whose body is left unread (downloads, timing). */
    async fetch(path: string): Promise<Response> {
      const res = await web.request(path, { headers: { cookie: cookieHeader() } });
      remember(res);
      return res;
    },
    async get(path: string): Promise<{ res: Response; html: string }> {
      const res = await api.fetch(path);
      const html = await res.text();
      grabCsrf(html);
      return { res, html };
    },
    async post(path: string, form: Record<string, string | string[]>, opts: { csrf?: string | null } = {}): Promise<Response> {
      const body = new URLSearchParams();
      const token = opts.csrf === undefined ? csrf : opts.csrf;
      if (token !== null) body.append('_csrf', token);
      for (const [k, v] of Object.entries(form)) for (const item of ([] as string[]).concat(v)) body.append(k, item);
      const res = await web.request(path, {
        method: 'POST',
        headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
      remember(res);
      return res;
    },
    async login(username: string, password = PASSWORD): Promise<Response> {
      await api.get('/login');
      const res = await api.post('/login', { username, password, next: '/queue' });
      if (res.status === 303) await api.get('/queue');
      return res;
    },
  };
  return api;
}

/** Everything an async iterable yields, in order (Array.fromAsync needs Node 22). */
export async function toArray<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The items `keep` says yes to, in order, asked one after another (a filter whose test reads the store). */
export async function filterAsync<T>(items: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept: T[] = [];
  for (const item of items) if (await keep(item)) kept.push(item);
  return kept;
}
