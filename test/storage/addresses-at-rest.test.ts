// Chat addresses at rest, on both stores: no phone number or chat id in any column after whole
// conversations (addresses-chats.ts), people found again by their addresses, and an erasure through
// the addresses' index. The SQLite file's own bytes and a key rotation (`npm run keys` re-encrypts
// the SQLite file; it refuses with DATABASE_URL): addresses-at-rest.sqlite.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressKey } from '../../src/storage/addresses.js';
import { foundInTables, startWhatsApp, until } from '../helpers/addresses.js';
import { dbOf } from '../helpers/db.js';
import { lidJid, pnJid } from '../helpers/fake-baileys.js';
import { cleanup, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { expectAfter, registrationTurns } from '../helpers/registration.js';
import { ASKS, closeChannels, converseEverywhere, LID, OTHER, PHONE, say as sayOn, SECRETS, type OpenChannels } from './addresses-chats.js';

let h: Harness;
const open: OpenChannels = {};
beforeEach(async () => {
  h = await startHarness({ realClock: true });
});
afterEach(async () => {
  await closeChannels(open);
  await cleanup(h);
});

/** Writes from WhatsApp and waits for an answer containing `expect` (addresses-chats.ts). */
const say = (from: string, text: string, expect: string, opts: { senderPn?: string } = {}) => sayOn(h, open, from, text, expect, opts);

describe('chat addresses at rest', () => {
  it('after WhatsApp and Telegram conversations, no phone number or chat id is in any column of the database', async () => {
    await converseEverywhere(h, open);
    // The check itself must be able to see a value written in clear: the names kept for the search are there.
    expect(await foundInTables(h.runtime.store.sql, ['Siti Aminah'])).not.toEqual([]);
    expect(await foundInTables(h.runtime.store.sql, SECRETS)).toEqual([]);
    await closeChannels(open);
    // Once everything is stopped, too.
    expect(await foundInTables(h.runtime.store.sql, SECRETS)).toEqual([]);
  }, 60_000);

  it('finds a person again by their address after a restart, and sends each chat its messages in order, to its address', async () => {
    open.wa = await startWhatsApp(h);
    for (const turn of registrationTurns({}, { until: 'nik' })) await say(pnJid(PHONE), turn.text, expectAfter(turn, ASKS));
    const personId = (await h.runtime.store.people.findOrCreate('whatsapp', pnJid(PHONE), Date.now(), 'id')).personId;
    await closeChannels(open);

    h = await h.reopen();
    const wa = (open.wa = await startWhatsApp(h));
    expect(await h.runtime.store.people.knows('whatsapp', pnJid(PHONE))).toBe(true);
    expect(await h.runtime.store.people.identities(personId)).toEqual([{ channel: 'whatsapp', externalId: pnJid(PHONE) }]);
    // The conversation goes on where it was: the next answer is the NIK's.
    expect(await say(pnJid(PHONE), NIK_MALE, 'Tempat lahir')).not.toContain('Menu utama');
    expect(await dbOf(h).count('people')).toBe(1);

    // Interleaved news for two chats: each gets its own, in order; the first of one is refused once.
    wa.sock().failNextSend(new Error('socket hiccup'));
    await h.runtime.store.transaction(async () => {
      for (const i of [1, 2, 3]) {
        await h.runtime.store.outbox.add(personId, 'whatsapp', pnJid(PHONE), { text: `untuk A ${i}` }, Date.now(), 'notification');
        await h.runtime.store.outbox.add(null, 'whatsapp', pnJid(OTHER), { text: `untuk B ${i}` }, Date.now(), 'notification');
      }
    });
    void h.runtime.app.kick('whatsapp');
    const news = () => wa.sock().sent.filter((x) => String(x.content.text).startsWith('untuk'));
    await until(() => news().length === 6, 'all six sent', 20_000);
    expect(news().filter((x) => x.jid === pnJid(PHONE)).map((x) => x.content.text)).toEqual(['untuk A 1', 'untuk A 2', 'untuk A 3']);
    expect(news().filter((x) => x.jid === pnJid(OTHER)).map((x) => x.content.text)).toEqual(['untuk B 1', 'untuk B 2', 'untuk B 3']);
    // Each is taken off the queue once its send resolved (on PostgreSQL a round trip later): the senders settle first.
    await h.runtime.app.flush(5000);
    expect(await h.runtime.store.outbox.pendingCount()).toBe(0);
  }, 60_000);

  it("an erasure finds the person's queued, received and sent messages through their addresses' index", async () => {
    const app = h.runtime.app;
    const s = h.runtime.store;
    const { personId } = await app.handle({ channel: 'whatsapp', externalId: pnJid(PHONE), aliases: [lidJid(LID)], phone: `+${PHONE}`, text: 'halo' });
    await app.handle({ channel: 'whatsapp', externalId: pnJid(OTHER), text: 'halo' });
    const count = (sql: string) => dbOf(h).count(sql);
    await s.transaction(async () => {
      for (const jid of [lidJid(LID), pnJid(OTHER)]) {
        await s.outbox.add(null, 'whatsapp', jid, { text: 'x' }, Date.now(), 'notification');
        await s.inbox.add({ channel: 'whatsapp', externalId: jid, messageId: `M-${jid}`, payload: JSON.stringify({ channel: 'whatsapp', externalId: jid, text: 'x' }), now: Date.now() });
        await s.whatsappSent.record({ id: `S-${jid}`, jid, outboxId: null, message: '{}', now: Date.now() });
      }
    });
    const other = addressKey(s.cipher, 'whatsapp', pnJid(OTHER));
    const theirs = [pnJid(PHONE), lidJid(LID)].map((jid) => `'${addressKey(s.cipher, 'whatsapp', jid)}'`).join(', ');
    // Their replies (no channel attached: still queued) and what was queued to their LID, received from it, sent to it.
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE recipient_key IN (${theirs})`)).toBeGreaterThan(1);
    expect(await count(`SELECT count(*) AS n FROM inbox WHERE sender_key IN (${theirs})`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM wa_sent WHERE jid_key IN (${theirs})`)).toBe(1);
    await s.transaction(() => s.erasure.erasePerson(personId!, { now: Date.now(), actorKind: 'applicant', actorId: String(personId), reason: 'deleted_by_applicant' }));
    // Only the other person's are left.
    expect(await dbOf(h).all('SELECT DISTINCT recipient_key AS k FROM outbox')).toEqual([{ k: other }]);
    expect(await dbOf(h).all('SELECT sender_key AS k FROM inbox')).toEqual([{ k: other }]);
    expect(await dbOf(h).all('SELECT jid_key AS k FROM wa_sent')).toEqual([{ k: other }]);
    expect(await s.people.knows('whatsapp', pnJid(PHONE))).toBe(false);
    expect(await s.people.knows('whatsapp', lidJid(LID))).toBe(false);
    expect(await s.people.knows('whatsapp', pnJid(OTHER))).toBe(true);
  });
});
