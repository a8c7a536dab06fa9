// Every decision reaches the person with its next step (issue 14, item 7): how, where and by when
// a self-paying member pays (never "you are covered" before that), from when the regency's cover
// starts, the reason of a rejection in plain words with what to do, the KPJ and what it is for.
// Figures come from data/rates.json; where and by when from the regency's settings, or "an officer
// will tell you" when the settings do not say.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusChange } from '../../src/app/notify.js';
import { createInvite } from '../../src/app/invites.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { addressKey } from '../../src/storage/addresses.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { neighbourScript, registrationScript } from '../helpers/registration.js';

let h: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (h) await cleanup(h);
  if (dir) rmSync(dir, { recursive: true, force: true });
  h = dir = undefined;
});

/** A harness on the example settings, changed by `edit` (payment channels, due date, cover start). */
async function harness(edit?: (settings: Record<string, unknown>) => void): Promise<Harness> {
  if (!edit) return (h = await startHarness());
  dir = mkdtempSync(join(tmpdir(), 'lindung-settings-'));
  const settings = JSON.parse(readFileSync('data/programme.example.json', 'utf8')) as Record<string, unknown>;
  edit(settings);
  const path = join(dir, 'programme.json');
  writeFileSync(path, JSON.stringify(settings));
  return (h = await startHarness({ env: { PROGRAMME_SETTINGS_PATH: path } }));
}

const chat = async (user: string, text: string) => (await h!.say(user, text)).join('\n');

async function register(user: string, answers: Record<string, string> = {}): Promise<string> {
  let out = '';
  for (const text of registrationScript(answers)) out = await chat(user, text);
  return /LD-\w{5}/.exec(out)![0];
}

/** The last notification queued for a chat. */
async function news(externalId: string): Promise<string> {
  const rows = await dbOf(h!).all<{ payload: string }>("SELECT payload FROM outbox WHERE recipient_key = ? AND kind = 'notification' ORDER BY id", [addressKey(h!.runtime.store.cipher, 'test', externalId)]);
  return JSON.parse(h!.runtime.store.cipher.decrypt(rows.at(-1)!.payload)).text as string;
}

const decide = (ref: string, change: Omit<StatusChange, 'actor'>) => h!.runtime.app.changeStatus(ref, { ...change, actor: { kind: 'officer', id: 'ana' } });

// The example regency's groups: 3 = Ketua RT/RW (APBD), 4 = LKD (ADD), 7 = own-account (self-paid).
const SELF = { income: '1 juta', groupId: '7' };

describe('approved', () => {
  it('self-paying: the monthly amount from the rates file, where to pay from the settings, by when from an officer; not covered before paying', async () => {
    await harness();
    const ref = await register('w', SELF);
    await decide(ref, { to: 'approved' });
    const text = await news('w');
    expect(text).toContain(`Kabar baik: pendaftaran ${ref} disetujui.`);
    expect(text).toContain('nomor peserta (KPJ) dikirim di chat ini');
    expect(text).toContain('Iuran JKK + JKM dibayar sendiri setiap bulan: Rp16.800 (dihitung dari penghasilan Rp1.000.000)');
    expect(text).toContain('Jumlah akhirnya dipastikan petugas.');
    expect(text).toContain('• Loket pembayaran iuran di Dinas Tenaga Kerja dan Transmigrasi Kabupaten Sukamaju');
    expect(text).toContain('Petugas akan memberi tahu batas waktu membayar.');
    expect(text).toContain('Perlindungan berlaku bila iurannya sudah dibayar.');
    // PP 50/2025 for other BPU is not confirmed (rates.json): said as possible, never applied.
    expect(text).toContain('Ini belum pasti');
    expect(text).not.toMatch(/sudah terlindungi/i);
  });

  it('self-paying under settings with a due date and no channels: the due date is said, where to pay comes from an officer', async () => {
    await harness((s) => {
      s.payment = { due: { id: 'paling lambat tanggal 15 setiap bulan', en: 'by the 15th of every month' } };
    });
    const ref = await register('w', { ...SELF, programmes: '2' });
    await decide(ref, { to: 'approved' });
    const text = await news('w');
    expect(text).toContain('Iuran JKK + JKM + JHT dibayar sendiri setiap bulan: Rp36.800');
    expect(text).toContain('Batas waktu membayar: paling lambat tanggal 15 setiap bulan.');
    expect(text).toContain('Petugas akan memberi tahu tempat dan cara membayar.');
  });

  it('regency-paid: who pays from the settings, and the start of cover from the settings or an officer', async () => {
    await harness();
    const ref = await register('w', { groupId: '3' });
    await decide(ref, { to: 'approved' });
    const text = await news('w');
    expect(text).toContain('Iuran JKK + JKM dibayar Kabupaten Sukamaju (APBD).');
    expect(text).toContain('Petugas akan memberi tahu tanggal mulai perlindungannya.');
    expect(text).not.toContain('dibayar sendiri');
    expect(text).not.toContain('Rp');
  });

  it('village-paid (ADD) with a cover start in the settings; a JHT the member adds is theirs to pay', async () => {
    await harness((s) => {
      s.coverStart = { id: 'tanggal 1 bulan berikutnya setelah nomor KPJ dicatat', en: 'the 1st of the month after the KPJ is recorded' };
    });
    const ref = await register('w', { groupId: '4', programmes: '2', income: '2 juta' });
    await decide(ref, { to: 'approved' });
    const text = await news('w');
    expect(text).toContain('Iuran JKK + JKM dibayar Desa (Alokasi Dana Desa).');
    expect(text).toContain('Perlindungan mulai: tanggal 1 bulan berikutnya setelah nomor KPJ dicatat.');
    expect(text).toContain('Iuran JHT dibayar sendiri setiap bulan: Rp40.000');
    // JHT is savings: paying it is not what the cover depends on.
    expect(text).not.toContain('Perlindungan berlaku bila');
  });

  it('in English for a person who chose English', async () => {
    await harness();
    await chat('w', 'english');
    const ref = await register('w', SELF);
    await decide(ref, { to: 'approved' });
    expect(await news('w')).toContain('The JKK + JKM contributions are paid by the member each month: Rp16.800');
  });
});

describe('registered', () => {
  it('the KPJ and what it is for (the JMO app); a self-paying member is covered while paying, and "Cek status" says the same', async () => {
    await harness();
    const ref = await register('w', SELF);
    await decide(ref, { to: 'approved' });
    await decide(ref, { to: 'registered', kpj: '12345678901' });
    const text = await news('w');
    expect(text).toContain('Nomor peserta (KPJ): 12345678901. Simpan nomor ini');
    expect(text).toContain('aplikasi JMO');
    expect(text).toContain('Perlindungan berlaku selama iuran dibayar setiap bulan.');
    expect(text).not.toMatch(/sudah terlindungi/i);
    const status = await chat('w', 'cek status');
    expect(status).toContain('Nomor peserta (KPJ): 12345678901');
    expect(status).toContain('Iuran JKK + JKM dibayar sendiri setiap bulan: Rp16.800');
    expect(status).not.toMatch(/sudah terlindungi/i);
  });
});

describe('rejected', () => {
  it.each([
    ['nik_invalid', 'NIK yang dikirim tidak valid', 'ketik daftar'],
    ['already_member', 'sudah terdaftar sebagai peserta', 'aplikasi JMO'],
    ['outside_area', 'di luar Kabupaten Sukamaju', 'kantor BPJS Ketenagakerjaan terdekat'],
    ['not_eligible', 'tidak memenuhi syarat', 'membayar iuran sendiri'],
    ['no_consent', 'persetujuan pengolahan data belum jelas', 'ketik daftar'],
    ['duplicate', 'sudah ada di pendaftaran lain', 'ketik cek status'],
  ])('reason %s: said in plain words, with what to do', async (reason, words, todo) => {
    await harness();
    const ref = await register('w');
    await decide(ref, { to: 'rejected', reason, note: 'Dicek di kantor' });
    const text = await news('w');
    expect(text).toContain(`Maaf, pendaftaran ${ref} tidak bisa diproses.`);
    expect(text).toContain('Catatan petugas: Dicek di kantor');
    expect(text).toContain(words);
    expect(text).toContain(todo);
  });

  it('"cek status" repeats the reason in plain words with what to do, in the person\'s language', async () => {
    await harness();
    const ref = await register('w');
    await decide(ref, { to: 'rejected', reason: 'outside_area', note: 'Tinggal di kabupaten lain' });
    const status = await chat('w', 'cek status');
    expect(status).toContain('Catatan petugas: Tinggal di kabupaten lain');
    expect(status).toContain('di luar Kabupaten Sukamaju');
    expect(status).not.toContain('Alasannya ada di catatan petugas');
    await chat('w', 'menu');
    await chat('w', 'english');
    expect(await chat('w', 'status')).toMatch(/outside .*Sukamaju/i);
  });

  it('without a reason code: the note is the reason, then what to do; without a note either, whom to ask', async () => {
    await harness();
    const ref = await register('w');
    await decide(ref, { to: 'rejected', note: 'Foto KTP tidak terbaca' });
    expect(await news('w')).toMatch(/Catatan petugas: Foto KTP tidak terbaca\n\nAlasannya ada di catatan petugas\. Kalau datanya salah, boleh daftar lagi/);
    const other = await register('x', { nik: NIK_FEMALE, sex: '2', birthDate: '17-05-1985' });
    await decide(other, { to: 'rejected' });
    expect(await news('x')).toContain('Untuk tahu alasannya, hubungi Dinas Tenaga Kerja dan Transmigrasi Kabupaten Sukamaju, telp 0511-000000');
  });
});

describe("a cadre's neighbour", () => {
  it('the cadre hears the same next step about the neighbour', async () => {
    await harness();
    const code = (await createInvite(h!.runtime.store.cadres, loadProgrammeSettings('data/programme.example.json'), { desa: 'Mekar Sari', role: 'kader', now: h!.clock.now, random: seeded(5) })).code;
    await chat('k', code);
    let out = '';
    for (const text of neighbourScript({ fullName: 'Siti Aminah', phone: '-', income: '1 juta', groupId: '7' })) out = await chat('k', text);
    const ref = /LD-\w{5}/.exec(out)![0];
    await decide(ref, { to: 'approved' });
    const text = await news('k');
    expect(text).toContain(`Pendaftaran Siti Aminah (${ref}) disetujui.`);
    expect(text).toContain('Iuran JKK + JKM dibayar sendiri setiap bulan: Rp16.800');
    expect(text).toContain('Perlindungan berlaku bila iurannya sudah dibayar.');
  });
});
