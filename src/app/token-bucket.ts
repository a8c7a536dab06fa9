const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface TokenBucketOptions {
  /** Tokens added per second (the sustained rate). */
  perSecond: number;
  /** Tokens a bucket holds (how many may go at once after a quiet while). */
  burst: number;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * One token bucket per key (a chat, or one key for a whole budget), kept as the time the bucket
 * will be full again (the "virtual scheduling" form of a token bucket). A token is reserved
 * synchronously, so concurrent senders queue up in call order instead of racing; nothing waits
 * while tokens are left.
 */
export class TokenBuckets {
  private readonly fullAt = new Map<string, number>();
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: TokenBucketOptions) {
    this.intervalMs = 1000 / Math.max(0.001, opts.perSecond);
    this.toleranceMs = Math.max(0, Math.floor(opts.burst) - 1) * this.intervalMs;
    this.clock = opts.clock ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
  }

  /** How long a token for `key` would wait now (0: one is free). */
  waitMs(key: string): number {
    const now = this.clock();
    const at = Math.max(this.fullAt.get(key) ?? now, now);
    return Math.max(0, at - this.toleranceMs - now);
  }

  /** Takes a token for `key`, waiting until one is free. */
  async take(key: string): Promise<void> {
    const now = this.clock();
    const at = Math.max(this.fullAt.get(key) ?? now, now);
    const wait = Math.max(0, at - this.toleranceMs - now);
    this.fullAt.set(key, at + this.intervalMs);
    if (this.fullAt.size > 10_000) this.prune(now);
    if (wait > 0) await this.sleep(wait);
  }

  private prune(now: number): void {
    for (const [key, at] of this.fullAt) if (at <= now) this.fullAt.delete(key);
  }
}
