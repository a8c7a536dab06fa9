import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressKey } from '../../src/storage/addresses.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, NIK_MALE, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

/** Answers every question of the registration up to the summary. */
async function fillUpToSummary(user: string, nik = NIK_MALE, dob = '17-08-1980', sex = '1'): Promise<string[]> {
  const answers = { fullName: 'budi santoso', nik, birthDate: dob, sex, address: 'Jl. Mawar RT 03', phone: '0812-3456-7890', heirName: 'Siti Aminah' };
  const script = ['halo', ...registrationScript(answers, { send: false })];
  let last: string[] = [];
  for (const text of script) last = await h.say(user, text);
  return last;
}

describe('registration, happy path', () => {
  it('walks from the menu to a reference code and stores the registration as submitted', async () => {
    const summary = await fillUpToSummary('u1');
    const text = summary.join('\n');
    expect(text).toContain('Periksa data Anda');
    expect(text).toContain('1. Nama lengkap: Budi Santoso');
    expect(text).toContain('2. NIK: 6301********0003');
    expect(text).toContain('4. Tanggal lahir: 17 Agustus 1980');
    expect(text).toContain('7. Desa/kelurahan: Karang Anyar');
    expect(text).toContain('9. No. HP: +62812****7890');
    expect(text).toContain('11. Penghasilan/bulan: Rp1.500.000');
    expect(text).not.toContain(NIK_MALE);

    const done = (await h.say('u1', '1')).join('\n');
    const ref = /LD-[2-9A-HJKMNP-Z]{5}/.exec(done)?.[0];
    expect(ref).toBeDefined();
    expect(done).toContain('Langkah berikutnya');

    const row = (await dbOf(h).get<{ status: string; nik: string | null; nik_index: string; nik_masked: string; full_name: string; desa: string; group_id: string; data: string }>('SELECT status, nik, nik_index, nik_masked, full_name, desa, group_id, data FROM registrations WHERE reference = ?', [ref]))!;
    // The NIK is kept only sealed in the form and as a keyed blind index; the queue shows it masked.
    expect(row).toMatchObject({ status: 'submitted', nik: null, full_name: 'Budi Santoso', desa: 'Karang Anyar', group_id: 'mandiri' });
    expect(row.nik_index).toBe(h.runtime.store.cipher.blindIndex('nik', NIK_MALE));
    expect(row.nik_masked).toBe(`${NIK_MALE.slice(0, 4)}********${NIK_MALE.slice(-4)}`);
    expect(row.data).toMatch(/^enc1:/);
    const data = JSON.parse(h.runtime.store.cipher.decrypt(row.data));
    expect(data.nik).toBe(NIK_MALE);
    expect(data).toMatchObject({ phone: '+6281234567890', income: 1500000, programmes: ['JKK', 'JKM'], heirRelation: 'spouse', sex: 'M', consentVersion: '2026-11-v1' });
    const events = await dbOf(h).all('SELECT action, to_status FROM registration_events');
    expect(events).toEqual([{ action: 'submitted', to_status: 'submitted' }]);
    const consent = await dbOf(h).all('SELECT version FROM consents');
    expect(consent).toEqual([{ version: '2026-11-v1' }]);
  });

  it('refuses a second open registration with the same NIK: its owner hears the status, anyone else nothing about it', async () => {
    await fillUpToSummary('u1');
    const ref = /LD-\w{5}/.exec((await h.say('u1', '1')).join('\n'))![0];
    for (const text of registrationScript({ fullName: 'Budi Santoso' }, { until: 'nik' })) await h.say('u1', text);
    const dup = (await h.say('u1', NIK_MALE)).join('\n');
    expect(dup).toContain(ref);
    expect(dup).toContain('Terkirim, menunggu pemeriksaan');
    const other = (await (async () => {
      for (const text of registrationScript({ fullName: 'Ani' }, { until: 'nik' })) await h.say('u2', text);
      return h.say('u2', NIK_MALE);
    })()).join('\n');
    expect(other).toContain('tidak bisa didaftarkan lewat percakapan ini');
    expect(other).not.toContain(ref);
    // Neither whether it waits, was approved or was registered.
    for (const status of ['Terkirim', 'menunggu pemeriksaan', 'disetujui', 'Terdaftar di BPJS']) expect(other).not.toContain(status);
    const count = (await dbOf(h).get<{ n: number }>('SELECT count(*) AS n FROM registrations'))!;
    expect(count.n).toBe(1);
  });
});

describe('re-prompts', () => {
  it('answers each wrong answer with a hint and the same question, keeping what was given', async () => {
    for (const text of registrationScript({}, { until: 'fullName' })) await h.say('u', text);
    expect((await h.say('u', 'Budi 2'))[0]).toContain('Nama tidak boleh berisi angka');
    await h.say('u', 'Budi');
    expect((await h.say('u', '12345'))[0]).toContain('NIK harus 16 angka');
    expect((await h.say('u', '6301013208800003'))[0]).toContain('tanggal lahir');
    expect((await h.say('u', '6301011708800000'))[0]).toContain('0000');
    await h.say('u', NIK_MALE);
    await h.say('u', 'Banjarmasin');
    expect((await h.say('u', 'kemarin'))[0]).toContain('17-08-1980');
    expect((await h.say('u', '31/02/1980'))[0]).toContain('tidak ada di kalender');
    expect((await h.say('u', '18-08-1980'))[0]).toContain('tidak cocok dengan NIK');
    await h.say('u', '17 Agustus 1980');
    expect((await h.say('u', '2'))[0]).toContain('Jenis kelamin tidak cocok');
    await h.say('u', 'laki-laki');
    expect((await h.say('u', '9'))[0]).toContain('1 sampai');
    await h.say('u', 'gunung sari');
    await h.say('u', 'mekar sari');
    await h.say('u', 'Dusun II');
    expect((await h.say('u', '12'))[0]).toContain('Nomor HP belum benar');
    await h.say('u', '+62 812 3456 7890');
    await h.say('u', 'tukang kayu');
    expect((await h.say('u', 'banyak'))[0]).toContain('1,5 juta');
    await h.say('u', '2 jt');
    await h.say('u', 'perangkat desa');
    await h.say('u', '2');
    await h.say('u', 'Siti');
    const summary = (await h.say('u', 'istri')).join('\n');
    expect(summary).toContain('1. Nama lengkap: Budi');
    expect(summary).toContain('6. Kecamatan: Gunung Sari');
    expect(summary).toContain('7. Desa/kelurahan: Mekar Sari');
    expect(summary).toContain('10. Pekerjaan: tukang kayu');
    expect(summary).toContain('12. Kelompok: Perangkat desa');
    expect(summary).toContain('13. Program: JKK + JKM + JHT');
  });

  it('points to the menu after three misses in a row', async () => {
    await h.say('u', '4');
    expect((await h.say('u', 'xx'))[0]).not.toContain('menu utama');
    await h.say('u', 'qwe');
    expect((await h.say('u', 'zz'))[0]).toContain('Balas 0 untuk menu utama');
  });
});

describe('back, cancel, edit, language', () => {
  it('goes back one question with the answer kept, and "ok" keeps it', async () => {
    for (const text of registrationScript({ fullName: 'Budi Santoso' }, { until: 'nik' })) await h.say('u', text);
    const back = (await h.say('u', 'kembali')).join('\n');
    expect(back).toContain('Nama lengkap');
    expect(back).toContain('Jawaban sebelumnya: Budi Santoso');
    expect((await h.say('u', 'ok')).join('\n')).toContain('NIK');
  });

  it('cancels only after confirmation', async () => {
    for (const text of registrationScript({ fullName: 'Budi Santoso' }, { until: 'nik' })) await h.say('u', text);
    expect((await h.say('u', 'batal')).join('\n')).toContain('Batalkan pendaftaran?');
    expect((await h.say('u', '2')).join('\n')).toContain('NIK');
    await h.say('u', 'batal');
    const done = (await h.say('u', 'ya')).join('\n');
    expect(done).toContain('Sudah dibatalkan');
    expect(done).toContain('1. Manfaat program');
    expect((await h.say('u', '4')).join('\n')).toContain('Sebelum mendaftar');
  });

  it('an empty message while a confirmation is open asks the confirmation again', async () => {
    for (const text of registrationScript({ fullName: 'Budi Santoso' }, { until: 'nik' })) await h.say('u', text);
    await h.say('u', 'batal');
    expect((await h.say('u', '   ')).join('\n')).toContain('Batalkan pendaftaran?');
    expect((await h.say('u', '2')).join('\n')).toContain('NIK');
  });

  it('help or a language switch at the draft offer keeps the draft offer open', async () => {
    for (const text of [...registrationScript({ fullName: 'Budi Santoso' }, { until: 'nik' }), 'menu', '4']) await h.say('u', text);
    expect((await h.say('u', 'bantuan')).join('\n')).toContain('belum selesai');
    await h.say('u', 'bahasa');
    expect((await h.say('u', '2')).join('\n')).toMatch(/unfinished/i);
    expect((await h.say('u', '1')).join('\n')).toMatch(/NIK/);
  });

  it('keeps a draft when the person leaves for the menu and offers it back', async () => {
    for (const text of registrationScript({ fullName: 'Budi Santoso', nik: NIK_MALE }, { until: 'birthPlace' })) await h.say('u', text);
    expect((await h.say('u', 'menu')).join('\n')).toContain('1. Manfaat program');
    expect((await h.say('u', '4')).join('\n')).toContain('belum selesai');
    expect((await h.say('u', '1')).join('\n')).toContain('Tempat lahir');
  });

  it('fixes one field from the summary with "ubah N" and returns to the summary', async () => {
    await fillUpToSummary('u');
    expect((await h.say('u', 'ubah 3')).join('\n')).toContain('Tempat lahir');
    const summary = (await h.say('u', 'Martapura')).join('\n');
    expect(summary).toContain('3. Tempat lahir: Martapura');
    expect(summary).toContain('1. Nama lengkap: Budi Santoso');
    await h.say('u', '2');
    expect((await h.say('u', '6')).join('\n')).toContain('Kecamatan');
    expect((await h.say('u', '3')).join('\n')).toContain('Desa/kelurahan di Kecamatan Gunung Sari');
    expect((await h.say('u', '2')).join('\n')).toContain('7. Desa/kelurahan: Mekar Sari');
  });

  it('asks again for the birth date when an edited NIK no longer matches it', async () => {
    await fillUpToSummary('u');
    await h.say('u', 'ubah 2');
    const next = (await h.say('u', NIK_FEMALE)).join('\n');
    expect(next).toContain('Tanggal lahir');
    await h.say('u', '17-05-1985');
    const sex = (await h.say('u', '1')).join('\n');
    expect(sex).toContain('Jenis kelamin tidak cocok');
    const summary = (await h.say('u', 'perempuan')).join('\n');
    expect(summary).toContain('5. Jenis kelamin: Perempuan');
  });

  it('switches language mid-flow and asks the same question in English', async () => {
    for (const text of registrationScript({}, { until: 'fullName' })) await h.say('u', text);
    await h.say('u', 'bahasa');
    const en = (await h.say('u', '2')).join('\n');
    expect(en).toMatch(/English/);
    expect(en).toMatch(/full name/i);
    await h.say('u', 'Budi Santoso');
    expect((await h.say('u', 'indonesia')).join('\n')).toContain('NIK (16 angka');
  });
});

describe('a cadre whose invite is revoked', () => {
  it('loses the role at once, mid-registration of a neighbour, and the unsent neighbour is not kept', async () => {
    const { createInvite } = await import('../../src/app/invites.js');
    const { loadProgrammeSettings } = await import('../../src/settings.js');
    const settings = loadProgrammeSettings('data/programme.example.json');
    const code = (await createInvite(h.runtime.store.cadres, settings, { desa: 'Mekar Sari', role: 'kader', now: h.clock.now, random: seeded(4) })).code;
    expect((await h.say('k', code)).join('\n')).toContain('terdaftar sebagai kader');
    // Starts signing up a neighbour.
    await h.say('k', '1');
    expect(await h.runtime.store.cadres.revoke(code, h.clock.now)).toBe(true);
    const after = (await h.say('k', '1')).join('\n');
    expect(after).toContain('Peran kader Anda sudah dicabut');
    expect(after).toContain('Menu utama');
    // The cadre's own commands are gone; nothing of the neighbour was kept.
    expect((await h.say('k', 'warga')).join('\n')).not.toContain('Warga yang Anda daftarkan');
    const session = (await dbOf(h).get<{ state: string }>("SELECT state FROM sessions s JOIN identities i ON i.person_id = s.person_id WHERE i.channel = 'test' AND i.external_key = ?", [addressKey(h.runtime.store.cipher, 'test', 'k')]))!;
    expect(JSON.parse(h.runtime.store.cipher.decrypt(session.state)).cadre ?? null).toBeNull();
    expect(JSON.parse(h.runtime.store.cipher.decrypt(session.state)).drafts).toEqual({});
  });
});
