import type { Logger } from 'pino';
import type { Channel, UnreachableReason } from '../channels/port.js';
import type { OutboxMessage, OutboxStore } from '../storage/outbox.js';
import type { AppMetrics } from './metrics.js';
import { CLAIM_MS, createOutboxSender, type OutboxSender } from './outbox-sender.js';
import type { LeaseStore } from '../storage/leases.js';

/**
 * The one outbox dispatcher: each attached channel gets a sender that sends its rows after commit
 * (kicked by the app after each transaction, and polling for retries). Channels only send.
 */
export function createDispatcher(deps: {
  outbox: OutboxStore;
  /** Send leases (one sender per exclusive channel across processes). */
  leases?: LeaseStore;
  /** This process's name in claims and leases (see OutboxSenderOptions.holder). */
  holder?: string;
  logger: Logger;
  clock: () => number;
  /** A message that can never be delivered (see OutboxSenderOptions.onUnreachable). */
  onUnreachable?: (message: OutboxMessage, reason: UnreachableReason) => void | Promise<void>;
  /** Counts sends and failed sends per channel (src/ops/metrics.ts). */
  metrics?: Pick<AppMetrics, 'sent' | 'sendFailed'>;
}) {
  const channels = new Map<string, { channel: Channel; sender: OutboxSender }>();
  return {
    /** Starts sending a channel's outbox (its rows queued before it was attached included); a channel of the same id is replaced. */
    attach(channel: Channel): void {
      void channels.get(channel.id)?.sender.stop();
      const sender = createOutboxSender({
        outbox: deps.outbox,
        channel: channel.id,
        send: (m) => channel.send(m),
        logger: deps.logger,
        clock: deps.clock,
        onUnreachable: deps.onUnreachable,
        metrics: deps.metrics,
        holder: deps.holder,
        ...channel.sending,
        exclusive:
          channel.sending?.exclusive && deps.leases
            ? {
                acquire: (now) => deps.leases!.acquire(`send:${channel.id}`, deps.holder ?? 'lindung', now, CLAIM_MS),
                release: () => deps.leases!.release(`send:${channel.id}`, deps.holder ?? 'lindung'),
              }
            : undefined,
      });
      channels.set(channel.id, { channel, sender });
      sender.start();
    },
    channel: (id: string): Channel | undefined => channels.get(id)?.channel,
    channels: (): Channel[] => [...channels.values()].map((c) => c.channel),
    /** Sends what is due now on one channel (after a commit that queued for it), or on every channel. */
    kick(id?: string): Promise<void> {
      if (id !== undefined) return channels.get(id)?.sender.kick() ?? Promise.resolve();
      return Promise.all([...channels.values()].map((c) => c.sender.kick())).then(() => undefined);
    },
    /** Stops every sender after the sends in flight. */
    async stop(): Promise<void> {
      await Promise.all([...channels.values()].map((c) => c.sender.stop()));
      channels.clear();
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
