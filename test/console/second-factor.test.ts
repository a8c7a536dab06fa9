// The second factor: TOTP (RFC 6238) required for admins, optional for officers; enrolment with a QR
// code, the code step after the password, one-time recovery codes, and an admin's audited reset.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { requestClient } from './request-client.js';
import { codeAt } from './second-factor-helpers.js';

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h); // "ana" (admin) and "budi" (officer), neither with a second factor
});
afterEach(() => cleanup(h));

const db = () => dbOf(h);
const audits = (action: string) => db().all<{ officerId: number; detail: string | null }>('SELECT officer_id AS "officerId", detail FROM audit_log WHERE action = ? ORDER BY id', [action]);
const idOf = async (username: string) => (await con.officers.byUsername(username))!.id;

/** Logs in with the password and enrols through the page; returns the secret and the recovery codes shown. */
async function enrol(c: ReturnType<typeof requestClient>, username: string, path = '/account/2fa') {
  await c.login(username);
  const { html } = await c.get(path);
  const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, '');
  const res = await c.post('/account/2fa', { code: codeAt(secret, h.clock.now) });
  expect(res.status).toBe(200);
  const codes = [...(await res.text()).matchAll(/<li><code>([0-9A-Z-]{19})<\/code><\/li>/g)].map((m) => m[1]!);
  return { secret, codes };
}

/** Password, then the code page; returns the code step's response. */
async function loginWithCode(username: string, code: string, next = '/queue') {
  const c = requestClient(con.web);
  const first = await c.login(username, PASSWORD, next);
  expect(first.status).toBe(303);
  expect(first.headers.get('location')).toBe(`/login/verify?next=${encodeURIComponent(next)}`);
  await c.get(first.headers.get('location')!);
  return { c, res: await c.post('/login/verify', { code, next }) };
}

describe('admins must enrol', () => {
  it('sends an admin without a second factor to enrolment before anything else', async () => {
    const c = requestClient(con.web);
    expect((await c.login('ana')).status).toBe(303);
    for (const path of ['/queue', '/audit', '/admin/officers', '/export?format=csv', '/account']) {
      const res = await c.send(path);
      expect({ path, status: res.status, to: res.headers.get('location') }).toEqual({ path, status: 302, to: '/account/2fa' });
    }
    await c.get('/account/2fa');
    const post = await c.post('/admin/officers', { username: 'eve', role: 'admin', password: 'x'.repeat(12) });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toBe('/account/2fa');
    expect(await con.officers.byUsername('eve')).toBeUndefined();
    // Logging out still works.
    expect((await c.post('/logout', {})).headers.get('location')).toBe('/login');
  });

  it('enrols with the QR code and the secret as text; a wrong code keeps the same secret; then shows 10 recovery codes kept only as salted hashes', async () => {
    const c = requestClient(con.web);
    await c.login('ana');
    const page = (await c.get('/account/2fa')).html;
    expect(page).toContain('Admin wajib memakai verifikasi dua langkah');
    expect(page).toMatch(/<div class="qr" role="img"[^>]*><svg/);
    const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(page)![1]!.replace(/ /g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
    // Reloading shows the same secret (the phone may have scanned it already).
    expect((await c.get('/account/2fa')).html).toContain(secret.slice(0, 4));
    const wrong = await c.post('/account/2fa', { code: '000000' === codeAt(secret, h.clock.now) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Kode tidak cocok');
    const oldToken = c.jar.get('lindung_session');
    const res = await c.post('/account/2fa', { code: codeAt(secret, h.clock.now) });
    expect(res.status).toBe(200);
    const codes = [...(await res.text()).matchAll(/<li><code>([0-9A-Z-]{19})<\/code><\/li>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(c.jar.get('lindung_session')).not.toBe(oldToken); // a new session token after the second factor
    expect((await c.get('/queue')).res.status).toBe(200);
    const stored = JSON.stringify(await db().all('SELECT * FROM officer_recovery_codes'));
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace(/-/g, ''));
    }
    expect((await con.officers.byUsername('ana'))!.secondFactor).toBe(true);
    // Stored sealed (AES-256-GCM with the key ring), never part of an officer as the routes see it, nor of the audit.
    const sealed = (await db().get<{ s: string }>("SELECT totp_secret AS s FROM officers WHERE username = 'ana'"))!.s;
    expect(sealed).toMatch(/^enc1:/);
    expect(sealed).not.toContain(secret);
    expect(h.runtime.store.cipher.decrypt(sealed)).toBe(secret);
    expect(JSON.stringify(await con.officers.list())).not.toContain(secret);
    expect(JSON.stringify(await db().all('SELECT * FROM audit_log'))).not.toContain(secret);
    expect(await audits('enrol_second_factor')).toEqual([{ officerId: await idOf('ana'), detail: null }]);
  });
});

describe('the code step of a login', () => {
  it('asks for the code after the password; the session opens nothing else until then, and a code is accepted once', async () => {
    const { secret } = await enrol(requestClient(con.web), 'ana');
    h.clock.now += 60_000;
    const code = codeAt(secret, h.clock.now);
    const c = requestClient(con.web);
    const first = await c.login('ana', PASSWORD, '/audit');
    expect(first.headers.get('location')).toBe('/login/verify?next=%2Faudit');
    // Waiting for the code: no page opens.
    expect((await c.send('/queue')).headers.get('location')).toMatch(/^\/login\?next=/);
    expect((await c.send('/login?next=/audit')).headers.get('location')).toBe('/login/verify?next=%2Faudit');
    await c.get('/login/verify?next=/audit');
    expect((await c.post('/queue/approve', {})).status).toBe(401);
    const wrong = await c.post('/login/verify', { code: code === '123456' ? '654321' : '123456', next: '/audit' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Kode salah atau sudah dipakai.');
    const ok = await c.post('/login/verify', { code, next: '/audit' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/audit');
    expect((await c.get('/audit')).res.status).toBe(200);
    expect((await audits('login')).at(-1)).toEqual({ officerId: await idOf('ana'), detail: '{"factor":"totp"}' });
    expect((await audits('login_failed')).at(-1)).toEqual({ officerId: await idOf('ana'), detail: '{"step":"second_factor"}' });
    // The same code again (seen over a shoulder): refused.
    expect((await loginWithCode('ana', code)).res.status).toBe(401);
    // The next time step's code works.
    h.clock.now += 30_000;
    expect((await loginWithCode('ana', codeAt(secret, h.clock.now))).res.status).toBe(303);
  });

  it('the code step lasts 5 minutes', async () => {
    const { secret } = await enrol(requestClient(con.web), 'ana');
    h.clock.now += 60_000;
    const c = requestClient(con.web);
    await c.login('ana');
    await c.get('/login/verify');
    h.clock.now += 5 * 60_000;
    // The session is gone, and with it the form's CSRF token: "the form has expired".
    expect((await c.post('/login/verify', { code: codeAt(secret, h.clock.now) })).status).toBe(403);
    expect((await c.send('/login/verify')).headers.get('location')).toBe('/login');
    expect((await c.send('/queue')).status).toBe(302);
  });

  it('counts wrong codes with the password limits: after 5, even the right code is refused', async () => {
    const { secret } = await enrol(requestClient(con.web), 'ana');
    h.clock.now += 60_000;
    const c = requestClient(con.web);
    await c.login('ana');
    await c.get('/login/verify');
    const right = codeAt(secret, h.clock.now);
    const wrongCodes = ['000000', '111111', '222222', '333333', '444444', '555555'].filter((x) => x !== right).slice(0, 5);
    for (const code of wrongCodes) expect((await c.post('/login/verify', { code })).status).toBe(401);
    expect((await c.post('/login/verify', { code: right })).status).toBe(429);
    expect((await c.post('/login/verify', { code: 'x'.repeat(33) })).status).toBe(400);
  });

  it('takes a recovery code once instead of the authenticator code', async () => {
    const { codes } = await enrol(requestClient(con.web), 'ana');
    const typed = codes[3]!.toLowerCase().replace(/-/g, ' ');
    const { c, res } = await loginWithCode('ana', typed);
    expect(res.status).toBe(303);
    expect((await c.get('/queue')).res.status).toBe(200);
    expect(JSON.parse((await audits('login')).at(-1)!.detail!)).toEqual({ factor: 'recovery_code', recovery_codes_left: 9 });
    expect((await loginWithCode('ana', codes[3]!)).res.status).toBe(401);
    expect((await c.get('/account')).html).toContain('Sisa kode pemulihan: 9.');
  });
});

describe('officers may enrol; admins reset', () => {
  it('an officer is not sent to enrolment, may enrol from the account page, and then needs the code too', async () => {
    const c = requestClient(con.web);
    await c.login('budi');
    expect((await c.get('/queue')).res.status).toBe(200);
    const account = (await c.get('/account')).html;
    expect(account).toContain('Belum aktif.');
    expect(account).toContain('href="/account/2fa"');
    expect((await c.get('/account/2fa')).html).toContain('Verifikasi dua langkah melindungi akun Anda');
    await enrol(c, 'budi');
    h.clock.now += 60_000;
    const again = requestClient(con.web);
    expect((await again.login('budi')).headers.get('location')).toMatch(/^\/login\/verify/);
  });

  it("an admin resets another officer's second factor (audited): their sessions end and they log in again without it; not their own", async () => {
    const admin = requestClient(con.web);
    await enrol(admin, 'ana');
    const officer = requestClient(con.web);
    await enrol(officer, 'budi');
    expect((await officer.get('/queue')).res.status).toBe(200);
    const page = (await admin.get('/admin/officers')).html;
    expect(page).toContain(`action="/admin/officers/${await idOf('budi')}/reset-2fa"`);
    expect(page).not.toContain(`action="/admin/officers/${await idOf('ana')}/reset-2fa"`);
    const res = await admin.post(`/admin/officers/${await idOf('budi')}/reset-2fa`, {});
    expect(res.headers.get('location')).toBe('/admin/officers?ok=second_factor_reset');
    expect(await audits('reset_second_factor')).toEqual([{ officerId: await idOf('ana'), detail: JSON.stringify({ officer: await idOf('budi'), username: 'budi' }) }]);
    expect((await con.officers.byUsername('budi'))!.secondFactor).toBe(false);
    expect(await db().get('SELECT count(*) AS n FROM officer_recovery_codes WHERE officer_id = ?', [await idOf('budi')])).toEqual({ n: 0 });
    expect((await officer.send('/queue')).status).toBe(302);
    expect((await requestClient(con.web).login('budi')).headers.get('location')).toBe('/queue');
    // Not one's own.
    expect((await admin.post(`/admin/officers/${await idOf('ana')}/reset-2fa`, {})).headers.get('location')).toBe('/admin/officers?err=second_factor_self');
    expect((await con.officers.byUsername('ana'))!.secondFactor).toBe(true);
    expect((await requestClient(con.web).post(`/admin/officers/${await idOf('budi')}/reset-2fa`, {})).status).toBe(403);
  });
});
