import { describe, expect, it } from 'vitest';
import {
  getContentType,
  jidNormalizedUser,
  normalizeMessageContent,
  type BaileysEventMap,
  type WASocket,
} from '@whiskeysockets/baileys';
import {
  Boom,
  DisconnectReason,
  STATUS_JID,
  createFakeSocket,
  fakeSocketFactory,
  groupJid,
  lidJid,
  newsletterJid,
  pnJid,
  type BaileysEventData,
  type BaileysSocketLike,
  type FakeSocket,
} from '../helpers/fake-baileys.js';

const tick = (): Promise<void> => new Promise((resolve) => process.nextTick(resolve));
const statusOf = (u: Partial<BaileysEventMap['connection.update']>): number | undefined =>
  (u.lastDisconnect?.error as any)?.output?.statusCode;

// Compile-time: the real socket and the fake both fit the slice an adapter should depend on.
const _realFits: WASocket extends BaileysSocketLike ? true : false = true;
const _fakeFits: FakeSocket extends BaileysSocketLike ? true : false = true;
void _realFits;
void _fakeFits;

describe('fake Baileys socket: connection lifecycle', () => {
  it('delivers connection updates to ev.on listeners and sets user on open', async () => {
    const sock = createFakeSocket({ phone: '6281100000000', lid: '100000000000001', device: 3 });
    const updates: BaileysEventMap['connection.update'][] = [];
    sock.ev.on('connection.update', (u) => updates.push(u));
    const credsUpdates: unknown[] = [];
    sock.ev.on('creds.update', (c) => credsUpdates.push(c));

    await tick(); // the real socket announces 'connecting' on the next tick
    expect(updates).toEqual([{ connection: 'connecting', receivedPendingNotifications: false, qr: undefined }]);
    expect(sock.user).toBeUndefined();

    sock.emitQr('qr-data-1');
    sock.open();
    expect(updates.slice(1)).toEqual([{ qr: 'qr-data-1' }, { connection: 'open' }]);
    expect(sock.user).toEqual({ id: '6281100000000:3@s.whatsapp.net', lid: '100000000000001:3@lid' });
    expect(jidNormalizedUser(sock.user!.id)).toBe('6281100000000@s.whatsapp.net');
    expect(sock.authState.creds.me).toBe(sock.user);
    expect(credsUpdates).toHaveLength(1);
    expect(sock.isOpen).toBe(true);
  });

  it('close(statusCode) gives a Boom readable as lastDisconnect.error.output.statusCode, then drops listeners', async () => {
    const sock = createFakeSocket();
    const updates: BaileysEventMap['connection.update'][] = [];
    sock.ev.on('connection.update', (u) => updates.push(u));
    sock.open();
    sock.close(DisconnectReason.loggedOut);

    const last = updates.at(-1)!;
    expect(last.connection).toBe('close');
    expect(statusOf(last)).toBe(401);
    expect(last.lastDisconnect?.error).toBeInstanceOf(Boom);
    expect(last.lastDisconnect?.date).toBeInstanceOf(Date);
    expect(sock.closed).toBe(true);
    expect(sock.ev.listenerCount('connection.update')).toBe(0);
    await expect(sock.sendMessage(pnJid('6281234567890'), { text: 'x' })).rejects.toMatchObject({
      output: { statusCode: DisconnectReason.connectionClosed },
    });
    expect(DisconnectReason.restartRequired).toBe(515);
    expect(DisconnectReason.connectionClosed).toBe(428);
  });

  it('end() and logout() emit close themselves (undefined error / 401 Intentional Logout)', async () => {
    const a = createFakeSocket();
    const seenA: BaileysEventMap['connection.update'][] = [];
    a.ev.on('connection.update', (u) => seenA.push(u));
    a.open();
    await a.end(undefined);
    expect(a.ended).toBe(true);
    expect(seenA.at(-1)).toMatchObject({ connection: 'close', lastDisconnect: { error: undefined } });
    await a.end(new Error('again')); // idempotent
    expect(seenA.filter((u) => u.connection === 'close')).toHaveLength(1);

    const b = createFakeSocket();
    const seenB: BaileysEventMap['connection.update'][] = [];
    b.ev.on('connection.update', (u) => seenB.push(u));
    b.open();
    await b.logout();
    await tick();
    expect(b.loggedOut).toBe(true);
    expect(statusOf(seenB.at(-1)!)).toBe(DisconnectReason.loggedOut);
    expect(seenB.at(-1)!.lastDisconnect?.error?.message).toBe('Intentional Logout');
  });
});

describe('fake Baileys socket: ev.process batches', () => {
  it('delivers every emit as a map, on-listeners first, and merges buffered upserts', async () => {
    const sock = createFakeSocket({ emitConnecting: false });
    const order: string[] = [];
    const batches: BaileysEventData[] = [];
    sock.ev.on('messages.upsert', () => order.push('on'));
    const unsubscribe = sock.ev.process((events) => {
      order.push('process');
      batches.push(events);
    });
    sock.open();
    order.length = 0;
    const id = sock.receiveText(lidJid('123456789012345'), 'halo');
    expect(order).toEqual(['on', 'process']);
    expect(batches.map((b) => Object.keys(b))).toEqual([['creds.update'], ['connection.update'], ['messages.upsert']]);
    expect(batches[2]!['messages.upsert']!.messages[0]!.key.id).toBe(id);

    batches.length = 0;
    sock.ev.buffer();
    const m1 = sock.receiveText(lidJid('1'), 'one');
    sock.receiveText(lidJid('2'), 'two');
    sock.receiveText(lidJid('1'), 'one again', { id: m1 }); // same key: deduplicated
    sock.ev.emit('contacts.upsert', [{ id: lidJid('1'), notify: 'Ani' }]);
    expect(batches).toHaveLength(0);
    expect(sock.ev.flush()).toBe(true);
    expect(batches).toHaveLength(1);
    const batch = batches[0]!;
    expect(batch['messages.upsert']!.type).toBe('notify');
    expect(batch['messages.upsert']!.messages.map((m) => m.message?.conversation)).toEqual(['one again', 'two']);
    expect(batch['contacts.upsert']).toEqual([{ id: '1@lid', notify: 'Ani' }]);

    unsubscribe();
    expect(sock.ev.processorCount()).toBe(0);
  });
});

describe('fake Baileys socket: sending', () => {
  it('records sends and returns a WAMessage with key.id; echoes it as an append upsert', async () => {
    const sock = createFakeSocket({ emitConnecting: false });
    const upserts: BaileysEventMap['messages.upsert'][] = [];
    sock.ev.on('messages.upsert', (u) => upserts.push(u));
    await expect(sock.sendMessage(pnJid('6281234567890'), { text: 'too early' })).rejects.toBeInstanceOf(TypeError);
    sock.open();

    const to = lidJid('123456789012345');
    const msg = await sock.sendMessage(to, { text: 'Halo!' });
    expect(msg.key).toMatchObject({ remoteJid: to, fromMe: true });
    expect(msg.key.id).toMatch(/^3EB0[0-9A-F]{18}$/);
    expect(msg.message?.extendedTextMessage?.text).toBe('Halo!');
    expect(Number(msg.messageTimestamp)).toBeGreaterThan(1_600_000_000); // a Long, like Baileys
    expect(sock.sent).toHaveLength(1);
    expect(sock.sent[0]).toMatchObject({ jid: to, content: { text: 'Halo!' }, id: msg.key.id });
    expect(sock.sentTexts(to)).toEqual(['Halo!']);

    await tick();
    expect(upserts).toEqual([{ messages: [msg], type: 'append' }]);

    const custom = await sock.sendMessage(to, { text: 'with id' }, { messageId: 'MYID' });
    expect(custom.key.id).toBe('MYID');
  });

  it('failNextSend rejects the next sends, then recovers', async () => {
    const sock = createFakeSocket({ emitConnecting: false, emitOwnEvents: false });
    sock.open();
    const boom = new Boom('rate-overlimit', { statusCode: 429 });
    sock.failNextSend(boom, 2);
    const to = pnJid('6281234567890');
    await expect(sock.sendMessage(to, { text: 'a' })).rejects.toBe(boom);
    await expect(sock.sendMessage(to, { text: 'b' })).rejects.toBe(boom);
    await sock.sendMessage(to, { text: 'c' });
    expect(sock.sentTexts()).toEqual(['c']);
    expect(sock.failedSends.map((f) => f.content.text)).toEqual(['a', 'b']);
  });
});

describe('fake Baileys socket: incoming messages and LIDs', () => {
  it('shapes 1:1 LID messages with key.remoteJidAlt and stores the mapping like Baileys', async () => {
    const sock = createFakeSocket({ emitConnecting: false });
    const upserts: BaileysEventMap['messages.upsert'][] = [];
    sock.ev.on('messages.upsert', (u) => upserts.push(u));
    const from = lidJid('123456789012345');
    const id = sock.receiveText(from, 'daftar', { pushName: 'Budi', senderPn: pnJid('6281234567890'), timestamp: 1_700_000_000 });

    const m = upserts[0]!.messages[0]!;
    expect(upserts[0]!.type).toBe('notify');
    expect(m.key).toMatchObject({ id, remoteJid: from, fromMe: false, remoteJidAlt: '6281234567890@s.whatsapp.net', addressingMode: 'lid' });
    expect(m.key.participant).toBeUndefined();
    expect(m.message?.conversation).toBe('daftar');
    expect(getContentType(m.message!)).toBe('conversation');
    expect(m).toMatchObject({ messageTimestamp: 1_700_000_000, pushName: 'Budi' });

    const store = sock.signalRepository.lidMapping;
    expect(await store.getPNForLID(from)).toBe('6281234567890:0@s.whatsapp.net');
    expect(await store.getLIDForPN('6281234567890@s.whatsapp.net')).toBe('123456789012345@lid');
    expect(await store.getPNForLID(lidJid('999'))).toBeNull();
  });

  it('groups carry participant/participantAlt; quoted and extended text; status and newsletters', async () => {
    const sock = createFakeSocket({ emitConnecting: false, phone: '6281100000000' });
    const got: BaileysEventMap['messages.upsert'][] = [];
    sock.ev.on('messages.upsert', (u) => got.push(u));
    const group = groupJid('120363025246125486');

    expect(() => sock.receiveText(group, 'no sender')).toThrow(/participant/);
    sock.receiveText(group, 'ya', { participant: lidJid('555'), senderPn: '6285555555555', quoted: 'Apakah Anda setuju?' });
    const g = got[0]!.messages[0]!;
    expect(g.key).toMatchObject({ remoteJid: group, participant: '555@lid', participantAlt: '6285555555555@s.whatsapp.net' });
    expect(await sock.signalRepository.lidMapping.getPNForLID('555@lid')).toBe('6285555555555:0@s.whatsapp.net');
    expect(g.key.remoteJidAlt).toBeUndefined();
    expect(g.message?.extendedTextMessage).toMatchObject({
      text: 'ya',
      contextInfo: { participant: '6281100000000@s.whatsapp.net', quotedMessage: { conversation: 'Apakah Anda setuju?' } },
    });

    sock.receiveText(STATUS_JID, 'story', { participant: pnJid('6281234567890') });
    expect(got[1]!.messages[0]).toMatchObject({ broadcast: true, key: { remoteJid: 'status@broadcast', participant: '6281234567890@s.whatsapp.net' } });
    sock.receiveText(newsletterJid('120363000000000000'), 'news', { extended: true, type: 'append' });
    expect(got[2]!.type).toBe('append');
    expect(got[2]!.messages[0]!.message?.extendedTextMessage?.text).toBe('news');
  });

  it('media, wrapped and undecryptable messages', () => {
    const sock = createFakeSocket({ emitConnecting: false });
    const got: BaileysEventMap['messages.upsert'][] = [];
    sock.ev.on('messages.upsert', (u) => got.push(u));
    const from = pnJid('6281234567890');
    sock.receiveMedia(from, 'image', { caption: 'KTP saya' });
    sock.receiveMedia(from, 'audio');
    sock.receiveMedia(from, 'document', { caption: 'slip', fileName: 'slip.pdf' });
    sock.receiveText(from, 'rahasia', { ephemeral: true });
    const stubId = sock.receiveUndecryptable(from);

    const [image, audio, doc, eph, stub] = got.map((u) => u.messages[0]!);
    expect(image!.message?.imageMessage).toMatchObject({ caption: 'KTP saya', mimetype: 'image/jpeg' });
    expect(audio!.message?.audioMessage).toMatchObject({ ptt: true, mimetype: 'audio/ogg; codecs=opus' });
    const docContent = normalizeMessageContent(doc!.message);
    expect(getContentType(docContent)).toBe('documentMessage');
    expect(docContent?.documentMessage).toMatchObject({ caption: 'slip', fileName: 'slip.pdf' });
    expect(getContentType(normalizeMessageContent(eph!.message))).toBe('conversation');
    expect(stub!.message).toBeUndefined();
    expect(stub!.key.id).toBe(stubId);
    expect(stub!.messageStubType).toBe(2);
  });

  it('mapLid fills the store and emits lid-mapping.update { lid, pn }', async () => {
    const sock = createFakeSocket({ emitConnecting: false });
    const seen: BaileysEventMap['lid-mapping.update'][] = [];
    sock.ev.on('lid-mapping.update', (p) => seen.push(p));
    sock.mapLid('123456789012345', '6281234567890');
    expect(seen).toEqual([{ lid: '123456789012345@lid', pn: '6281234567890@s.whatsapp.net' }]);
    expect(await sock.signalRepository.lidMapping.getPNsForLIDs(['123456789012345:4@lid'])).toEqual([
      { lid: '123456789012345:4@lid', pn: '6281234567890:4@s.whatsapp.net' },
    ]);
    expect(await sock.signalRepository.lidMapping.getLIDForPN('6281234567890:2@s.whatsapp.net')).toBe('123456789012345:2@lid');
  });
});

describe('fake Baileys socket: pairing and the factory', () => {
  it('requestPairingCode fails before the ws is open (like Baileys), works after a qr', async () => {
    const sock = createFakeSocket({ emitConnecting: false });
    await expect(sock.requestPairingCode('6281100000000')).rejects.toMatchObject({ output: { statusCode: 428 } });
    expect(sock.authState.creds.me).toEqual({ id: '6281100000000@s.whatsapp.net', name: '~' }); // Baileys' side effect
    sock.emitQr('qr');
    await expect(sock.requestPairingCode('+6281100000000')).rejects.toThrow(/digits only/);
    expect(await sock.requestPairingCode('6281100000000')).toBe('ABCD1234');
    expect(sock.pairingRequests).toEqual(['6281100000000', '+6281100000000', '6281100000000']);
  });

  it('a pairing ends with 515; the next socket from the factory shares creds and the LID store', async () => {
    const factory = fakeSocketFactory({ phone: '6281100000000', autoConnect: true });
    const statuses: (number | undefined)[] = [];
    const connect = (): FakeSocket => {
      const sock = factory.make({ auth: undefined, emitOwnEvents: false });
      sock.ev.on('connection.update', (u) => {
        if (u.qr) void sock.requestPairingCode('6281100000000');
        if (u.connection === 'close') {
          statuses.push(statusOf(u));
          if (statusOf(u) !== DisconnectReason.loggedOut) connect();
        }
      });
      return sock;
    };
    const first = connect();
    await tick();
    await tick();
    await tick();
    expect(first.pairingRequests).toEqual(['6281100000000']);
    first.mapLid('777', '6287777777777');
    first.completePairing();
    expect(statuses).toEqual([515]);
    expect(factory.sockets).toHaveLength(2);
    expect(factory.configs[1]).toEqual({ auth: undefined, emitOwnEvents: false });

    const second = factory.last();
    await tick();
    await tick();
    expect(second.isOpen).toBe(true); // stored session: auto-opened instead of a new qr
    expect(second.user?.id).toBe('6281100000000:12@s.whatsapp.net');
    expect(second.authState.creds.registered).toBe(true);
    expect(await second.signalRepository.lidMapping.getPNForLID('777@lid')).toBe('6287777777777:0@s.whatsapp.net');

    second.close(DisconnectReason.loggedOut);
    expect(statuses).toEqual([515, 401]);
    expect(factory.sockets).toHaveLength(2);
  });
});

describe('fake Baileys socket: linking as WhatsApp and the phone see it (rc14 without our workaround)', () => {
  it('QR: scans link until WhatsApp renews the pairing data; after that rc14 keeps showing QRs that cannot link', async () => {
    const sock = createFakeSocket({ config: { browser: ['Mac OS', 'Chrome', '14.4.1'] } });
    const first = sock.pairDevice(3);
    expect(first.startsWith('https://wa.me/settings/linked_devices#2@')).toBe(true);
    expect(sock.scanQr('https://wa.me/settings/linked_devices#2@other,a,b,c,1')).toBe('couldnt-link');
    const heard: string[] = [];
    sock.ws.on('CB:notification,type:companion_reg_refresh', (n: { attrs: { type: string } }) => heard.push(n.attrs.type));
    sock.regRefresh();
    expect(heard).toEqual(['companion_reg_refresh']);
    // rc14 tried to acknowledge it with creds.me.id and failed; nothing went out.
    expect(sock.failedAcks).toBe(1);
    expect(sock.nodesSent).toEqual([]);
    expect(sock.scanQr(first)).toBe('couldnt-link');
    expect(sock.scanQr(sock.nextQr()!)).toBe('couldnt-link');
    // The refs run out: 408, like rc14's 'QR refs attempts ended'.
    sock.nextQr();
    expect(sock.nextQr()).toBeUndefined();
    expect(sock.closed).toBe(true);
  });

  it('QR: a scan with the current secret links (pair-success, then the 515 restart)', async () => {
    const sock = createFakeSocket();
    const closes: (number | undefined)[] = [];
    sock.ev.on('connection.update', (u) => u.connection === 'close' && closes.push(statusOf(u)));
    expect(sock.scanQr(sock.pairDevice())).toBe('linked');
    expect(sock.authState.creds.me?.id).toMatch(/^6281100000000:12@s\.whatsapp\.net$/);
    expect(closes).toEqual([DisconnectReason.restartRequired]);
  });

  it('pairing code: the code links only when typed as given and the browser is a standard one', async () => {
    const custom = createFakeSocket({ config: { browser: ['Ubuntu', 'Lindung', '22.04.4'] } });
    custom.emitQr('qr');
    const code = await custom.requestPairingCode('6281100000000');
    expect(custom.enterPairingCode(code)).toBe('refused');
    const standard = createFakeSocket({ config: { browser: ['Windows', 'Chrome', '10.0.22631'] } });
    standard.emitQr('qr');
    const code2 = await standard.requestPairingCode('6281100000000');
    expect(standard.enterPairingCode('WXYZ-9999')).toBe('refused');
    expect(standard.enterPairingCode(`${code2.slice(0, 4)}-${code2.slice(4)}`)).toBe('linked');
    expect(standard.authState.creds.registered).toBe(true);
  });
});
