import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/app/invites.js';
import { useSqliteAuthState } from '../../src/channels/whatsapp/auth-state.js';
import { baileysAuthCodec } from '../../src/channels/whatsapp/baileys.js';
import type { WhatsAppChannel } from '../../src/channels/whatsapp/channel.js';
import type { TelegramChannel } from '../../src/channels/telegram/channel.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { addressKey } from '../../src/storage/addresses.js';
import { SEALED_COLUMNS } from '../../src/storage/at-rest.js';
import { foundInFiles, phoneForms, startWhatsApp, until } from '../helpers/addresses.js';
import { lidJid, pnJid, type FakeSocket } from '../helpers/fake-baileys.js';
import { privateChat, startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { cleanup, NIK_FEMALE, NIK_MALE, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { expectAfter, neighbourTurns, registrationTurns } from '../helpers/registration.js';
import { chatDriver, startTelegram } from '../helpers/telegram-driver.js';

const PHONE = '6281234567890';
const LID = '123456789012345';
const OTHER = '6281355550001';
/** A neighbour a Telegram cadre registers, reached on WhatsApp by their number. */
const NEIGHBOUR = '6281298765432';
/** The fake socket's own number (in the WhatsApp creds). */
const OWN = '6281100000000';
const TG_CHAT = 7351902468;
const SECRETS = [...phoneForms(PHONE), ...phoneForms(NEIGHBOUR), ...phoneForms(OTHER), ...phoneForms(OWN), LID, String(TG_CHAT)];

const ASKS = {
  consent: 'Apakah Anda setuju', fullName: 'Nama lengkap', nik: 'NIK', birthPlace: 'Tempat lahir', birthDate: 'Tanggal lahir',
  sex: 'Jenis kelamin', kecamatan: 'Kecamatan', desa: 'Desa', address: 'Alamat', phone: 'Pakai nomor ini', occupation: 'Pekerjaan',
  income: 'penghasilan', groupId: 'kelompok', programmes: 'Program', heirName: 'ahli waris', heirRelation: 'Hubungan',
  summary: 'Periksa data Anda', sent: 'terkirim',
};
const NEIGHBOUR_ASKS = {
  ...ASKS, consent: 'warga sudah diberi tahu', fullName: 'Nama lengkap warga', phone: 'Nomor HP', summary: 'Periksa data warga',
};

let h: Harness;
let wa: { channel: WhatsAppChannel; sock: () => FakeSocket } | undefined;
let tg: TelegramChannel | undefined;
let fake: FakeTelegram | undefined;
beforeEach(async () => {
  h = await startHarness({ realClock: true });
});
afterEach(async () => {
  await wa?.channel.stop();
  await tg?.stop();
  await fake?.close();
  wa = tg = fake = undefined;
  await cleanup(h);
});

/** Writes from WhatsApp (`from`, with `opts` as Baileys gives them) and waits for an answer containing `expect`. */
async function say(from: string, text: string, expect: string, opts: { senderPn?: string } = {}): Promise<string> {
  const sock = wa!.sock();
  const before = sock.sent.length;
  sock.receiveText(from, text, opts);
  await until(() => sock.sent.slice(before).some((s) => String(s.content.text).includes(expect)), `"${expect}" after "${text}"`);
  // The rest of that answer too (all of it was queued in one commit).
  await h.runtime.app.flush(5000);
  return sock.sent.slice(before).map((s) => String(s.content.text)).join('\n---\n');
}

/** What Baileys keeps about a contact in the login store: every key named after (or holding) their number. */
async function writeLoginKeys(): Promise<void> {
  const auth = await useSqliteAuthState(h.runtime.store.whatsappAuth, baileysAuthCodec);
  await auth.state.keys.set({
    session: { [`${PHONE}.0`]: Buffer.from('session record') },
    'identity-key': { [`${PHONE}.0`]: Buffer.from('identity') },
    'lid-mapping': { [PHONE]: LID, [`${LID}_reverse`]: PHONE },
    'device-list': { [PHONE]: ['0', '1'] },
    'sender-key-memory': { '120363025246125486@g.us': { [`${PHONE}:0@s.whatsapp.net`]: true } },
    tctoken: { [pnJid(PHONE)]: { token: Buffer.from('tc') }, __index: { token: Buffer.from(JSON.stringify([pnJid(PHONE)])) } },
  });
}

/** A reply waiting for a retry and a message waiting to be handled, both for `jid`. */
function leaveWaiting(jid: string): Promise<number> {
  return h.runtime.store.transaction(async () => {
    const id = await h.runtime.store.outbox.add(null, 'whatsapp', jid, { text: 'nanti' }, Date.now(), 'notification');
    await h.runtime.store.outbox.markFailed(id, Date.now() + 3600_000, 'later');
    await h.runtime.store.inbox.add({ channel: 'whatsapp', externalId: jid, messageId: 'WAITING-1', payload: JSON.stringify({ channel: 'whatsapp', externalId: jid, text: 'halo' }), now: Date.now() });
    return id;
  });
}

describe('chat addresses at rest', () => {
  it('after WhatsApp and Telegram conversations, no phone number or chat id is in the database file or its WAL', async () => {
    wa = await startWhatsApp(h);
    // Written from a LID with the phone number beside it: both addresses are kept, keyed by the phone.
    const replies: Record<string, string> = {};
    for (const turn of registrationTurns({ phone: '1' })) replies[turn.next] = await say(lidJid(LID), turn.text, expectAfter(turn, ASKS), { senderPn: PHONE });
    expect(replies.phone).toContain('+62812****7890');
    expect(replies.sent).toMatch(/LD-\w{5}/);
    await h.runtime.app.handle({ channel: 'whatsapp', externalId: pnJid(PHONE), text: 'tanya petugas' });
    await h.runtime.app.handle({ channel: 'whatsapp', externalId: pnJid(PHONE), text: 'Kapan kartu saya jadi?' });
    expect(await h.runtime.store.questions.openCount()).toBe(1);

    // A Telegram cadre registers a neighbour by phone number; the officer's decision reaches the neighbour on WhatsApp.
    fake = await startFakeTelegram();
    tg = await startTelegram(h, fake);
    const settings = loadProgrammeSettings('data/programme.example.json');
    const code = (await createInvite(h.runtime.store.cadres, settings, { desa: 'Mekar Sari', role: 'kader', now: Date.now(), random: seeded(3) })).code;
    const d = chatDriver(fake, privateChat(TG_CHAT, 'Kader'), h);
    await d.type(`/start ${code}`, 'Menu kader');
    let last = '';
    for (const turn of neighbourTurns({ fullName: 'Siti Aminah', nik: NIK_FEMALE, birthDate: '17-05-1985', sex: 'perempuan', phone: '0812 9876 5432' })) last = (await d.type(turn.text, expectAfter(turn, NEIGHBOUR_ASKS))).text;
    const reference = /LD-\w{5}/.exec(last)![0];
    await h.runtime.app.changeStatus(reference, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });
    await until(() => wa!.sock().sent.some((x) => x.jid === pnJid(NEIGHBOUR)), 'the news to the neighbour');
    await h.runtime.app.flush(5000);

    await writeLoginKeys();
    await leaveWaiting(pnJid(OTHER));
    // The copies kept for resend requests, the login and the chats are all there.
    expect((h.runtime.db.prepare('SELECT count(*) AS n FROM wa_sent').get() as { n: number }).n).toBeGreaterThan(10);
    expect((h.runtime.db.prepare('SELECT count(*) AS n FROM identities').get() as { n: number }).n).toBe(3);
    expect(await h.runtime.store.whatsappAuth.hasCreds()).toBe(true);

    // While running (what was written is still in the WAL), after a checkpoint, and once closed.
    expect(statSync(`${h.dbPath}-wal`).size).toBeGreaterThan(0);
    expect(foundInFiles(h.dbPath, SECRETS)).toEqual([]);
    await h.runtime.store.erasure.compact();
    expect(statSync(`${h.dbPath}-wal`).size).toBe(0);
    expect(foundInFiles(h.dbPath, SECRETS)).toEqual([]);
    await wa.channel.stop();
    await tg.stop();
    wa = tg = undefined;
    await h.close();
    expect(foundInFiles(h.dbPath, SECRETS)).toEqual([]);
  }, 60_000);

  it('finds a person again by their address after a restart, and sends each chat its messages in order, to its address', async () => {
    wa = await startWhatsApp(h);
    for (const turn of registrationTurns({}, { until: 'nik' })) await say(pnJid(PHONE), turn.text, expectAfter(turn, ASKS));
    const personId = (await h.runtime.store.people.findOrCreate('whatsapp', pnJid(PHONE), Date.now(), 'id')).personId;
    await wa.channel.stop();

    h = await h.reopen();
    wa = await startWhatsApp(h);
    expect(await h.runtime.store.people.knows('whatsapp', pnJid(PHONE))).toBe(true);
    expect(await h.runtime.store.people.identities(personId)).toEqual([{ channel: 'whatsapp', externalId: pnJid(PHONE) }]);
    // The conversation goes on where it was: the next answer is the NIK's.
    expect(await say(pnJid(PHONE), NIK_MALE, 'Tempat lahir')).not.toContain('Menu utama');
    expect(h.runtime.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 });

    // Interleaved news for two chats: each gets its own, in order; the first of one is refused once.
    wa.sock().failNextSend(new Error('socket hiccup'));
    await h.runtime.store.transaction(async () => {
      for (const i of [1, 2, 3]) {
        await h.runtime.store.outbox.add(personId, 'whatsapp', pnJid(PHONE), { text: `untuk A ${i}` }, Date.now(), 'notification');
        await h.runtime.store.outbox.add(null, 'whatsapp', pnJid(OTHER), { text: `untuk B ${i}` }, Date.now(), 'notification');
      }
    });
    void h.runtime.app.kick('whatsapp');
    const news = () => wa!.sock().sent.filter((x) => String(x.content.text).startsWith('untuk'));
    await until(() => news().length === 6, 'all six sent', 20_000);
    expect(news().filter((x) => x.jid === pnJid(PHONE)).map((x) => x.content.text)).toEqual(['untuk A 1', 'untuk A 2', 'untuk A 3']);
    expect(news().filter((x) => x.jid === pnJid(OTHER)).map((x) => x.content.text)).toEqual(['untuk B 1', 'untuk B 2', 'untuk B 3']);
    expect(await h.runtime.store.outbox.pendingCount()).toBe(0);
  }, 60_000);

  it('a key rotation encrypts the addresses again and keeps every lookup working (the index key stays)', async () => {
    wa = await startWhatsApp(h);
    await say(lidJid(LID), 'halo', 'Saya Lindung', { senderPn: PHONE });
    await h.runtime.app.handle({ channel: 'whatsapp', externalId: pnJid(PHONE), text: 'tanya petugas' });
    await h.runtime.app.handle({ channel: 'whatsapp', externalId: pnJid(PHONE), text: 'Kapan kartu saya jadi?' });
    await writeLoginKeys();
    const waiting = await leaveWaiting(pnJid(OTHER));
    const sentId = wa.sock().sent[0]!.id;
    const keys = () => ({
      identities: h.runtime.db.prepare('SELECT external_key AS k FROM identities ORDER BY 1').all(),
      outbox: h.runtime.db.prepare('SELECT recipient_key AS k FROM outbox ORDER BY 1').all(),
      inbox: h.runtime.db.prepare('SELECT sender_key AS k FROM inbox ORDER BY 1').all(),
      sent: h.runtime.db.prepare('SELECT jid_key AS k FROM wa_sent ORDER BY 1').all(),
      login: h.runtime.db.prepare('SELECT id_key AS k FROM wa_auth_keys ORDER BY 1').all(),
    });
    const before = keys();

    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', 'rotate'], {
      env: { ...process.env, DATABASE_PATH: h.dbPath, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    // Every sealed value, the addresses and the login among them, is under the new key; the indexes did not change.
    for (const { table, column } of SEALED_COLUMNS) {
      for (const { v } of h.runtime.db.prepare(`SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`).all() as { v: string }[]) {
        // The prefix only (which key), never the value, in a failure's message.
        expect(v.slice(0, v.indexOf(':', 5) + 1), `${table}.${column}`).toBe('enc1:2:');
      }
    }
    expect(keys()).toEqual(before);

    const check = async (hh: Harness) => {
      const s = hh.runtime.store;
      expect(await s.people.knows('whatsapp', pnJid(PHONE))).toBe(true);
      expect(await s.people.knows('whatsapp', lidJid(LID))).toBe(true);
      const auth = await useSqliteAuthState(s.whatsappAuth, baileysAuthCodec);
      expect(await auth.state.keys.get('lid-mapping', [PHONE, `${LID}_reverse`])).toEqual({ [PHONE]: LID, [`${LID}_reverse`]: PHONE });
      expect(Buffer.from((await auth.state.keys.get('session', [`${PHONE}.0`]) as Record<string, Uint8Array>)[`${PHONE}.0`]!).toString()).toBe('session record');
      expect(JSON.parse((await s.whatsappAuth.creds())!).me.id).toContain(OWN);
      expect((await s.outbox.due('whatsapp', Date.now() + 7200_000)).find((m) => m.id === waiting)?.externalId).toBe(pnJid(OTHER));
      expect((await s.whatsappSent.sent(sentId))?.jid).toBe(lidJid(LID));
      const externalIds: (string | undefined)[] = [];
      for (const q of await s.questions.open(10)) externalIds.push((await s.questions.byId(q.id))?.externalId);
      expect(externalIds).toEqual([pnJid(PHONE)]);
    };
    // The running bot reads the new ring when it meets a value under the new key, and finds everyone as before.
    await check(h);
    expect(await say(pnJid(PHONE), 'menu', 'Menu utama')).toContain('Menu utama');
    expect(h.runtime.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 });
    await wa.channel.stop();
    wa = undefined;
    // And so does the next start.
    h = await h.reopen();
    await check(h);
  }, 60_000);

  it("an erasure finds the person's queued, received and sent messages through their addresses' index", async () => {
    const app = h.runtime.app;
    const s = h.runtime.store;
    const { personId } = await app.handle({ channel: 'whatsapp', externalId: pnJid(PHONE), aliases: [lidJid(LID)], phone: `+${PHONE}`, text: 'halo' });
    await app.handle({ channel: 'whatsapp', externalId: pnJid(OTHER), text: 'halo' });
    const count = (sql: string) => (h.runtime.db.prepare(sql).get() as { n: number }).n;
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
    expect(count(`SELECT count(*) AS n FROM outbox WHERE recipient_key IN (${theirs})`)).toBeGreaterThan(1);
    expect(count(`SELECT count(*) AS n FROM inbox WHERE sender_key IN (${theirs})`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM wa_sent WHERE jid_key IN (${theirs})`)).toBe(1);
    await s.transaction(() => s.erasure.erasePerson(personId!, { now: Date.now(), actorKind: 'applicant', actorId: String(personId), reason: 'deleted_by_applicant' }));
    // Only the other person's are left.
    expect(h.runtime.db.prepare('SELECT DISTINCT recipient_key AS k FROM outbox').all()).toEqual([{ k: other }]);
    expect(h.runtime.db.prepare('SELECT sender_key AS k FROM inbox').all()).toEqual([{ k: other }]);
    expect(h.runtime.db.prepare('SELECT jid_key AS k FROM wa_sent').all()).toEqual([{ k: other }]);
    expect(await s.people.knows('whatsapp', pnJid(PHONE))).toBe(false);
    expect(await s.people.knows('whatsapp', lidJid(LID))).toBe(false);
    expect(await s.people.knows('whatsapp', pnJid(OTHER))).toBe(true);
  });
});
