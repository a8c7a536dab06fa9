// What an attack run found in sessions and redirects, each closed: no absolute lifetime, ?next=
// leading off-site, ?err= showing an attacker's words, CR/LF in next/back giving a 500, and cookies
// without the __Host- prefix over https.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { requestClient } from './request-client.js';

const HOUR = 60 * 60_000;
let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

const sessions = () => dbOf(h).count('officer_sessions');

describe('session lifetime', () => {
  it('ends a session 12 hours after login however busy it was (and still after 8 idle hours)', async () => {
    const c = requestClient(con.web);
    expect((await c.login('budi')).status).toBe(303);
    const start = h.clock.now;
    for (let hour = 2; hour < 12; hour += 2) {
      h.clock.now = start + hour * HOUR;
      expect((await c.get('/queue')).res.status).toBe(200);
    }
    // The cookie's own lifetime never reaches past the 12 hours either.
    const last = c.setCookies.filter((s) => s.startsWith('lindung_session=')).at(-1)!;
    expect(Number(/Max-Age=(\d+)/.exec(last)![1])).toBeLessThanOrEqual(2 * 60 * 60);
    h.clock.now = start + 12 * HOUR - 1;
    expect((await c.get('/queue')).res.status).toBe(200);
    h.clock.now = start + 12 * HOUR;
    const res = (await c.get('/queue')).res;
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/login\?next=/);
    expect(await sessions()).toBe(0);
  });
});

describe('where a login may send the browser', () => {
  const OFF_SITE = [
    '/\t/evil.example',
    '/%09/evil.example',
    '//evil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    '/%2F%2Fevil.example',
    '///evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    ' /queue',
    '/queue\r\nSet-Cookie: x=1',
    '/queue%0d%0aSet-Cookie:%20x=1',
    '/\u2028/evil.example',
  ];

  it('goes back only to a same-origin path after the password', async () => {
    for (const next of OFF_SITE) {
      const c = requestClient(con.web);
      await c.get('/login');
      const res = await c.post('/login', { username: 'budi', password: PASSWORD, next });
      expect({ next, status: res.status, location: res.headers.get('location') }).toEqual({ next, status: 303, location: '/queue' });
    }
    const c = requestClient(con.web);
    await c.get('/login');
    const res = await c.post('/login', { username: 'budi', password: PASSWORD, next: '/registrations/LD-AAAAA?from=queue' });
    expect(res.headers.get('location')).toBe('/registrations/LD-AAAAA?from=queue');
  });

  it('never puts an off-site next in a redirect or the login form, and a CR/LF in it is no 500', async () => {
    const anon = requestClient(con.web);
    for (const next of OFF_SITE) {
      const { res, html } = await anon.get(`/login?next=${encodeURIComponent(next)}`);
      expect(res.status).toBe(200);
      expect(html).toContain('name="next" value="/queue"');
    }
    const c = requestClient(con.web);
    await c.login('budi');
    for (const next of OFF_SITE) {
      const res = await c.send(`/login?next=${encodeURIComponent(next)}`);
      expect({ next, status: res.status, location: res.headers.get('location') }).toEqual({ next, status: 302, location: '/queue' });
    }
    // The query string exactly as the attack run sent it.
    expect((await c.send('/login?next=/%09/evil.example')).headers.get('location')).toBe('/queue');
    expect((await c.send('/login?next=%0d%0aSet-Cookie:x=1')).headers.get('location')).toBe('/queue');
  });

  it('comes back from a bulk approval only to the queue, whatever `back` says', async () => {
    const c = requestClient(con.web);
    await c.login('budi');
    await c.get('/queue');
    for (const [back, location] of [
      ['/queue?status=approved', '/queue?status=approved&err=nothing_selected'],
      ['/queue\r\nSet-Cookie: x=1', '/queue?err=nothing_selected'],
      ['/queue%0d%0aX: y', '/queue?err=nothing_selected'],
      ['/queue.evil.example', '/queue?err=nothing_selected'],
      ['//evil.example/queue', '/queue?err=nothing_selected'],
      ['/queue?ok=approved', '/queue?err=nothing_selected'],
    ] as const) {
      const res = await c.post('/queue/approve', { back });
      expect({ back, status: res.status, location: res.headers.get('location') }).toEqual({ back, status: 303, location });
    }
  });
});

describe('notices', () => {
  it('shows a notice only for a known key: any other ?ok= / ?err= is ignored', async () => {
    const c = requestClient(con.web);
    await c.login('budi');
    for (const query of ['err=x:any%20text', 'ok=x:Akun%20Anda%20diblokir', 'err=constructor', 'ok=__proto__', 'err=console.login.invalid', 'ok=%3Cscript%3E']) {
      const { res, html } = await c.get(`/queue?${query}`);
      expect(res.status).toBe(200);
      expect({ query, flash: html.includes('class="flash') }).toEqual({ query, flash: false });
    }
    expect((await c.get('/queue')).html).not.toContain('any text');
    expect((await c.get('/queue?ok=bulk_approved')).html).toContain('<p class="flash">Pendaftaran terpilih disetujui.</p>');
    expect((await c.get('/queue?err=kpj_invalid')).html).toContain('<p class="flash error">Nomor KPJ harus 11 angka.</p>');
  });
});

describe('cookies', () => {
  it('over https: __Host- prefixed, Secure, Path=/, no Domain, HttpOnly, SameSite=Strict', async () => {
    const c = requestClient(con.web, { headers: { 'x-forwarded-proto': 'https' } });
    expect((await c.login('budi')).status).toBe(303);
    const set = c.setCookies.filter((s) => !/max-age=0/i.test(s));
    const session = set.find((s) => s.startsWith('__Host-lindung_session='))!;
    const loginCsrf = set.find((s) => s.startsWith('__Host-lindung_login_csrf='))!;
    for (const cookie of [session, loginCsrf]) {
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).not.toMatch(/Domain=/i);
    }
    expect(set.some((s) => s.startsWith('lindung_'))).toBe(false);
    expect((await c.get('/queue')).res.status).toBe(200);
    // A cookie without the prefix (planted from a neighbouring subdomain, say) is not read over https.
    const token = c.jar.get('__Host-lindung_session')!;
    const planted = requestClient(con.web, { headers: { 'x-forwarded-proto': 'https' } });
    planted.jar.set('lindung_session', token);
    expect((await planted.get('/queue')).res.status).toBe(302);
  });

  it('over plain http (npm start on localhost): the same cookies without prefix or Secure, and logging in works', async () => {
    const c = requestClient(con.web);
    expect((await c.login('budi')).status).toBe(303);
    const session = c.setCookies.find((s) => s.startsWith('lindung_session='))!;
    expect(session).not.toMatch(/Secure/);
    expect(session).toMatch(/HttpOnly/);
    expect(c.setCookies.some((s) => s.startsWith('__Host-'))).toBe(false);
    expect((await c.get('/queue')).res.status).toBe(200);
  });
});
