import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/app.js';
import { SendError, type Channel } from '../../src/channels/port.js';
import type { OutboxMessage } from '../../src/storage/outbox.js';
import { cleanup, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { request, startInstrumented } from '../helpers/instrumented.js';
import { registrationScript } from '../helpers/registration.js';

/** One sample's value in Prometheus text: the line named `name` whose labels are exactly `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.keys(got).length === Object.keys(labels).length && Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

/** A channel that sends with `send` (a fake: nothing leaves the test). */
const fakeChannel = (id: string, send: (m: OutboxMessage) => void): Channel => ({
  id,
  start: async () => {},
  stop: async () => {},
  send: async (m) => send(m),
});

const waitingOn = (h: Harness, channel: string): number =>
  (h.runtime.db.prepare('SELECT count(*) AS n FROM outbox WHERE channel = ?').get(channel) as { n: number }).n;

let h: Harness;
let app: App | undefined;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await app?.stopSending();
  app = undefined;
  await cleanup(h);
});

async function scrape(web: Parameters<typeof request>[0]): Promise<string> {
  const res = await request(web, '/metrics');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

describe('GET /metrics', () => {
  it('counts messages handled and their replies queued, and reads the inbox, outbox and registrations at scrape time', async () => {
    const started = startInstrumented(h);
    app = started.app;
    const script = registrationScript({ nik: NIK_MALE });
    for (const text of script) await app.handle({ channel: 'telegram', externalId: '700100', text });
    await app.handle({ channel: 'telegram', externalId: '700100', text: 'menu', messageId: 'm-1' });
    await app.handle({ channel: 'telegram', externalId: '700100', text: 'menu', messageId: 'm-1' });
    const text = await scrape(started.web);

    expect(sample(text, 'lindung_messages_handled_total', { channel: 'telegram', outcome: 'ok' })).toBe(script.length + 1);
    expect(sample(text, 'lindung_messages_handled_total', { channel: 'telegram', outcome: 'duplicate' })).toBe(1);
    // One observation per handled message (a duplicate queues nothing); durations are not asserted.
    expect(sample(text, 'lindung_reply_queued_seconds_count', { channel: 'telegram' })).toBe(script.length + 1);
    // No channel is attached: every reply still waits in the outbox.
    const waiting = await h.runtime.store.outbox.pendingCount();
    expect(waiting).toBeGreaterThan(script.length);
    expect(sample(text, 'lindung_outbox_depth')).toBe(waiting);
    expect(sample(text, 'lindung_inbox_depth')).toBe(0);
    expect(sample(text, 'lindung_registrations', { status: 'submitted' })).toBe(1);
    expect(sample(text, 'lindung_registrations', { status: 'approved' })).toBe(0);
    // The process's own metrics, on this registry.
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('nodejs_heap_size_used_bytes');

    // The gauges are read again at each scrape.
    await app.handle({ channel: 'telegram', externalId: '700200', text: 'halo' });
    const again = await scrape(started.web);
    expect(sample(again, 'lindung_outbox_depth')).toBe(await h.runtime.store.outbox.pendingCount());
    expect(sample(again, 'lindung_outbox_depth')).toBeGreaterThan(waiting);
  });

  it('counts sends and failed sends per channel: kept for a retry, or dropped', async () => {
    const started = startInstrumented(h);
    app = started.app;
    for (const channel of ['flaky', 'gone', 'fine']) await app.handle({ channel, externalId: 'u1', text: 'halo' });
    const gone = waitingOn(h, 'gone');
    const fine = waitingOn(h, 'fine');
    expect(gone).toBeGreaterThan(0);
    app.attach(fakeChannel('flaky', () => { throw new SendError('timed out', false); }));
    app.attach(fakeChannel('gone', () => { throw new SendError('blocked', true, undefined, 'blocked'); }));
    app.attach(fakeChannel('fine', () => {}));
    await app.flush(5000);
    const text = await scrape(started.web);

    // The chat's first message failed and waits for its retry (the clock stands still); the rest wait behind it.
    expect(sample(text, 'lindung_send_failures_total', { channel: 'flaky', kind: 'retry' })).toBe(1);
    expect(sample(text, 'lindung_send_failures_total', { channel: 'gone', kind: 'permanent' })).toBe(gone);
    expect(sample(text, 'lindung_send_failures_total', { channel: 'fine', kind: 'retry' })).toBeUndefined();
    expect(sample(text, 'lindung_messages_sent_total', { channel: 'fine', kind: 'reply' })).toBe(fine);
    expect(sample(text, 'lindung_reply_outbox_wait_seconds_count', { channel: 'fine' })).toBe(fine);
    expect(sample(text, 'lindung_outbox_depth')).toBe(waitingOn(h, 'flaky'));
    // Each attached channel's health: these fakes report none, so ok.
    expect(sample(text, 'lindung_channel_health', { channel: 'fine', state: 'ok' })).toBe(1);
    expect(sample(text, 'lindung_channel_health', { channel: 'fine', state: 'down' })).toBe(0);
  });

  it('holds no personal data: no NIK, phone, chat id, name or reference, and only fixed words in labels', async () => {
    const started = startInstrumented(h);
    app = started.app;
    const chatId = '5550001234';
    const phone = '081234567890';
    for (const text of registrationScript({ nik: NIK_MALE, phone, fullName: 'Ratna Kumalasari' })) await app.handle({ channel: 'telegram', externalId: chatId, text });
    const { reference } = h.runtime.db.prepare('SELECT reference FROM registrations').get() as { reference: string };
    app.attach(fakeChannel('telegram', () => {}));
    await app.flush(5000);
    const text = await scrape(started.web);

    expect(sample(text, 'lindung_registrations', { status: 'submitted' })).toBe(1);
    expect(sample(text, 'lindung_messages_sent_total', { channel: 'telegram', kind: 'reply' })).toBeGreaterThan(0);
    for (const secret of [NIK_MALE, phone, phone.slice(1), '6281234567890', chatId, reference, 'Ratna', 'Kumalasari']) expect(text).not.toContain(secret);
    const allowed = new Set(['telegram', 'ok', 'duplicate', 'error', 'starting', 'degraded', 'down', 'reply', 'notification', 'group_pointer', 'other', 'retry', 'permanent', 'submitted', 'needs_correction', 'approved', 'registered', 'rejected', 'deleted']);
    for (const line of text.split('\n').filter((l) => l.startsWith('lindung_'))) {
      for (const [, label, value] of line.matchAll(/(\w+)="([^"]*)"/g)) if (label !== 'le') expect(allowed, line).toContain(value);
    }
  });

  it('answers this machine without a token, and anywhere else only with METRICS_TOKEN', async () => {
    const open = startInstrumented(h);
    app = open.app;
    expect((await request(open.web, '/metrics', { peer: '127.0.0.1' })).status).toBe(200);
    expect((await request(open.web, '/metrics', { peer: '::1' })).status).toBe(200);
    expect((await request(open.web, '/metrics', { peer: '::ffff:127.0.0.1' })).status).toBe(200);
    expect((await request(open.web, '/metrics', { peer: '203.0.113.7' })).status).toBe(403);
    // No socket to read the peer from: not taken for local.
    expect((await request(open.web, '/metrics', { peer: null })).status).toBe(403);
    // A proxy on this machine (not listed as trusted) forwarding someone: not local.
    expect((await request(open.web, '/metrics', { peer: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(403);
    expect((await request(open.web, '/metrics', { peer: '127.0.0.1', headers: { 'x-real-ip': '203.0.113.7' } })).status).toBe(403);

    // A proxy listed in CONSOLE_TRUSTED_PROXIES on this machine: loopback is the proxy, so the token is needed.
    const proxied = startInstrumented(h, { trustedProxies: ['127.0.0.1'] });
    expect((await request(proxied.web, '/metrics', { peer: '127.0.0.1' })).status).toBe(403);
    expect((await request(proxied.web, '/metrics', { peer: '127.0.0.1', headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(403);
    await proxied.app.stopSending();

    const token = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
    const locked = startInstrumented(h, { metricsToken: token });
    const from = (peer: string, authorization?: string) => request(locked.web, '/metrics', { peer, headers: authorization ? { authorization } : {} });
    expect((await from('203.0.113.7', `Bearer ${token}`)).status).toBe(200);
    expect(await (await from('203.0.113.7', `Bearer ${token}`)).text()).toContain('lindung_messages_handled_total');
    const refused = await from('203.0.113.7');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect((await from('203.0.113.7', 'Bearer wrong-token-of-the-same-len')).status).toBe(401);
    expect((await from('203.0.113.7', `Basic ${token}`)).status).toBe(401);
    // With a token set, it is asked of everyone (this machine too).
    expect((await from('127.0.0.1')).status).toBe(401);
    expect((await request(locked.web, '/readyz', { peer: '203.0.113.7', headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await locked.app.stopSending();
  });

  it('bypasses the officers’ login: no session cookie, no login failure counted, nothing in the audit log', async () => {
    const started = startInstrumented(h);
    app = started.app;
    const count = (table: string) => (h.runtime.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const audit = count('audit_log');
    for (const path of ['/metrics', '/readyz', '/healthz']) {
      const res = await request(started.web, path, { headers: { cookie: 'lindung_session=forged' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.getSetCookie(), path).toEqual([]);
    }
    for (let i = 0; i < 30; i++) expect((await request(started.web, '/metrics', { peer: '203.0.113.7' })).status).toBe(403);
    expect(count('audit_log')).toBe(audit);
    expect(count('officer_sessions')).toBe(0);
    expect(count('login_failures')).toBe(0);
  });

  it('answers 404 when the console was given no metrics', async () => {
    const { startConsole } = await import('../helpers/console.js');
    const { web } = await startConsole(h);
    expect((await request(web, '/metrics')).status).toBe(404);
  });
});

describe('where prom-client is', () => {
  it('only src/ops/metrics.ts imports it: the app sees a small interface, the core nothing', () => {
    const files = (readdirSync('src', { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => join('src', f));
    const importing = files.filter((f) => /from 'prom-client'/.test(readFileSync(f, 'utf8')));
    expect(importing).toEqual([join('src', 'ops', 'metrics.ts')]);
  });
});
