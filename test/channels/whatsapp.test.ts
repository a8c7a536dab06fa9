import { fastWhatsAppOptions } from '../helpers/addresses.js';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baileysAuthCodec } from '../../src/channels/whatsapp/baileys.js';
import { BROWSERS, createWhatsAppChannel, type WhatsAppChannel } from '../../src/channels/whatsapp/channel.js';
import { followRegRefresh } from '../../src/channels/whatsapp/reg-refresh.js';
import { DisconnectReason, fakeSocketFactory, isStandardBrowser, groupJid, lidJid, newsletterJid, pnJid, STATUS_JID, type FakeSocket } from '../helpers/fake-baileys.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { expectAfter, registrationTurns } from '../helpers/registration.js';
import { seedRegistrations } from '../helpers/seed.js';
import { addressKey } from '../../src/storage/addresses.js';

let h: Harness;
let factory: ReturnType<typeof fakeSocketFactory>;
let wa: WhatsAppChannel;
let qrs: string[];
let codes: string[];

let logged: { level: number; msg: string; code?: number }[] = [];

async function start(
  opts: { pairingNumber?: string; perChatMs?: number; sleep?: (ms: number) => Promise<void>; now?: () => number; browser?: [string, string, string] } = {},
): Promise<WhatsAppChannel> {
  logged = [];
  qrs = [];
  codes = [];
  factory = fakeSocketFactory({ emitOwnEvents: false });
  const channel = createWhatsAppChannel({
    app: h.runtime.app,
    logger: pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line) as (typeof logged)[number]) }),
    // As production (baileys.ts): QR linking follows companion_reg_refresh.
    makeSocket: (config) => {
      const s = factory.make(config);
      followRegRefresh(s, { info: () => {}, warn: () => {} });
      return s;
    },
    authCodec: baileysAuthCodec,
    now: opts.now,
    browser: opts.browser,
    showQr: (qr) => qrs.push(qr),
    showPairingCode: (code) => codes.push(code),
    pairingNumber: opts.pairingNumber,
    maxMessageAgeSeconds: 600,
    rate: { perChatMs: opts.perChatMs ?? 0, globalPerMinute: 60_000, jitterMs: 0, ...(opts.sleep && { sleep: opts.sleep }) },
    backoff: { firstMs: 5, maxMs: 20 },
    senderPollMs: 20,
  });
  h.runtime.app.attach(channel);
  await channel.start();
  return channel;
}

async function until(pred: () => boolean | Promise<boolean>, what: string, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const sock = (): FakeSocket => factory.last();
const PHONE = '6281234567890';
const LID = '123456789012345';

/** A word of each registration question, by what it asks for (Turn.next), to wait for after each answer. */
const ASKS = {
  consent: 'Apakah Anda setuju', fullName: 'Nama lengkap', nik: 'NIK', birthPlace: 'Tempat lahir', birthDate: 'Tanggal lahir',
  sex: 'Jenis kelamin', kecamatan: 'Kecamatan', desa: 'Desa', address: 'Alamat', phone: 'Pakai nomor ini', occupation: 'Pekerjaan',
  income: 'penghasilan', groupId: 'kelompok', programmes: 'Program', heirName: 'ahli waris', heirRelation: 'Hubungan',
  summary: 'Periksa data Anda', sent: 'terkirim',
};

/** Sends a text and waits for the bot's answer to contain `expect`; returns the texts of that answer. */
async function say(from: string, text: string, expect: string): Promise<string> {
  const before = sock().sent.length;
  sock().receiveText(from, text);
  await until(() => sock().sent.slice(before).some((s) => String(s.content.text).includes(expect)), `"${expect}" after "${text}"`);
  await new Promise((r) => setTimeout(r, 30));
  return sock().sent.slice(before).map((s) => s.content.text).join('\n---\n');
}

beforeEach(async () => {
  h = await startHarness({ realClock: true });
});
afterEach(async () => {
  await wa.stop();
  await cleanup(h);
});

describe('whatsapp: connection', () => {
  it('prints the pairing QR, or requests a pairing code when a number is set', async () => {
    wa = await start();
    sock().emitQr('qr-payload-1');
    expect(qrs).toEqual(['qr-payload-1']);
    await wa.stop();
    wa = await start({ pairingNumber: '+62 811 0000 0000' });
    sock().emitQr('qr-payload-2');
    await until(() => sock().pairingRequests.length === 1, 'pairing request');
    expect(sock().pairingRequests).toEqual(['6281100000000']);
    await until(() => codes.length === 1, 'pairing code shown');
    expect(codes[0]).toMatch(/^[A-Z0-9]{8}$/);
    expect(qrs).toEqual([]);
  });

  it('reconnects after restart-required, but on logged-out clears the login and pairs again', async () => {
    wa = await start();
    sock().emitQr('qr-1');
    sock().open();
    await until(async () => (await dbOf(h).count('wa_auth_creds')) === 1, 'creds saved');
    await dbOf(h).run("INSERT INTO wa_auth_keys (type, id_key, value, updated_at) VALUES ('session', 'x', '{}', 0)");
    sock().close(DisconnectReason.restartRequired);
    await until(() => factory.sockets.length === 2, 'reconnect');
    expect(await dbOf(h).count('wa_auth_keys')).toBe(1);

    factory.last().close(DisconnectReason.loggedOut);
    await until(() => factory.sockets.length === 3, 'new pairing socket');
    expect(await dbOf(h).count('wa_auth_keys')).toBe(0);
    expect(await dbOf(h).count('wa_auth_creds')).toBe(0);
    factory.last().emitQr('qr-again');
    expect(qrs).toContain('qr-again');
    expect(wa.status.loggedOut).toBe(1);
  });

  it('stops cleanly: the socket is ended and nothing reconnects', async () => {
    wa = await start();
    sock().open();
    await wa.stop();
    expect(sock().ended).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(factory.sockets).toHaveLength(1);
  });
});

describe('whatsapp: linking a phone', () => {
  it('links by QR even when WhatsApp renews the pairing data while the QR shows', async () => {
    wa = await start();
    const first = sock().pairDevice();
    expect((await wa.linkStatus()).qr).toBe(first);
    sock().regRefresh();
    // A new QR at once, in the console and on the terminal; the acknowledgement rc14 cannot send went out.
    const renewed = (await wa.linkStatus()).qr!;
    expect(renewed).not.toBe(first);
    expect(qrs.at(-1)).toBe(renewed);
    expect(sock().failedAcks).toBe(1);
    expect(sock().nodesSent).toContainEqual({ tag: 'ack', attrs: expect.objectContaining({ class: 'notification', type: 'companion_reg_refresh' }) });
    expect(sock().scanQr(first)).toBe('couldnt-link');
    // The renewed secret is saved (a restart keeps it) and rc14's next QR carries it too.
    const stored = JSON.parse((await h.runtime.app.store.whatsappAuth.creds())!) as { advSecretKey: string };
    expect(stored.advSecretKey).toBe(sock().authState.creds.advSecretKey);
    sock().nextQr();
    const next = (await wa.linkStatus()).qr!;
    expect(next).not.toBe(renewed);
    expect(sock().scanQr(next)).toBe('linked');
    await until(() => factory.sockets.length === 2, 'the new socket after pairing');
    sock().open();
    await until(() => wa.status.state === 'open', 'open');
    expect((await wa.linkStatus()).linkedAs).toBe('+6281100000000');
  });

  it('links by pairing code with the browser production announces', async () => {
    wa = await start({ pairingNumber: '+62 811 0000 0000' });
    sock().emitQr('qr-1');
    await until(() => codes.length === 1, 'the code');
    expect(sock().enterPairingCode(codes[0]!)).toBe('linked');
    await until(() => factory.sockets.length === 2, 'the new socket after pairing');
    expect(sock().authState.creds.registered).toBe(true);
    sock().open();
    await until(() => wa.status.state === 'open', 'open');
  });

  it('with a custom browser name the code WhatsApp gives never links (why only standard ones can be chosen)', async () => {
    wa = await start({ pairingNumber: '6281100000000', browser: ['Ubuntu', 'Lindung', '22.04.4'] });
    sock().emitQr('qr-1');
    await until(() => codes.length === 1, 'the code');
    expect(sock().enterPairingCode(codes[0]!)).toBe('refused');
    for (const browser of Object.values(BROWSERS)) expect(isStandardBrowser(browser)).toBe(true);
  });
});

describe('whatsapp: a policy per close code', () => {
  it('announces a standard browser, the same one as production', async () => {
    wa = await start();
    expect(sock().config.browser).toEqual(['Mac OS', 'Chrome', '14.4.1']);
  });

  for (const [code, name] of [[DisconnectReason.forbidden, 'banned'], [405, 'outdated'], [DisconnectReason.connectionReplaced, 'replaced']] as const) {
    it(`stops retrying when ${name} (${code}), says why at error level, and keeps the reason for the console`, async () => {
      wa = await start();
      sock().open();
      sock().close(code);
      await until(() => wa.status.state === 'stopped', 'stopped');
      await new Promise((r) => setTimeout(r, 60));
      expect(factory.sockets).toHaveLength(1);
      expect(wa.status.lastClose?.code).toBe(code);
      expect(wa.status.lastClose?.meaning.length).toBeGreaterThan(20);
      expect(logged.some((l) => l.level === 40 && l.code === code)).toBe(true);
      expect(logged.some((l) => l.level === 50 && /WhatsApp stopped/.test(l.msg))).toBe(true);
    });
  }

  it('logs every close at warn with its code, and backs off further on each open→close flap', async () => {
    let clock = 1_000_000;
    wa = await start({ now: () => clock });
    const delays: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      const before = factory.sockets.length;
      sock().open();
      sock().close(DisconnectReason.connectionClosed);
      delays.push(wa.status.retryInMs);
      await until(() => factory.sockets.length === before + 1, `reconnect ${i + 1}`);
    }
    // Open, then closed at once (no time passes): the pauses keep doubling up to the cap (5, 10, 20, 20).
    expect(delays).toEqual([5, 10, 20, 20]);
    expect(logged.filter((l) => l.level === 40 && l.code === DisconnectReason.connectionClosed)).toHaveLength(4);
    // A connection that stayed up a while starts again from the first pause.
    sock().open();
    clock += 61_000;
    sock().close(DisconnectReason.connectionLost);
    expect(wa.status.retryInMs).toBe(5);
  });

  it('asks one pairing code per socket, and clears the half-registered login an unused code leaves behind', async () => {
    wa = await start({ pairingNumber: '+62 811 0000 0000' });
    sock().emitQr('qr-1');
    sock().emitQr('qr-2');
    await until(() => codes.length === 1, 'first code');
    expect(sock().pairingRequests).toHaveLength(1);
    // The code was never typed on the phone; the QR ran out.
    expect(sock().authState.creds.me).toBeDefined();
    sock().close(DisconnectReason.timedOut);
    await until(() => factory.sockets.length === 2, 'reconnect');
    // A fresh login: no me, so the new socket shows a QR / asks a new code instead of trying to log in.
    expect(sock().authState.creds.me).toBeUndefined();
    sock().emitQr('qr-3');
    await until(() => codes.length === 2, 'second code');
    expect(sock().pairingRequests).toEqual(['6281100000000']);
  });
});

describe('whatsapp: delivery', () => {
  it('answers a retry receipt from the messages it sent, also after a reconnection', async () => {
    wa = await start();
    sock().open();
    const from = pnJid(PHONE);
    await say(from, 'halo', 'Saya Lindung');
    const { id, content } = sock().sent[0]!;
    const again = (await sock().retryReceipt(from, id)) as { extendedTextMessage?: { text?: string } };
    expect(again?.extendedTextMessage?.text).toBe(content.text);
    // The cache is the database, not the socket: a new connection still has it.
    sock().close(DisconnectReason.connectionLost);
    await until(() => factory.sockets.length === 2, 'reconnect');
    sock().open();
    expect(await sock().retryReceipt(from, id)).toEqual(again);
    expect(await sock().retryReceipt(from, 'NEVER-SENT')).toBeUndefined();
  });

  it("keeps Baileys' count of resend requests across sockets, so a reconnection does not start it again", async () => {
    wa = await start();
    sock().open();
    const cache = sock().config.msgRetryCounterCache;
    cache.set('3AKEY', 2);
    sock().close(DisconnectReason.connectionLost);
    await until(() => factory.sockets.length === 2, 'reconnect');
    expect(sock().config.msgRetryCounterCache).toBe(cache);
    expect(sock().config.msgRetryCounterCache.get('3AKEY')).toBe(2);
  });

  it('records a delivery WhatsApp refused later, and pauses first contacts after a reach-out limit', async () => {
    wa = await start();
    sock().open();
    const stranger = pnJid('6289999999901');
    // News for a neighbour a cadre registered: a first contact.
    await h.runtime.app.outbox.add(null, 'whatsapp', stranger, { text: 'Pendaftaran Anda disetujui' }, Date.now(), 'notification');
    await h.runtime.app.kick('whatsapp');
    await until(() => sock().sent.some((x) => x.jid === stranger), 'first contact');
    const sent = sock().sent.find((x) => x.jid === stranger)!;
    sock().deliveryError(stranger, sent.id, '463');
    await until(async () => (await h.runtime.store.whatsappSent.sent(sent.id))?.error === '463', 'error recorded');
    // The pause is stored after the error (on PostgreSQL a round trip later), then logged.
    const paused = () => logged.some((l) => l.level === 40 && /never wrote/.test(l.msg));
    await until(paused, 'first contacts paused');
    expect(paused()).toBe(true);
    // The next first contact waits (kept in the outbox for later), a reply to someone who wrote does not.
    const other = pnJid('6289999999902');
    await h.runtime.app.outbox.add(null, 'whatsapp', other, { text: 'Pendaftaran Anda disetujui' }, Date.now(), 'notification');
    await h.runtime.app.kick('whatsapp');
    await say(pnJid(PHONE), 'halo', 'Saya Lindung');
    expect(sock().sent.some((x) => x.jid === other)).toBe(false);
    const waiting = await dbOf(h).get<{ last_error: string }>('SELECT last_error FROM outbox WHERE recipient_key = ?', [addressKey(h.runtime.store.cipher, 'whatsapp', other)]);
    expect(waiting!.last_error).toMatch(/first contacts paused/);
  });
});

describe('whatsapp: first contacts', () => {
  async function withOptions(opts: { notOnWhatsApp?: string[]; perDay?: number }) {
    qrs = [];
    codes = [];
    factory = fakeSocketFactory({ emitOwnEvents: false, notOnWhatsApp: opts.notOnWhatsApp });
    wa = createWhatsAppChannel({ ...fastWhatsAppOptions(h, factory), firstContactsPerDay: opts.perDay });
    h.runtime.app.attach(wa);
    await wa.start();
    sock().open();
  }
  const news = (jid: string) => h.runtime.app.outbox.add(null, 'whatsapp', jid, { text: 'Pendaftaran Anda disetujui' }, Date.now(), 'notification');
  const waiting = (jid: string) =>
    dbOf(h).get<{ last_error: string }>('SELECT last_error FROM outbox WHERE recipient_key = ?', [addressKey(h.runtime.store.cipher, 'whatsapp', jid)]);

  it('checks a number has WhatsApp before writing first, and drops the news for one that has none', async () => {
    await withOptions({ notOnWhatsApp: ['6289999999911'] });
    const none = pnJid('6289999999911');
    const some = pnJid('6289999999912');
    await news(none);
    await news(some);
    await h.runtime.app.kick('whatsapp');
    await until(() => sock().sent.some((x) => x.jid === some), 'news to a WhatsApp number');
    expect(sock().lookups).toEqual([none, some]);
    expect(sock().sent.some((x) => x.jid === none)).toBe(false);
    // Dropped, not retried forever (once the senders settle: on PostgreSQL the removal is a round trip after the send).
    await h.runtime.app.flush(5000);
    expect(await waiting(none)).toBeUndefined();
  });

  it("notes on the registration when its news never reached the person: a number without WhatsApp now, a refusal WhatsApp reports later", async () => {
    await withOptions({ notOnWhatsApp: ['6281100000031'] });
    const rows = (await seedRegistrations(h, 2, { cipher: h.runtime.store.cipher, statusWeights: { submitted: 1, needs_correction: 0, approved: 0, registered: 0, rejected: 0, deleted: 0 } })).rows;
    // Neighbours a cadre registered: known by phone only, never wrote.
    for (const [i, row] of rows.entries()) {
      await dbOf(h).run('UPDATE people SET phone = ? WHERE id = ?', [h.runtime.store.cipher.encrypt(`+62811000000${31 + i}`), row.applicantId]);
      await dbOf(h).run('DELETE FROM identities WHERE person_id = ?', [row.applicantId]);
      await h.runtime.app.changeStatus(row.reference, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });
    }
    const failures = async (reference: string) =>
      (await h.runtime.app.registrations.events((await h.runtime.app.registrations.idOf(reference))!))
        .filter((e) => e.action === 'delivery_failed')
        .map((e) => JSON.parse(e.detail!) as { channel: string; reason: string; recipient: string });
    const reached = pnJid('6281100000032');
    await until(() => sock().sent.some((x) => x.jid === reached), 'the news to the number with WhatsApp');
    await until(async () => (await failures(rows[0]!.reference)).length === 1, 'the first failure noted');
    expect(await failures(rows[0]!.reference)).toEqual([{ channel: 'whatsapp', reason: 'no_account', recipient: 'applicant' }]);
    expect(await failures(rows[1]!.reference)).toEqual([]);
    // Delivered as far as the server, then refused: reported later, noted once even if reported twice.
    const sent = sock().sent.find((x) => x.jid === reached)!;
    sock().deliveryError(reached, sent.id, '463');
    sock().deliveryError(reached, sent.id, '463');
    await until(async () => (await failures(rows[1]!.reference)).length > 0, 'the refusal noted');
    await new Promise((r) => setTimeout(r, 50));
    expect(await failures(rows[1]!.reference)).toEqual([{ channel: 'whatsapp', reason: 'reach_out_limit', recipient: 'applicant' }]);
  });

  it('sends at most the day\'s cap of first contacts; the rest wait in the outbox', async () => {
    await withOptions({ perDay: 2 });
    const jids = ['6289999999921', '6289999999922', '6289999999923'].map(pnJid);
    for (const j of jids) await news(j);
    await h.runtime.app.kick('whatsapp');
    await until(() => sock().sent.length >= 2, 'two first contacts');
    await h.runtime.app.kick('whatsapp');
    expect(sock().sent.map((x) => x.jid)).toEqual(jids.slice(0, 2));
    expect((await waiting(jids[2]!))?.last_error).toMatch(/first contacts are used up/);
  });
});

describe('whatsapp: chats as people have them', () => {
  it('marks a message read once it is handled', async () => {
    wa = await start();
    sock().open();
    const id = sock().receiveText(pnJid(PHONE), 'halo');
    await until(() => sock().reads.some((k) => k.id === id), 'read receipt');
  });

  it('keeps a chat with disappearing messages disappearing: replies carry its timer', async () => {
    wa = await start();
    sock().open();
    const from = pnJid(PHONE);
    const before = sock().sent.length;
    sock().receiveText(from, 'halo', { ephemeral: true, expiration: 604_800 });
    await until(() => sock().sentTexts(from).some((t) => t.includes('Menu utama')), 'reply');
    expect(sock().sent.slice(before).every((x) => x.options?.ephemeralExpiration === 604_800)).toBe(true);
    // Turned off in the chat: replies stop carrying it.
    const after = sock().sent.length;
    sock().receiveText(from, 'bantuan', { expiration: 0 });
    await until(() => sock().sent.length > after, 'second reply');
    await new Promise((r) => setTimeout(r, 50));
    expect(sock().sent.slice(after).every((x) => x.options === undefined)).toBe(true);
  });

  it('resumes a long reply from the part that failed, without sending the first part twice', async () => {
    wa = await start();
    sock().open();
    const from = pnJid(PHONE);
    await say(from, 'halo', 'Saya Lindung');
    // The socket fails the second part once.
    const socket = sock();
    const real = socket.sendMessage.bind(socket);
    let failed = 0;
    socket.sendMessage = async (jid, content, options) => {
      if (failed === 0 && String(content.text).includes('Bagian kedua')) {
        failed++;
        throw new Error('socket hiccup');
      }
      return real(jid, content, options);
    };
    const before = socket.sent.length;
    const long = `${'Bagian pertama. '.repeat(200)}\n\n${'Bagian kedua. '.repeat(200)}`;
    await h.runtime.app.outbox.add(null, 'whatsapp', from, { text: long }, Date.now());
    await h.runtime.app.kick('whatsapp');
    await until(() => socket.sent.length >= before + 2, 'both parts', 8000);
    const texts = socket.sent.slice(before).map((x) => String(x.content.text));
    expect(failed).toBe(1);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Bagian pertama');
    expect(texts[1]).toContain('Bagian kedua');
  });
});

describe('whatsapp: one process per number', () => {
  async function another(opts: { now?: () => number; renewMs?: number } = {}) {
    const f = fakeSocketFactory({ emitOwnEvents: false });
    const channel = createWhatsAppChannel({
      app: h.runtime.app,
      logger: pino({ level: 'silent' }),
      makeSocket: f.make,
    authCodec: baileysAuthCodec,
      showQr: () => undefined,
      showPairingCode: () => undefined,
      backoff: { firstMs: 5, maxMs: 20 },
      lease: { ttlMs: 1_000, renewMs: opts.renewMs ?? 20 },
      now: opts.now,
    });
    await channel.start();
    return { channel, factory: f };
  }

  it('a second process waits in standby and takes over when the first stops', async () => {
    const first = await another();
    const second = await another();
    await until(() => second.channel.status.state === 'standby', 'standby');
    await new Promise((r) => setTimeout(r, 60));
    expect(first.factory.sockets).toHaveLength(1);
    expect(second.factory.sockets).toHaveLength(0);
    await first.channel.stop();
    await until(() => second.factory.sockets.length === 1, 'take over');
    await second.channel.stop();
    wa = first.channel;
  });

  it('takes over from a process that stopped renewing, which then steps back', async () => {
    let clock = 1_000_000;
    // The first renews rarely: its lease runs out while the second one watches.
    const first = await another({ now: () => clock, renewMs: 200 });
    first.factory.last().open();
    const second = await another({ now: () => clock });
    await until(() => second.channel.status.state === 'standby', 'standby');
    clock += 2_000;
    await until(() => second.factory.sockets.length === 1, 'take over');
    // The first one's next renewal finds the number taken: it ends its socket and waits.
    await until(() => first.channel.status.state === 'standby', 'first steps back');
    expect(first.factory.last().ended).toBe(true);
    await second.channel.stop();
    wa = first.channel;
  });
});

describe('whatsapp: messages', () => {
  it('runs a full registration as numbered text, offering the phone number it already knows', async () => {
    wa = await start();
    sock().open();
    const from = pnJid(PHONE);
    expect(await say(from, 'halo', '1. Manfaat program')).toContain('Saya Lindung');
    // At the phone question, "1": the number it already knows.
    const replies: Record<string, string> = {};
    for (const turn of registrationTurns({ phone: '1' })) replies[turn.next] = await say(from, turn.text, expectAfter(turn, ASKS));
    expect(replies.phone).toContain('+62812****7890');
    expect(replies.summary).toContain('9. No. HP: +62812****7890');
    expect(replies.sent).toMatch(/LD-\w{5}/);
    expect(sock().sent.every((s) => s.jid === from)).toBe(true);
  });

  it('keeps one person when they come first by LID and later by phone number', async () => {
    wa = await start();
    sock().open();
    for (const turn of registrationTurns({}, { until: 'fullName' })) await say(lidJid(LID), turn.text, expectAfter(turn, ASKS));
    sock().mapLid(LID, PHONE);
    await until(async () => (await dbOf(h).count('identities')) === 2, 'link');
    const next = await say(pnJid(PHONE), 'Budi Santoso', 'NIK');
    expect(next).not.toContain('Menu utama');
    expect(await dbOf(h).count('people')).toBe(1);
    const stored = (await dbOf(h).get<{ phone: string }>('SELECT phone FROM people'))!;
    // Kept encrypted; it is the number WhatsApp revealed.
    expect(stored.phone).not.toContain(PHONE);
    expect(h.runtime.store.cipher.decrypt(stored.phone)).toBe('+' + PHONE);
  });

  it('keys a LID chat by the phone number Baileys reveals beside it', async () => {
    wa = await start();
    sock().open();
    const before = sock().sent.length;
    sock().receiveText(lidJid('999000111222333'), 'halo', { senderPn: '6285200000001' });
    await until(() => sock().sent.length > before, 'reply');
    const stored = await dbOf(h).all<{ address: string }>('SELECT address FROM identities');
    expect(stored.map((r) => h.runtime.store.cipher.decrypt(r.address)).sort()).toEqual(['6285200000001@s.whatsapp.net', '999000111222333@lid']);
    // Answered where the chat is (its LID), as WhatsApp's own clients do; the person is keyed by the phone.
    expect(sock().sent.slice(before).every((x) => x.jid === lidJid('999000111222333'))).toBe(true);
  });

  it('answers duplicate upserts and an append replay after reconnecting exactly once', async () => {
    wa = await start();
    sock().open();
    const from = pnJid(PHONE);
    sock().receiveText(from, '2', { id: 'MSG-1' });
    sock().receiveText(from, '2', { id: 'MSG-1' });
    await until(() => sock().sent.length >= 1, 'first reply');
    await new Promise((r) => setTimeout(r, 80));
    expect(sock().sentTexts().filter((t) => t.includes('penghasilan'))).toHaveLength(1);
    sock().close(DisconnectReason.connectionLost);
    await until(() => factory.sockets.length === 2, 'reconnect');
    sock().open();
    sock().receiveText(from, '2', { id: 'MSG-1', type: 'append' });
    sock().receiveText(from, '1,5 juta', { id: 'MSG-2', type: 'append' });
    await until(() => sock().sent.length >= 1, 'reply to the missed message');
    await new Promise((r) => setTimeout(r, 80));
    expect(sock().sentTexts().join('\n')).toContain('kelompok');
    expect(sock().sentTexts().join('\n')).not.toContain('penghasilan');
  });

  it('ignores groups, status broadcasts, newsletters, its own and old messages', async () => {
    wa = await start();
    sock().open();
    sock().receiveText(groupJid('12036300000001'), 'halo', { participant: pnJid(PHONE) });
    sock().receiveText(STATUS_JID, 'halo', { participant: pnJid(PHONE) });
    sock().receiveText(newsletterJid('120363000000001'), 'halo');
    sock().receiveText(pnJid(PHONE), 'halo', { fromMe: true });
    sock().receiveText(pnJid(PHONE), 'halo', { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    await new Promise((r) => setTimeout(r, 100));
    expect(sock().sent).toHaveLength(0);
    expect(await dbOf(h).count('people')).toBe(0);
  });

  it('reads quoted and extended replies and asks to type for media', async () => {
    wa = await start();
    sock().open();
    const from = pnJid(PHONE);
    sock().receiveText(from, '2', { quoted: 'Menu utama. Balas dengan nomor:' });
    await until(() => sock().sentTexts().some((t) => t.includes('penghasilan')), 'quoted reply handled');
    const before = sock().sent.length;
    sock().receiveMedia(from, 'audio');
    await until(() => sock().sent.length > before + 1, 'please type');
    expect(sock().sentTexts().slice(before).join('\n')).toContain('ketik jawaban');
    expect(sock().sentTexts().slice(before).join('\n')).toContain('penghasilan');
  });

  it('spaces out a burst to one chat', async () => {
    // The limiter's waits are recorded and skipped, so the schedule is checked without racing a busy
    // machine's timers (a real 60 ms gap measured between two sends failed under load: the first send
    // can leave late). The limiter's own clockwork: test/domain/rate-limit.test.ts.
    const GAP = 60_000;
    const waits: number[] = [];
    wa = await start({ perChatMs: GAP, sleep: async (ms) => void waits.push(ms) });
    sock().open();
    sock().receiveText(pnJid(PHONE), 'halo');
    // Each send after the first waited once, just before it went.
    await until(() => sock().sent.length >= 2 && waits.length === sock().sent.length - 1, 'two replies, one wait before the second');
    expect(sock().sent.every((x) => x.jid === pnJid(PHONE))).toBe(true);
    // Each was held until GAP after the one before (less the moments that had already passed since:
    // milliseconds, even on a busy machine; half a GAP is left for them).
    waits.forEach((ms, k) => {
      expect(ms).toBeLessThanOrEqual((k + 1) * GAP);
      expect(ms).toBeGreaterThan((k + 1) * GAP - GAP / 2);
    });
  });

  it('sends a registration notification to an applicant on WhatsApp, and never a reply to a stranger', async () => {
    wa = await start();
    sock().open();
    const from = pnJid(PHONE);
    const asks = {
      consent: 'setuju', fullName: 'Nama', nik: 'NIK', birthPlace: 'Tempat', birthDate: 'Tanggal', sex: 'Jenis', kecamatan: 'Kecamatan',
      desa: 'Desa', address: 'Alamat', phone: 'nomor ini', occupation: 'Pekerjaan', income: 'penghasilan', groupId: 'kelompok',
      programmes: 'Program', heirName: 'ahli waris', heirRelation: 'Hubungan', summary: 'Periksa',
    };
    for (const turn of registrationTurns({ phone: '1' }, { send: false })) await say(from, turn.text, expectAfter(turn, asks));
    const ref = /LD-\w{5}/.exec(await say(from, '1', 'terkirim'))![0];
    const before = sock().sent.length;
    await h.runtime.app.changeStatus(ref, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });
    await h.runtime.app.kick('whatsapp');
    await until(() => sock().sent.length > before, 'notification');
    expect(sock().sent.at(-1)!.content.text).toContain('disetujui');

    await h.runtime.app.outbox.add(null, 'whatsapp', pnJid('6289999999999'), { text: 'hello stranger' }, Date.now());
    await h.runtime.app.kick('whatsapp');
    await new Promise((r) => setTimeout(r, 50));
    expect(sock().sent.some((s) => s.jid === pnJid('6289999999999'))).toBe(false);
  });
});
