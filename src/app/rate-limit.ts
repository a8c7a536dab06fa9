export interface RateLimitOptions {
  /** Least time between two messages to the same chat. */
  perChatMs: number;
  /** Most messages per minute over all chats (spread evenly). */
  globalPerMinute: number;
  /** Up to this much random extra delay, so sends do not look machine-regular. */
  jitterMs: number;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Spaces out sends per chat and overall (WhatsApp bans numbers that burst). Slots are reserved
 * synchronously, so concurrent callers queue up instead of racing for the same moment.
 */
export class RateLimiter {
  private nextGlobal = 0;
  private readonly nextByChat = new Map<string, number>();
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly globalGapMs: number;

  constructor(private readonly opts: RateLimitOptions) {
    this.clock = opts.clock ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
    this.random = opts.random ?? Math.random;
    this.globalGapMs = 60_000 / Math.max(1, opts.globalPerMinute);
  }

  /** Resolves when a message to `chat` may go; returns the moment it was scheduled for. */
  async wait(chat: string): Promise<number> {
    const now = this.clock();
    const at = Math.max(now, this.nextGlobal, this.nextByChat.get(chat) ?? 0) + Math.floor(this.random() * this.opts.jitterMs);
    this.nextGlobal = at + this.globalGapMs;
    this.nextByChat.set(chat, at + this.opts.perChatMs);
    if (this.nextByChat.size > 10_000) this.prune(now);
    if (at > now) await this.sleep(at - now);
    return at;
  }

  private prune(now: number): void {
    for (const [chat, next] of this.nextByChat) if (next < now) this.nextByChat.delete(chat);
  }
}
