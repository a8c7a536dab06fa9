// The chats the address-at-rest tests hold (addresses-at-rest.test.ts on both stores,
// addresses-at-rest.sqlite.test.ts on the SQLite file's bytes): a WhatsApp registration written from
// a LID with the phone beside it, a question, a Telegram cadre's neighbour reached on WhatsApp, the
// WhatsApp login's keys, and a reply and a message left waiting.
import { expect } from 'vitest';
import { createInvite } from '../../src/app/invites.js';
import { useSqliteAuthState } from '../../src/channels/whatsapp/auth-state.js';
import { baileysAuthCodec } from '../../src/channels/whatsapp/baileys.js';
import type { WhatsAppChannel } from '../../src/channels/whatsapp/channel.js';
import type { TelegramChannel } from '../../src/channels/telegram/channel.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { phoneForms, startWhatsApp, until } from '../helpers/addresses.js';
import { dbOf } from '../helpers/db.js';
import { lidJid, pnJid, type FakeSocket } from '../helpers/fake-baileys.js';
import { privateChat, startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { NIK_FEMALE, seeded, type Harness } from '../helpers/harness.js';
import { expectAfter, neighbourTurns, registrationTurns } from '../helpers/registration.js';
import { chatDriver, startTelegram } from '../helpers/telegram-driver.js';

export const PHONE = '6281234567890';
export const LID = '123456789012345';
export const OTHER = '6281355550001';
/** A neighbour a Telegram cadre registers, reached on WhatsApp by their number. */
export const NEIGHBOUR = '6281298765432';
/** The fake socket's own number (in the WhatsApp creds). */
export const OWN = '6281100000000';
export const TG_CHAT = 7351902468;
export const SECRETS = [...phoneForms(PHONE), ...phoneForms(NEIGHBOUR), ...phoneForms(OTHER), ...phoneForms(OWN), LID, String(TG_CHAT)];

export const ASKS = {
  consent: 'Apakah Anda setuju', fullName: 'Nama lengkap', nik: 'NIK', birthPlace: 'Tempat lahir', birthDate: 'Tanggal lahir',
  sex: 'Jenis kelamin', kecamatan: 'Kecamatan', desa: 'Desa', address: 'Alamat', phone: 'Pakai nomor ini', occupation: 'Pekerjaan',
  income: 'penghasilan', groupId: 'kelompok', programmes: 'Program', heirName: 'ahli waris', heirRelation: 'Hubungan',
  summary: 'Periksa data Anda', sent: 'terkirim',
};
export const NEIGHBOUR_ASKS = {
  ...ASKS, consent: 'warga sudah diberi tahu', fullName: 'Nama lengkap warga', phone: 'Nomor HP', summary: 'Periksa data warga',
};

/** The channels a test opened, for its afterEach to stop. */
export interface OpenChannels {
  wa?: { channel: WhatsAppChannel; sock: () => FakeSocket };
  tg?: TelegramChannel;
  fake?: FakeTelegram;
}

/** Stops what is open and forgets it. */
export async function closeChannels(open: OpenChannels): Promise<void> {
  await open.wa?.channel.stop();
  await open.tg?.stop();
  await open.fake?.close();
  open.wa = open.tg = open.fake = undefined;
}

/** Writes from WhatsApp (`from`, with `opts` as Baileys gives them) and waits for an answer containing `expect`. */
export async function say(h: Harness, open: OpenChannels, from: string, text: string, expect: string, opts: { senderPn?: string } = {}): Promise<string> {
  const sock = open.wa!.sock();
  const before = sock.sent.length;
  sock.receiveText(from, text, opts);
  await until(() => sock.sent.slice(before).some((s) => String(s.content.text).includes(expect)), `"${expect}" after "${text}"`);
  // The rest of that answer too (all of it was queued in one commit).
  await h.runtime.app.flush(5000);
  return sock.sent.slice(before).map((s) => String(s.content.text)).join('\n---\n');
}

/** What Baileys keeps about a contact in the login store: every key named after (or holding) their number. */
export async function writeLoginKeys(h: Harness): Promise<void> {
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
export function leaveWaiting(h: Harness, jid: string): Promise<number> {
  return h.runtime.store.transaction(async () => {
    const id = await h.runtime.store.outbox.add(null, 'whatsapp', jid, { text: 'nanti' }, Date.now(), 'notification');
    await h.runtime.store.outbox.markFailed(id, Date.now() + 3600_000, 'later');
    await h.runtime.store.inbox.add({ channel: 'whatsapp', externalId: jid, messageId: 'WAITING-1', payload: JSON.stringify({ channel: 'whatsapp', externalId: jid, text: 'halo' }), now: Date.now() });
    return id;
  });
}

/**
 * WhatsApp and Telegram conversations that write every kind of address (`open` gets the channels):
 * a registration from a LID with the phone beside it, a question, a Telegram cadre's neighbour whose
 * news goes to WhatsApp, the login's keys, and a reply and a message left waiting.
 */
export async function converseEverywhere(h: Harness, open: OpenChannels): Promise<void> {
  open.wa = await startWhatsApp(h);
  // Written from a LID with the phone number beside it: both addresses are kept, keyed by the phone.
  const replies: Record<string, string> = {};
  for (const turn of registrationTurns({ phone: '1' })) replies[turn.next] = await say(h, open, lidJid(LID), turn.text, expectAfter(turn, ASKS), { senderPn: PHONE });
  expect(replies.phone).toContain('+62812****7890');
  expect(replies.sent).toMatch(/LD-\w{5}/);
  await h.runtime.app.handle({ channel: 'whatsapp', externalId: pnJid(PHONE), text: 'tanya petugas' });
  await h.runtime.app.handle({ channel: 'whatsapp', externalId: pnJid(PHONE), text: 'Kapan kartu saya jadi?' });
  expect(await h.runtime.store.questions.openCount()).toBe(1);

  // A Telegram cadre registers a neighbour by phone number; the officer's decision reaches the neighbour on WhatsApp.
  open.fake = await startFakeTelegram();
  open.tg = await startTelegram(h, open.fake);
  const settings = loadProgrammeSettings('data/programme.example.json');
  const code = (await createInvite(h.runtime.store.cadres, settings, { desa: 'Mekar Sari', role: 'kader', now: Date.now(), random: seeded(3) })).code;
  const d = chatDriver(open.fake, privateChat(TG_CHAT, 'Kader'), h);
  await d.type(`/start ${code}`, 'Menu kader');
  let last = '';
  for (const turn of neighbourTurns({ fullName: 'Siti Aminah', nik: NIK_FEMALE, birthDate: '17-05-1985', sex: 'perempuan', phone: '0812 9876 5432' })) last = (await d.type(turn.text, expectAfter(turn, NEIGHBOUR_ASKS))).text;
  const reference = /LD-\w{5}/.exec(last)![0];
  await h.runtime.app.changeStatus(reference, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });
  await until(() => open.wa!.sock().sent.some((x) => x.jid === pnJid(NEIGHBOUR)), 'the news to the neighbour');
  await h.runtime.app.flush(5000);

  await writeLoginKeys(h);
  await leaveWaiting(h, pnJid(OTHER));
  // The copies kept for resend requests, the login and the chats are all there.
  expect(await dbOf(h).count('wa_sent')).toBeGreaterThan(10);
  expect(await dbOf(h).count('identities')).toBe(3);
  expect(await h.runtime.store.whatsappAuth.hasCreds()).toBe(true);
}
