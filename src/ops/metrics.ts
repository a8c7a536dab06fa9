import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppMetrics } from '../app/metrics.js';
import type { ChannelHealth } from '../channels/port.js';
import type { Store } from '../storage/store.js';

/** Seconds: from a few milliseconds (a reply committed at once) to a minute (a long wait behind rate limits). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Seconds a reply waits in the outbox: per-chat pacing (about a second) up to retries over minutes. */
const WAIT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900];
const HEALTH_STATES: readonly ChannelHealth['state'][] = ['ok', 'starting', 'degraded', 'down'];
/** Outbox kinds named in a label; anything else is 'other' (labels stay a small fixed set). */
const KINDS = new Set(['reply', 'notification', 'group_pointer']);

export interface MetricsDeps {
  store: Pick<Store, 'inbox' | 'outbox' | 'stats'>;
  /** The attached channels' health (app.channelHealth), read at scrape time. */
  channels?: () => readonly ({ id: string } & ChannelHealth)[];
}

/**
 * Prometheus metrics on a registry of their own (never prom-client's global one, so tests and tools
 * can make as many as they like): counters the app feeds through `app` (AppMetrics), gauges read
 * from the store at scrape time with cheap counts, and the process's default metrics, turned on at the
 * first scrape (their GC observer and event-loop monitor then run for the process's life). No label
 * holds anything about a person: channel ids, statuses and fixed words only.
 */
export function createMetrics(deps: MetricsDeps) {
  const { store } = deps;
  const registry = new Registry();
  const registers = [registry];

  const handled = new Counter({
    name: 'lindung_messages_handled_total',
    help: 'Messages received and handled, by channel and outcome (ok: replies queued; duplicate: a redelivery ignored; error: an apology queued).',
    labelNames: ['channel', 'outcome'] as const,
    registers,
  });
  const replyQueued = new Histogram({
    name: 'lindung_reply_queued_seconds',
    help: "Seconds from a message's receipt by this process to its replies committed to the outbox (waiting behind the sender's earlier messages included; sending to the platform not included).",
    labelNames: ['channel'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const sent = new Counter({
    name: 'lindung_messages_sent_total',
    help: 'Outbox messages the platform accepted, by channel and kind (reply, notification, group_pointer, other).',
    labelNames: ['channel', 'kind'] as const,
    registers,
  });
  const replyWait = new Histogram({
    name: 'lindung_reply_outbox_wait_seconds',
    help: 'Seconds a reply waited in the outbox, from its commit to the platform accepting it (rate limits and retries included).',
    labelNames: ['channel'] as const,
    buckets: WAIT_BUCKETS,
    registers,
  });
  const sendFailures = new Counter({
    name: 'lindung_send_failures_total',
    help: 'Sends that failed, by channel and kind (retry: kept for a later try; permanent: dropped, the chat cannot be reached).',
    labelNames: ['channel', 'kind'] as const,
    registers,
  });

  // Read at scrape time: a count each on the small inbox and outbox tables, one GROUP BY over the status index.
  new Gauge({
    name: 'lindung_inbox_depth',
    help: 'Messages received and committed but not handled yet.',
    registers,
    async collect() {
      this.set(await store.inbox.count());
    },
  });
  new Gauge({
    name: 'lindung_outbox_depth',
    help: "Messages waiting to be sent (retries and decisions' news held for their undo window included).",
    registers,
    async collect() {
      this.set(await store.outbox.pendingCount());
    },
  });
  new Gauge({
    name: 'lindung_registrations',
    help: "Registrations in each status (the console simulator's test registrations left out, as on the dashboard).",
    labelNames: ['status'] as const,
    registers,
    async collect() {
      for (const { status, count } of await store.stats.totalsByStatus()) this.set({ status }, count);
    },
  });
  if (deps.channels) {
    const channels = deps.channels;
    new Gauge({
      name: 'lindung_channel_health',
      help: "Each attached channel's health: 1 for its current state (ok, starting, degraded, down), 0 for the others.",
      labelNames: ['channel', 'state'] as const,
      registers,
      collect() {
        this.reset();
        for (const c of channels()) for (const state of HEALTH_STATES) this.set({ channel: c.id, state }, c.state === state ? 1 : 0);
      },
    });
  }

  const app: AppMetrics = {
    handled(channel, outcome, seconds) {
      handled.inc({ channel, outcome });
      if (seconds !== undefined) replyQueued.observe({ channel }, seconds);
    },
    sent(channel, kind, waitedSeconds) {
      sent.inc({ channel, kind: KINDS.has(kind) ? kind : 'other' });
      if (kind === 'reply') replyWait.observe({ channel }, waitedSeconds);
    },
    sendFailed(channel, kind) {
      sendFailures.inc({ channel, kind });
    },
  };

  let processMetrics = false;
  return {
    registry,
    /** The hooks createApp takes (AppDeps.metrics). */
    app,
    /** The content type of `text()`: Prometheus text format 0.0.4. */
    contentType: registry.contentType,
    /** Every metric in Prometheus text format (the gauges are read now). */
    async text(): Promise<string> {
      if (!processMetrics) {
        processMetrics = true;
        collectDefaultMetrics({ register: registry });
      }
      return registry.metrics();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
