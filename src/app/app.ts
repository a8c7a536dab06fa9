import type { Logger } from 'pino';
import { advance, beginFlow, type Flows } from '../core/engine.js';
import { newSession, restoreSession } from '../core/session.js';
import type { Ctx, Effect, Lang, Reply, Session, T } from '../core/types.js';
import { coreData, type CoreData, type StoreLoader } from './core-data.js';
import type { Rates } from '../domain/rates.js';
import { findRegencyTag, makeReference } from '../domain/reference.js';
import type { ProgrammeSettings } from '../settings.js';
import { RegencyRegistry } from '../regencies.js';
import { inviteState } from '../storage/cadres.js';
import type { Store } from '../storage/store.js';
import { createAccess } from './access.js';
import { createCorrections } from './corrections.js';
import { createDecisions } from './decisions.js';
import { createNotifier } from './notify.js';
import { createOfficerErasure } from './officer-erasure.js';
import { createQuestions } from './questions.js';
import { KeyedQueue } from './keyed-queue.js';
import type { FaqMatcher } from '../faq/matcher.js';
import { LearnedPhrasings } from '../faq/learned.js';
import { createTeaching } from './teach.js';
import { maskDigits } from '../domain/normalize.js';
import { dayIn } from '../domain/time.js';
import type { Channel, ChannelHealth } from '../channels/port.js';
import { createDispatcher } from './dispatcher.js';
import { cleanText } from '../domain/text-clean.js';
import { REGISTRATION_SCHEMA, type FieldDef } from '../core/flows/registration-schema.js';
import type { AppMetrics } from './metrics.js';

/** A message from any channel, already reduced to text. */
export interface Inbound {
  channel: string;
  /** The sender's id on that channel (chat id, JID, terminal user name). */
  externalId: string;
  /** The platform's message id, to ignore a redelivery; optional for channels without one. */
  messageId?: string;
  text: string;
  /** Known phone number in E.164, when the channel reveals it. */
  phone?: string | null;
  /** Other addresses of the same sender on this channel (WhatsApp: the LID beside the phone JID). */
  aliases?: string[];
  /** Language hint from the platform for a first contact. */
  lang?: Lang;
  /** When the text came from a button: the question number the button belonged to. */
  questionRef?: number;
  /** The message was a photo, voice note, sticker or file rather than text. */
  media?: boolean;
  /** The regency of the entry point it came by (a regency's WhatsApp number; its key): routes a person who has none yet. */
  regency?: string;
}

export interface HandleResult {
  duplicate: boolean;
  personId: number | null;
  replies: Reply[];
  outboxIds: number[];
  /** Handling failed: the replies are an apology (the metrics count it apart). */
  failed?: boolean;
}

export interface AppDeps {
  store: Store;
  flows: Flows;
  /** The registration's fields the flows were built from (default: REGISTRATION_SCHEMA). */
  schema?: readonly FieldDef[];
  /** The regencies served (src/regencies.ts); or, for one regency given in code, its `settings`. */
  regencies?: RegencyRegistry;
  settings?: ProgrammeSettings;
  rates: Rates;
  translate: (lang: Lang) => T;
  isKnownDistrict: (code6: string) => boolean;
  logger: Logger;
  timeZone: string;
  clock?: () => number;
  random?: () => number;
  /** Free-text matching (src/faq); without it the bot understands menus and commands only. */
  faq?: FaqMatcher;
  /** Phrasings officers taught (see teach.ts); the stored ones are loaded into it at start. */
  learned?: LearnedPhrasings;
  /**
   * The channel (its id) that reaches an applicant who never wrote but gave a phone number (a
   * cadre's neighbour), once it is attached and can address a phone (WhatsApp); none: not told.
   */
  phoneChannel?: string;
  /** How long an officer's decision in the console can be undone before its news goes (ms; DECISION_UNDO_SECONDS); default 0: none. */
  decisionUndoMs?: number;
  /** Counters for monitoring (src/ops/metrics.ts); none: nothing is counted. */
  metrics?: AppMetrics;
  /** This process's name among the processes sharing the database (INSTANCE_ID): outbox claims and send leases carry it. */
  instance?: string;
  /** The regency a channel's entry point is for (WHATSAPP_REGENCY, TELEGRAM_REGENCY), by channel id: routes the people who come by it. */
  entryRegencies?: Readonly<Record<string, string>>;
}

/**
 * The one place where core and storage meet: each inbound message is handled in one SQLite
 * transaction (dedupe, session, registration changes, replies into the outbox), per person in order.
 */
export function createApp(deps: AppDeps) {
  const { store, flows, rates, translate, isKnownDistrict, logger, timeZone } = deps;
  if (!deps.regencies && !deps.settings) throw new Error('createApp needs regencies or settings');
  const regencies = deps.regencies ?? RegencyRegistry.single(deps.settings!);
  const clock = deps.clock ?? Date.now;
  const random = deps.random ?? Math.random;
  const { people, registrations, outbox, cadres } = store;
  const queue = new KeyedQueue();
  /** A message handled already (its platform id seen, or its inbox row taken by another process). */
  const DUPLICATE: HandleResult = Object.freeze({ duplicate: true, personId: null, replies: [], outboxIds: [] });
  /**
   * News about a registration that never reached its person (refused at once, or reported later by
   * the platform): written in the registration's history, so officers know to reach them another way.
   */
  const deliveryFailed = store.transactional(async (input: { registrationId: number; personId: number | null; channel: string; reason: string }): Promise<void> => {
    const applicant = await registrations.applicantOf(input.registrationId);
    if (applicant === undefined) return;
    await registrations.event({
      registrationId: input.registrationId,
      at: clock(),
      actorKind: 'system',
      actorId: null,
      action: 'delivery_failed',
      fromStatus: null,
      toStatus: null,
      detail: { channel: input.channel, reason: input.reason, recipient: input.personId === applicant ? 'applicant' : 'cadre' },
    });
  });
  const { metrics } = deps;
  const dispatcher = createDispatcher({
    outbox,
    leases: store.leases,
    holder: deps.instance ?? 'lindung',
    logger,
    clock,
    metrics,
    onUnreachable: (m, reason) => {
      if (m.registrationId !== null) return deliveryFailed({ registrationId: m.registrationId, personId: m.personId, channel: m.channel, reason });
    },
  });
  const reachByPhone = (phone: string) => {
    const channel = deps.phoneChannel === undefined ? undefined : dispatcher.channel(deps.phoneChannel);
    return channel?.addressOfPhone ? { channel: channel.id, externalId: channel.addressOfPhone(phone) } : undefined;
  };
  const notifier = createNotifier({ store, translate, clock, reachByPhone, regencies, rates, today: (now) => dayIn(timeZone, now) });
  const officerErasure = createOfficerErasure({ store, translate, clock, reachByPhone });
  const questions = createQuestions({ store, translate, clock });
  const access = createAccess({ store, translate, regencies, rates, schema: deps.schema ?? REGISTRATION_SCHEMA, timeZone, reachByPhone });
  const learned = deps.learned ?? new LearnedPhrasings();
  const teaching = createTeaching({ store, learned, topics: deps.faq?.topics.map((t) => t.id) ?? [], clock });

  // Registrations as the people concerned have been told them (an officer's decision held for its undo window is not shown yet).
  const { told } = registrations;
  const loader: StoreLoader = {
    registrationsOf: (personId) => told.ofApplicant(personId, clock()),
    activeByNik: (nik) => told.activeByNik(nik, clock()),
    groupCount: (groupId, regency) => registrations.groupCount(groupId, regency),
    byReference: (reference) => told.byReference(reference, clock()),
    awaitingCorrection: (personId) => told.awaitingCorrection(personId, clock()),
    registrationsBySubmitter: (personId, offset, limit) => told.bySubmitter(personId, offset, limit, clock()),
    invite: async (code) => {
      const invite = await cadres.invite(code);
      return { state: inviteState(invite, clock()), desa: invite?.desa, kecamatan: invite?.kecamatan, role: invite?.role };
    },
    accessReport: (personId) => access.report(personId),
    accessCode: (reference, requesterId, now) => access.codeState(reference, requesterId, now),
    accessCodeMatches: (reference, requesterId, typed, now) => access.codeMatches(reference, requesterId, typed, now),
    reachesPhone: async (phone) => reachByPhone(phone) !== undefined,
  };

  /**
   * What the core may read for one message or action (core-data.ts): loaded inside the caller's
   * transaction as the flows ask. About 28 million reference codes: a free one turns up at once
   * until the register is nearly full.
   */
  const newCoreData = (): CoreData =>
    coreData(loader, { draw: () => makeReference(random), isFree: async (ref) => !(await registrations.referenceExists(ref)) });

  /** Set when a message erased something: the WAL is emptied once its transaction committed. */
  let erased = false;

  async function applyEffect(effect: Effect, personId: number, lang: Lang, msg: Inbound, now: number, regency: string): Promise<void> {
    const channel = msg.channel;
    switch (effect.type) {
      case 'recordConsent':
        return people.recordConsent(personId, effect.version, now);
      case 'submitRegistration': {
        const { data } = effect;
        let applicantId = personId;
        if (data.submittedBy === 'cadre') {
          // The neighbour becomes a person of their own; the cadre stays the submitter.
          applicantId = await people.createPerson(lang, data.phone, now);
          await people.recordConsent(applicantId, data.consentVersion, Date.parse(data.consentAt) || now, personId);
        }
        const regency = regencies.has(effect.regency) ? effect.regency : regencies.default.key;
        await registrations.submit({ reference: effect.reference, applicantId, submitterId: personId, channel, data, regency, now });
        return;
      }
      case 'deleteRegistration':
        if (await registrations.deleteByApplicant(effect.reference, personId, now, 'deleted_by_applicant')) erased = true;
        return;
      case 'withdrawConsent':
        await people.withdrawConsent(personId, now);
        // Everything held about them goes; an approved registration stays, marked, for an officer.
        await store.erasure.erasePerson(personId, { now, actorKind: 'applicant', actorId: String(personId), reason: 'consent_withdrawn' });
        erased = true;
        return;
      case 'enrolCadre':
        await cadres.enrol(effect.code, personId, now);
        return;
      case 'submitCorrection':
        await registrations.correct(effect.reference, personId, effect.changes, now);
        return;
      case 'askQuestion':
        await questions.ask(personId, channel, msg.externalId, effect.text, now, regency);
        return;
      case 'recordAccessCopy':
        await access.recordCopy({ personId: effect.personId, by: effect.by, actorId: String(personId), officerId: null, channel, now });
        return;
      case 'sendAccessCode':
        await access.sendCode(effect.reference, personId, (await people.person(personId))?.phone ?? msg.phone ?? null, now);
        return;
      case 'accessCodeTried':
        await access.codeTried(effect.reference, personId, effect.ok, now);
        return;
      case 'unmatchedQuestion':
        await store.phrasings.addUnmatched(maskDigits(effect.text).slice(0, 300), effect.lang, channel, now);
        return;
    }
  }

  /** The question reader, each text read once per message (the core runs again after a load: core-data.ts). */
  const faqOnce = (data: CoreData): Ctx['faq'] => {
    const faq = deps.faq;
    if (!faq) return undefined;
    return { match: (text, about) => data.once(`faq\u0000${text}\u0000${about?.join('\u0001') ?? ''}`, () => faq.match(text, about)) };
  };

  /**
   * What the flows may use for one message, in the settings of the regency `regency` (the session's;
   * none or unknown: the deployment's first). In a deployment of several regencies the context lists
   * them, for the question "where do you live", and gives itself for another (`forRegency`).
   */
  function ctxFor(data: CoreData, personId: number, phone: string | null, now: number, regency?: string): Ctx {
    // The registry's own list (the same array until a reload): what where.ts builds from it is kept per list.
    const several = regencies.several ? regencies.list : undefined;
    const made = new Map<string, Ctx>();
    const build = (key: string): Ctx => {
      const done = made.get(key);
      if (done) return done;
      const r = regencies.regency(key);
      const ctx: Ctx = {
        now,
        today: dayIn(timeZone, now),
        translate,
        settings: r.settings,
        regency: r.key,
        ...(several ? { regencies: several } : {}),
        forRegency: build,
        rates,
        isKnownDistrict,
        store: data.reader,
        person: { id: personId, phone },
        newReference: data.newReference,
        faq: faqOnce(data),
      };
      made.set(key, ctx);
      made.set(r.key, ctx);
      return ctx;
    };
    return build(regency ?? regencies.default.key);
  }

  /**
   * The session's regency from the entry point the message came by (a regency's WhatsApp number or
   * bot: the channel's; or one the message names), for a person who has none yet: every message on
   * that channel carries it, so a regency they chose themselves ("ganti kabupaten") or a cadre's
   * village stays. (A regency's Telegram link is acted on as a command: it switches, core/run-commands.ts.)
   */
  function routed(stored: Session, msg: Inbound): Session {
    // A regency this deployment no longer serves (its file taken away): the person is asked again.
    const session = stored.regency && !regencies.has(stored.regency) ? { ...stored, regency: undefined, regencyBy: undefined } : stored;
    const entry = msg.regency ?? deps.entryRegencies?.[msg.channel];
    if (!entry || !regencies.has(entry) || session.regency || session.cadre) return session;
    return { ...session, regency: entry, regencyBy: 'entry' };
  }

  const handleTx = store.transactional(async (msg: Inbound, now: number, inboxId: number | undefined): Promise<HandleResult> => {
    // Handled and gone from the inbox in one commit: a crash leaves either both or neither. Gone
    // already: another process handled it (PostgreSQL; its delete held ours until it committed).
    if (inboxId !== undefined && !(await store.inbox.remove(inboxId))) return DUPLICATE;
    // One person's messages one after another, whichever process took them (a lock held to the
    // commit on PostgreSQL; SQLite's one writer orders them already).
    await store.sql.lockInTransaction(`person:${msg.channel}:${msg.externalId}`);
    const contact = await people.findOrCreate(msg.channel, msg.externalId, now, msg.lang ?? 'id', msg.phone ?? null, msg.aliases);
    // Platform message ids are remembered per person, in the session row (one write per message).
    if (msg.messageId && contact.seenIds.includes(msg.messageId)) {
      return { duplicate: true, personId: contact.personId, replies: [], outboxIds: [] };
    }
    let session = routed(restoreSession(contact.state, contact.lang, now), msg);
    // A regency's click-to-chat link (core/flows/where.ts followRegencyLink): its tag is the link's,
    // never the person's words, whether or not the regency is served here; the rest is what they said.
    const tag = findRegencyTag(msg.text);
    const linkRegency = tag && regencies.has(tag.key) ? tag.key : undefined;
    if (tag) msg = { ...msg, text: tag.rest || 'halo' };
    const data = newCoreData();
    const ctx = ctxFor(data, contact.personId, contact.phone ?? msg.phone ?? null, now, session.regency);
    // An officer's correction request whose news still waits for its undo window: until the person
    // is told, their messages go on with the conversation they know (corrections.ts, Session.held).
    let waiting: Session | undefined;
    if (session.held && now < session.held.until) {
      waiting = session;
      session = session.held.before;
    } else if (session.held) {
      // Told now: the correction starts again from where their own conversation got to meanwhile
      // (what they gave in the window is parked with it, as at the request); its question's
      // buttons, sent with the news, stay current unless they answered buttons in the window.
      const before = session.held.before;
      const answers = session.answers;
      const started = (await data.run(() => beginFlow(flows, before, 'correction', answers, ctx))).session;
      session = { ...started, q: Math.max(session.q ?? 0, before.q ?? 0), held: undefined };
    }
    // The role lives in the cadres table, not in the conversation: a cadre whose invite was revoked
    // loses it at once, mid-registration too (the neighbours' unsent drafts go with it).
    const cadre = session.cadre ? await cadres.cadreOf(contact.personId) : undefined;
    const revoked = session.cadre && !cadre;
    // A cadre works in their village's regency (a session from before regencies learns it here).
    if (cadre && regencies.has(cadre.regency) && session.regency !== cadre.regency) session = { ...session, regency: cadre.regency, regencyBy: 'cadre' };
    if (revoked) {
      session = newSession(session.lang, now);
      waiting = undefined;
    }
    const current = session;
    const input = revoked
      ? { text: 'menu', first: false }
      : { text: msg.text, first: contact.state === undefined, questionRef: msg.questionRef, media: msg.media, regency: linkRegency };
    const result = await data.run(() => advance(flows, current, input, ctx));
    if (revoked) result.replies.unshift({ text: translate(session.lang)('cadre.revoked', { phone: regencies.get(session.regency).office.phone }) });
    const seenIds = msg.messageId ? [...contact.seenIds, msg.messageId] : contact.seenIds;
    const saved = waiting?.held ? { ...waiting, held: { until: waiting.held.until, before: result.session } } : result.session;
    await people.saveSession(contact.personId, JSON.stringify(saved), seenIds, now);
    if (result.session.lang !== contact.lang) await people.setLanguage(contact.personId, result.session.lang);
    const regency = regencies.has(result.session.regency) ? result.session.regency : regencies.default.key;
    for (const effect of result.effects) await applyEffect(effect, contact.personId, result.session.lang, msg, now, regency);
    const outboxIds: number[] = [];
    for (const r of result.replies) outboxIds.push(await outbox.add(contact.personId, msg.channel, msg.externalId, r, now));
    return { duplicate: false, personId: contact.personId, replies: result.replies, outboxIds };
  });

  /** Handles one message now; a failure becomes an apology, never a crash. */
  async function handleNow(raw: Inbound, inboxId?: number): Promise<HandleResult> {
    // What people type is cleaned before anything is stored (see receive); again here for direct callers.
    const result = await handleOne({ ...raw, text: cleanText(raw.text) }, clock(), inboxId);
    await compactIfErased();
    return result;
  }

  /** After a commit that erased something: the WAL, which still holds the old pages, is emptied. */
  async function compactIfErased(): Promise<void> {
    if (!erased) return;
    erased = false;
    await store.erasure.compact();
  }

  /**
   * One message in one transaction (a savepoint inside a batch's); a failure becomes an apology.
   * `mustKeep`: when not even the apology can be written (the database refuses), throw, so the
   * platform is not told the message arrived and sends it again.
   */
  async function handleOne(msg: Inbound, now: number, inboxId?: number, mustKeep = false): Promise<HandleResult> {
    try {
      return await handleTx(msg, now, inboxId);
    } catch (err) {
      // Log what we did wrong, never what the person typed (it may hold a NIK or phone number).
      logger.error({ err, channel: msg.channel }, 'message handling failed');
      const reply: Reply = { text: translate(msg.lang ?? 'id')('err.internal') };
      try {
        const id = await store.transaction(async () => {
          // A message that cannot be handled is not tried again at every start.
          if (inboxId !== undefined) await store.inbox.remove(inboxId);
          const contact = await people.findOrCreate(msg.channel, msg.externalId, now, msg.lang ?? 'id');
          return outbox.add(contact.personId, msg.channel, msg.externalId, reply, now);
        });
        return { duplicate: false, personId: null, replies: [reply], outboxIds: [id], failed: true };
      } catch (err2) {
        logger.error({ err: err2 }, 'could not queue the apology');
        if (mustKeep) throw err2;
        return { duplicate: false, personId: null, replies: [reply], outboxIds: [], failed: true };
      }
    }
  }


  /** Runs an officer's action, then sends what it queued (on whichever channels). */
  const thenSend =
    <A extends unknown[], R>(action: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await action(...args);
      void dispatcher.kick();
      return result;
    };
  const schema = deps.schema ?? REGISTRATION_SCHEMA;
  /** Runs a core call for an officer's action (a correction request) with what it reads loaded, inside the caller's transaction. */
  const runCore = <R>(personId: number, phone: string | null, now: number, regency: string | undefined, fn: (ctx: Ctx) => R): Promise<R> => {
    const data = newCoreData();
    const ctx = ctxFor(data, personId, phone, now, regency);
    return data.run(() => fn(ctx));
  };
  const corrections = createCorrections({ store, flows, notifier, translate, runCore, clock, schema });
  const decisions = createDecisions({
    store,
    notifier,
    corrections,
    clock,
    undoMs: deps.decisionUndoMs ?? 0,
    // The senders poll too; this sends held news the moment it is due.
    onHeld: (until) => void setTimeout(() => void dispatcher.kick(), Math.max(0, until - clock()) + 50).unref(),
  });

  /**
   * Counts a handled message (its transaction committed). `receivedAt`: performance.now() when this
   * process received it; unknown for one recovered from the inbox (received before a restart).
   */
  function counted(channel: string, result: HandleResult, receivedAt?: number): HandleResult {
    if (!metrics) return result;
    const outcome = result.duplicate ? 'duplicate' : result.failed ? 'error' : 'ok';
    metrics.handled(channel, outcome, receivedAt === undefined || result.duplicate ? undefined : (performance.now() - receivedAt) / 1000);
    return result;
  }

  /** True when `work` finished within `ms`. */
  const within = (ms: number, work: Promise<unknown>): Promise<boolean> =>
    Promise.race([work.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);


  /**
   * Commits received messages to the inbox in one transaction, then handles each after its sender's
   * earlier messages. Resolves once committed: from then on the platform may be told they arrived
   * (the next getUpdates offset, a webhook's 200, a read receipt); with one promise per message, in
   * order; a message still waiting in the inbox (delivered twice) is a duplicate.
   */
  async function receive(received: readonly Inbound[]): Promise<Promise<HandleResult>[]> {
    const now = clock();
    const receivedAt = performance.now();
    // At the edge: NFC, no control or bidi-override characters, no lone surrogates (domain/text-clean.ts).
    const msgs = received.map((m) => ({ ...m, text: cleanText(m.text) }));
    // One commit for the batch: a message whose sender has nothing in flight is handled in it (a
    // savepoint each), the others wait in the inbox behind their sender's earlier messages. Either
    // way it is committed before this returns, with one disk sync per batch instead of two per message.
    // Each message takes its place in its sender's queue before the first await, so messages
    // received together or one after another keep their order even when the batches' commits finish
    // in another order (PostgreSQL). One handled in the batch holds the place until the commit; one
    // that waits is handled from the inbox once its batch committed, after its sender's earlier ones.
    let settle!: (committed: boolean) => void;
    const settled = new Promise<boolean>((resolve) => (settle = resolve));
    const ids: (number | undefined)[] = [];
    const direct: boolean[] = [];
    const waiting = msgs.map((msg, i): Promise<HandleResult> | undefined => {
      const key = `${msg.channel}:${msg.externalId}`;
      direct[i] = !queue.busy(key);
      if (direct[i]) {
        void queue.run(key, () => settled);
        return undefined;
      }
      const later = queue.run(key, async () => {
        if (!(await settled)) throw new Error('the batch was not committed');
        const id = ids[i];
        if (id === undefined) return counted(msg.channel, DUPLICATE);
        const result = counted(msg.channel, await handleNow(msg, id), receivedAt);
        void dispatcher.kick(msg.channel);
        return result;
      });
      // A batch that failed rejects receive() itself; these are never looked at then.
      later.catch(() => undefined);
      return later;
    });
    const handled: (HandleResult | undefined)[] = [];
    try {
      await store.transaction(async () => {
        for (const [i, msg] of msgs.entries()) {
          if (direct[i]) {
            handled[i] = await handleOne(msg, now, undefined, true);
            continue;
          }
          ids[i] = await store.inbox.add({ channel: msg.channel, externalId: msg.externalId, messageId: msg.messageId ?? null, payload: JSON.stringify(msg), now });
        }
      });
      settle(true);
    } catch (err) {
      settle(false);
      throw err;
    }
    await compactIfErased();
    for (const channel of new Set(msgs.map((m) => m.channel))) void dispatcher.kick(channel);
    return msgs.map((msg, i) => waiting[i] ?? Promise.resolve(counted(msg.channel, handled[i]!, receivedAt)));
  }

  async function recoverInbox(opts: { olderThanMs?: number } = {}): Promise<number> {
    let handled = 0;
    const before = opts.olderThanMs === undefined ? undefined : clock() - opts.olderThanMs;
    for (let after = 0; ; ) {
      const rows = await store.inbox.waiting(after, 500, before);
      if (rows.length === 0) return handled;
      for (const row of rows) {
        after = row.id;
        let msg: Inbound;
        try {
          msg = JSON.parse(row.payload) as Inbound;
        } catch {
          await store.inbox.remove(row.id);
          continue;
        }
        // After anything of theirs this process is handling; a row another process took meanwhile is a duplicate here (handleTx).
        const result = await queue.run(`${msg.channel}:${msg.externalId}`, () => handleNow(msg, row.id));
        counted(msg.channel, result);
        if (!result.duplicate) {
          handled++;
          void dispatcher.kick(msg.channel);
        }
      }
    }
  }

  return {
    /** Receives one message (committed to the inbox before this returns) and handles it; see receive. */
    handle: async (msg: Inbound): Promise<HandleResult> => (await receive([msg]))[0]!,
    receive,
    /**
     * Handles what is left in the inbox, oldest first: at start, everything (what this process
     * received before it stopped or died); `olderThanMs`: only what waited that long (on a shared
     * database, what a process that died left; another process's fresh rows are its own).
     */
    recoverInbox,
    /** Handles one message now, outside the inbox (tests, tools): counted like a received one. */
    handleNow: async (msg: Inbound, inboxId?: number): Promise<HandleResult> => {
      const receivedAt = performance.now();
      return counted(msg.channel, await handleNow(msg, inboxId), receivedAt);
    },
    /** Starts sending a channel's outbox (the one dispatcher: channels only send what they are given). */
    attach: (channel: Channel) => dispatcher.attach(channel),
    /** The link state of the channels that have one (WhatsApp), for the console. */
    linkStatuses: async () => {
      const statuses = [];
      for (const c of dispatcher.channels()) if (c.linkStatus) statuses.push({ id: c.id, ...(await c.linkStatus()) });
      return statuses;
    },
    /** The attached channels' health (/readyz, the metrics); a channel that reports none counts as ok. */
    channelHealth: (): ({ id: string } & ChannelHealth)[] => dispatcher.channels().map((c) => ({ id: c.id, ...(c.health?.() ?? { state: 'ok' as const }) })),
    /** Sends what is due now (on one channel, e.g. when it has just reconnected, or on all). */
    kick: (channelId?: string) => dispatcher.kick(channelId),
    /** Stops sending, after the sends in flight (at shutdown, once the channels stopped receiving). */
    stopSending: () => dispatcher.stop(),
    /** Waits (at most `ms`) for the messages being handled; true when none is left. What is not handled stays in the inbox for the next start. */
    settle: (ms: number): Promise<boolean> => within(ms, queue.idle()),
    /** Sends what is due (at most `ms`); true when the sends finished. What is not sent stays in the outbox for the next start. */
    flush: (ms: number): Promise<boolean> => within(ms, dispatcher.kick()),
    /** News about a registration that never reached its person: noted in its history (the WhatsApp channel reports late refusals here). */
    deliveryFailed,
    /** Queues a message that answers no message of theirs (a group pointer) and sends it. */
    async enqueue(input: { channel: string; externalId: string; reply: Reply; kind: string }): Promise<void> {
      await outbox.add(null, input.channel, input.externalId, input.reply, clock(), input.kind);
      void dispatcher.kick(input.channel);
    },
    /** Changes a registration's status (officer decisions) and tells the applicant and the cadre. */
    changeStatus: thenSend(notifier.changeStatus),
    /** Asks for named fields again: the bot then asks exactly those (see corrections.ts). */
    requestCorrection: thenSend(corrections.request),
    /** An officer's decision in the console, its news held for the undo window (app/decisions.ts); undo and the held state. */
    decisions: { ...decisions, decide: thenSend(decisions.decide) },
    /** An officer's erase action: erased, audited and the people told in one transaction, the WAL emptied, then sent. */
    erase: thenSend(officerErasure.erase),
    /** An officer keeps a registration whose person withdrew consent after approval, for a legal reason (audited). */
    keepAfterWithdrawal: officerErasure.keepAfterWithdrawal,
    questions: { ...questions, answer: thenSend(questions.answer) },
    /** The right of access: a person's copy (the console's office copy reads it too) and who has seen their data. */
    access,
    /** What officers taught the reader, as it reads it on every message. */
    learned,
    /** Teaches a phrasing (topic null: out of scope): stored, audited, used at once. */
    teach: teaching.teach,
    /** Forgets a taught phrasing by its key. */
    forget: teaching.forget,
    /** Taught phrasings with who and when, and the topics an officer may teach. */
    taught: teaching.taught,
    teachableTopics: teaching.topics,
    /** Loads the taught phrasings from the store into `learned` (runtime.ts, at start). */
    loadLearned: teaching.load,
    /** The store the app writes through (the console and the channels read and write through it too). */
    store,
    /** The registration's fields: the console's detail page and export read them. */
    schema,
    people,
    registrations,
    outbox,
    cadres,
    clock,
    /** The contribution figures the bot states: the dashboard prices the regency's cost with them. */
    rates,
    /** The regencies served and their settings (read them through it each time: they can be reloaded). */
    regencies,
    /** The region-code check the bot uses, for the console's automatic checks. */
    isKnownDistrict,
    /** Today in the regency's time zone. */
    today: () => dayIn(timeZone, clock()),
  };
}

export type App = ReturnType<typeof createApp>;
