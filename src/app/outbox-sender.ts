import type { Logger } from 'pino';
import { SendError, type UnreachableReason } from '../channels/port.js';
import type { OutboxMessage, OutboxStore } from '../storage/outbox.js';

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
  onUnreachable?: (message: OutboxMessage, reason: UnreachableReason) => void;
}

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
  const busyChats = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let draining: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function sendChat(messages: OutboxMessage[]): Promise<void> {
    for (const { message: m, ids } of groupMessages(messages, opts.combine)) {
      try {
        await send(m);
        for (const id of ids) outbox.markSent(id);
      } catch (err) {
        const e = err instanceof SendError ? err : new SendError(String((err as Error)?.message ?? err), false);
        if (e.permanent) {
          logger.warn({ channel, outboxId: m.id, err }, 'message dropped: the chat cannot be reached');
          for (const id of ids) outbox.markSent(id);
          try {
            opts.onUnreachable?.(m, e.reason);
          } catch (hookErr) {
            logger.error({ channel, outboxId: m.id, err: hookErr }, 'recording an undeliverable message failed');
          }
          continue;
        }
        // Retried one by one: a merged message is only a way of sending, not a new message.
        const retryAt = clock() + (e.retryAfterMs ?? backoffMs(m.attempts));
        for (const id of ids) outbox.markFailed(id, retryAt, e.message);
        logger.warn({ channel, outboxId: m.id, attempts: m.attempts + 1, err }, 'send failed; will retry');
        return; // later messages of this chat wait, so the order holds
      }
    }
  }

  async function drainOnce(): Promise<void> {
    const limit = 500;
    const due = outbox.due(channel, clock(), limit);
    // A full batch may end in the middle of a chat's messages: that chat waits for the next round,
    // so its messages are grouped (and combined) whole.
    const cut = due.length === limit ? due[due.length - 1]!.externalId : undefined;
    const byChat = new Map<string, OutboxMessage[]>();
    for (const m of due) {
      if (busyChats.has(m.externalId) || (m.externalId === cut && due[0]!.externalId !== cut)) continue;
      const list = byChat.get(m.externalId) ?? [];
      list.push(m);
      byChat.set(m.externalId, list);
    }
    const chats = [...byChat.entries()];
    let next = 0;
    const worker = async () => {
      while (next < chats.length) {
        const [chat, messages] = chats[next++]!;
        busyChats.add(chat);
        try {
          await sendChat(messages);
        } finally {
          busyChats.delete(chat);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, chats.length) }, worker));
  }

  /** Starts a drain now (or right after the running one). */
  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      try {
        do {
          again = false;
          await drainOnce();
        } while (again && !stopped);
      } catch (err) {
        logger.error({ err, channel }, 'outbox drain failed');
      } finally {
        draining = undefined;
      }
    })();
    return draining;
  }

  return {
    kick,
    start(): void {
      stopped = false;
      timer = setInterval(() => void kick(), opts.pollMs ?? 1000);
      timer.unref();
      void kick();
    },
    /** Stops polling and waits for sends in flight. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      await draining;
    },
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
