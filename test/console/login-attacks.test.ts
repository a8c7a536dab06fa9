// What an attack run found at the login, each closed: a forged X-Forwarded-For chose the throttled
// address, concurrent guesses all reached the password check, a success wiped the failures, and an
// 8 MB username was accepted and stored.
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsole } from '../../src/console/app.js';
import { createTranslator } from '../../src/i18n.js';
import { RegencyRegistry } from '../../src/regencies.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { PASSWORD, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { requestClient } from './request-client.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await startConsole(h); // officers "ana" (admin) and "budi" (officer)
});
afterEach(() => cleanup(h));

/** The console as server.ts builds it, with CONSOLE_TRUSTED_PROXIES = `trustedProxies`. */
const consoleWith = (trustedProxies: string[] = []) =>
  createConsole({
    app: h.runtime.app,
    store: h.runtime.store,
    regencies: RegencyRegistry.single(loadProgrammeSettings('data/programme.example.json')),
    translate: createTranslator(),
    timeZone: 'Asia/Makassar',
    logger: pino({ level: 'silent' }),
    clock: () => h.clock.now,
    trustedProxies,
  });
const failures = () => dbOf(h).all<{ username: string; address: string }>('SELECT username, address FROM login_failures ORDER BY id');

describe('login throttling: the client address', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy (none by default)', async () => {
    const web = consoleWith();
    for (let i = 0; i < 20; i++) {
      // A fresh forged address each time would have dodged the per-address limit.
      const c = requestClient(web, { peer: '203.0.113.7', headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      expect((await c.login(`user${i}`, 'wrong password!')).status).toBe(401);
    }
    expect(new Set((await failures()).map((f) => f.address))).toEqual(new Set(['203.0.113.7']));
    const next = requestClient(web, { peer: '203.0.113.7', headers: { 'x-forwarded-for': '192.0.2.99' } });
    expect((await next.login('budi')).status).toBe(429);
    // Another peer is not held back by that one's failures.
    expect((await requestClient(web, { peer: '203.0.113.8' }).login('budi')).status).toBe(303);
  });

  it('reads X-Forwarded-For only from a trusted proxy, from the right (what the client wrote itself is ignored)', async () => {
    const web = consoleWith(['10.0.0.1', '172.16.0.0/12']);
    const viaProxies = requestClient(web, { peer: '::ffff:10.0.0.1', headers: { 'x-forwarded-for': '1.2.3.4, 198.51.100.5, 172.16.3.4' } });
    await viaProxies.login('budi', 'wrong password!');
    const direct = requestClient(web, { peer: '203.0.113.9', headers: { 'x-forwarded-for': '1.2.3.4' } });
    await direct.login('budi', 'wrong password!');
    expect((await failures()).map((f) => f.address)).toEqual(['198.51.100.5', '203.0.113.9']);
  });
});

describe('login throttling: counting', () => {
  it('counts each attempt before the password is hashed: of 10 sent at once, 5 are checked and 5 are refused', async () => {
    const web = consoleWith();
    const c = requestClient(web);
    await c.get('/login');
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => c.post('/login', { username: 'budi', password: `wrong password ${i}` }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(await failures()).toHaveLength(5);
    // Locked now, even with the right password.
    expect((await c.post('/login', { username: 'budi', password: PASSWORD })).status).toBe(429);
  });

  it("a success forgives only itself: the other failures of the window still count", async () => {
    const c = requestClient(consoleWith());
    await c.get('/login');
    for (let i = 0; i < 4; i++) expect((await c.post('/login', { username: 'budi', password: `wrong password ${i}` })).status).toBe(401);
    expect((await c.post('/login', { username: 'budi', password: PASSWORD })).status).toBe(303);
    expect(await failures()).toHaveLength(4);
    const other = requestClient(consoleWith());
    await other.get('/login');
    expect((await other.post('/login', { username: 'budi', password: 'wrong again!!' })).status).toBe(401);
    expect((await other.post('/login', { username: 'budi', password: PASSWORD })).status).toBe(429);
    h.clock.now += 15 * 60_000 + 1; // the window has passed
    expect((await other.post('/login', { username: 'budi', password: PASSWORD })).status).toBe(303);
  });
});

describe('login input size', () => {
  it('refuses an 8 MB form with 413 before reading it, storing nothing', async () => {
    const c = requestClient(consoleWith());
    await c.get('/login');
    const res = await c.post('/login', {}, `_csrf=${c.csrf}&username=${'a'.repeat(8 * 1024 * 1024)}&password=x`);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Formulir terlalu besar (paling banyak 64 KB)');
    expect(await failures()).toEqual([]);
    // Any form, logged in or not.
    expect((await c.post('/queue/approve', {}, 'x='.padEnd(70_000, 'y'))).status).toBe(413);
  });

  it('refuses a username over 64 or a password over 1024 characters with a clear message, hashing and storing nothing', async () => {
    const c = requestClient(consoleWith());
    await c.get('/login');
    for (const [username, password] of [
      ['a'.repeat(65), PASSWORD],
      ['budi', 'p'.repeat(1025)],
    ] as const) {
      const res = await c.post('/login', { username, password });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Isian terlalu panjang');
    }
    expect(await failures()).toEqual([]);
    expect((await c.post('/login', { username: 'a'.repeat(64), password: 'wrong password!' })).status).toBe(401);
  });
});
