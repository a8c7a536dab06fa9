// Two bot processes on one PostgreSQL database (two runtimes in this test, each with its own pool;
// PostgreSQL only: two SQLite connections in one event loop would wait on each other's transactions).
// Messages of a person may reach either process; each reply goes out once, from one process at a
// time per chat, in the order the conversation produced it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Channel } from '../../src/channels/port.js';
import { loadConfig } from '../../src/config.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import type { OutboxMessage } from '../../src/storage/outbox.js';
import { cleanup, NIK_MALE, NOW, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';
import { dbOf } from '../helpers/db.js';

let h: Harness;
let b: Runtime;
const clock = { now: NOW };

beforeEach(async () => {
  h = await startHarness({ env: { INSTANCE_ID: 'a' } });
  // The second process: the same database (file or URL) and keys (the key file beside DATABASE_PATH).
  b = await createRuntime(
    loadConfig({ SQLITE_SYNCHRONOUS: 'NORMAL', DATABASE_PATH: h.dbPath, LOG_LEVEL: 'silent', INSTANCE_ID: 'b', ...(h.databaseUrl ? { DATABASE_URL: h.databaseUrl } : {}) }),
    { logger: pino({ level: 'silent' }), clock: () => clock.now, random: seeded(7) },
  );
  clock.now = NOW;
});
afterEach(async () => {
  await b.close();
  await cleanup(h);
});

/** A channel that records what it was given to send, and by which process. */
function recorder(name: string, sent: { by: string; to: string; text: string; id: number }[], sending: Channel['sending'] = {}): Channel {
  return {
    id: 'test',
    start: async () => undefined,
    stop: async () => undefined,
    send: async (m: OutboxMessage) => {
      // A send takes a moment: the other process must not take this chat's next message meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 2));
      sent.push({ by: name, to: m.externalId, text: m.reply.text, id: m.id });
    },
    sending: { pollMs: 10, ...sending },
  };
}

async function drained(runtimes: Runtime[]): Promise<void> {
  for (let i = 0; i < 500; i++) {
    await Promise.all(runtimes.map((r) => r.app.kick()));
    if ((await dbOf(h).count('outbox')) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the outbox never emptied');
}

describe('two processes on one database', () => {
  it('handles each person in order whichever process a message reaches, and sends every reply once, in order', async () => {
    const a = h.runtime;
    const sent: { by: string; to: string; text: string; id: number }[] = [];
    a.app.attach(recorder('a', sent));
    b.app.attach(recorder('b', sent));
    const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const script = registrationScript({ nik: NIK_MALE });
    // Everyone at once; each person's messages one after another, alternating between the processes.
    const replies = new Map<string, string[]>();
    await Promise.all(
      people.map(async (person, p) => {
        const mine: string[] = [];
        for (const [i, text] of script.entries()) {
          const via = (i + p) % 2 === 0 ? a : b;
          const result = await via.app.handle({ channel: 'test', externalId: person, text, messageId: `${person}-${i}` });
          expect(result.duplicate).toBe(false);
          mine.push(...result.replies.map((r) => r.text));
        }
        replies.set(person, mine);
      }),
    );
    await drained([a, b]);
    for (const person of people) {
      const got = sent.filter((s) => s.to === person);
      // Each reply once, in the order the conversation produced them (ids are commit order per person).
      expect(got.map((s) => s.text)).toEqual(replies.get(person));
      expect(got.map((s) => s.id)).toEqual([...got.map((s) => s.id)].sort((x, y) => x - y));
    }
    // Everyone's registration went in, once (the NIK is the same: one is open, the others wait behind it as duplicates?).
    expect(await dbOf(h).count('registrations')).toBeGreaterThan(0);
  });

  it('drops a message delivered to both processes (the same platform id) once handled by either', async () => {
    const first = await h.runtime.app.handle({ channel: 'test', externalId: 'u', text: 'halo', messageId: 'dup-1' });
    const again = await b.app.handle({ channel: 'test', externalId: 'u', text: 'halo', messageId: 'dup-1' });
    expect(first.duplicate).toBe(false);
    expect(again.duplicate).toBe(true);
    expect(again.replies).toEqual([]);
  });

  it('lets one process at a time send an exclusive channel, and the other take over when it stops', async () => {
    const sent: { by: string; to: string; text: string; id: number }[] = [];
    h.runtime.app.attach(recorder('a', sent, { exclusive: true }));
    await h.runtime.app.handle({ channel: 'test', externalId: 'x', text: 'halo' });
    await drained([h.runtime]);
    b.app.attach(recorder('b', sent, { exclusive: true }));
    await b.app.handle({ channel: 'test', externalId: 'y', text: 'halo' });
    // b does not hold the channel's lease: a sends y's reply too.
    await drained([h.runtime, b]);
    expect(sent.length).toBeGreaterThan(1);
    expect(new Set(sent.map((s) => s.by))).toEqual(new Set(['a']));
    // a stops sending (a clean stop gives the lease back): b takes over.
    await h.runtime.app.stopSending();
    await b.app.handle({ channel: 'test', externalId: 'z', text: 'halo' });
    clock.now += 60_000;
    await drained([b]);
    const toZ = sent.filter((s) => s.to === 'z');
    expect(toZ.length).toBeGreaterThan(0);
    expect(new Set(toZ.map((s) => s.by))).toEqual(new Set(['b']));
  });

  it('takes over the messages a process claimed and then died with, once its claim ran out', async () => {
    // Claimed by a process that died before sending (its claim still runs).
    await h.runtime.app.handle({ channel: 'test', externalId: 'w', text: 'halo' });
    const waiting = await dbOf(h).count('outbox');
    expect(waiting).toBeGreaterThan(0);
    await dbOf(h).run("UPDATE outbox SET claimed_by = 'dead', claimed_until = ?", [NOW + 30_000]);
    const sent: { by: string; to: string; text: string; id: number }[] = [];
    b.app.attach(recorder('b', sent));
    await b.app.kick();
    expect(sent).toEqual([]);
    clock.now = NOW + 30_001;
    await drained([b]);
    expect(sent.length).toBe(waiting);
  });
});
