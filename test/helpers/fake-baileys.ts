/**
 * An in-memory fake of the Baileys WhatsApp socket (`makeWASocket(config)` from
 * `@whiskeysockets/baileys@7.0.0-rc14`), for tests of our WhatsApp channel
 * adapter. No network, no crypto: the test drives connection states and incoming
 * messages, and reads back what the adapter sent.
 *
 *   const factory = fakeSocketFactory({ phone: '6281100000000' });
 *   // adapter gets `factory.make` where it would call makeWASocket(config)
 *   const sock = factory.last();
 *   sock.open();
 *   const id = sock.receiveText(pnJid('6281234567890'), 'halo');
 *   expect(sock.sent[0]?.content).toEqual({ text: '...' });
 *
 * ============================================================================
 * NOTES FROM READING THE BAILEYS 7.0.0-rc14 SOURCE (node_modules/@whiskeysockets/baileys/lib)
 * The adapter is written against these; the fake mirrors them.
 * ============================================================================
 *
 * (a) Where the phone number (PN) of a LID sender is found  (Utils/decode-wa-message.js,
 *     `extractAddressingContext` + `decodeMessageNode`; Types/Message.d.ts `WAMessageKey`):
 *
 *     WAMessageKey = proto.IMessageKey & { remoteJidAlt?, remoteJidUsername?, participantAlt?,
 *                    participantUsername?, server_id?, addressingMode?, isViewOnce? }
 *
 *     - 1:1 chats (and status@broadcast, anything that is not `@g.us`):
 *         key.remoteJid    = the chat jid, now usually '<lid>@lid' (can still be '<pn>@s.whatsapp.net')
 *         key.remoteJidAlt = the OTHER form of the sender: the PN jid when remoteJid is a LID,
 *                            the LID jid when remoteJid is a PN (undefined when the server did not say)
 *     - groups (`@g.us`):
 *         key.participant    = the sender, usually '<lid>@lid'
 *         key.participantAlt = the other form of the sender (PN when participant is a LID)
 *         (remoteJidAlt is never set for groups; participantAlt is never set for non-groups)
 *     - key.addressingMode = 'lid' | 'pn' (stanza attr, or 'lid' when the sender ends with 'lid')
 *     - The stanza attributes behind it are participant_pn / sender_pn / peer_recipient_pn
 *       (LID-addressed) and participant_lid / sender_lid / peer_recipient_lid (PN-addressed).
 *     - There is NO `key.senderPn`, `key.senderLid` or `key.participantPn` in rc14 (those were
 *       6.x / early-7 RC names). `participantPn` / `authorPn` only exist on group events
 *       ('group-participants.update' authorPn, 'group.join-request' participantPn/authorPn).
 *     - Baileys' own "who wrote this" helper: `getKeyAuthor(key) = key.fromMe ? me :
 *       key.participantAlt || key.remoteJidAlt || key.participant || key.remoteJid`.
 *     - On every incoming message with an alt jid, Baileys stores the pair in
 *       `signalRepository.lidMapping` BEFORE emitting 'messages.upsert' (messages-recv.js
 *       handleMessage); no 'lid-mapping.update' event is emitted for that.
 *     - Alt jids may carry a device suffix in principle; normalize with `jidNormalizedUser()`.
 *
 * (b) LID mapping event: `'lid-mapping.update'`, payload `LIDMapping = { lid: string; pn: string }`
 *     (ONE pair per event, not an array), e.g. { lid: '123456789012345@lid', pn: '6281234567890@s.whatsapp.net' }.
 *     Emitted from app-state sync (pnForLidChatAction, contact actions) and from
 *     'NotificationLinkedProfilesUpdates'. It is not bufferable (arrives immediately, also via
 *     ev.process). Baileys itself listens to it and calls lidMapping.storeLIDPNMappings.
 *     History sync also carries pairs: 'messaging-history.set' has `lidPnMappings?: LIDMapping[]`
 *     (stored by Baileys too). 'contacts.upsert' Contacts have `id`, `lid?`, `phoneNumber?`.
 *
 * (c) `sock.signalRepository.lidMapping` is a `LIDMappingStore` (Signal/lid-mapping.d.ts); ALL async:
 *       storeLIDPNMappings(pairs: LIDMapping[]): Promise<void>
 *       getLIDForPN(pn: string): Promise<string | null>
 *       getLIDsForPNs(pns: string[]): Promise<LIDMapping[] | null>
 *       getPNForLID(lid: string): Promise<string | null>
 *       getPNsForLIDs(lids: string[]): Promise<LIDMapping[] | null>
 *       close(): void
 *     Gotchas (mirrored by the fake):
 *       - getPNForLID ALWAYS returns a device-qualified jid: '6281234567890:0@s.whatsapp.net'
 *         (`${pnUser}:${lidDevice}@s.whatsapp.net`). Run it through jidNormalizedUser() before
 *         comparing/storing. Non-'@lid' input gives null.
 *       - getLIDForPN returns '<lidUser>@lid' (device kept only when non-zero, e.g. '…:5@lid');
 *         input must be '@s.whatsapp.net' (or '@hosted'), else null. On a miss the real store
 *         asks the server (USync); the fake just returns null.
 *       - Mappings are keyed by user part (device stripped) and persisted in the auth key
 *         store ('lid-mapping' keys), so they survive reconnects (the fake factory shares one
 *         store between the sockets it makes).
 *       - There is no method named getPNForLid / getLidForPn / lidToPn.
 *
 * (d) `DisconnectReason` (Types/index.d.ts), read as
 *     `(lastDisconnect?.error as Boom | undefined)?.output?.statusCode`:
 *       connectionClosed = 428  ('Connection Terminated' ws close / by server; also the error of
 *                                sendMessage/requestPairingCode/logout on a closed or not-yet-open ws)
 *       connectionLost   = 408  ('Connection was lost', keep-alive timeout)
 *       timedOut         = 408  (same number! also 'QR refs attempts ended': nobody scanned the QR)
 *       connectionReplaced = 440 ('Stream Errored (conflict)': another client took over)
 *       loggedOut        = 401  ('Connection Failure' from the server when the device was unlinked,
 *                                and 'Intentional Logout' from sock.logout()) -> creds are dead, do not reconnect
 *       badSession       = 500
 *       restartRequired  = 515  ('Stream Errored (restart required)'): sent right after a successful
 *                                QR/pairing-code pairing; the consumer must create a new socket
 *       multideviceMismatch = 411, forbidden = 403, unavailableService = 503
 *     Any other number can also appear ('Connection Failure' carries the server's reason code).
 *     The error is a `Boom` from '@hapi/boom' (error.output.statusCode, error.isBoom === true),
 *     or undefined when the consumer called `sock.end(undefined)`.
 *
 * Other facts from the source that matter to a consumer (mirrored where the fake can):
 *   - `sock.ev` is a buffered emitter: on/off/removeAllListeners/emit, plus
 *     process(handler) -> unsubscribe (handler gets a map { [event]: payload } per flush; the
 *     Baileys README/Example uses ev.process), buffer(), flush(), createBufferedFunction(),
 *     isBuffering(), destroy(). `on` listeners for one emit run before `process` handlers.
 *     Incoming messages are emitted from a buffered function, so in real life several messages
 *     can arrive in ONE 'messages.upsert' (always loop over `messages`), deduplicated by key.
 *   - On creation the socket emits (process.nextTick) { connection: 'connecting',
 *     receivedPendingNotifications: false, qr: undefined }. Then either { qr } (repeatedly,
 *     refreshed) or, for a stored session, creds.update { me: {..., lid} } + { connection: 'open' }.
 *   - `sock.end(err)` is async, idempotent, and itself emits connection.update
 *     { connection: 'close', lastDisconnect: { error: err, date } } (error undefined if none given),
 *     then removes ALL listeners (ev.destroy()). A consumer that reconnects on 'close' must not
 *     reconnect after its own end() call.
 *   - `sock.logout(msg?)` sends the unlink request and then `end(Boom(msg || 'Intentional Logout',
 *     401))`; it resolves before the close event fires, and throws Boom 428 if the ws is closed.
 *   - `sock.user` is a getter for `authState.creds.me`: { id: '6281100000000:12@s.whatsapp.net'
 *     (WITH device suffix), lid?: '…:12@lid', name? } or undefined before login.
 *   - `sock.requestPairingCode(phone, custom?)`: phone = digits only, with country code. Returns
 *     8 Crockford-base32 chars WITHOUT a dash (e.g. 'ABCD1234'; format 'ABCD-1234' yourself).
 *     It must be called once the WebSocket is open (i.e. on/after the first { qr } update): it
 *     sets creds.me = { id: '<phone>@s.whatsapp.net', name: '~' } + creds.pairingCode and emits
 *     creds.update BEFORE sending, so an early call both throws Boom 428 'Connection Closed'
 *     AND leaves a half-registered creds.me behind. `creds.registered` becomes true only after the
 *     user typed the code on the phone (QR pairing never sets it; creds.me does get set).
 *   - `sock.sendMessage(jid, content, options?)` -> Promise<WAMessage | undefined>: a
 *     proto.WebMessageInfo { key: { remoteJid: jid, fromMe: true, id: '3EB0…' (22 chars) },
 *     message: { extendedTextMessage: { text } } (text is always sent as extendedTextMessage),
 *     messageTimestamp: Long (seconds; incoming messages have a plain number), status: 1 PENDING }.
 *     options.messageId overrides the id; options.quoted quotes a WAMessage. It throws a
 *     TypeError when not logged in (reads authState.creds.me.id) and Boom 428 when closed.
 *     With config.emitOwnEvents (default true) the sent message comes back shortly after as
 *     'messages.upsert' { type: 'append', messages: [{ key.fromMe: true, ... }] }: ignore fromMe.
 *   - Incoming WAMessage: { key, message?, messageTimestamp: number (seconds), pushName?,
 *     broadcast, messageStubType?, ... }. `message` can be missing (e.g. decryption failure:
 *     messageStubType 2 CIPHERTEXT, messageStubParameters [reason]; the same key.id may arrive
 *     again later, decrypted), may have extra keys like messageContextInfo /
 *     senderKeyDistributionMessage, and may be wrapped (ephemeralMessage, viewOnceMessageV2,
 *     documentWithCaptionMessage). Use Baileys' normalizeMessageContent() + getContentType()
 *     instead of Object.keys(message)[0].
 *   - printQRInTerminal is deprecated (only logs a warning): render the { qr } yourself.
 */
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { Boom } from '@hapi/boom';
import {
  buildPairingQRData,
  DisconnectReason,
  generateMessageIDV2,
  getCompanionWebClientType,
  generateWAMessageFromContent,
  isHostedPnUser,
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  isLidUser,
  isPnUser,
  jidDecode,
  jidNormalizedUser,
  proto,
  type AuthenticationCreds,
  type BaileysEventMap,
  type BinaryNode,
  type Contact,
  type LIDMapping,
  type WAMessage,
  type WAMessageKey,
  type WASocket,
} from '@whiskeysockets/baileys';

export { Boom, DisconnectReason };

// ---------------------------------------------------------------------------
// jids
// ---------------------------------------------------------------------------

export const STATUS_JID = 'status@broadcast';
const digits = (s: string): string => s.replace(/@.*$/, '').replace(/:\d+$/, '').replace(/\D/g, '');
/** '<digits>@s.whatsapp.net' ('+62 811-…' and existing jids are accepted too). */
export const pnJid = (phone: string): string => `${digits(phone)}@s.whatsapp.net`;
/** '<digits>@lid'. */
export const lidJid = (lid: string): string => `${digits(lid)}@lid`;
/** '<id>@g.us' (ids look like '120363025246125486'). */
export const groupJid = (id: string): string => (id.endsWith('@g.us') ? id : `${id}@g.us`);
/** '<id>@newsletter'. */
export const newsletterJid = (id: string): string => (id.endsWith('@newsletter') ? id : `${id}@newsletter`);

// ---------------------------------------------------------------------------
// the type a consumer should program against
// ---------------------------------------------------------------------------

type LidStoreMethods = 'storeLIDPNMappings' | 'getLIDForPN' | 'getLIDsForPNs' | 'getPNForLID' | 'getPNsForLIDs';

/**
 * The slice of `WASocket` an adapter needs. Both the real `WASocket` and `FakeSocket` are
 * assignable to it (checked in test/channels/fake-baileys.test.ts), so an adapter typed with it
 * accepts `makeWASocket(config)` in production and the fake in tests.
 */
export type BaileysSocketLike = {
  ev: Pick<WASocket['ev'], 'on' | 'off' | 'emit' | 'process' | 'removeAllListeners'>;
  readonly user: WASocket['user'];
  authState: { creds: AuthenticationCreds };
  sendMessage: WASocket['sendMessage'];
  readMessages: WASocket['readMessages'];
  sendPresenceUpdate: WASocket['sendPresenceUpdate'];
  requestPairingCode: WASocket['requestPairingCode'];
  end: WASocket['end'];
  logout: WASocket['logout'];
  signalRepository: { lidMapping: Pick<WASocket['signalRepository']['lidMapping'], LidStoreMethods> };
};

// ---------------------------------------------------------------------------
// event emitter (shape of Baileys' makeEventBuffer)
// ---------------------------------------------------------------------------

export type BaileysEventData = Partial<BaileysEventMap>;
type EventName = keyof BaileysEventMap;

export interface FakeEventEmitter {
  on<T extends EventName>(event: T, listener: (arg: BaileysEventMap[T]) => void): void;
  off<T extends EventName>(event: T, listener: (arg: BaileysEventMap[T]) => void): void;
  removeAllListeners<T extends EventName>(event?: T): void;
  emit<T extends EventName>(event: T, arg: BaileysEventMap[T]): boolean;
  /** Batch handler: gets `{ [event]: payload }` per emit (or per flush when buffering). Returns an unsubscribe. */
  process(handler: (events: BaileysEventData) => void | Promise<void>): () => void;
  buffer(): void;
  flush(): boolean;
  isBuffering(): boolean;
  createBufferedFunction<A extends any[], T>(work: (...args: A) => Promise<T>): (...args: A) => Promise<T>;
  destroy(): void;
  // --- test helpers (not in Baileys) ---
  /** `on` listeners currently registered for the event. */
  listenerCount(event: EventName): number;
  /** `process` handlers currently registered. */
  processorCount(): number;
  /** Every emit() call, in order (also those swallowed by the buffer or after destroy()). */
  readonly emitted: { event: EventName; data: unknown }[];
}

const BUFFERABLE = new Set<EventName>([
  'messaging-history.set',
  'chats.upsert',
  'chats.update',
  'chats.delete',
  'contacts.upsert',
  'contacts.update',
  'messages.upsert',
  'messages.update',
  'messages.delete',
  'messages.reaction',
  'message-receipt.update',
  'groups.update',
]);

const keyString = (k: WAMessageKey | null | undefined): string => `${k?.remoteJid},${k?.id},${k?.fromMe ? 1 : 0}`;

/**
 * Like Baileys' makeEventBuffer: one internal 'event' channel carrying `{ [event]: data }` maps;
 * a first listener fans them out to `on` listeners, `process` handlers get the whole map.
 * Buffering is simplified (messages.upsert deduplicated by key with 'notify' winning, array
 * payloads concatenated, everything else last-wins) and createBufferedFunction flushes
 * synchronously when the last buffered call settles instead of after Baileys' 100 ms delay.
 */
export function createFakeEventEmitter(beforeEmit?: (event: EventName, data: unknown) => void): FakeEventEmitter {
  const inner = new EventEmitter();
  inner.setMaxListeners(0);
  const emitted: { event: EventName; data: unknown }[] = [];
  let buffering = false;
  let bufferCount = 0;
  let pending: Record<string, any> = {};

  const fanOut = (map: Record<string, unknown>): void => {
    for (const event in map) inner.emit(event, map[event]);
  };
  inner.on('event', fanOut);

  const append = (event: EventName, data: any): void => {
    const cur = pending[event];
    if (cur === undefined) {
      pending[event] = Array.isArray(data) ? [...data] : event === 'messages.upsert' ? { ...data, messages: [...data.messages] } : data;
      return;
    }
    if (event === 'messages.upsert') {
      const byKey = new Map<string, any>(cur.messages.map((m: any) => [keyString(m.key), m]));
      for (const m of data.messages) byKey.set(keyString(m.key), m);
      pending[event] = { ...cur, messages: [...byKey.values()], type: cur.type === 'notify' || data.type === 'notify' ? 'notify' : data.type };
    } else if (event === 'messaging-history.set') {
      pending[event] = {
        ...cur,
        ...data,
        chats: [...cur.chats, ...data.chats],
        contacts: [...cur.contacts, ...data.contacts],
        messages: [...cur.messages, ...data.messages],
      };
    } else if (Array.isArray(cur) && Array.isArray(data)) {
      pending[event] = [...cur, ...data];
    } else {
      pending[event] = data;
    }
  };

  const flush = (): boolean => {
    if (!buffering) return false;
    buffering = false;
    bufferCount = 0;
    const data = pending;
    pending = {};
    if (Object.keys(data).length > 0) inner.emit('event', data);
    return true;
  };

  const ev: FakeEventEmitter = {
    emitted,
    on: (event, listener) => void inner.on(event, listener as (arg: unknown) => void),
    off: (event, listener) => void inner.off(event, listener as (arg: unknown) => void),
    removeAllListeners: (event) => void (event === undefined ? inner.removeAllListeners() : inner.removeAllListeners(event)),
    emit(event, data) {
      emitted.push({ event, data });
      beforeEmit?.(event, data);
      if (event === 'messages.upsert') {
        // Baileys: a buffered upsert of another type is released first, so types never mix.
        const cur = pending['messages.upsert'];
        if (cur && cur.type !== (data as BaileysEventMap['messages.upsert']).type) {
          delete pending['messages.upsert'];
          inner.emit('event', { 'messages.upsert': cur });
        }
      }
      if (buffering && BUFFERABLE.has(event)) {
        append(event, data);
        return true;
      }
      return inner.emit('event', { [event]: data });
    },
    process(handler) {
      const listener = async (map: BaileysEventData): Promise<void> => {
        await handler(map);
      };
      inner.on('event', listener);
      return () => void inner.off('event', listener);
    },
    buffer() {
      buffering = true;
      bufferCount++;
    },
    flush,
    isBuffering: () => buffering,
    createBufferedFunction(work) {
      return async (...args) => {
        ev.buffer();
        try {
          return await work(...args);
        } finally {
          bufferCount = Math.max(0, bufferCount - 1);
          if (bufferCount === 0) flush();
        }
      };
    },
    destroy() {
      buffering = false;
      bufferCount = 0;
      pending = {};
      inner.removeAllListeners();
    },
    listenerCount: (event) => inner.listenerCount(event),
    processorCount: () => Math.max(0, inner.listenerCount('event') - (inner.listeners('event').includes(fanOut) ? 1 : 0)),
  };
  return ev;
}

// ---------------------------------------------------------------------------
// LID mapping store (same method names/semantics as Baileys 7's LIDMappingStore)
// ---------------------------------------------------------------------------

/** In-memory LIDMappingStore. Keyed by user part like the real one (persisted keys 'pnUser' and 'lidUser_reverse'). */
export class FakeLidMappingStore {
  /** pn user (digits) -> lid user (digits) */
  readonly pnToLid = new Map<string, string>();
  /** lid user (digits) -> pn user (digits) */
  readonly lidToPn = new Map<string, string>();
  /** PNs looked up without a stored mapping (the real store would ask the server here). */
  readonly misses: string[] = [];

  /** Synchronous core of storeLIDPNMappings (same validation: one side '@lid', the other '@s.whatsapp.net'). */
  storeSync(pairs: LIDMapping[]): void {
    for (const { lid, pn } of pairs) {
      if (!((isLidUser(lid) && isPnUser(pn)) || (isPnUser(lid) && isLidUser(pn)))) continue;
      const lidUser = jidDecode(lid)?.user;
      const pnUser = jidDecode(pn)?.user;
      if (!lidUser || !pnUser) continue;
      this.pnToLid.set(pnUser, lidUser);
      this.lidToPn.set(lidUser, pnUser);
    }
  }

  async storeLIDPNMappings(pairs: LIDMapping[]): Promise<void> {
    this.storeSync(pairs);
  }

  async getLIDForPN(pn: string): Promise<string | null> {
    return (await this.getLIDsForPNs([pn]))?.[0]?.lid || null;
  }

  async getLIDsForPNs(pns: string[]): Promise<LIDMapping[] | null> {
    const out: LIDMapping[] = [];
    for (const pn of pns) {
      if (!isPnUser(pn) && !isHostedPnUser(pn)) continue;
      const d = jidDecode(pn);
      if (!d) continue;
      const lidUser = this.pnToLid.get(d.user);
      if (!lidUser) {
        this.misses.push(pn);
        continue;
      }
      const device = d.device ?? 0;
      out.push({ pn, lid: `${lidUser}${device ? `:${device}` : ''}@${d.server === 'hosted' ? 'hosted.lid' : 'lid'}` });
    }
    return out.length > 0 ? out : null;
  }

  async getPNForLID(lid: string): Promise<string | null> {
    return (await this.getPNsForLIDs([lid]))?.[0]?.pn || null;
  }

  async getPNsForLIDs(lids: string[]): Promise<LIDMapping[] | null> {
    const out: LIDMapping[] = [];
    for (const lid of lids) {
      if (!isLidUser(lid)) continue;
      const d = jidDecode(lid);
      if (!d) continue;
      const pnUser = this.lidToPn.get(d.user);
      if (!pnUser) continue;
      // Baileys 7 always includes the device here: '628…:0@s.whatsapp.net'.
      out.push({ lid, pn: `${pnUser}:${d.device ?? 0}@s.whatsapp.net` });
    }
    return out.length > 0 ? out : null;
  }

  close(): void {}

  /** All pairs as normalized jids. */
  dump(): LIDMapping[] {
    return [...this.pnToLid].map(([pn, lid]) => ({ lid: `${lid}@lid`, pn: `${pn}@s.whatsapp.net` }));
  }
}

// ---------------------------------------------------------------------------
// WAMessage builders
// ---------------------------------------------------------------------------

export interface IncomingOptions {
  /** Message id; default a random phone-style id ('3A…'). */
  id?: string;
  /** Upsert type; default 'notify' (live). 'append' = history/own echo. */
  type?: 'notify' | 'append';
  /** messageTimestamp in seconds; default now. */
  timestamp?: number;
  fromMe?: boolean;
  pushName?: string;
  /** Use extendedTextMessage instead of conversation (implied by quoted/mentions). */
  extended?: boolean;
  /** Quoted text: adds contextInfo { stanzaId, participant, quotedMessage: { conversation } }. */
  quoted?: string;
  /** contextInfo.stanzaId of the quoted message; default random. */
  quotedId?: string;
  /** contextInfo.participant of the quoted message; default (on a socket) our own PN jid. */
  quotedParticipant?: string;
  mentions?: string[];
  /** Sender inside a group / status@broadcast (required there). */
  participant?: string;
  /** The sender's PN (jid or digits) when the sender is a LID: goes to key.remoteJidAlt (1:1) or key.participantAlt (group). */
  senderPn?: string;
  /** The sender's LID (jid or digits) when the sender is a PN: same fields as senderPn. */
  senderLid?: string;
  /** Wrap as { ephemeralMessage: { message } } like chats with disappearing messages on. */
  ephemeral?: boolean;
  /** The chat's disappearing-messages timer in seconds: contextInfo.expiration (WhatsApp sets it on every message of such a chat; 0 = turned off). */
  expiration?: number;
  /** 'messages.upsert' requestId (messages re-sent by the phone on request). */
  requestId?: string;
}

export interface MediaOptions extends IncomingOptions {
  caption?: string;
  mimetype?: string;
  fileName?: string;
  /** Duration for audio/video; default 5 / 10. */
  seconds?: number;
  /** Audio: voice note (default true). */
  ptt?: boolean;
}

export type MediaKind = 'image' | 'audio' | 'sticker' | 'document' | 'video';

const hex = (bytes: number): string => randomBytes(bytes).toString('hex').toUpperCase();
/** Phone-originated message ids look like '3A' + 18 hex (iOS) or 32 hex (Android). */
export const randomMessageId = (): string => `3A${hex(9)}`;
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function withContext(opts: IncomingOptions): proto.IContextInfo | undefined {
  const ctx: proto.IContextInfo = {};
  if (opts.quoted !== undefined) {
    ctx.stanzaId = opts.quotedId ?? randomMessageId();
    if (opts.quotedParticipant) ctx.participant = opts.quotedParticipant;
    ctx.quotedMessage = { conversation: opts.quoted };
  }
  if (opts.mentions?.length) ctx.mentionedJid = opts.mentions;
  if (opts.expiration !== undefined) ctx.expiration = opts.expiration;
  return Object.keys(ctx).length > 0 ? ctx : undefined;
}

function textContent(text: string, opts: IncomingOptions): proto.IMessage {
  const contextInfo = withContext(opts);
  if (!opts.extended && !contextInfo) return { conversation: text };
  return { extendedTextMessage: { text, ...(contextInfo && { contextInfo }) } };
}

const MEDIA_DEFAULTS: Record<MediaKind, { mimetype: string; path: string }> = {
  image: { mimetype: 'image/jpeg', path: '/v/t62.7118-24/fake-image.enc' },
  video: { mimetype: 'video/mp4', path: '/v/t62.7161-24/fake-video.enc' },
  audio: { mimetype: 'audio/ogg; codecs=opus', path: '/v/t62.7117-24/fake-audio.enc' },
  sticker: { mimetype: 'image/webp', path: '/v/t62.15575-24/fake-sticker.enc' },
  document: { mimetype: 'application/pdf', path: '/v/t62.7119-24/fake-document.enc' },
};

function mediaContent(kind: MediaKind, opts: MediaOptions): proto.IMessage {
  const d = MEDIA_DEFAULTS[kind];
  const contextInfo = withContext(opts);
  const common = {
    url: `https://mmg.whatsapp.net${d.path}?ccb=11-4`,
    directPath: d.path,
    mimetype: opts.mimetype ?? d.mimetype,
    fileSha256: new Uint8Array(randomBytes(32)),
    fileEncSha256: new Uint8Array(randomBytes(32)),
    mediaKey: new Uint8Array(randomBytes(32)),
    fileLength: 12_345, // a Long in real decoded protos
    mediaKeyTimestamp: opts.timestamp ?? nowSeconds(),
    ...(contextInfo && { contextInfo }),
  };
  switch (kind) {
    case 'image':
      return { imageMessage: { ...common, width: 720, height: 1280, ...(opts.caption !== undefined && { caption: opts.caption }) } };
    case 'video':
      return { videoMessage: { ...common, seconds: opts.seconds ?? 10, width: 720, height: 1280, ...(opts.caption !== undefined && { caption: opts.caption }) } };
    case 'audio':
      return { audioMessage: { ...common, seconds: opts.seconds ?? 5, ptt: opts.ptt ?? true } };
    case 'sticker':
      return { stickerMessage: { ...common, width: 512, height: 512, isAnimated: false } };
    case 'document': {
      const fileName = opts.fileName ?? 'document.pdf';
      const documentMessage = { ...common, fileName, title: fileName, pageCount: 1 };
      // WhatsApp wraps captioned documents.
      if (opts.caption !== undefined) return { documentWithCaptionMessage: { message: { documentMessage: { ...documentMessage, caption: opts.caption } } } };
      return { documentMessage };
    }
  }
}

/** Builds an incoming WAMessage the way Baileys 7's decodeMessageNode shapes it. */
export function buildIncoming(from: string, content: proto.IMessage | undefined, opts: IncomingOptions = {}): WAMessage {
  const isGroup = !!isJidGroup(from);
  const needsParticipant = isGroup || isJidBroadcast(from);
  if (needsParticipant && !opts.participant) throw new Error(`fake-baileys: a message in ${from} needs opts.participant (the sender)`);
  const participant = needsParticipant ? opts.participant : undefined;
  const sender = participant ?? from;
  const alt =
    opts.senderPn !== undefined
      ? opts.senderPn.includes('@') ? opts.senderPn : pnJid(opts.senderPn)
      : opts.senderLid !== undefined
        ? opts.senderLid.includes('@') ? opts.senderLid : lidJid(opts.senderLid)
        : undefined;
  const key: WAMessageKey = {
    remoteJid: from,
    fromMe: !!opts.fromMe,
    id: opts.id ?? randomMessageId(),
    ...(participant && { participant }),
    ...(alt && (isGroup ? { participantAlt: alt } : { remoteJidAlt: alt })),
    addressingMode: sender.endsWith('lid') ? 'lid' : 'pn',
    ...(isJidNewsletter(from) && { server_id: String(100 + Math.floor(Math.random() * 1e6)) }),
  };
  let message: proto.IMessage | undefined = content;
  if (message) {
    if (opts.ephemeral) message = { ephemeralMessage: { message } };
    message = { ...message, messageContextInfo: { deviceListMetadataVersion: 2, deviceListMetadata: {} } };
  }
  const msg: WAMessage = {
    key,
    ...(message && { message }),
    messageTimestamp: opts.timestamp ?? nowSeconds(),
    ...(opts.pushName !== undefined && { pushName: opts.pushName }),
    broadcast: !!isJidBroadcast(from),
  };
  if (key.fromMe) msg.status = proto.WebMessageInfo.Status.SERVER_ACK;
  return msg;
}

export const buildIncomingText = (from: string, text: string, opts: IncomingOptions = {}): WAMessage =>
  buildIncoming(from, textContent(text, opts), opts);

export const buildIncomingMedia = (from: string, kind: MediaKind, opts: MediaOptions = {}): WAMessage =>
  buildIncoming(from, mediaContent(kind, opts), opts);

/** What a sendMessage() content becomes on the wire (simplified generateWAMessageContent; no uploads). */
function sentContent(content: any): proto.IMessage {
  if (!content || typeof content !== 'object') return {};
  const contextInfo = content.mentions ? { mentionedJid: content.mentions } : undefined;
  if (typeof content.text === 'string') {
    if (content.edit) {
      return {
        protocolMessage: {
          key: content.edit,
          type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT,
          editedMessage: { conversation: content.text },
          timestampMs: Date.now(),
        },
      };
    }
    return { extendedTextMessage: { text: content.text, ...(contextInfo && { contextInfo }) } };
  }
  if (content.react) return { reactionMessage: { key: content.react.key, text: content.react.text, senderTimestampMs: Date.now() } };
  if (content.delete) return { protocolMessage: { key: content.delete, type: proto.Message.ProtocolMessage.Type.REVOKE } };
  for (const kind of ['image', 'video', 'audio', 'sticker', 'document'] as const) {
    if (content[kind] === undefined) continue;
    const field = `${kind}Message` as const;
    const body: Record<string, unknown> = { url: 'https://mmg.whatsapp.net/fake-upload.enc', mimetype: content.mimetype ?? MEDIA_DEFAULTS[kind].mimetype };
    if (content.caption !== undefined) body.caption = content.caption;
    if (content.fileName !== undefined) body.fileName = content.fileName;
    if (content.ptt !== undefined) body.ptt = content.ptt;
    if (contextInfo) body.contextInfo = contextInfo;
    return { [field]: body };
  }
  return {};
}

// ---------------------------------------------------------------------------
// the socket
// ---------------------------------------------------------------------------

export interface FakeSocketOptions {
  /** Our own number, digits with country code. Default '6281100000000'. */
  phone?: string;
  /** Our own LID user (digits). Default '100000000000001'. */
  lid?: string;
  /** Our push name (creds.me.name). */
  name?: string;
  /** Our companion device number, used in user.id ('<phone>:<device>@s.whatsapp.net'). Default 12. */
  device?: number;
  /** What requestPairingCode() returns when no custom code is passed. Default 'ABCD1234'. */
  pairingCode?: string;
  /** Echo sent messages as 'messages.upsert' { type: 'append' } on the next tick (Baileys default: true; config.emitOwnEvents wins). */
  emitOwnEvents?: boolean;
  /** Emit { connection: 'connecting' } on the next tick unless a connection.update was emitted first. Default true. */
  emitConnecting?: boolean;
  /**
   * Drive the connection by itself, one tick after 'connecting': if creds.me is set (a stored
   * session) -> open(); else emitQr('fake-qr-1'). Default false (the test drives it).
   */
  autoConnect?: boolean;
  /** Reject requestPairingCode() with Boom 428 until a { qr } was emitted (like the real ws). Default true. */
  strictPairing?: boolean;
  /** Numbers (digits or jids) that have no WhatsApp account: onWhatsApp() leaves them out, like Baileys' USync answer. */
  notOnWhatsApp?: string[];
  /** Creds to use when config.auth is absent (the factory shares one object between its sockets). */
  creds?: Partial<AuthenticationCreds>;
  /** LID store to use (the factory shares one between its sockets, like persisted auth keys). */
  lidStore?: FakeLidMappingStore;
  /** The makeWASocket config (set by the factory). config.auth.creds is used and mutated like Baileys does. */
  config?: any;
}

export interface SentRecord {
  jid: string;
  content: any;
  options?: any;
  /** Date.now() at send time. */
  at: number;
  id: string;
  /** What sendMessage resolved with. */
  message: WAMessage;
}

export interface FakeSocket {
  ev: FakeEventEmitter;
  /** Getter for authState.creds.me, like Baileys. */
  readonly user: Contact | undefined;
  authState: { creds: AuthenticationCreds; keys: any };
  signalRepository: { lidMapping: FakeLidMappingStore };
  sendMessage(jid: string, content: any, options?: any): Promise<WAMessage>;
  readMessages(keys: WAMessageKey[]): Promise<void>;
  sendPresenceUpdate(type: 'unavailable' | 'available' | 'composing' | 'recording' | 'paused', toJid?: string): Promise<void>;
  requestPairingCode(phone: string, customPairingCode?: string): Promise<string>;
  /** Async like Baileys 7; emits connection 'close' with `error` (possibly undefined) and then drops all listeners. */
  end(error?: Error): Promise<void>;
  logout(msg?: string): Promise<void>;

  // --- state / records ---
  /** The config passed to the factory's make(). */
  config: any;
  sent: SentRecord[];
  /** Sends that were rejected (failNextSend, closed socket, not logged in). */
  failedSends: { jid: string; content: any; options?: any; error: Error }[];
  /** Keys passed to readMessages. */
  reads: WAMessageKey[];
  presences: { type: string; jid?: string }[];
  /** Phone numbers passed to requestPairingCode, every call (also rejected ones). */
  pairingRequests: string[];
  /** The consumer called end() or logout(). */
  ended: boolean;
  /** Errors passed to end(), per call. */
  endCalls: (Error | undefined)[];
  loggedOut: boolean;
  /** The socket is dead (end/logout/close). */
  closed: boolean;
  /** The 'open' state was reached and not closed since. */
  isOpen: boolean;

  // --- test controls ---
  /** The next `times` (default 1) sendMessage calls reject with `error`. */
  failNextSend(error: Error, times?: number): void;
  /** Texts (content.text, else caption) sent, optionally only to one jid. */
  sentTexts(jid?: string): string[];

  // --- scenario emitters ---
  /** connection.update { connection: 'connecting', receivedPendingNotifications: false, qr: undefined }. */
  connecting(): void;
  /** connection.update { qr }; marks the ws open (requestPairingCode allowed). */
  emitQr(qr: string): void;
  /** creds.update { me } + connection.update { connection: 'open' }; fills creds.me if empty. */
  open(): void;
  /**
   * The phone accepted the QR / pairing code: creds.update (me, registered if a code was
   * requested) + connection.update { isNewLogin: true, qr: undefined }, then close(515).
   */
  completePairing(): void;
  /** The server/ws closed the connection: connection.update { connection: 'close', lastDisconnect: { error: Boom(statusCode), date } }, then listeners dropped. */
  close(statusCode: number, message?: string): void;
  /** One 'messages.upsert' with a text message. Returns the message id. */
  receiveText(from: string, text: string, opts?: IncomingOptions): string;
  /** One 'messages.upsert' with a media message (no downloadable bytes). Returns the message id. */
  receiveMedia(from: string, kind: MediaKind, opts?: MediaOptions): string;
  /** A message that failed to decrypt (no `message`, messageStubType CIPHERTEXT). Returns the id. */
  receiveUndecryptable(from: string, opts?: IncomingOptions & { reason?: string }): string;
  /** Raw WAMessage-like objects in one upsert (alt jids in keys are stored in the LID store, like Baileys). */
  receiveBatch(messages: any[], type: 'notify' | 'append', requestId?: string): void;
  /** Stores lid<->pn and emits 'lid-mapping.update' { lid, pn }. Digits or jids accepted. */
  mapLid(lid: string, pn: string): void;
  /**
   * A retry receipt: the recipient's phone could not decrypt message `id` and asks again. Like
   * Baileys (messages-send.js sendMessagesAgain), the content comes only from config.getMessage;
   * resolves with what it found (undefined: the recipient keeps "Waiting for this message").
   */
  retryReceipt(jid: string, id: string): Promise<unknown>;
  /** Like Baileys (socket.js onWhatsApp): `{ jid, exists: true }` for each number with an account; others are left out; LIDs are not supported. */
  onWhatsApp(...jids: string[]): Promise<{ jid: string; exists: boolean }[] | undefined>;
  /** Numbers passed to onWhatsApp, every call. */
  lookups: string[];
  /** A delivery refused after the send: 'messages.update' [{ key, update: { status: ERROR, messageStubParameters: [code] } }] (e.g. 463, a reach-out limit). */
  deliveryError(jid: string, id: string, code: string): void;
  /** Messages sent again after a retry receipt. */
  resent: { jid: string; id: string; message: unknown }[];

  // --- linking, as WhatsApp's server and the person's phone see it ---
  /** Baileys' WebSocketClient: each server stanza is re-emitted under Baileys' 'CB:<tag>,<attr>:<value>,<child>' names. */
  ws: EventEmitter;
  /** Sends a binary node (recorded in nodesSent; Boom 428 once closed). */
  sendNode(node: BinaryNode): Promise<void>;
  nodesSent: BinaryNode[];
  /** Acknowledgements rc14 itself tried and could not send: before pairing it reads creds.me.id. */
  failedAcks: number;
  /**
   * The server starts QR linking (<iq type="set"><pair-device> with `refs` refs): like rc14, every
   * QR of this flow is built with the ADV secret read now. Emits and returns the first QR.
   */
  pairDevice(refs?: number): string;
  /** rc14's QR timer: the next ref's QR (still with the secret read by pairDevice), or a 408 close when the refs are used up. */
  nextQr(): string | undefined;
  /**
   * WhatsApp retires the pairing data while a QR shows (<notification type="companion_reg_refresh">,
   * or its pair-device-rotate-qr form): a QR with the secret in use no longer links. rc14 ignores it
   * (and its own acknowledgement fails before pairing); consumers see it on `ws`.
   */
  regRefresh(child?: 'companion_reg_refresh' | 'pair-device-rotate-qr'): void;
  /**
   * The phone scans a QR: it links only if the QR is one of this socket's refs, its secret was not
   * retired, and it matches creds.advSecretKey (pair-success checks its HMAC with it); then like
   * completePairing(). Otherwise the phone says "Couldn't link device" and the socket hears nothing.
   */
  scanQr(qr: string): 'linked' | 'couldnt-link';
  /**
   * The person types a pairing code on the phone: it links only if it is the code this socket got
   * and the socket announced a standard browser (WhatsApp answers 400 bad-request for a custom
   * name, while requestPairingCode has already returned the code). Then like completePairing().
   */
  enterPairingCode(code: string): 'linked' | 'refused';
}

/** A browser WhatsApp accepts when pairing by code: a known OS and a web browser it knows (Baileys' companion client types). */
export function isStandardBrowser(browser: readonly [string, string, string] | undefined): boolean {
  if (!browser) return true; // Baileys' default, Browsers.macOS('Chrome')
  const [os, name] = browser;
  return ['Mac OS', 'Windows', 'Ubuntu'].includes(os) && getCompanionWebClientType([os, name, browser[2]]) !== 9; // OTHER_WEB_CLIENT
}

const DEFAULT_CLOSE_MESSAGES: Record<number, string> = {
  [DisconnectReason.loggedOut]: 'Connection Failure',
  [DisconnectReason.restartRequired]: 'Stream Errored (restart required)',
  [DisconnectReason.connectionClosed]: 'Connection Terminated',
  [DisconnectReason.connectionLost]: 'Connection was lost',
  [DisconnectReason.connectionReplaced]: 'Stream Errored (conflict)',
  [DisconnectReason.badSession]: 'Stream Errored (unknown)',
  [DisconnectReason.multideviceMismatch]: 'Multi-device beta not joined',
  [DisconnectReason.forbidden]: 'Connection Failure',
  [DisconnectReason.unavailableService]: 'Connection Failure',
};

const connectionClosed = (): Boom => new Boom('Connection Closed', { statusCode: DisconnectReason.connectionClosed });

export function createFakeSocket(opts: FakeSocketOptions = {}): FakeSocket {
  const phone = digits(opts.phone ?? '6281100000000');
  const ownLid = digits(opts.lid ?? '100000000000001');
  const device = opts.device ?? 12;
  const config = opts.config ?? {};
  const creds: AuthenticationCreds = config.auth?.creds ?? opts.creds ?? ({ registered: false } as unknown as AuthenticationCreds);
  const keys = config.auth?.keys ?? {};
  const lidStore = opts.lidStore ?? new FakeLidMappingStore();
  const emitOwnEvents: boolean = config.emitOwnEvents ?? opts.emitOwnEvents ?? true;
  const strictPairing = opts.strictPairing ?? true;
  let destroyed = false;
  // Baileys registers `ev.on('creds.update', update => Object.assign(creds, update))` first thing;
  // done as an emit hook here so listenerCount() only counts the consumer's listeners.
  const ev = createFakeEventEmitter((event, data) => {
    if (event === 'creds.update' && !destroyed) Object.assign(creds, data);
  });
  const failures: { error: Error; left: number }[] = [];
  let wsOpen = false;
  const ws = new EventEmitter();
  ws.setMaxListeners(0);
  /** The refs of the QR flow under way, the secret rc14 read for it, and the secrets WhatsApp retired. */
  let qrFlow: { refs: string[]; next: number; secret: string } | undefined;
  const retired = new Set<string>();
  let pairingCodeGiven: string | undefined;
  const b64 = (v: Uint8Array | undefined, fallback: string): string => (v ? Buffer.from(v).toString('base64') : fallback);
  /** Hands a stanza to `ws` under every name Baileys' frame decoder emits. */
  const deliver = (node: BinaryNode): void => {
    const l2 = Array.isArray(node.content) ? (node.content[0]?.tag ?? '') : '';
    for (const [key, value] of Object.entries(node.attrs)) {
      ws.emit(`CB:${node.tag},${key}:${value},${l2}`, node);
      ws.emit(`CB:${node.tag},${key}:${value}`, node);
      ws.emit(`CB:${node.tag},${key}`, node);
    }
    ws.emit(`CB:${node.tag},,${l2}`, node);
    ws.emit(`CB:${node.tag}`, node);
  };
  const qrOf = (ref: string, secret: string): string =>
    buildPairingQRData(ref, b64(creds.noiseKey?.public, 'bm9pc2U='), b64(creds.signedIdentityKey?.public, 'aWRlbnRpdHk='), secret, config.browser ?? ['Mac OS', 'Chrome', '14.4.1']);

  const emitConn = (update: BaileysEventMap['connection.update']): void => void ev.emit('connection.update', update);

  const shutdown = (error: Error | undefined): void => {
    sock.isOpen = false;
    wsOpen = false;
    emitConn({ connection: 'close', lastDisconnect: { error, date: new Date() } });
    ev.removeAllListeners('connection.update');
    ev.destroy();
    destroyed = true;
  };

  const rememberAlt = (key: WAMessageKey | null | undefined): void => {
    const alt = key?.participantAlt || key?.remoteJidAlt;
    const primary = key?.participant || key?.remoteJid;
    if (!alt || !primary) return;
    if (jidDecode(alt)?.server === 'lid') {
      if (!lidStore.lidToPn.has(jidDecode(alt)!.user)) lidStore.storeSync([{ lid: alt, pn: primary }]);
    } else {
      lidStore.storeSync([{ lid: primary, pn: alt }]);
    }
  };

  const upsert = (messages: WAMessage[], type: 'notify' | 'append', requestId?: string): void => {
    for (const m of messages) rememberAlt(m.key);
    ev.emit('messages.upsert', { messages, type, ...(requestId !== undefined && { requestId }) });
  };

  const ownPn = (): string => pnJid(phone);

  const sock: FakeSocket = {
    ev,
    get user() {
      return creds.me;
    },
    authState: { creds, keys },
    signalRepository: { lidMapping: lidStore },
    config,
    sent: [],
    failedSends: [],
    reads: [],
    presences: [],
    pairingRequests: [],
    ended: false,
    endCalls: [],
    loggedOut: false,
    closed: false,
    isOpen: false,

    async sendMessage(jid, content, options) {
      const reject = (error: Error): never => {
        sock.failedSends.push({ jid, content, options, error });
        throw error;
      };
      const failure = failures[0];
      if (failure) {
        if (--failure.left <= 0) failures.shift();
        return reject(failure.error);
      }
      if (sock.closed) return reject(connectionClosed());
      // Baileys reads authState.creds.me.id first thing.
      if (!creds.me?.id) return reject(new TypeError("Cannot read properties of undefined (reading 'id')"));
      const id: string = options?.messageId ?? generateMessageIDV2(creds.me.id);
      let message: WAMessage;
      try {
        message = generateWAMessageFromContent(jid, sentContent(content), {
          userJid: creds.me.id,
          messageId: id,
          ...(options?.quoted && { quoted: options.quoted }),
        });
      } catch {
        message = { key: { remoteJid: jid, fromMe: true, id }, message: sentContent(content), messageTimestamp: nowSeconds(), status: proto.WebMessageInfo.Status.PENDING };
      }
      sock.sent.push({ jid, content, ...(options !== undefined && { options }), at: Date.now(), id, message });
      if (emitOwnEvents) {
        process.nextTick(() => {
          if (!sock.closed) ev.emit('messages.upsert', { messages: [message], type: 'append' });
        });
      }
      return message;
    },

    resent: [],
    lookups: [],

    async onWhatsApp(...jids) {
      if (sock.closed) throw connectionClosed();
      sock.lookups.push(...jids);
      const missing = new Set((opts.notOnWhatsApp ?? []).map((n) => digits(n)));
      return jids
        .filter((j) => !isLidUser(j) && !missing.has(digits(j.split('@')[0]!.split(':')[0]!)))
        .map((j) => ({ jid: pnJid(j.split('@')[0]!.split(':')[0]!), exists: true }));
    },

    async retryReceipt(jid, id) {
      const message = await config.getMessage?.({ remoteJid: jid, id, fromMe: true });
      if (message) sock.resent.push({ jid, id, message });
      return message;
    },

    deliveryError(jid, id, code) {
      ev.emit('messages.update', [
        { key: { remoteJid: jid, id, fromMe: true }, update: { status: proto.WebMessageInfo.Status.ERROR, messageStubParameters: [code] } },
      ]);
    },

    async readMessages(msgKeys) {
      if (sock.closed) throw connectionClosed();
      sock.reads.push(...msgKeys);
    },

    async sendPresenceUpdate(type, toJid) {
      if (sock.closed) throw connectionClosed();
      sock.presences.push({ type, ...(toJid !== undefined && { jid: toJid }) });
    },

    async requestPairingCode(phoneNumber, customPairingCode) {
      sock.pairingRequests.push(phoneNumber);
      if (customPairingCode && customPairingCode.length !== 8) throw new Error('Custom pairing code must be exactly 8 chars');
      // Stricter than Baileys (which would build an invalid jid and never pair).
      if (!/^\d+$/.test(phoneNumber)) throw new Error(`fake-baileys: requestPairingCode wants digits only (with country code), got '${phoneNumber}'`);
      const code = customPairingCode ?? opts.pairingCode ?? 'ABCD1234';
      // Baileys updates + announces the creds before it tries to send.
      creds.pairingCode = code;
      creds.me = { id: `${phoneNumber}@s.whatsapp.net`, name: '~' };
      ev.emit('creds.update', creds);
      if (sock.closed || (strictPairing && !wsOpen)) throw connectionClosed();
      pairingCodeGiven = code;
      return code;
    },

    async end(error) {
      sock.ended = true;
      sock.endCalls.push(error);
      if (sock.closed) return;
      sock.closed = true;
      await Promise.resolve(); // Baileys awaits ws.close() and end handlers first
      shutdown(error);
    },

    async logout(msg) {
      if (sock.closed) throw connectionClosed();
      sock.loggedOut = true;
      void sock.end(new Boom(msg || 'Intentional Logout', { statusCode: DisconnectReason.loggedOut }));
    },

    failNextSend(error, times = 1) {
      failures.push({ error, left: times });
    },

    sentTexts(jid) {
      return sock.sent
        .filter((s) => jid === undefined || s.jid === jid)
        .map((s) => s.content?.text ?? s.content?.caption)
        .filter((t): t is string => typeof t === 'string');
    },

    connecting() {
      emitConn({ connection: 'connecting', receivedPendingNotifications: false, qr: undefined });
    },

    ws,
    nodesSent: [],
    failedAcks: 0,

    async sendNode(node) {
      if (sock.closed || !wsOpen) throw connectionClosed();
      sock.nodesSent.push(node);
    },

    pairDevice(refs = 6) {
      if (sock.closed) throw new Error('fake-baileys: pairDevice on a closed socket');
      wsOpen = true;
      creds.advSecretKey ??= randomBytes(32).toString('base64');
      qrFlow = { refs: Array.from({ length: refs }, (_, i) => `2@${hex(8)}-${i + 1}`), next: 0, secret: creds.advSecretKey };
      return sock.nextQr()!;
    },

    nextQr() {
      if (!qrFlow || sock.closed) return undefined;
      const ref = qrFlow.refs[qrFlow.next++];
      if (ref === undefined) {
        sock.close(DisconnectReason.timedOut, 'QR refs attempts ended');
        return undefined;
      }
      const qr = qrOf(ref, qrFlow.secret);
      emitConn({ qr });
      return qr;
    },

    regRefresh(child = 'companion_reg_refresh') {
      if (sock.closed) throw new Error('fake-baileys: regRefresh on a closed socket');
      if (creds.advSecretKey) retired.add(creds.advSecretKey);
      const node: BinaryNode = {
        tag: 'notification',
        attrs: { from: 's.whatsapp.net', type: 'companion_reg_refresh', id: `${Date.now()}`, t: String(nowSeconds()) },
        content: [{ tag: child, attrs: {} }],
      };
      deliver(node);
      // rc14's handleNotification: nothing for this type, then an ack built with creds.me.id.
      if (!creds.me?.id) sock.failedAcks += 1;
      else sock.nodesSent.push({ tag: 'ack', attrs: { id: node.attrs.id!, to: 's.whatsapp.net', class: 'notification', type: 'companion_reg_refresh' } });
    },

    scanQr(qr) {
      if (sock.closed || !qrFlow) return 'couldnt-link';
      const fields = qr.split('#')[1]?.split(',') ?? [];
      const [ref, , , secret] = fields;
      if (!ref || !qrFlow.refs.includes(ref) || !secret || retired.has(secret) || secret !== creds.advSecretKey) return 'couldnt-link';
      sock.completePairing();
      return 'linked';
    },

    enterPairingCode(code) {
      const typed = code.replace(/[-\s]/g, '').toUpperCase();
      if (sock.closed || !pairingCodeGiven || typed !== pairingCodeGiven || !isStandardBrowser(config.browser)) return 'refused';
      sock.completePairing();
      return 'linked';
    },

    emitQr(qr) {
      if (sock.closed) throw new Error('fake-baileys: emitQr on a closed socket');
      wsOpen = true;
      emitConn({ qr });
    },

    open() {
      if (sock.closed) throw new Error('fake-baileys: open() on a closed socket');
      wsOpen = true;
      sock.isOpen = true;
      const me = creds.me ?? { id: `${phone}:${device}@s.whatsapp.net`, ...(opts.name !== undefined && { name: opts.name }) };
      ev.emit('creds.update', { me: { ...me, lid: me.lid ?? `${ownLid}:${device}@lid` } });
      emitConn({ connection: 'open' });
    },

    completePairing() {
      if (sock.closed) throw new Error('fake-baileys: completePairing() on a closed socket');
      const me = { id: `${phone}:${device}@s.whatsapp.net`, lid: `${ownLid}:${device}@lid`, ...(opts.name !== undefined && { name: opts.name }) };
      const update: Partial<AuthenticationCreds> = { me, platform: 'android' };
      if (creds.pairingCode) update.registered = true;
      ev.emit('creds.update', update);
      emitConn({ isNewLogin: true, qr: undefined });
      sock.close(DisconnectReason.restartRequired);
    },

    close(statusCode, message) {
      if (sock.closed) return;
      sock.closed = true;
      shutdown(new Boom(message ?? DEFAULT_CLOSE_MESSAGES[statusCode] ?? 'Connection Failure', { statusCode }));
    },

    receiveText(from, text, o = {}) {
      const msg = buildIncomingText(from, text, { quotedParticipant: ownPn(), ...o });
      upsert([msg], o.type ?? 'notify', o.requestId);
      return msg.key.id!;
    },

    receiveMedia(from, kind, o = {}) {
      const msg = buildIncomingMedia(from, kind, { quotedParticipant: ownPn(), ...o });
      upsert([msg], o.type ?? 'notify', o.requestId);
      return msg.key.id!;
    },

    receiveUndecryptable(from, o = {}) {
      const msg = buildIncoming(from, undefined, o);
      msg.messageStubType = proto.WebMessageInfo.StubType.CIPHERTEXT;
      msg.messageStubParameters = [o.reason ?? 'Bad MAC'];
      upsert([msg], o.type ?? 'notify', o.requestId);
      return msg.key.id!;
    },

    receiveBatch(messages, type, requestId) {
      upsert(messages as WAMessage[], type, requestId);
    },

    mapLid(lid, pn) {
      const pair = { lid: lid.endsWith('@lid') ? jidNormalizedUser(lid) : lidJid(lid), pn: pn.includes('@') ? jidNormalizedUser(pn) : pnJid(pn) };
      lidStore.storeSync([pair]);
      ev.emit('lid-mapping.update', pair);
    },
  };

  // What the real socket does right after construction (process.nextTick), then the network part.
  process.nextTick(() => {
    if (sock.closed) return;
    const sawConnectionUpdate = ev.emitted.some((e) => e.event === 'connection.update');
    if ((opts.emitConnecting ?? true) && !sawConnectionUpdate) sock.connecting();
    if (!opts.autoConnect) return;
    process.nextTick(() => {
      if (sock.closed || sock.isOpen) return;
      if (creds.me?.id) sock.open();
      else sock.emitQr('fake-qr-1');
    });
  });

  return sock;
}

/**
 * Stands in for makeWASocket: `make(config)` returns a new FakeSocket per call (a reconnect makes
 * a new one) and records it. Sockets share one LID store and, when config.auth is not given, one
 * creds object, so a session "survives" reconnects like it would with persisted auth state.
 */
export function fakeSocketFactory(opts: FakeSocketOptions & { onCreate?: (sock: FakeSocket, index: number) => void } = {}): {
  make: (config: any) => FakeSocket;
  sockets: FakeSocket[];
  configs: any[];
  lidStore: FakeLidMappingStore;
  last(): FakeSocket;
} {
  const { onCreate, ...socketOpts } = opts;
  const sockets: FakeSocket[] = [];
  const configs: any[] = [];
  const lidStore = opts.lidStore ?? new FakeLidMappingStore();
  const creds = (opts.creds ?? { registered: false }) as Partial<AuthenticationCreds>;
  return {
    sockets,
    configs,
    lidStore,
    make(config: any): FakeSocket {
      const sock = createFakeSocket({ ...socketOpts, lidStore, creds, config });
      configs.push(config);
      sockets.push(sock);
      onCreate?.(sock, sockets.length - 1);
      return sock;
    },
    last(): FakeSocket {
      const sock = sockets.at(-1);
      if (!sock) throw new Error('fake-baileys: no socket was made yet');
      return sock;
    },
  };
}
