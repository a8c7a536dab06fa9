import type { Logger } from 'pino';
import { SendError, type UnreachableReason } from '../channels/port.js';
import type { OutboxMessage, OutboxStore } from '../storage/outbox.js';
import type { AppMetrics } from './metrics.js';

// Channels throw it (it is part of their port); re-exported for the callers that know it from here.
export { SendError };

export interface OutboxSenderOptions {
  outbox: OutboxStore;
  channel: string;
  send: (message: OutboxMessage) => Promise<void>;
  logger: Logger;
  clock?: () => number;
  /** How often to look for due messages (retries, notifications from other processes). */
  pollMs?: number;
  /** How many chats are sent to at the same time; each chat's own messages stay in order. */
  concurrency?: number;
  /** Whether two consecutive messages of a chat may go out as one (fewer API calls under a rate limit). */
  combine?: (first: OutboxMessage, next: OutboxMessage) => boolean;
  /** A message that can never be delivered (after it left the queue): news about a registration goes in its history. */
  onUnreachable?: (message: OutboxMessage, reason: UnreachableReason) => void | Promise<void>;
  /** Counts sends and failed sends (src/ops/metrics.ts). */
  metrics?: Pick<AppMetrics, 'sent' | 'sendFailed'>;
  /** This process, as the outbox's claims name it (processes sharing a database differ; a restart keeps it). */
  holder?: string;
  /** How long a claim keeps other processes off a chat's messages (renewed while sending): how long a dead process delays them. */
  claimMs?: number;
  /** Whether the channel can send now (WhatsApp: only the process whose socket is open); nothing is claimed while not. */
  ready?: () => boolean;
  /**
   * One sender per channel across every process on the database (a lease): the channel's platform
   * limits are kept by one budget (Telegram's per-bot rate). Another process takes over when the holder dies.
   */
  exclusive?: { acquire(now: number): Promise<boolean>; release(): Promise<void> };
}

/** A chat's messages are another process's for this long at most after it died mid-send. */
export const CLAIM_MS = 30_000;

/** Consecutive messages that may go out together, merged into one (the last one's buttons kept). */
export function groupMessages(messages: OutboxMessage[], combine?: OutboxSenderOptions['combine']): { message: OutboxMessage; ids: number[] }[] {
  const groups: { message: OutboxMessage; ids: number[] }[] = [];
  for (const m of messages) {
    const last = groups.at(-1);
    if (last && combine?.(last.message, m)) {
      last.message = { ...m, reply: { ...m.reply, text: `${last.message.reply.text}\n\n${m.reply.text}` } };
      last.ids.push(m.id);
    } else groups.push({ message: m, ids: [m.id] });
  }
  return groups;
}

/** Backoff after a failed send: 2 s, 4 s, 8 s ... capped at 10 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(2000 * 2 ** Math.max(0, attempts), 10 * 60_000);
}

/**
 * Sends a channel's outbox after commit: chats in parallel, each chat strictly in order, a sent row
 * removed, a failed one kept for a later try (so a reply is delayed, never lost) unless the
 * failure is permanent.
 */
export function createOutboxSender(opts: OutboxSenderOptions) {
  const { outbox, channel, send, logger } = opts;
  const clock = opts.clock ?? Date.now;
  const concurrency = opts.concurrency ?? 16;
  const holder = opts.holder ?? 'lindung';
  const claimMs = opts.claimMs ?? CLAIM_MS;
  const busyChats = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function sendChat(messages: OutboxMessage[], claimedAt: number): Promise<void> {
    let renewedAt = claimedAt;
    const groups = groupMessages(messages, opts.combine);
    for (const [g, { message: m, ids }] of groups.entries()) {
      if (clock() - renewedAt > claimMs / 2) {
        // A long chat (rate limits): the claim on what is left is kept, or another process would take it over.
        renewedAt = clock();
        await outbox.extendClaim(groups.slice(g).flatMap((x) => x.ids), holder, renewedAt + claimMs);
      }
      try {
        await send(m);
        await outbox.markAllSent(ids);
        // Merged messages were queued together (see combine): one wait, counted per message.
        const waited = Math.max(0, clock() - m.createdAt) / 1000;
        for (let i = 0; i < ids.length; i++) opts.metrics?.sent(channel, m.kind, waited);
      } catch (err) {
        const e = err instanceof SendError ? err : new SendError(String((err as Error)?.message ?? err), false);
        opts.metrics?.sendFailed(channel, e.permanent ? 'permanent' : 'retry');
        if (e.permanent) {
          logger.warn({ channel, outboxId: m.id, err }, 'message dropped: the chat cannot be reached');
          for (const id of ids) await outbox.markSent(id);
          try {
            await opts.onUnreachable?.(m, e.reason);
          } catch (hookErr) {
            logger.error({ channel, outboxId: m.id, err: hookErr }, 'recording an undeliverable message failed');
          }
          continue;
        }
        // Retried one by one: a merged message is only a way of sending, not a new message.
        const retryAt = clock() + (e.retryAfterMs ?? backoffMs(m.attempts));
        for (const id of ids) await outbox.markFailed(id, retryAt, e.message);
        logger.warn({ channel, outboxId: m.id, attempts: m.attempts + 1, err }, 'send failed; will retry');
        return; // later messages of this chat wait, so the order holds
      }
    }
  }

  /** Chats with due messages waiting for a free worker, in the order they were found. */
  const waiting = new Map<string, { messages: OutboxMessage[]; claimedAt: number }>();
  let active = 0;
  let scanQueued = false;
  let idleWaiters: (() => void)[] = [];
  const BATCH = 500;
  /** Scans reading the outbox now, and a clock of their starts and of chats' sends ending. */
  let scanning = 0;
  let tick = 0;
  /**
   * When a chat's sending ended while a scan was reading: that scan's rows of the chat may be ones
   * just sent or put off for a retry, so it leaves the chat to the next scan.
   */
  const endedAt = new Map<string, number>();

  function settleIfIdle(): void {
    if (active > 0 || waiting.size > 0 || scanning > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Whether this process sends the channel now: always, or (exclusive) while it holds the channel's lease. */
  let leaseCheckedAt = -Infinity;
  let leaseHeld = false;
  async function mayClaim(now: number): Promise<boolean> {
    if (!opts.exclusive) return true;
    // Renewed at a third of the claim time: a dead holder's lease runs out, and another takes over.
    if (now - leaseCheckedAt >= claimMs / 3) {
      leaseCheckedAt = now;
      const held = await opts.exclusive.acquire(now);
      if (held !== leaseHeld) logger.info({ channel, held }, held ? 'this process now sends the channel' : 'another process sends the channel');
      leaseHeld = held;
    }
    return leaseHeld;
  }

  /** Finds due messages of chats no worker is sending to, and starts workers for them; never rejects (a failed read is logged). */
  let again = false;
  async function scan(): Promise<void> {
    if (stopped) return;
    // One read at a time (each holds a connection and, on PostgreSQL, the channel's claim lock): a
    // scan asked for meanwhile (a kick, the poll) runs right after it, once.
    if (scanning > 0) {
      again = true;
      return;
    }
    scanning++;
    try {
      do {
        again = false;
        await scanOnce();
      } while (again && !stopped);
    } finally {
      scanning--;
      endedAt.clear();
    }
    settleIfIdle();
  }

  async function scanOnce(): Promise<void> {
    const startedAt = ++tick;
    let due: OutboxMessage[] = [];
    const claimedAt = clock();
    try {
      if ((opts.ready?.() ?? true) && (await mayClaim(claimedAt))) due = await outbox.claim(channel, holder, claimedAt, claimedAt + claimMs, BATCH);
    } catch (err) {
      logger.error({ err, channel }, 'reading the outbox failed');
    }
    // A full batch may end in the middle of a chat's messages: that chat waits for the next scan,
    // so its messages are grouped (and combined) whole.
    const cut = due.length === BATCH ? due[due.length - 1]!.externalId : undefined;
    const byChat = new Map<string, OutboxMessage[]>();
    for (const m of stopped ? [] : due) {
      if (busyChats.has(m.externalId) || (endedAt.get(m.externalId) ?? 0) > startedAt || (m.externalId === cut && due[0]!.externalId !== cut)) continue;
      const list = byChat.get(m.externalId) ?? [];
      list.push(m);
      byChat.set(m.externalId, list);
    }
    // Fresh lists replace those found earlier (the same rows, maybe more of them).
    for (const [chat, list] of byChat) waiting.set(chat, { messages: list, claimedAt });
    pump();
  }

  /** Starts workers up to the concurrency; each chat's messages go in order, one chat per worker. */
  function pump(): void {
    while (!stopped && active < concurrency && waiting.size > 0) {
      const [chat, { messages, claimedAt }] = waiting.entries().next().value as [string, { messages: OutboxMessage[]; claimedAt: number }];
      waiting.delete(chat);
      busyChats.add(chat);
      active++;
      void sendChat(messages, claimedAt)
        .catch((err: unknown) => logger.error({ err, channel }, 'outbox send failed'))
        .finally(() => {
          busyChats.delete(chat);
          if (scanning > 0) endedAt.set(chat, ++tick);
          active--;
          // The chat may have more by now, and others may wait for a worker.
          queueScan();
          settleIfIdle();
        });
    }
    settleIfIdle();
  }

  /** One scan soon for many finished chats (not one query each). */
  function queueScan(): void {
    if (scanQueued || stopped) return;
    scanQueued = true;
    setImmediate(() => {
      scanQueued = false;
      void scan();
    });
  }

  /**
   * Sends what is due now. A message committed while other chats are being sent to goes out as soon
   * as a worker is free, not after them. Resolves once nothing is being sent (or waiting for a worker).
   */
  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    const idle = new Promise<void>((resolve) => idleWaiters.push(resolve));
    // Not idle while it reads (see settleIfIdle); it settles the waiters when it has found nothing to send.
    void scan();
    return idle;
  }

  return {
    kick,
    start(): void {
      stopped = false;
      timer = setInterval(() => void scan(), opts.pollMs ?? 1000);
      timer.unref();
      void scan();
    },
    /** Stops polling, starts nothing new, and waits for the sends in flight. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      waiting.clear();
      if (active > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
      settleIfIdle();
      await outbox.releaseClaims(holder).catch((err: unknown) => logger.warn({ err, channel }, 'giving back the outbox claims failed'));
      if (leaseHeld) {
        leaseHeld = false;
        await opts.exclusive?.release().catch((err: unknown) => logger.warn({ err, channel }, 'releasing the send lease failed'));
      }
    },
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
