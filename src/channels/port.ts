import type { OutboxMessage } from '../storage/outbox.js';

/** Why a message can never reach someone, for officers (explained in the console). */
export type UnreachableReason = 'blocked' | 'no_account' | 'never_wrote' | 'refused';

/** What a channel says about a failed send: try again later, or never (blocked, chat gone). */
export class SendError extends Error {
  override name = 'SendError';
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs?: number,
    /** For a permanent failure: why, in words the console explains. */
    readonly reason: UnreachableReason = 'refused',
  ) {
    super(message);
  }
}

/** How a channel wants its outbox sent; the app's dispatcher does the sending (app/dispatcher.ts). */
export interface Sending {
  /** Whether two consecutive messages of a chat may go out as one (fewer calls under a rate limit). */
  combine?: (first: OutboxMessage, next: OutboxMessage) => boolean;
  /** How many chats are sent to at the same time (each chat's own messages stay in order). */
  concurrency?: number;
  /** How often to look for due messages (retries, messages queued by another part of the app). */
  pollMs?: number;
  /** Whether it can send now; nothing is taken from the outbox while not (WhatsApp: only while this process's socket is open). */
  ready?: () => boolean;
  /**
   * One process sends it at a time across every process on the database (a lease the dispatcher
   * holds; another takes over when the holder dies): the platform's per-account limits stay one budget.
   */
  exclusive?: boolean;
}

/** How a channel is doing, for the console (admins): its state, why it stopped, how to link it. */
export interface ChannelStatus {
  /** connecting, open, waiting (for a QR scan or a pairing code), retrying, standby, stopped. */
  state: string;
  /** The account the channel is linked as (the bot's own number), when known. */
  linkedAs?: string;
  /** The last disconnection: its code and when. */
  lastClose?: { code: number | undefined; at: number };
  /** While waiting to be linked: the QR to scan, or the pairing code to type on the phone. */
  qr?: string;
  pairingCode?: string;
  /** Deliveries the platform refused in the last day, with the latest code; and until when first contacts wait. */
  failedDeliveries?: { count: number; lastCode: string | null };
  firstContactsPausedUntil?: number;
}

/**
 * How a channel is doing, for /readyz and the metrics (src/ops/health.ts): ok, starting (will be ok
 * by itself: connecting), degraded (working with trouble: retrying after a failure) or down (not
 * receiving or sending, or waiting for an operator: not linked, stopped). Ready means ok or degraded.
 */
export interface ChannelHealth {
  state: 'ok' | 'starting' | 'degraded' | 'down';
  /** Why, for the operator, in a few words: no personal data, no platform error texts. */
  detail?: string;
}

/**
 * A messaging platform. It turns platform events into inbound messages for `app.handle` and sends
 * what the dispatcher gives it, nothing else: no outbox, no SQL, no flows. Adding a channel (SMS, a
 * web widget, another WhatsApp transport) is one folder with one of these, and one line in main.ts.
 */
export interface Channel {
  /** The channel's name in stored addresses and outbox rows ('telegram', 'whatsapp'). */
  readonly id: string;
  /** Connects and starts receiving. */
  start(): Promise<void>;
  /**
   * At a clean stop, first: takes nothing new from the platform and waits (bounded) for what it
   * took. Sending still works until stop(). A channel whose platform keeps delivering while it
   * sends (WhatsApp: one socket) need not have it: what it takes goes to the inbox anyway.
   */
  stopReceiving?(): Promise<void>;
  /** Stops receiving and closes (the dispatcher is stopped before, once the outbox was flushed). */
  stop(): Promise<void>;
  /** Sends one message; a failure is a SendError (retry later, or never). */
  send(message: OutboxMessage): Promise<void>;
  readonly sending?: Sending;
  /** The address of a phone number on this channel, for a channel that reaches people by number (WhatsApp). */
  addressOfPhone?(phoneE164: string): string;
  /** Its state for the console, for a channel that has to be linked and kept linked (WhatsApp); reads the store. */
  linkStatus?(): Promise<ChannelStatus>;
  /** Its health from the state it tracks (cheap: no platform call); without it the channel counts as ok. */
  health?(): ChannelHealth;
}
