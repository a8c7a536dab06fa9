import { randomUUID } from 'node:crypto';
import type { AuthenticationState, BaileysEventMap, CacheStore, proto, WAMessage, WAMessageKey, WASocket } from '@whiskeysockets/baileys';
import type { Logger } from 'pino';
import type { App } from '../../app/app.js';
import { SendError } from '../port.js';
import type { Channel, ChannelHealth, ChannelStatus } from '../port.js';
import { KeyedQueue } from '../../app/keyed-queue.js';
import { RateLimiter } from '../../app/rate-limit.js';
import type { OutboxMessage } from '../../storage/outbox.js';
import { useSqliteAuthState, type AuthCodec, type SqliteAuthState } from './auth-state.js';
import { closePolicy } from './close-policy.js';
import { isLidJid, isPnJid, jidOfPhone, normalizeJid, resolveSender, phoneOf } from './identity.js';
import { expirationOf, readContent, renderWhatsApp, timestampOf } from './message.js';

export const WHATSAPP_CHANNEL = 'whatsapp';

/** How long a reconnection may go on before the channel counts as down, not degraded. */
const RECONNECT_DOWN_AFTER_MS = 2 * 60_000;

/**
 * A standard browser identity (what Baileys' own default announces: Browsers.macOS('Chrome')).
 * WhatsApp is reported to refuse pairing codes for custom names; the same tuple runs in tests.
 */
export const BROWSERS = {
  macos: ['Mac OS', 'Chrome', '14.4.1'],
  ubuntu: ['Ubuntu', 'Chrome', '22.04.4'],
  windows: ['Windows', 'Chrome', '10.0.22631'],
} as const satisfies Record<string, readonly [string, string, string]>;
export const DEFAULT_BROWSER: [string, string, string] = [...BROWSERS.macos];

/**
 * The parts of a Baileys socket this channel uses, in Baileys' own types (imported as types only:
 * baileys.ts is the one file that loads Baileys at run time; tests pass a fake).
 */
export type WhatsAppSocket = Pick<WASocket, 'user' | 'sendMessage' | 'requestPairingCode' | 'readMessages' | 'onWhatsApp' | 'end'> & {
  ev: Pick<WASocket['ev'], 'on'>;
  signalRepository: { lidMapping: Pick<WASocket['signalRepository']['lidMapping'], 'getPNForLID'> };
};

/** Creates a socket from Baileys-style config (makeWASocket in production). */
export type SocketFactory = (config: {
  auth: AuthenticationState;
  logger: Logger;
  browser: [string, string, string];
  /** The WhatsApp Web version to announce (undefined: Baileys' built-in default). */
  version?: [number, number, number];
  /** A message we sent, for a phone that could not decrypt it and asks again (a retry receipt). */
  getMessage: (key: WAMessageKey) => Promise<proto.IMessage | undefined>;
  /** How often we asked a phone to resend a message we could not decrypt: kept across sockets, so a reconnection does not start the count again. */
  msgRetryCounterCache: CacheStore;
}) => WhatsAppSocket;

export interface WhatsAppDeps {
  app: App;
  logger: Logger;
  makeSocket: SocketFactory;
  /** Baileys' login codec (baileysAuthCodec in production). */
  authCodec: AuthCodec;
  /** Print a pairing QR (qrcode-terminal in production). */
  showQr: (qr: string) => void;
  /** Print a pairing code (when pairing by phone number instead of QR). */
  showPairingCode: (code: string) => void;
  /** With a number, pair by 8-character code instead of QR. */
  pairingNumber?: string;
  /** Messages older than this (after a reconnection, history) are not answered. */
  maxMessageAgeSeconds?: number;
  rate?: { perChatMs: number; globalPerMinute: number; jitterMs: number; sleep?: (ms: number) => Promise<void> };
  /** Reconnect delays: first, then doubled up to max; a connection open at least `stableMs` resets them. */
  backoff?: { firstMs: number; maxMs: number; stableMs?: number };
  senderPollMs?: number;
  /** The browser identity announced to WhatsApp (default DEFAULT_BROWSER). */
  browser?: [string, string, string];
  /** The current WhatsApp Web version, read before each connection (production: from web.whatsapp.com); undefined keeps Baileys' default. */
  latestVersion?: () => Promise<[number, number, number] | undefined>;
  /** Real time, for how long a connection stayed open (tests pass their own). */
  now?: () => number;
  /**
   * One process per number: a lease in the database, renewed while connected; another process
   * waits in standby and takes over once it expires (default 60 s, renewed every 20 s).
   */
  lease?: { ttlMs: number; renewMs: number };
  /** At most this many first contacts (news to people who never wrote) a day (UTC); the rest wait for the next day. */
  firstContactsPerDay?: number;
}

/** A small cache whose entries expire (Baileys' CacheStore shape). */
function expiringCache(ttlMs: number, now: () => number): CacheStore {
  const entries = new Map<string, { value: unknown; until: number }>();
  return {
    get<T>(key: string): T | undefined {
      const e = entries.get(key);
      if (e && e.until > now()) return e.value as T;
      entries.delete(key);
      return undefined;
    },
    set<T>(key: string, value: T): void {
      // Expired entries go as new ones come, so the map stays as small as an hour of retries.
      if (entries.size > 1000) for (const [k, e] of entries) if (e.until <= now()) entries.delete(k);
      entries.set(key, { value, until: now() + ttlMs });
    },
    del: (key: string) => void entries.delete(key),
    flushAll: () => entries.clear(),
  };
}

/** The lease that says which process drives the WhatsApp number. */
export const WHATSAPP_LEASE = 'whatsapp';

/**
 * The WhatsApp channel over Baileys: pairing (QR or code), auth state in SQLite, reconnection
 * with backoff, messages in (deduped, groups/status/newsletters ignored) and out through the outbox
 * with per-chat and global rate limits.
 */
export function createWhatsAppChannel(deps: WhatsAppDeps) {
  const { app, logger } = deps;
  /** The stored login, read at the first start. */
  let auth: SqliteAuthState | undefined;
  // Only a socket calls back into the channel, and sockets are made after the login is read.
  const login = (): SqliteAuthState => {
    if (!auth) throw new Error('the WhatsApp channel is not started');
    return auth;
  };
  const maxAgeMs = (deps.maxMessageAgeSeconds ?? 3600) * 1000;
  const backoff = deps.backoff ?? { firstMs: 1000, maxMs: 60_000 };
  const limiter = new RateLimiter({ perChatMs: 1000, globalPerMinute: 30, jitterMs: 500, ...deps.rate });
  let sock: WhatsAppSocket | undefined;
  let stopped = false;
  let failures = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;
  // One pairing code per socket, asked after its first QR (the socket must be open).
  let pairingRequested = false;
  let openedAt: number | undefined;
  /** For health(): whether a connection ever opened, and since when none is (the first close of the outage). */
  let everOpened = false;
  let downSince: number | undefined;
  const now = deps.now ?? Date.now;
  const status: {
    connected: boolean;
    reconnects: number;
    loggedOut: number;
    /** waiting: for a QR scan or a pairing code; standby: another process drives the number; stopped: a close retrying cannot fix (see lastClose). */
    state: 'connecting' | 'open' | 'waiting' | 'retrying' | 'standby' | 'stopped';
    lastClose?: { code: number | undefined; meaning: string; at: number };
    /** The pause before the reconnection under way (grows across flaps). */
    retryInMs?: number;
    /** While waiting to be linked: the latest QR, or the pairing code (for the console). */
    qr?: string;
    pairingCode?: string;
  } = { connected: false, reconnects: 0, loggedOut: 0, state: 'connecting' };
  // Per chat in arrival order, even though resolving a LID may wait on Baileys' mapping store.
  const inbound = new KeyedQueue();
  const retryCounts = expiringCache(3600_000, now);
  /** First contacts are counted one send at a time: chats are sent in parallel, and the day's cap must hold across them. */
  const firstContacts = new KeyedQueue();
  /** Delivery reports one at a time per message: the same report may come twice, and is recorded once. */
  const deliveryReports = new KeyedQueue();

  // After WhatsApp refused a first contact (a reach-out time lock), such sends wait a day.
  const FIRST_CONTACT_PAUSE_KEY = 'whatsapp.first_contact_paused_until';
  const FIRST_CONTACT_LIMITS = new Set(['463', '479']);
  const firstContactsPausedUntil = async (): Promise<number> => Number((await app.store.kv.get(FIRST_CONTACT_PAUSE_KEY)) ?? 0);

  /** Parts of a long reply already sent, by outbox id (only while it is being retried). */
  const partsSent = new Map<number, number>();
  /** Disappearing-message timers of the chats that use them, by address (seen on their messages). */
  const expirations = new Map<string, number>();
  /**
   * The JID each person last wrote from (their LID or their phone JID), by stored address: replies
   * go where the chat is, as WhatsApp's own clients answer (an unknown one: the stored address).
   */
  const replyTo = new Map<string, string>();

  async function send(m: OutboxMessage): Promise<void> {
    if (!sock || !status.connected) throw new SendError('not connected', false, 2000);
    const capKey = `whatsapp.first_contacts.${new Date(now()).toISOString().slice(0, 10)}`;
    let reserved = false;
    if (m.kind === 'notification') {
      // News may go to someone who never wrote (a cadre's neighbour), within the day's cap. The
      // check, the count and the number's lookup take turns in the order the sends began (entered
      // before the first await), with no other send's count in between (one process drives the number: the lease).
      reserved = await firstContacts.run(capKey, async () => {
        if (await app.people.knows(WHATSAPP_CHANNEL, m.externalId)) return false;
        const pausedUntil = await firstContactsPausedUntil();
        if (pausedUntil > now()) throw new SendError('first contacts paused after a WhatsApp reach-out limit', false, pausedUntil - now());
        const used = Number((await app.store.kv.get(capKey)) ?? 0);
        if (used >= (deps.firstContactsPerDay ?? 50)) {
          const today = new Date(now());
          const tomorrow = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1);
          throw new SendError("today's first contacts are used up", false, tomorrow - now());
        }
        if (!sock || !status.connected) throw new SendError('not connected', false, 2000);
        // A number without WhatsApp never will be reached here: say so once instead of retrying (and keep the slot).
        const found = await sock.onWhatsApp?.(m.externalId).catch(() => undefined);
        if (found && !found.some((f) => f.exists)) throw new SendError('the number has no WhatsApp account', true, undefined, 'no_account');
        await app.store.kv.set(capKey, String(used + 1), now());
        return true;
      });
    } else if (!(await app.people.knows(WHATSAPP_CHANNEL, m.externalId))) {
      // Only people who wrote first get messages, except news about their own registration.
      throw new SendError('address never wrote to us', true, undefined, 'never_wrote');
    }
    try {
      // The socket may have closed while the store answered.
      if (!sock || !status.connected) throw new SendError('not connected', false, 2000);
      await sendParts(m);
    } catch (err) {
      // Not sent: the day's slot goes back (a failure to give it back only costs that slot today).
      if (reserved) {
        await firstContacts
          .run(capKey, async () => app.store.kv.set(capKey, String(Math.max(0, Number((await app.store.kv.get(capKey)) ?? 1) - 1)), now()))
          .catch((e: unknown) => logger.warn({ err: e }, "WhatsApp: giving back a first contact's slot failed"));
      }
      throw err;
    }
  }

  async function sendParts(m: OutboxMessage): Promise<void> {
    const s = sock!;
    const parts = renderWhatsApp(m.reply);
    // A long reply goes in parts: after a failure, the next try starts at the part that failed.
    const from = partsSent.get(m.id) ?? 0;
    // In a disappearing-messages chat, our messages disappear too (as WhatsApp does for people).
    const expiration = expirations.get(m.externalId);
    for (const [i, part] of parts.entries()) {
      if (i < from) continue;
      await limiter.wait(m.externalId);
      try {
        const jid = replyTo.get(m.externalId) ?? m.externalId;
        const sent = await s.sendMessage(jid, { text: part }, expiration ? { ephemeralExpiration: expiration } : undefined);
        partsSent.set(m.id, i + 1);
        const id = sent?.key?.id;
        // Kept a day: a phone that fails to decrypt it asks again, and a late error names it.
        if (id) {
          const message = JSON.stringify(sent.message ?? { conversation: part });
          await app.store.whatsappSent.record({ id, jid, outboxId: m.id, message, now: now(), registrationId: m.registrationId, personId: m.personId });
        }
      } catch (err) {
        throw new SendError(err instanceof Error ? err.message : String(err), false);
      }
    }
    partsSent.delete(m.id);
  }

  // Only the process whose socket is open sends (the number's lease decides which: see renewLease).
  const sending: Channel['sending'] = { pollMs: deps.senderPollMs, concurrency: 8, ready: () => sock !== undefined && status.connected };

  async function onMessage(msg: WAMessage): Promise<void> {
    const key = msg.key;
    const remote = key?.remoteJid;
    if (!key || !remote || key.fromMe || !key.id) return;
    // Only one-to-one chats: no groups, status broadcasts or newsletters.
    if (!isPnJid(normalizeJid(remote)) && !isLidJid(normalizeJid(remote))) return;
    const ts = timestampOf(msg);
    if (ts !== undefined && app.clock() - ts * 1000 > maxAgeMs) return;
    const content = readContent(msg.message);
    if (content.kind === 'none') return;
    const lidMapping = sock?.signalRepository?.lidMapping;
    const from = await resolveSender(remote, key.remoteJidAlt, async (lid) => (lidMapping ? lidMapping.getPNForLID(lid) : null));
    replyTo.set(from.externalId, normalizeJid(remote));
    // Before handling: the replies (sent right after the commit) need the chat's timer.
    const expiration = expirationOf(msg.message);
    if (expiration !== undefined) {
      if (expiration > 0) expirations.set(from.externalId, expiration);
      else expirations.delete(from.externalId);
    }
    await app.handle({
      channel: WHATSAPP_CHANNEL,
      externalId: from.externalId,
      aliases: from.aliases,
      phone: from.phone,
      messageId: key.id,
      text: content.kind === 'text' ? content.text : '',
      media: content.kind === 'media',
    });
    // Read receipts once the message is handled (and its replies committed).
    sock?.readMessages?.([key]).catch((err: unknown) => logger.warn({ err }, 'WhatsApp read receipt failed'));
  }

  // Not unref'd: while WhatsApp is reconnecting, the service must stay up.
  function scheduleReconnect(): void {
    if (stopped) return;
    const delay = Math.min(backoff.firstMs * 2 ** failures, backoff.maxMs);
    failures += 1;
    status.reconnects += 1;
    status.state = 'retrying';
    status.retryInMs = delay;
    connectAfter(delay);
  }

  /** Connects after `delay` ms; a failure (the store refused the lease) is logged and tried again later. */
  function connectAfter(delay: number): void {
    reconnectTimer = setTimeout(() => void connect().catch(connectFailed), delay);
  }

  function connectFailed(err: unknown): void {
    logger.error({ err }, 'WhatsApp: connecting failed; trying again');
    scheduleReconnect();
  }

  function onConnectionUpdate(update: BaileysEventMap['connection.update']): void {
    if (update.qr) {
      status.state = 'waiting';
      if (!deps.pairingNumber) status.qr = update.qr;
      if (deps.pairingNumber && !pairingRequested && !login().state.creds.registered) {
        pairingRequested = true;
        sock!
          .requestPairingCode(deps.pairingNumber.replace(/\D/g, ''))
          // Shown like the QR, on the terminal: it is a secret for the operator, not a log line.
          .then((code) => {
            status.pairingCode = code;
            deps.showPairingCode(code);
          })
          .catch((err: unknown) => {
            // The next socket asks again; the half-registered creds this left are cleared there.
            pairingRequested = false;
            logger.warn({ err }, 'pairing code request failed');
          });
      } else if (!deps.pairingNumber) {
        deps.showQr(update.qr);
      }
    }
    if (update.connection === 'open') {
      openedAt = now();
      everOpened = true;
      downSince = undefined;
      status.connected = true;
      status.state = 'open';
      status.qr = undefined;
      status.pairingCode = undefined;
      logger.info('WhatsApp connected');
      // What waited while we were away goes out now.
      void app.kick(WHATSAPP_CHANNEL);
    }
    if (update.connection === 'close') {
      status.connected = false;
      // A Boom from Baileys (undefined after our own end()).
      const error = update.lastDisconnect?.error as (Error & { output?: { statusCode?: number } }) | undefined;
      const code = error?.output?.statusCode;
      const policy = closePolicy(code);
      status.lastClose = { code, meaning: policy.meaning, at: now() };
      downSince ??= now();
      // Only a connection that stayed up a while resets the pauses: an open→close flap keeps them growing.
      if (openedAt !== undefined && now() - openedAt >= (backoff.stableMs ?? 60_000)) failures = 0;
      openedAt = undefined;
      if (stopped) return;
      logger.warn({ code, reason: error?.message, action: policy.action }, `WhatsApp connection closed: ${policy.meaning}`);
      switch (policy.action) {
        case 'relink':
          status.loggedOut += 1;
          failures = 0;
          // The next socket pairs anew, once the old login is forgotten (a failure is logged and retried there).
          void login()
            .clear()
            .then(() => connectAfter(0), connectFailed);
          return;
        case 'restart':
          connectAfter(0);
          return;
        case 'stop':
          status.state = 'stopped';
          logger.error({ code }, `WhatsApp stopped: ${policy.meaning}`);
          return;
        case 'retry':
          scheduleReconnect();
      }
    }
  }

  const lease = deps.lease ?? { ttlMs: 60_000, renewMs: 20_000 };
  const holder = `${process.pid}-${randomUUID()}`;
  let leaseTimer: NodeJS.Timeout | undefined;
  const leases = app.store.leases;

  /** Renews our lease; if another process holds it, ends our socket and waits in standby. */
  async function renewLease(): Promise<void> {
    if (stopped) return;
    if (await leases.acquire(WHATSAPP_LEASE, holder, now(), lease.ttlMs)) return;
    if (stopped) return;
    logger.warn('WhatsApp: another Lindung process now drives this number; this one waits in standby');
    status.state = 'standby';
    const current = sock;
    sock = undefined;
    current?.end(undefined);
    standby();
  }

  function standby(): void {
    if (stopped) return;
    status.state = 'standby';
    connectAfter(lease.renewMs);
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    const ours = await leases.acquire(WHATSAPP_LEASE, holder, now(), lease.ttlMs);
    // Stopped meanwhile: the lease just taken goes back at once.
    if (stopped) {
      if (ours) await leases.release(WHATSAPP_LEASE, holder);
      return;
    }
    if (!ours) {
      if (status.state !== 'standby') logger.warn('WhatsApp: another Lindung process drives this number; waiting in standby');
      return standby();
    }
    if (!leaseTimer) {
      leaseTimer = setInterval(() => {
        // Failing once leaves the lease as it was: the next renewal tries again, well before it expires.
        void renewLease().catch((err: unknown) => logger.warn({ err }, 'WhatsApp: renewing the lease failed'));
      }, lease.renewMs);
    }
    status.state = 'connecting';
    if (!deps.latestVersion) return open(undefined);
    // Each connection announces the current WhatsApp Web version; a failed lookup keeps Baileys' own.
    // Not awaited: a start must not wait on web.whatsapp.com (the socket follows when it answers).
    void deps
      .latestVersion()
      .catch(() => undefined)
      .then((version) => open(version))
      .catch(connectFailed);
  }

  async function open(version: [number, number, number] | undefined): Promise<void> {
    if (stopped) return;
    const auth = login();
    // A pairing code asked for but never typed on the phone leaves creds.me behind, unregistered:
    // with it the next socket would try to log in instead of showing a QR or a new code.
    const creds = auth.state.creds;
    if (creds.pairingCode && creds.me && !creds.registered) {
      await auth.clear();
      if (stopped) return;
    }
    pairingRequested = false;
    sock = deps.makeSocket({
      getMessage: async (key) => {
        const stored = key.id ? await app.store.whatsappSent.message(key.id, now()) : undefined;
        return stored ? (JSON.parse(stored) as proto.IMessage) : undefined;
      },
      msgRetryCounterCache: retryCounts,
      auth: auth.state,
      logger: logger.child({ module: 'baileys' }, { level: 'warn' }),
      browser: deps.browser ?? DEFAULT_BROWSER,
      ...(version ? { version } : {}),
    });
    const current = sock;
    current.ev.on('creds.update', () => {
      auth.saveCreds().catch((err: unknown) => logger.error({ err }, 'saving WhatsApp credentials failed'));
    });
    current.ev.on('connection.update', (u) => {
      if (current === sock) onConnectionUpdate(u);
    });
    current.ev.on('messages.upsert', ({ messages, type }) => {
      // 'notify' is new; 'append' replays what arrived while we were away (deduped by message id).
      if (type !== 'notify' && type !== 'append') return;
      for (const m of messages) {
        void inbound
          .run(m.key?.remoteJid ?? '', () => onMessage(m))
          .catch((err: unknown) => logger.error({ err }, 'whatsapp message failed'));
      }
    });
    // A delivery WhatsApp refused after accepting it (status ERROR): recorded with its code; a
    // reach-out limit (463, 479) pauses first contacts (news to a neighbour who never wrote) for a day.
    current.ev.on('messages.update', (updates) => {
      for (const u of updates ?? []) {
        const id = u.key?.id;
        if (!id || !u.key?.fromMe || u.update?.status !== 0) continue;
        const code = u.update.messageStubParameters?.[0] ?? 'error';
        void deliveryReports
          .run(id, () => onRefused(id, code))
          .catch((err: unknown) => logger.error({ err, code }, 'WhatsApp: recording a refused delivery failed'));
      }
    });
    current.ev.on('lid-mapping.update', (pair) => {
      if (!pair?.lid || !pair.pn) return;
      const lid = normalizeJid(pair.lid.includes('@') ? pair.lid : `${pair.lid}@lid`);
      const pn = normalizeJid(pair.pn.includes('@') ? pair.pn : `${pair.pn}@s.whatsapp.net`);
      void app.store
        .transaction(async () => app.people.link(WHATSAPP_CHANNEL, lid, pn, app.clock(), phoneOf(pn)))
        .catch((err: unknown) => logger.error({ err }, 'WhatsApp: linking a LID to its phone number failed'));
    });
  }

  /** A delivery WhatsApp refused (report `code`) of the message we sent as `id`. */
  async function onRefused(id: string, code: string): Promise<void> {
    const sent = await app.store.whatsappSent.sent(id);
    logger.warn({ code, outboxId: sent?.outboxId }, 'WhatsApp could not deliver a message');
    // Recorded once per message (the same update may come again); news about a registration
    // is noted on its page, so officers know the person was not reached.
    if (sent && !sent.error) {
      await app.store.whatsappSent.markError(id, code);
      if (sent.registrationId !== null) {
        const reason = FIRST_CONTACT_LIMITS.has(code) ? 'reach_out_limit' : `whatsapp_${code}`;
        await app.deliveryFailed({ registrationId: sent.registrationId, personId: sent.personId, channel: WHATSAPP_CHANNEL, reason });
      }
    }
    if (FIRST_CONTACT_LIMITS.has(code)) {
      await app.store.kv.set(FIRST_CONTACT_PAUSE_KEY, String(now() + 24 * 3600_000), now());
      logger.warn({ code }, 'WhatsApp limits messages to people who never wrote: such sends wait a day');
    }
  }

  /**
   * ok when open (or in standby: another process drives the number); starting while it first
   * connects; degraded while it reconnects, down after RECONNECT_DOWN_AFTER_MS; down while waiting
   * to be linked (QR, pairing code: someone must act) and after a close retrying cannot fix.
   */
  function health(): ChannelHealth {
    if (stopped) return { state: 'down', detail: 'stopped' };
    const code = status.lastClose?.code;
    switch (status.state) {
      case 'open':
        return { state: 'ok' };
      case 'standby':
        return { state: 'ok', detail: 'standby: another process drives this number' };
      case 'waiting':
        return { state: 'down', detail: deps.pairingNumber ? 'not linked: waiting for the pairing code' : 'not linked: waiting for the QR scan' };
      case 'stopped':
        return { state: 'down', detail: `stopped: ${status.lastClose?.meaning.split(':')[0] ?? 'closed'} (code ${code ?? 'none'})` };
      case 'connecting':
      case 'retrying': {
        if (!everOpened && downSince === undefined) return { state: 'starting', detail: 'connecting to WhatsApp' };
        const long = downSince !== undefined && now() - downSince >= RECONNECT_DOWN_AFTER_MS;
        return { state: long ? 'down' : 'degraded', detail: `reconnecting (last close code ${code ?? 'none'})` };
      }
    }
  }

  const channel = {
    id: WHATSAPP_CHANNEL,
    sending,
    send,
    health,
    /** A phone number's WhatsApp address: news of their own registration reaches a cadre's neighbour here. */
    addressOfPhone: (phone: string) => jidOfPhone(phone),
    /** For the console: the state, the linked number, the last close, and the QR / code while waiting. */
    linkStatus: async (): Promise<ChannelStatus> => {
      const pausedUntil = await firstContactsPausedUntil();
      const failedDeliveries = await app.store.whatsappSent.failures(now());
      return {
        state: status.state,
        linkedAs: sock?.user?.id ? `+${sock.user.id.split(/[:@]/)[0]}` : undefined,
        lastClose: status.lastClose ? { code: status.lastClose.code, at: status.lastClose.at } : undefined,
        qr: status.state === 'waiting' ? status.qr : undefined,
        pairingCode: status.state === 'waiting' ? status.pairingCode : undefined,
        failedDeliveries,
        firstContactsPausedUntil: pausedUntil > now() ? pausedUntil : undefined,
      };
    },
    status,
    get socket(): WhatsAppSocket | undefined {
      return sock;
    },
    async start(): Promise<void> {
      auth ??= await useSqliteAuthState(app.store.whatsappAuth, deps.authCodec);
      stopped = false;
      await connect();
    },
    /** Clean shutdown: no reconnect, the socket closes (the app's dispatcher finishes sends in flight). */
    async stop(): Promise<void> {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      if (leaseTimer) clearInterval(leaseTimer);
      leaseTimer = undefined;
      try {
        await leases.release(WHATSAPP_LEASE, holder);
      } finally {
        sock?.end(undefined);
      }
    },
  } satisfies Channel & Record<string, unknown>;
  return channel;
}

export type WhatsAppChannel = ReturnType<typeof createWhatsAppChannel>;
