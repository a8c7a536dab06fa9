import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/app/invites.js';
import type { Channel } from '../../src/channels/port.js';
import { ACCESS_CODE } from '../../src/core/access-copy.js';
import { COPY_MESSAGE_MAX } from '../../src/core/flows/access-chat.js';
import { askedFields, fieldLabel, REGISTRATION_SCHEMA } from '../../src/core/flows/registration-schema.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import type { OutboxMessage } from '../../src/storage/outbox.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, NIK_MALE, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { neighbourScript, registrationScript } from '../helpers/registration.js';

const settings = loadProgrammeSettings('data/programme.example.json');
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const BUDI = { fullName: 'Budi Santoso', nik: NIK_MALE, address: 'Jl. Mawar RT 03', phone: '081234567890', heirName: 'Siti Aminah' };
const ANI = { fullName: 'Ani Lestari', nik: NIK_FEMALE, birthDate: '17-05-1985', sex: '2', address: 'Gg. Melati 9', phone: '081355500011', heirName: 'Joko Susilo' };

async function register(user: string, answers: Record<string, string>): Promise<string> {
  let last: string[] = [];
  for (const text of registrationScript(answers)) last = await h.say(user, text);
  return /LD-\w{5}/.exec(last.join('\n'))![0];
}

/** "Data saya" (6), then "Salinan lengkap data saya" (3): the copy's messages, without the menu after it. */
async function copyOf(user: string): Promise<string[]> {
  await h.say(user, 'menu');
  await h.say(user, '6');
  const out = await h.say(user, 'salinan');
  expect(out.at(-1)).toContain('Menu utama');
  return out.slice(0, -1);
}

const registrationId = async (ref: string) => (await h.runtime.app.registrations.idOf(ref))!;

async function officer(username: string, role: 'officer' | 'admin' = 'officer'): Promise<number> {
  return (await h.runtime.store.officers.add({ username, passwordHash: 'x', role, now: h.clock.now })).id;
}

describe('the person\'s own copy ("Data saya")', () => {
  it('holds every stored field in full, the history in words, consent, questions, and who saw it', async () => {
    const ref = await register('u', BUDI);
    // An officer asks for a correction; "budi" views it twice, shows the full NIK and exports it with the NIK.
    await h.runtime.app.changeStatus(ref, { to: 'needs_correction', actor: { kind: 'officer', id: 'ana' }, note: 'Alamat kurang lengkap' });
    const budi = await officer('budi');
    const { officers } = h.runtime.store;
    await officers.audit({ officerId: budi, action: 'view', registrationId: await registrationId(ref), now: h.clock.now });
    await officers.audit({ officerId: budi, action: 'view', registrationId: await registrationId(ref), now: h.clock.now + 60_000 });
    await officers.audit({ officerId: budi, action: 'reveal_nik', registrationId: await registrationId(ref), now: h.clock.now });
    await officers.auditExport({ officerId: budi, detail: { format: 'csv', nik: 'full', rows: 1 }, registrationIds: [await registrationId(ref)], now: h.clock.now });
    // A question left for an officer.
    await h.say('u', 'menu');
    await h.say('u', '8');
    await h.say('u', 'Kapan kartu saya jadi?');

    const messages = await copyOf('u');
    const out = messages.join('\n');
    // Every field the registration holds, by its label, from the schema: a new field shows up by itself.
    const stored = (await h.runtime.app.registrations.record(ref))!.data as unknown as Record<string, unknown>;
    const tId = h.runtime.translate('id');
    for (const f of askedFields(REGISTRATION_SCHEMA, settings)) {
      if (stored[f.id] === undefined || stored[f.id] === null) continue;
      expect(out, f.id).toContain(`• ${fieldLabel(tId, f.id)}: `);
    }
    // Their own chat: the NIK and phone in full (what access means), the other values as typed.
    for (const value of [NIK_MALE, '+6281234567890', 'Budi Santoso', 'Jl. Mawar RT 03', 'Siti Aminah', 'Banjarmasin', '17 Agustus 1980']) expect(out).toContain(value);
    expect(out).toContain(`PENDAFTARAN ${ref}`);
    expect(out).toContain('Status: Perlu perbaikan');
    expect(out).toContain('Persetujuan: versi 2026-11-v1');
    // The history, in words.
    expect(out).toContain('dikirim oleh Anda');
    expect(out).toContain('status menjadi "Perlu perbaikan" (petugas ana) (Catatan: Alamat kurang lengkap)');
    expect(out).toContain('"Kapan kartu saya jadi?"');
    // Who saw it: by username, role and office; never an internal id.
    const controller = settings.dataController.name;
    expect(out).toContain(`petugas budi (${controller}): membuka data pendaftaran, 2 kali`);
    expect(out).toContain(`petugas budi (${controller}): membuka NIK lengkap`);
    expect(out).toContain(`petugas budi (${controller}): mengunduh daftar dengan NIK lengkap`);
    expect(out).not.toMatch(/#\d|officer_id|person_id/);
    expect(out).toContain('72 jam');
    // Short messages for a phone, numbered.
    expect(messages.length).toBeGreaterThan(1);
    for (const [i, m] of messages.entries()) {
      expect(m.length).toBeLessThanOrEqual(COPY_MESSAGE_MAX);
      expect(m.startsWith(`(${i + 1}/${messages.length}) `)).toBe(true);
    }
  });

  it('is recorded: in the history (shown in the next copy) and in the audit log, without personal data', async () => {
    const ref = await register('u', BUDI);
    await copyOf('u');
    const events = (await h.runtime.app.registrations.events(await registrationId(ref))).filter((e) => e.action === 'access_copy');
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_kind).toBe('applicant');
    const audit = await dbOf(h).all<{ officer_id: number | null; registration_id: number; detail: string }>("SELECT officer_id, registration_id, detail FROM audit_log WHERE action = 'access_copy'");
    expect(audit).toEqual([{ officer_id: null, registration_id: await registrationId(ref), detail: JSON.stringify({ by: 'applicant' }) }]);
    expect((await copyOf('u')).join('\n')).toContain('Anda meminta salinan data lewat chat');
  });

  it("never shows another person's data or who saw theirs", async () => {
    const mine = await register('u', BUDI);
    const theirs = await register('v', ANI);
    const budi = await officer('budi');
    await h.runtime.store.officers.audit({ officerId: budi, action: 'reveal_nik', registrationId: await registrationId(theirs), now: h.clock.now });
    await h.runtime.store.officers.auditExport({ officerId: budi, detail: { nik: 'masked' }, registrationIds: [await registrationId(theirs)], now: h.clock.now });
    await h.say('v', 'menu');
    await h.say('v', '8');
    await h.say('v', 'Pertanyaan rahasia Ani');
    const out = (await copyOf('u')).join('\n');
    expect(out).toContain(mine);
    for (const value of [theirs, 'Ani Lestari', NIK_FEMALE, 'Gg. Melati 9', '81355500011', 'Joko Susilo', 'Pertanyaan rahasia Ani', 'budi']) expect(out).not.toContain(value);
    expect(out).toContain('Belum ada petugas yang membuka data Anda.');
  });

  it('includes a registration still being filled in (the draft), and works with nothing registered', async () => {
    for (const text of [...registrationScript({ fullName: 'Rina Wati' }, { until: 'birthPlace' })]) await h.say('u', text);
    const out = (await copyOf('u')).join('\n');
    expect(out).toContain('DRAF PENDAFTARAN');
    expect(out).toContain('• Nama lengkap: Rina Wati');
    expect(out).toContain(`• NIK: ${BUDI.nik}`);
    expect(out).toContain('Belum ada pendaftaran atas nama Anda.');
    // Recorded even with no registration: one audit entry for the person.
    const audit = await dbOf(h).all<{ registration_id: number | null; detail: string }>("SELECT registration_id, detail FROM audit_log WHERE action = 'access_copy'");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.registration_id).toBeNull();
    expect(JSON.parse(audit[0]!.detail).by).toBe('applicant');
  });

  it('speaks the person\'s language', async () => {
    await register('u', BUDI);
    await h.say('u', 'english');
    await h.say('u', '6');
    const out = (await h.say('u', 'copy')).join('\n');
    expect(out).toContain('COPY OF YOUR DATA');
    expect(out).toContain('• Full name: Budi Santoso');
    expect(out).toContain('WHO HAS SEEN YOUR DATA');
    expect(out).not.toContain('SIAPA YANG');
  });
});

/** A WhatsApp channel that can address a phone number, collecting what it is given to send. */
function phoneChannel(): Channel & { sent: OutboxMessage[] } {
  const sent: OutboxMessage[] = [];
  return {
    id: 'whatsapp',
    sent,
    async start() {},
    async stop() {},
    async send(m) {
      sent.push(m);
    },
    sending: { pollMs: 10_000 },
    addressOfPhone: (phone: string) => `${phone.slice(1)}@s.whatsapp.net`,
  };
}

const NEIGHBOUR = {
  kecamatan: 'gunung sari', desa: 'mekar sari', address: 'RT 02 Mekar Sari', occupation: 'petani', income: '1 juta', groupId: 'kader',
  fullName: 'Budi Santoso', nik: NIK_MALE, birthDate: '17-08-1980', sex: '1', phone: '081234567890', heirName: 'Ahli Waris', heirRelation: 'anak',
};

describe("a cadre's copy for a neighbour, with the neighbour's phone confirming", () => {
  let wa: ReturnType<typeof phoneChannel>;

  /** Enrols "kader1" and registers one neighbour (with a phone unless given '-'); returns its reference. */
  async function cadreWithNeighbour(phone = NEIGHBOUR.phone): Promise<string> {
    const code = (await createInvite(h.runtime.store.cadres, settings, { desa: 'Mekar Sari', role: 'kader', days: 14, now: h.clock.now, random: seeded(9) })).code;
    await h.say('kader1', `/start ${code}`);
    let out: string[] = [];
    for (const text of neighbourScript({ ...NEIGHBOUR, phone }, { send: true })) out = await h.say('kader1', text);
    return /LD-\w{5}/.exec(out.join('\n'))![0];
  }

  /** From the cadre menu: "Warga saya", "salinan", the first neighbour: the bot's answer. */
  async function askCopy(): Promise<string> {
    await h.say('kader1', 'menu');
    await h.say('kader1', '2');
    await h.say('kader1', 'salinan');
    return (await h.say('kader1', '1')).join('\n');
  }

  /** The code in the last message the neighbour's phone was sent. */
  async function codeOnPhone(): Promise<string> {
    await h.runtime.app.kick('whatsapp');
    const last = wa.sent.at(-1);
    expect(last?.externalId).toBe('6281234567890@s.whatsapp.net');
    return new RegExp(`\\b(\\d{${ACCESS_CODE.digits}})\\b`).exec(last!.reply.text)![1]!;
  }

  const wrongFor = (code: string) => String((Number(code) + 1) % 10 ** ACCESS_CODE.digits).padStart(ACCESS_CODE.digits, '0');

  beforeEach(() => {
    wa = phoneChannel();
  });

  it('sends a code to the neighbour\'s phone; the right code gives the copy (NIK and phone masked), recorded', async () => {
    const ref = await cadreWithNeighbour();
    h.runtime.app.attach(wa);
    const asked = await askCopy();
    expect(asked).toContain('sudah dikirim ke HP Budi Santoso (+62812****7890)');
    const code = await codeOnPhone();
    const sms = wa.sent.at(-1)!.reply.text;
    expect(sms).toContain(ref);
    expect(sms).toContain('kader posyandu, Desa Mekar Sari');
    expect(sms).not.toContain('Budi');

    const copy = (await h.say('kader1', code)).join('\n');
    expect(copy).toContain('SALINAN DATA WARGA');
    expect(copy).toContain('• Nama lengkap: Budi Santoso');
    expect(copy).toContain('• NIK: 6301********0003');
    expect(copy).toContain('• No. HP: +62812****7890');
    expect(copy).not.toContain(NIK_MALE);
    expect(copy).not.toContain('81234567890');
    expect(copy).toContain('Kader yang mendaftarkan Anda (kader posyandu, Desa Mekar Sari)');
    const events = (await h.runtime.app.registrations.events(await registrationId(ref))).filter((e) => e.action === 'access_copy');
    expect(events.map((e) => e.actor_kind)).toEqual(['cadre']);
    // Used: the code works once.
    const used = await dbOf(h).all<{ used_at: number | null }>('SELECT used_at FROM access_codes');
    expect(used).toEqual([{ used_at: h.clock.now }]);
  });

  it('keeps only a hash of the code: not in the codes table, the conversation, the history or the audit log', async () => {
    const ref = await cadreWithNeighbour();
    h.runtime.app.attach(wa);
    await askCopy();
    const code = await codeOnPhone();
    await h.say('kader1', wrongFor(code));
    await h.say('kader1', code);
    const rows = await dbOf(h).all('SELECT * FROM access_codes');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(rows[0]!.code_hash).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    const kader = (await dbOf(h).get<{ person_id: number }>('SELECT person_id FROM cadres'))!;
    expect((await h.runtime.store.people.session(kader.person_id)).state).not.toContain(code);
    const history = JSON.stringify(await h.runtime.app.registrations.events(await registrationId(ref)));
    expect(history).not.toContain(code);
    expect(JSON.stringify(await dbOf(h).all('SELECT * FROM audit_log'))).not.toContain(code);
  });

  it('refuses a wrong code, and after the last try the code is dead even when typed right', async () => {
    await cadreWithNeighbour();
    h.runtime.app.attach(wa);
    await askCopy();
    const code = await codeOnPhone();
    const wrong = wrongFor(code);
    for (let left = ACCESS_CODE.tries - 1; left > 0; left--) {
      const out = (await h.say('kader1', wrong)).join('\n');
      expect(out).toContain(`Kode salah. Sisa ${left} kali coba.`);
      expect(out).not.toContain('SALINAN');
    }
    expect((await h.say('kader1', wrong)).join('\n')).toContain('tidak berlaku lagi');
    const kader = (await dbOf(h).get<{ person_id: number }>('SELECT person_id FROM cadres'))!.person_id;
    const ref = (await dbOf(h).get<{ reference: string }>('SELECT reference FROM registrations'))!.reference;
    expect((await h.runtime.app.access.codeState(ref, kader, h.clock.now)).open).toBeNull();
    expect(await h.runtime.app.access.codeMatches(ref, kader, code, h.clock.now)).toBe(false);
    // Typed now (the conversation is back at the list), the right code gives nothing.
    expect((await h.say('kader1', code)).join('\n')).not.toContain('SALINAN');
    expect(await dbOf(h).count("SELECT count(*) AS n FROM registration_events WHERE action = 'access_copy'")).toBe(0);
  });

  it('refuses an expired code (the clock moved past its minutes)', async () => {
    await cadreWithNeighbour();
    h.runtime.app.attach(wa);
    await askCopy();
    const code = await codeOnPhone();
    h.clock.now += (ACCESS_CODE.minutes + 1) * 60_000;
    const out = (await h.say('kader1', code)).join('\n');
    expect(out).toContain('Kode sudah tidak berlaku');
    expect(out).not.toContain('SALINAN');
  });

  it('a code still valid a minute before it expires works', async () => {
    await cadreWithNeighbour();
    h.runtime.app.attach(wa);
    await askCopy();
    const code = await codeOnPhone();
    h.clock.now += (ACCESS_CODE.minutes - 1) * 60_000;
    expect((await h.say('kader1', code)).join('\n')).toContain('SALINAN DATA WARGA');
  });

  it('sends at most a few codes a day for one neighbour; a new code replaces the old one', async () => {
    await cadreWithNeighbour();
    h.runtime.app.attach(wa);
    const codes: string[] = [];
    for (let i = 0; i < ACCESS_CODE.perDay; i++) {
      expect(await askCopy()).toContain('sudah dikirim');
      codes.push(await codeOnPhone());
    }
    const refused = await askCopy();
    expect(refused).toContain(`Sudah ${ACCESS_CODE.perDay} kode dikirim`);
    await h.runtime.app.kick('whatsapp');
    expect(wa.sent).toHaveLength(ACCESS_CODE.perDay);
    // Only the newest code is open.
    expect(await dbOf(h).count('SELECT count(*) AS n FROM access_codes WHERE tries_left > 0')).toBe(1);
    h.clock.now += 24 * 60 * 60_000 + 60_000;
    expect(await askCopy()).toContain('sudah dikirim');
  });

  it('without a phone on record, or without a way to reach it, the neighbour is sent to ask themself or the office', async () => {
    await cadreWithNeighbour('-');
    h.runtime.app.attach(wa);
    expect(await askCopy()).toContain('tidak punya nomor HP yang tercatat');
    expect(await dbOf(h).count('access_codes')).toBe(0);
  });

  it('with no phone channel attached, no code is sent', async () => {
    await cadreWithNeighbour();
    expect(await askCopy()).toContain('tidak bisa mengirim kode ke HP warga');
    expect(await dbOf(h).count('access_codes')).toBe(0);
    expect(await dbOf(h).count("SELECT count(*) AS n FROM outbox WHERE channel = 'whatsapp'")).toBe(0);
  });
});
