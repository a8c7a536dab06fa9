import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/app/rate-limit.js';

/** A clock that only moves when the limiter sleeps: the schedule is exact and the test instant. */
function virtualTime() {
  const t = { now: 1_000_000 };
  return { t, clock: () => t.now, sleep: async (ms: number) => void (t.now += ms) };
}

describe('rate limiter', () => {
  it('spaces a burst to one chat by the per-chat gap', async () => {
    const { clock, sleep } = virtualTime();
    const limiter = new RateLimiter({ perChatMs: 1500, globalPerMinute: 600, jitterMs: 0, clock, sleep });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push(await limiter.wait('a'));
    const gaps = times.slice(1).map((x, i) => x - times[i]!);
    expect(gaps).toEqual([1500, 1500, 1500, 1500]);
  });

  it('spaces a burst across chats by the global rate, with jitter on top', async () => {
    const { clock, sleep } = virtualTime();
    let r = 0;
    const random = () => ((r = (r + 0.37) % 1), r);
    const limiter = new RateLimiter({ perChatMs: 1000, globalPerMinute: 60, jitterMs: 300, clock, sleep, random });
    const scheduled = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((chat) => limiter.wait(chat)));
    const sorted = [...scheduled].sort((x, y) => x - y);
    const gaps = sorted.slice(1).map((x, i) => x - sorted[i]!);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(1000);
      expect(gap).toBeLessThan(1300);
    }
    expect(new Set(gaps).size).toBeGreaterThan(1);
  });

  it('lets a quiet chat send at once', async () => {
    const { t, clock, sleep } = virtualTime();
    const limiter = new RateLimiter({ perChatMs: 1000, globalPerMinute: 60, jitterMs: 0, clock, sleep });
    const start = t.now;
    expect(await limiter.wait('a')).toBe(start);
    t.now += 5000;
    expect(await limiter.wait('b')).toBe(start + 5000);
  });
});

describe('grouping outbox messages', () => {
  it('merges consecutive messages the channel allows, keeping the last one\'s buttons and every id', async () => {
    const { groupMessages } = await import('../../src/app/outbox-sender.js');
    const msg = (id: number, text: string, choices?: { key: string; label: string }[]) => ({
      id, personId: 1, channel: 'telegram', externalId: '9', kind: 'reply', attempts: 0, createdAt: 5, registrationId: null, reply: { text, choices },
    });
    const combine = (a: { reply: { choices?: unknown[] } }) => !a.reply.choices?.length;
    const groups = groupMessages([msg(1, 'intro'), msg(2, 'menu', [{ key: '1', label: 'x' }]), msg(3, 'later')], combine);
    expect(groups.map((g) => g.ids)).toEqual([[1, 2], [3]]);
    expect(groups[0]!.message.reply).toEqual({ text: 'intro\n\nmenu', choices: [{ key: '1', label: 'x' }] });
    expect(groupMessages([msg(1, 'a'), msg(2, 'b')]).length).toBe(2);
  });
});

describe('token buckets', () => {
  it('lets a burst go at once, then one token per interval, per key', async () => {
    const { TokenBuckets } = await import('../../src/app/token-bucket.js');
    const { t, clock } = virtualTime();
    const slept: number[] = [];
    const buckets = new TokenBuckets({ perSecond: 1, burst: 3, clock, sleep: async (ms) => void slept.push(ms) });
    // Reserved in call order without awaiting: the fourth and fifth wait 1 s and 2 s.
    await Promise.all([1, 2, 3, 4, 5].map(() => buckets.take('a')));
    expect(slept).toEqual([1000, 2000]);
    // Another chat has its own bucket.
    expect(buckets.waitMs('b')).toBe(0);
    // After a quiet while the bucket is full again (not more than full).
    t.now += 60_000;
    slept.length = 0;
    await Promise.all([1, 2, 3, 4].map(() => buckets.take('a')));
    expect(slept).toEqual([1000]);
  });
});
