// What the app and its outbox senders report for monitoring. src/ops/metrics.ts implements it with
// prom-client; the app only calls these hooks (and the core knows nothing of them). Labels are
// channel ids and fixed words, never anything about a person.

/** How handling a message ended: replies queued, a redelivery ignored, or an apology queued after a failure. */
export type HandleOutcome = 'ok' | 'duplicate' | 'error';

export interface AppMetrics {
  /**
   * A message was handled. `seconds`: from its receipt by this process to its replies committed
   * to the outbox (waiting behind the sender's earlier messages included); undefined for a
   * duplicate and for a message recovered from the inbox at start (received before this process).
   */
  handled(channel: string, outcome: HandleOutcome, seconds?: number): void;
  /** An outbox message the platform accepted; for a reply, how long it waited in the outbox (rate limits, retries). */
  sent(channel: string, kind: string, waitedSeconds: number): void;
  /** A send that failed: kept to try again later, or dropped (the chat can never be reached). */
  sendFailed(channel: string, kind: 'retry' | 'permanent'): void;
}
