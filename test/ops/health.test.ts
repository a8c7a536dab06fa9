import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/app.js';
import type { Channel, ChannelHealth } from '../../src/channels/port.js';
import { createTelegramChannel, type TelegramChannel } from '../../src/channels/telegram/channel.js';
import { baileysAuthCodec } from '../../src/channels/whatsapp/baileys.js';
import { createWhatsAppChannel, type WhatsAppChannel } from '../../src/channels/whatsapp/channel.js';
import { createTranslator } from '../../src/i18n.js';
import { configuredChannelIds, READY_PROBE_KEY } from '../../src/ops/health.js';
import { DisconnectReason, fakeSocketFactory } from '../helpers/fake-baileys.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { request, startInstrumented } from '../helpers/instrumented.js';
import { startTelegram } from '../helpers/telegram-driver.js';

/** A channel whose health the test sets (a fake: it sends nothing). */
function fakeChannel(id: string, health?: () => ChannelHealth): Channel {
  return { id, start: async () => {}, stop: async () => {}, send: async () => {}, ...(health ? { health } : {}) };
}

async function until(pred: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let h: Harness;
let app: App | undefined;
afterEach(async () => {
  await app?.stopSending();
  app = undefined;
});

describe('GET /healthz and /readyz', () => {
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await cleanup(h);
  });

  it('/healthz: 200 from anywhere, without a login, and without the database', async () => {
    const started = startInstrumented(h);
    app = started.app;
    const res = await request(started.web, '/healthz', { peer: '203.0.113.7' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    expect(res.headers.getSetCookie()).toEqual([]);
    h.runtime.db.pragma('query_only = ON');
    expect((await request(started.web, '/healthz')).status).toBe(200);
    h.runtime.db.pragma('query_only = OFF');
  });

  it('/readyz: 200 when the database takes a write; the probe is one row, overwritten', async () => {
    const started = startInstrumented(h);
    app = started.app;
    for (let i = 0; i < 3; i++) {
      h.clock.now += 1000;
      const res = await request(started.web, '/readyz');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
    }
    const rows = h.runtime.db.prepare('SELECT value FROM kv WHERE key = ?').all(READY_PROBE_KEY) as { value: string }[];
    expect(rows).toEqual([{ value: String(h.clock.now) }]);
  });

  it('/readyz: 503 when the database refuses writes', async () => {
    const started = startInstrumented(h);
    app = started.app;
    h.runtime.db.pragma('query_only = ON');
    const res = await request(started.web, '/readyz');
    h.runtime.db.pragma('query_only = OFF');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; checks: Record<string, string>; detail: Record<string, string> };
    expect(body.status).toBe('not_ready');
    expect(body.checks.database).toBe('down');
    expect(body.detail.database).toContain('not writable');
    expect((await request(started.web, '/readyz')).status).toBe(200);
  });

  it('/readyz: each channel by its health; ok and degraded are ready, starting and down are not', async () => {
    const started = startInstrumented(h);
    app = started.app;
    let quiet: ChannelHealth = { state: 'degraded', detail: 'retrying' };
    app.attach(fakeChannel('plain'));
    app.attach(fakeChannel('quiet', () => quiet));
    let res = await request(started.web, '/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { database: 'ok', plain: 'ok', quiet: 'degraded' }, detail: { quiet: 'retrying' } });

    quiet = { state: 'down', detail: 'not linked' };
    res = await request(started.web, '/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not_ready', checks: { database: 'ok', plain: 'ok', quiet: 'down' }, detail: { quiet: 'not linked' } });

    quiet = { state: 'starting' };
    expect((await request(started.web, '/readyz')).status).toBe(503);
    quiet = { state: 'ok' };
    expect((await request(started.web, '/readyz')).status).toBe(200);
  });

  it('/readyz: a configured channel not attached yet is starting', async () => {
    const expected = configuredChannelIds({ WHATSAPP_ENABLED: true, TELEGRAM_BOT_TOKEN: '123:abc' });
    expect(expected).toEqual(['whatsapp', 'telegram']);
    const started = startInstrumented(h, { expectedChannels: expected });
    app = started.app;
    app.attach(fakeChannel('telegram', () => ({ state: 'ok' })));
    const res = await request(started.web, '/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ checks: { database: 'ok', whatsapp: 'starting', telegram: 'ok' } });
    app.attach(fakeChannel('whatsapp', () => ({ state: 'ok' })));
    expect((await request(started.web, '/readyz')).status).toBe(200);
  });

  it('/readyz: from elsewhere only with the token; nothing in the audit log', async () => {
    const started = startInstrumented(h);
    app = started.app;
    const audit = () => (h.runtime.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = audit();
    expect((await request(started.web, '/readyz', { peer: '203.0.113.7' })).status).toBe(403);
    expect((await request(started.web, '/readyz', { peer: '127.0.0.1', headers: { forwarded: 'for=203.0.113.7' } })).status).toBe(403);
    expect(audit()).toBe(before);
  });
});

describe('channel health from the state each channel tracks', () => {
  let fake: FakeTelegram;
  let tg: TelegramChannel | undefined;
  beforeEach(async () => {
    h = await startHarness({ realClock: true });
    fake = await startFakeTelegram();
  });
  afterEach(async () => {
    await tg?.stop();
    tg = undefined;
    await fake.close();
    await cleanup(h);
  });

  it('telegram (long polling): ok while polling, down while getUpdates is refused, down once stopped', async () => {
    const channel = createTelegramChannel({ token: fake.token, apiRoot: fake.apiRoot, app: h.runtime.app, translate: createTranslator(), logger: pino({ level: 'silent' }) });
    expect(channel.health()).toEqual({ state: 'starting', detail: 'connecting to Telegram' });
    tg = await startTelegram(h, fake);
    expect(tg.health()).toEqual({ state: 'ok' });
    // A refused token (401) is not retried away: down until getUpdates works again.
    fake.failNext('getUpdates', { errorCode: 401, description: 'Unauthorized', times: 2 });
    await until(() => tg!.health().state === 'down', 'down');
    expect(tg.health().detail).toBe('getUpdates refused (401)');
    await tg.stopReceiving();
    expect(tg.health()).toEqual({ state: 'down', detail: 'stopped' });
  });

  it('telegram (webhook): ok while the receiver listens, down once stopped', async () => {
    tg = createTelegramChannel({
      token: fake.token,
      apiRoot: fake.apiRoot,
      app: h.runtime.app,
      translate: createTranslator(),
      logger: pino({ level: 'silent' }),
      webhook: { url: 'https://bot.example/telegram/hook', secret: 'test-secret_1', port: 0, host: '127.0.0.1' },
    });
    await tg.start();
    expect(tg.health()).toEqual({ state: 'ok' });
    await tg.stop();
    expect(tg.health()).toEqual({ state: 'down', detail: 'stopped' });
  });

  it('whatsapp: starting, down while waiting to be linked, ok when open, degraded while reconnecting, down when it takes long or cannot be fixed', async () => {
    let now = Date.now();
    const factory = fakeSocketFactory({ emitOwnEvents: false });
    const make = (): WhatsAppChannel =>
      createWhatsAppChannel({
        app: h.runtime.app,
        logger: pino({ level: 'silent' }),
        makeSocket: (config) => factory.make(config),
        authCodec: baileysAuthCodec,
        now: () => now,
        showQr: () => {},
        showPairingCode: () => {},
        backoff: { firstMs: 5, maxMs: 20 },
      });
    const wa = make();
    try {
      expect(wa.health()).toEqual({ state: 'starting', detail: 'connecting to WhatsApp' });
      await wa.start();
      factory.last().emitQr('qr-1');
      expect(wa.health()).toEqual({ state: 'down', detail: 'not linked: waiting for the QR scan' });
      factory.last().open();
      expect(wa.health()).toEqual({ state: 'ok' });
      factory.last().close(DisconnectReason.connectionClosed);
      expect(wa.health().state).toBe('degraded');
      expect(wa.health().detail).toContain(`code ${DisconnectReason.connectionClosed}`);
      // Still not connected three minutes after the connection closed: down.
      now += 3 * 60_000;
      expect(wa.health().state).toBe('down');
      await until(() => factory.sockets.length === 2, 'reconnection');
      factory.last().open();
      expect(wa.health()).toEqual({ state: 'ok' });
      // A close retrying cannot fix (the number is refused): down, with what happened.
      factory.last().close(DisconnectReason.forbidden);
      expect(wa.health()).toEqual({ state: 'down', detail: `stopped: forbidden (code ${DisconnectReason.forbidden})` });
    } finally {
      await wa.stop();
    }
    expect(wa.health()).toEqual({ state: 'down', detail: 'stopped' });
  });
});
