import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/app/invites.js';
import type { TelegramChannel } from '../../src/channels/telegram/channel.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { dbOf } from '../helpers/db.js';
import { groupChat, privateChat, startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { cleanup, NIK_FEMALE, NIK_MALE, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { chatDriver, startTelegram } from '../helpers/telegram-driver.js';
import { expectAfter, neighbourTurns, registrationScript } from '../helpers/registration.js';

const settings = loadProgrammeSettings('data/programme.example.json');
let h: Harness;
let fake: FakeTelegram;
let tg: TelegramChannel;

beforeEach(async () => {
  h = await startHarness({ realClock: true });
  fake = await startFakeTelegram();
  tg = await startTelegram(h, fake);
});
afterEach(async () => {
  await tg.stop();
  await fake.close();
  await cleanup(h);
});

describe('telegram: cadre', () => {
  it('enrols from the deep link, registers two neighbours with buttons and typing, and lists both', async () => {
    const { code } = await createInvite(h.runtime.store.cadres, settings, { desa: 'Mekar Sari', role: 'kader', now: Date.now(), random: seeded(3) });
    const kader = privateChat(501, 'Kader');
    const d = chatDriver(fake, kader, h);
    await d.type(`/start ${code}`, 'Menu kader');

    // First neighbour: mostly buttons.
    await d.press('Daftarkan warga', 'warga sudah diberi tahu');
    await d.press('Ya, warga sudah setuju', 'Nama lengkap warga');
    await d.type('Siti Aminah', 'NIK warga');
    await d.type(NIK_FEMALE, 'Tempat lahir warga');
    await d.type('Banjarmasin', 'Tanggal lahir warga');
    await d.type('17-05-1985', 'Jenis kelamin warga');
    await d.press('Perempuan', 'Kecamatan');
    await d.press('Gunung Sari', 'Desa/kelurahan');
    await d.press('Mekar Sari', 'Alamat warga');
    await d.type('RT 02 RW 01', 'Nomor HP warga');
    await d.type('-', 'Pekerjaan utama warga');
    await d.press('Petani', 'penghasilan warga');
    await d.type('1 juta', 'kelompok');
    await d.press('Kader posyandu', 'Program');
    await d.press('JKK + JKM', 'ahli waris');
    await d.type('Ahmad', 'Hubungan ahli waris');
    await d.press('Anak', 'Periksa data warga');
    await d.press('Kirim', 'Pendaftaran Siti Aminah terkirim');

    // Straight on to the second: mostly typed.
    await d.press('warga berikutnya', 'warga sudah diberi tahu');
    const typed = {
      fullName: 'Budi Santoso', nik: NIK_MALE, birthPlace: 'Martapura', birthDate: '17/8/80', sex: 'laki-laki', kecamatan: 'gunung sari',
      desa: 'mekar sari', address: 'RT 03', phone: '0812 3456 7890', occupation: 'nelayan', income: '2 jt', groupId: '7', programmes: '1',
      heirName: 'Siti', heirRelation: 'istri',
    };
    const asks = {
      fullName: 'Nama lengkap warga', nik: 'NIK warga', birthPlace: 'Tempat lahir', birthDate: 'Tanggal lahir', sex: 'Jenis kelamin',
      kecamatan: 'Kecamatan', desa: 'Desa/kelurahan', address: 'Alamat', phone: 'Nomor HP', occupation: 'Pekerjaan', income: 'penghasilan',
      groupId: 'kelompok', programmes: 'Program', heirName: 'ahli waris', heirRelation: 'Hubungan', summary: 'Periksa data warga',
    };
    // The button above was the menu's "1": from the consent on, typed.
    for (const turn of neighbourTurns(typed, { send: false }).slice(1)) await d.type(turn.text, expectAfter(turn, asks));
    await d.type('kirim', 'Pendaftaran Budi Santoso terkirim');

    const list = await d.press('Warga saya', 'Warga yang Anda daftarkan (2)');
    expect(list.text).toContain('Siti Aminah');
    expect(list.text).toContain('Budi Santoso');
    expect(await dbOf(h).count('SELECT count(*) AS n FROM registrations WHERE submitter_id <> applicant_id')).toBe(2);
  });
});

describe('telegram: buttons and messages', () => {
  it('answers every button press once its answer is committed, spends no call on old keyboards, and refuses an old button', async () => {
    const chat = privateChat(601);
    const d = chatDriver(fake, chat, h);
    const menu = await d.type('halo', 'Menu utama');
    await d.press('Hitung iuran', 'penghasilan');
    await fake.waitFor((calls) => calls.some((c) => c.method === 'answerCallbackQuery'));
    // The press was committed (handled, its reply queued) before Telegram heard it arrived.
    expect(await h.runtime.store.inbox.count()).toBe(0);
    expect(fake.calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);
    expect(fake.calls.filter((c) => c.method === 'editMessageReplyMarkup')).toHaveLength(0);

    // The old menu button pressed again: answered, but it does not act on the new question.
    fake.pressButton(chat, menu.message_id, menu.reply_markup?.inline_keyboard?.[3]?.[0]?.callback_data ?? 'q1:4');
    await d.waitReply('sudah dijawab');
    await fake.waitFor((calls) => calls.filter((c) => c.method === 'answerCallbackQuery').length === 2);
    await d.type('1,5 juta', 'kelompok');
  });

  it('asks to type when a photo, voice note, sticker or file arrives, and keeps the question', async () => {
    const chat = privateChat(602);
    const d = chatDriver(fake, chat, h);
    await d.type('daftar', 'Sebelum mendaftar');
    fake.sendPhoto(chat);
    await d.waitReply('ketik jawaban');
    fake.sendVoice(chat);
    await d.waitReply('ketik jawaban');
    fake.sendSticker(chat);
    await d.waitReply('ketik jawaban');
    fake.sendDocument(chat);
    await d.waitReply('Apakah Anda setuju');
  });

  it('in a group answers with a pointer to a private chat and asks for nothing personal', async () => {
    const group = groupChat(-900);
    fake.sendText(group, 'halo, mau daftar bpjs');
    const [pointer] = await fake.waitForSent(group.id, 1);
    expect(pointer!.text).toContain(`https://t.me/${fake.botUser.username}`);
    expect(pointer!.text).not.toMatch(/NIK|nama lengkap/i);
    expect(pointer!.reply_markup).toBeFalsy();
    fake.sendText(group, 'gmn caranya');
    fake.sendText(group, `/start@${fake.botUser.username}`);
    await fake.waitForSent(group.id, 2);
    expect(await dbOf(h).count('sessions')).toBe(0);
  });

  it('a 429 delays a reply but does not lose it', async () => {
    const chat = privateChat(603);
    const d = chatDriver(fake, chat, h);
    fake.failNext('sendMessage', { times: 2, retryAfter: 1 });
    const started = Date.now();
    await d.type('halo', 'Menu utama');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const texts = fake.sent(chat.id).map((m) => m.text);
    expect(texts.filter((t) => t.includes('Menu utama'))).toHaveLength(1);
    expect(await dbOf(h).count('outbox')).toBe(0);
  });

  it('publishes its commands in Indonesian and English', () => {
    const id = fake.myCommands({ languageCode: 'id' }).map((c) => c.command);
    expect(id).toEqual(expect.arrayContaining(['start', 'menu', 'status', 'bahasa', 'bantuan', 'daftar', 'warga']));
    expect(fake.myCommands({ languageCode: 'en' }).find((c) => c.command === 'bantuan')?.description).toBe('Help');
    expect(fake.myCommands().length).toBe(id.length);
  });
});

describe('telegram: restarts and notifications', () => {
  it('resumes a registration mid-flow after a restart', async () => {
    const chat = privateChat(701);
    const d = chatDriver(fake, chat, h);
    await d.type('daftar', 'Sebelum mendaftar');
    await d.press('setuju', 'Nama lengkap');
    await d.type('Budi Santoso', 'NIK');
    await tg.stop();
    h = await h.reopen();
    tg = await startTelegram(h, fake);
    await chatDriver(fake, chat, h).type(NIK_MALE, 'Tempat lahir');
    const state = JSON.parse(h.runtime.store.cipher.decrypt((await dbOf(h).get<{ state: string }>('SELECT state FROM sessions'))!.state));
    expect(state.answers).toMatchObject({ fullName: 'Budi Santoso', nik: NIK_MALE });
  });

  it('a status change reaches both the applicant and the cadre on Telegram', async () => {
    const { code } = await createInvite(h.runtime.store.cadres, settings, { desa: 'Mekar Sari', role: 'rtrw', now: Date.now(), random: seeded(4) });
    const kader = chatDriver(fake, privateChat(801), h);
    await kader.type(code, 'Menu kader');
    const neighbour = {
      fullName: 'Siti Aminah', nik: NIK_FEMALE, birthDate: '17-05-1985', sex: '2', kecamatan: '3', desa: '2', address: 'RT 1', phone: '-',
      income: '1 juta', groupId: '3', heirName: 'Ahmad', heirRelation: '2',
    };
    const asks = {
      consent: 'warga sudah diberi tahu', fullName: 'Nama lengkap warga', nik: 'NIK', birthPlace: 'Tempat lahir', birthDate: 'Tanggal lahir',
      sex: 'Jenis kelamin', kecamatan: 'Kecamatan', desa: 'Desa', address: 'Alamat', phone: 'Nomor HP', occupation: 'Pekerjaan',
      income: 'penghasilan', groupId: 'kelompok', programmes: 'Program', heirName: 'ahli waris', heirRelation: 'Hubungan', summary: 'Periksa',
    };
    for (const turn of neighbourTurns(neighbour, { send: false })) await kader.type(turn.text, expectAfter(turn, asks));
    const sent = await kader.type('1', 'terkirim');
    const ref = /LD-\w{5}/.exec(sent.text)![0];

    // The applicant talks to the bot herself later and registers... her neighbour's registration is hers.
    const applicantChat = privateChat(802);
    const applicant = chatDriver(fake, applicantChat, h);
    await applicant.type('halo', 'Menu utama');
    const own = registrationScript({}, { send: false });
    for (const text of own) fake.sendText(applicantChat, text);
    await applicant.waitReply('Periksa data Anda', 10_000);
    const done = await applicant.type('1', 'terkirim');
    const ownRef = /LD-\w{5}/.exec(done.text)![0];

    await h.runtime.app.changeStatus(ref, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });
    await h.runtime.app.changeStatus(ownRef, { to: 'needs_correction', actor: { kind: 'officer', id: 'ana' }, note: 'Alamat kurang lengkap' });
    await h.runtime.app.kick('telegram');
    await kader.waitReply(`Pendaftaran Siti Aminah (${ref}) disetujui`);
    const note = await applicant.waitReply('perlu perbaikan');
    expect(note.text).toContain('Alamat kurang lengkap');
  });
});

describe('telegram: why a chat cannot be reached', () => {
  it('reads a block as blocked and a gone chat as no account; a 429 is retried, not dropped', async () => {
    const { GrammyError } = await import('grammy');
    const { toSendError } = await import('../../src/channels/telegram/channel.js');
    const err = (error_code: number, description: string) => new GrammyError('call failed', { ok: false, error_code, description }, 'sendMessage', {});
    expect(toSendError(err(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({ permanent: true, reason: 'blocked' });
    expect(toSendError(err(400, 'Bad Request: chat not found'))).toMatchObject({ permanent: true, reason: 'no_account' });
    expect(toSendError(err(429, 'Too Many Requests'))).toMatchObject({ permanent: false });
  });
});

describe('telegram: replies are not held up by news', () => {
  it('holds notifications to their budget while a reply to someone who just wrote goes at once', async () => {
    await tg.stop();
    // One notification every 30 s over all chats: far longer than a reply takes even on a busy machine.
    tg = await startTelegram(h, fake, { bulkPerSecond: 1 / 30 });
    for (const id of [901, 902, 903]) await h.runtime.app.outbox.add(null, 'telegram', String(id), { text: `Kabar ${id}` }, Date.now(), 'notification');
    void h.runtime.app.kick('telegram');
    await fake.waitForSent(901, 1);
    const chat = privateChat(904);
    fake.sendText(chat, 'halo');
    await fake.waitForSent(chat.id, 1, 20_000);
    // The reply did not wait for the news queued before it.
    const newsSent = [902, 903].filter((id) => fake.sent(id).length > 0);
    expect(newsSent.length).toBeLessThan(2);
  });
});
