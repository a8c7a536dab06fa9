import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SendError } from '../../src/app/outbox-sender.js';
import type { Channel } from '../../src/channels/port.js';
import type { OutboxMessage } from '../../src/storage/outbox.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { dbOf } from '../helpers/db.js';
import { seedRegistrations } from '../helpers/seed.js';

/** A channel written against the port alone (an SMS gateway, say): what adding a channel takes. */
function smsChannel(opts: { failFirst?: number; phones?: boolean } = {}) {
  const sent: OutboxMessage[] = [];
  let failures = opts.failFirst ?? 0;
  const channel: Channel & { sent: OutboxMessage[] } = {
    id: 'sms',
    sent,
    async start() {},
    async stop() {},
    async send(m) {
      if (failures > 0) {
        failures--;
        throw new SendError('gateway busy', false, 1);
      }
      sent.push(m);
    },
    sending: { pollMs: 10, combine: (a, b) => a.kind === 'reply' && b.kind === 'reply' && a.createdAt === b.createdAt && !a.reply.choices?.length },
    ...(opts.phones ? { addressOfPhone: (phone: string) => `sms:${phone}` } : {}),
  };
  return channel;
}

async function until(pred: () => boolean | Promise<boolean>, what: string): Promise<void> {
  // Generous: a busy machine may take a while; nothing here measures speed.
  for (let i = 0; i < 2000 && !(await pred()); i++) await new Promise((r) => setTimeout(r, 10));
  if (!(await pred())) throw new Error(`timed out waiting for ${what}`);
}

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await cleanup(h);
});

describe('the channel port and the one dispatcher', () => {
  it("sends a channel's replies after the commit, combined as the channel allows, through its send only", async () => {
    const sms = smsChannel();
    h.runtime.app.attach(sms);
    await h.runtime.app.handle({ channel: 'sms', externalId: '+6281100000001', text: 'halo', messageId: 'm1' });
    await until(() => sms.sent.length > 0, 'the reply');
    // The greeting and the menu were two replies of one message: one SMS.
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0]!.reply.text).toContain('Lindung');
    expect(sms.sent[0]!.externalId).toBe('+6281100000001');
    // Taken off the queue once sent (the send resolves first: on PostgreSQL the delete is a round trip later).
    const left = () => dbOf(h).count("SELECT count(*) AS n FROM outbox WHERE channel = 'sms'");
    await until(async () => (await left()) === 0, 'the sent reply leaving the outbox');
    expect(await left()).toBe(0);
    expect(sms.sent).toHaveLength(1);
  });

  it('keeps a failed send and retries it, in order', async () => {
    const sms = smsChannel({ failFirst: 2 });
    h.runtime.app.attach(sms);
    await h.runtime.app.handle({ channel: 'sms', externalId: 'a', text: 'halo', messageId: 'm1' });
    await h.runtime.app.handle({ channel: 'sms', externalId: 'a', text: 'menu', messageId: 'm2' });
    // The harness clock stands still: move it past each retry time.
    await until(() => {
      h.clock.now += 1000;
      return sms.sent.length >= 2;
    }, 'both replies');
    expect(sms.sent.map((m) => m.id)).toEqual([...sms.sent.map((m) => m.id)].sort((x, y) => x - y));
  });

  it('queues for a channel that is not attached yet, and sends once it is', async () => {
    await h.runtime.app.handle({ channel: 'sms', externalId: 'b', text: 'halo', messageId: 'm1' });
    const sms = smsChannel();
    h.runtime.app.attach(sms);
    await until(() => sms.sent.length > 0, 'the queued reply');
    expect(sms.sent[0]!.externalId).toBe('b');
  });

  it("reaches a phone-only person through the configured phone channel, once it is attached and can address a phone", async () => {
    // The harness runtime's default: PHONE_CHANNEL=whatsapp. Not attached: nobody to tell.
    const [row] = (await seedRegistrations(h, 1, { cipher: h.runtime.store.cipher, statusWeights: { submitted: 1, needs_correction: 0, approved: 0, registered: 0, rejected: 0, deleted: 0 } })).rows;
    await dbOf(h).run('UPDATE people SET phone = ? WHERE id = ?', [h.runtime.store.cipher.encrypt('+6281100000002'), row!.applicantId]);
    await dbOf(h).run('DELETE FROM identities WHERE person_id = ?', [row!.applicantId]);
    const before = await h.runtime.app.changeStatus(row!.reference, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });
    expect(before.notified.filter((n) => n.role === 'applicant')).toEqual([]);

    const wa: Channel & { sent: OutboxMessage[] } = { ...smsChannel({ phones: true }), id: 'whatsapp' };
    h.runtime.app.attach(wa);
    const after = await h.runtime.app.changeStatus(row!.reference, { to: 'registered', actor: { kind: 'officer', id: 'ana' }, kpj: '12345678901' });
    expect(after.notified.filter((n) => n.role === 'applicant').map((n) => n.channel)).toEqual(['whatsapp']);
    // An officer's action is sent at once, without waiting for the poll.
    await until(() => wa.sent.length > 0, 'the news on WhatsApp');
    expect(wa.sent[0]!.externalId).toBe('sms:+6281100000002');
    expect(wa.sent[0]!.reply.text).toContain('12345678901');
  });
});

describe('news that can never be delivered', () => {
  it("is noted on its registration with the channel's reason; a plain reply that cannot be delivered is only dropped", async () => {
    const [row] = (await seedRegistrations(h, 1, { cipher: h.runtime.store.cipher, statusWeights: { submitted: 1, needs_correction: 0, approved: 0, registered: 0, rejected: 0, deleted: 0 } })).rows;
    await dbOf(h).run('UPDATE people SET phone = ? WHERE id = ?', [h.runtime.store.cipher.encrypt('+6281100000002'), row!.applicantId]);
    await dbOf(h).run('DELETE FROM identities WHERE person_id = ?', [row!.applicantId]);
    const tried: OutboxMessage[] = [];
    const blocked: Channel = {
      id: 'whatsapp',
      async start() {},
      async stop() {},
      addressOfPhone: (phone: string) => `sms:${phone}`,
      async send(m) {
        tried.push(m);
        throw new SendError('Forbidden: bot was blocked by the user', true, undefined, 'blocked');
      },
      sending: { pollMs: 10 },
    };
    h.runtime.app.attach(blocked);
    await h.runtime.app.enqueue({ channel: 'whatsapp', externalId: 'sms:+6281100000009', reply: { text: 'x' }, kind: 'reply' });
    await h.runtime.app.changeStatus(row!.reference, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });
    await until(() => tried.length === 2, 'both sends tried');
    const events = async () =>
      (await h.runtime.app.registrations.events((await h.runtime.app.registrations.idOf(row!.reference))!)).filter((e) => e.action === 'delivery_failed');
    await until(async () => (await events()).length === 1, 'the failure noted');
    expect(JSON.parse((await events())[0]!.detail!)).toEqual({ channel: 'whatsapp', reason: 'blocked', recipient: 'applicant' });
    // Both left the queue: never retried (once the senders settle: on PostgreSQL the removal is a round trip after the send).
    await h.runtime.app.flush(5000);
    expect(await h.runtime.app.outbox.pendingCount()).toBe(0);
  });
});

describe('the dispatcher keeps going', () => {
  it("sends a reply committed while another chat's send is slow, without waiting for it", async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const sent: string[] = [];
    const channel: Channel = {
      id: 'sms',
      async start() {},
      async stop() {},
      async send(m) {
        if (m.externalId === 'slow') await slow;
        sent.push(m.externalId);
      },
      sending: { pollMs: 10_000, concurrency: 4 },
    };
    h.runtime.app.attach(channel);
    const slowHandled = h.runtime.app.handle({ channel: 'sms', externalId: 'slow', text: 'halo', messageId: 's1' });
    await until(async () => (await h.runtime.app.outbox.pendingCount()) > 0, 'the slow chat being sent');
    await h.runtime.app.handle({ channel: 'sms', externalId: 'quick', text: 'halo', messageId: 'q1' });
    await until(() => sent.includes('quick'), 'the quick reply');
    expect(sent).not.toContain('slow');
    release();
    await slowHandled;
    await until(() => sent.includes('slow'), 'the slow reply');
  });
});
