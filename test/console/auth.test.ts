import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  csrfProtection,
  csrfToken,
  login,
  logout,
  requireAdmin,
  requireOfficer,
  sessionMiddleware,
  SESSION_COOKIE,
  LOGIN_CSRF_COOKIE,
  type ConsoleEnv,
} from '../../src/console/auth.js';
import { hashPassword } from '../../src/console/security.js';
import type { OfficerStore } from '../../src/storage/officers.js';
import { freshStore, type FreshStore } from '../helpers/stores.js';

const PASSWORD = 'kata-sandi-rahasia';
const HOUR = 60 * 60_000;

let fresh: FreshStore;
let store: OfficerStore;
let now: number;

function buildApp() {
  const app = new Hono<ConsoleEnv>();
  app.use('*', sessionMiddleware(store, () => now));
  app.use('*', csrfProtection());
  app.get('/login', (c) => c.text(csrfToken(c)));
  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const address = c.req.header('x-test-address') ?? '10.0.0.1';
    const result = await login(c, store, { username: String(body.username), password: String(body.password), address, now });
    return c.json(result, result.ok ? 200 : 401);
  });
  app.get('/queue', requireOfficer(), (c) => c.text(`hello ${c.get('officer')!.username} ${csrfToken(c)}`));
  app.post('/queue', requireOfficer(), async (c) => {
    const body = await c.req.parseBody();
    return c.text(`saved ${String(body.note)}`);
  });
  app.get('/admin', requireAdmin(), (c) => c.text('admin area'));
  app.post('/logout', requireOfficer(), async (c) => {
    await logout(c, store);
    return c.redirect('/login');
  });
  return app;
}

/** A minimal browser cookie jar over app.request(). */
function browser(app: ReturnType<typeof buildApp>) {
  const jar = new Map<string, string>();
  let lastSetCookies: string[] = [];
  async function request(path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    let body: string | undefined;
    if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const res = await app.request(path, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body });
    lastSetCookies = res.headers.getSetCookie();
    for (const sc of lastSetCookies) {
      const [pair, ...attrs] = sc.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (attrs.some((a) => /^\s*max-age=0$/i.test(a)) || value === '') jar.delete(name!.trim());
      else jar.set(name!.trim(), value);
    }
    return res;
  }
  return {
    jar,
    request,
    setCookies: () => lastSetCookies,
    async loginForm(username: string, password: string, headers?: Record<string, string>) {
      const token = await (await request('/login')).text();
      return request('/login', { form: { username, password, _csrf: token }, headers });
    },
  };
}

let passwordHash: Promise<string> | undefined;

/** Officers share one scrypt hash of PASSWORD (made once: scrypt is slow on purpose); logins still verify it. */
async function addOfficer(username: string, role: 'officer' | 'admin' = 'officer') {
  passwordHash ??= hashPassword(PASSWORD);
  return store.add({ username, passwordHash: await passwordHash, role, now });
}

beforeEach(async () => {
  fresh = await freshStore();
  store = fresh.store.officers;
  now = Date.UTC(2025, 0, 6, 1, 0, 0);
});

afterEach(() => fresh.close());

/** The officers' database, read through the store's port. */
const db = () => fresh.sql;

describe('console login', () => {
  it('sets an HttpOnly SameSite=Strict cookie and stores only the token hash', async () => {
    await addOfficer('budi');
    const b = browser(buildApp());
    const res = await b.loginForm('budi', PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, officer: { username: 'budi', role: 'officer' } });
    const cookie = b.setCookies().find((s) => s.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=28800/);
    expect(cookie).not.toMatch(/Secure/);
    const token = b.jar.get(SESSION_COOKIE)!;
    expect(token.length).toBeGreaterThan(40);
    const rows = await db().all('SELECT * FROM officer_sessions');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(b.jar.has(LOGIN_CSRF_COOKIE)).toBe(false);
    expect(await (await b.request('/queue')).text()).toMatch(/^hello budi /);
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    await addOfficer('budi');
    const b = browser(buildApp());
    // Every request comes through the proxy (the login form's CSRF cookie is __Host- too).
    const https = { 'x-forwarded-proto': 'https' };
    const token = await (await b.request('/login', { headers: https })).text();
    await b.request('/login', { form: { username: 'budi', password: PASSWORD, _csrf: token }, headers: https });
    // Over https the cookie also carries the __Host- prefix (test/console/session-attacks.test.ts).
    expect(b.setCookies().find((s) => s.startsWith(`__Host-${SESSION_COOKIE}=`))).toMatch(/Secure/);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    await addOfficer('budi');
    const b = browser(buildApp());
    const wrong = await b.loginForm('budi', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ ok: false, reason: 'invalid' });
    expect(await (await b.loginForm('nobody', PASSWORD)).json()).toEqual({ ok: false, reason: 'invalid' });
    expect(b.jar.has(SESSION_COOKIE)).toBe(false);
    expect(await db().get('SELECT count(*) AS n FROM officer_sessions')).toEqual({ n: 0 });
  });

  it('locks the username after 5 failures in 15 minutes, even with the right password', async () => {
    await addOfficer('budi');
    const b = browser(buildApp());
    for (let i = 0; i < 5; i++) {
      expect(await (await b.loginForm('BUDI', `wrong-${i}-password`)).json()).toEqual({ ok: false, reason: 'invalid' });
      now += 60_000;
    }
    expect(await (await b.loginForm('budi', PASSWORD)).json()).toEqual({ ok: false, reason: 'locked' });
    // another address is still locked out for this username
    expect(await (await b.loginForm('budi', PASSWORD, { 'x-test-address': '10.0.0.2' })).json()).toEqual({ ok: false, reason: 'locked' });
    now += 15 * 60_000;
    expect(await (await b.loginForm('budi', PASSWORD)).json()).toMatchObject({ ok: true });
    expect((await store.failuresSince('budi', '10.0.0.1', 0)).byUser).toBe(0);
  });

  it('locks an address after 20 failures across usernames', async () => {
    await addOfficer('budi');
    const b = browser(buildApp());
    for (let i = 0; i < 20; i++) await b.loginForm(`user${i}`, 'whatever-password');
    expect(await (await b.loginForm('budi', PASSWORD)).json()).toEqual({ ok: false, reason: 'locked' });
    expect(await (await b.loginForm('budi', PASSWORD, { 'x-test-address': '10.0.0.9' })).json()).toMatchObject({ ok: true });
  });

  it('refuses a disabled officer, and their open session stops working', async () => {
    const o = await addOfficer('budi');
    const b = browser(buildApp());
    await b.loginForm('budi', PASSWORD);
    expect((await b.request('/queue')).status).toBe(200);
    await store.setDisabled(o.id, now);
    expect((await b.request('/queue')).status).toBe(302);
    expect(await (await browser(buildApp()).loginForm('budi', PASSWORD)).json()).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('csrf', () => {
  it('requires the session token on POST', async () => {
    await addOfficer('budi');
    const b = browser(buildApp());
    await b.loginForm('budi', PASSWORD);
    const csrf = (await (await b.request('/queue')).text()).split(' ')[2]!;
    expect((await b.request('/queue', { form: { note: 'x' } })).status).toBe(403);
    expect((await b.request('/queue', { form: { note: 'x', _csrf: 'wrong' } })).status).toBe(403);
    const ok = await b.request('/queue', { form: { note: 'x', _csrf: csrf } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('saved x');
    expect((await b.request('/queue', { method: 'POST', headers: { 'x-csrf-token': csrf } })).status).toBe(200);
  });

  it('requires the double-submit cookie for the login form', async () => {
    await addOfficer('budi');
    const b = browser(buildApp());
    const token = await (await b.request('/login')).text();
    expect(b.jar.get(LOGIN_CSRF_COOKIE)).toBe(token);
    expect((await b.request('/login', { form: { username: 'budi', password: PASSWORD } })).status).toBe(403);
    expect((await b.request('/login', { form: { username: 'budi', password: PASSWORD, _csrf: 'x' } })).status).toBe(403);
    const fresh = browser(buildApp()); // no cookie at all
    expect((await fresh.request('/login', { form: { username: 'budi', password: PASSWORD, _csrf: token } })).status).toBe(403);
    expect((await b.request('/login', { form: { username: 'budi', password: PASSWORD, _csrf: token } })).status).toBe(200);
  });
});

describe('sessions', () => {
  it('redirects an anonymous GET to /login with next, and answers 401 to POST', async () => {
    const b = browser(buildApp());
    const res = await b.request('/queue?page=2');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?next=%2Fqueue%3Fpage%3D2');
    await b.request('/login');
    const post = await b.request('/queue', { form: { _csrf: b.jar.get(LOGIN_CSRF_COOKIE)! } });
    expect(post.status).toBe(401);
  });

  it('slides the expiry on use and rejects a session idle for 8 hours', async () => {
    await addOfficer('budi');
    const b = browser(buildApp());
    await b.loginForm('budi', PASSWORD);
    now += 4 * HOUR;
    expect((await b.request('/queue')).status).toBe(200);
    expect(b.setCookies().some((s) => s.startsWith(`${SESSION_COOKIE}=`))).toBe(true);
    now += 7 * HOUR; // 11 h after login (under the 12 h absolute limit), 7 h after last use
    expect((await b.request('/queue')).status).toBe(200);
    const token = b.jar.get(SESSION_COOKIE)!;
    now += 8 * HOUR;
    const res = await b.request('/queue');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/login/);
    // the server drops the stale cookie; a replayed token is still refused
    expect(b.jar.has(SESSION_COOKIE)).toBe(false);
    b.jar.set(SESSION_COOKIE, token);
    expect((await b.request('/queue')).status).toBe(302);
  });

  it('touches a session at most once a minute', async () => {
    await addOfficer('budi');
    const b = browser(buildApp());
    await b.loginForm('budi', PASSWORD);
    const seen = async () => (await db().get<{ t: number }>('SELECT last_seen_at AS t FROM officer_sessions'))!.t;
    const start = await seen();
    now += 30_000;
    await b.request('/queue');
    expect(await seen()).toBe(start);
    now += 31_000;
    await b.request('/queue');
    expect(await seen()).toBe(now);
  });

  it('logout removes the session row and the cookie', async () => {
    await addOfficer('budi');
    const b = browser(buildApp());
    await b.loginForm('budi', PASSWORD);
    const token = b.jar.get(SESSION_COOKIE)!;
    const csrf = (await (await b.request('/queue')).text()).split(' ')[2]!;
    const res = await b.request('/logout', { form: { _csrf: csrf } });
    expect(res.status).toBe(302);
    expect(b.jar.has(SESSION_COOKIE)).toBe(false);
    expect(await db().get('SELECT count(*) AS n FROM officer_sessions')).toEqual({ n: 0 });
    b.jar.set(SESSION_COOKIE, token);
    expect((await b.request('/queue')).status).toBe(302);
  });

  it('requireAdmin gives 403 to an officer and passes an admin', async () => {
    await addOfficer('budi');
    await addOfficer('ana', 'admin');
    const officer = browser(buildApp());
    await officer.loginForm('budi', PASSWORD);
    expect((await officer.request('/admin')).status).toBe(403);
    const admin = browser(buildApp());
    await admin.loginForm('ana', PASSWORD);
    expect(await (await admin.request('/admin')).text()).toBe('admin area');
    expect((await browser(buildApp()).request('/admin')).status).toBe(302);
  });
});

describe('officer store', () => {
  it('rejects a duplicate username case-insensitively and pages the audit log', async () => {
    const o = await addOfficer('budi');
    await expect(addOfficer('BUDI')).rejects.toThrow(/already exists/);
    for (let i = 0; i < 5; i++) await store.audit({ officerId: o.id, action: i % 2 ? 'view' : 'export', detail: { i }, now: now + i });
    const first = await store.auditPage({ limit: 3 });
    expect(first.map((e) => e.detail)).toEqual(['{"i":4}', '{"i":3}', '{"i":2}']);
    expect(first[0]!.username).toBe('budi');
    expect((await store.auditPage({ limit: 3, before: first[2]!.id })).map((e) => e.detail)).toEqual(['{"i":1}', '{"i":0}']);
    expect(await store.auditPage({ limit: 10, action: 'view' })).toHaveLength(2);
  });
});
