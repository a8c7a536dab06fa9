// A birth date or age outside the programme's working ages (settings ageLimits: from 15; above 65
// an officer confirms) gets a clear answer that names the range and a way on (issue 14, part 7):
// never "write a number" or a bare "too long ago". Today is 22 November 2026 (test/helpers/harness).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/app/invites.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { cleanup, NIK_MALE, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { neighbourScript, registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const chat = async (user: string, text: string) => (await h.say(user, text)).join('\n');

const ASK_DATE = 'Tanggal lahir? (contoh: 17-08-1980)';
const NEXT = 'Jenis kelamin?';

/** At the registration's birth-date question, after this NIK. */
async function atBirthDate(user: string, nik = NIK_MALE): Promise<void> {
  for (const text of registrationScript({ nik }, { until: 'birthDate' })) await chat(user, text);
}

describe('the registration\'s birth date', () => {
  it.each([
    // typed, the NIK (its birth date agreeing with the typed one where a NIK can), what is said, the date retyped
    ['17-08-2025', NIK_MALE, 'Menurut tanggal lahir itu, umurnya 1 tahun: di bawah batas 15–65 tahun untuk program ini, jadi belum bisa didaftarkan.', '17-08-1980'],
    ['17-08-2014', '6301011708140003', 'Menurut tanggal lahir itu, umurnya 12 tahun: di bawah batas 15–65 tahun untuk program ini, jadi belum bisa didaftarkan.', null],
    ['17-08-2012', '6301011708120003', 'Menurut tanggal lahir itu, umurnya 14 tahun: di bawah batas 15–65 tahun untuk program ini', null],
    ['17-08-2012', NIK_MALE, 'umurnya 14 tahun: di bawah batas 15–65 tahun', '17-08-1980'],
    ['17-08-1876', NIK_MALE, 'Tanggal lahir itu berarti umur 150 tahun, di luar batas 15–65 tahun untuk program ini. Periksa lagi tahun lahirnya dan tulis lagi, contoh 17-08-1985.', '17-08-1980'],
    ['17 Agustus 1876', NIK_MALE, 'berarti umur 150 tahun, di luar batas 15–65 tahun', '17 Agustus 1980'],
    ['1876-08-17', NIK_MALE, 'berarti umur 150 tahun, di luar batas 15–65 tahun', '1980-08-17'],
    ['17081876', NIK_MALE, 'berarti umur 150 tahun, di luar batas 15–65 tahun', '17081980'],
    ['1876', NIK_MALE, 'berarti umur 150 tahun, di luar batas 15–65 tahun', '17-08-1980'],
    ['17-08-2030', NIK_MALE, 'Tanggal lahir itu masih di masa depan. Program ini untuk umur 15–65 tahun. Periksa lagi dan tulis tanggal lahirnya, contoh 17-08-1985.', '17-08-1980'],
  ])('"%s" (NIK %s): said with the age and the range, asked again', async (typed, nik, said, retyped) => {
    await atBirthDate('w', nik);
    const out = await chat('w', typed);
    expect(out).toContain(said);
    expect(out).toContain('15–65 tahun');
    expect(out).toContain(ASK_DATE);
    expect(out).not.toContain('Tulis umur dengan angka');
    expect(out).not.toContain('terlalu lama');
    expect(out).not.toContain(NEXT);
    // The way on: a typo retyped is taken (a real child is told to leave with "menu", below).
    if (retyped) expect(await chat('w', retyped)).toContain(NEXT);
  });

  it('a real child (the NIK agrees): told it cannot be registered yet, with the range, and how to leave', async () => {
    await atBirthDate('w', '6301011708140003');
    const out = await chat('w', '17-08-2014');
    expect(out).toContain('jadi belum bisa didaftarkan');
    expect(out).toContain('kalau tidak, balas menu');
    expect(await chat('w', 'menu')).toContain('Menu utama');
  });

  it('66: goes on, with the range and that an officer confirms; "kembali" takes them back to fix a typo', async () => {
    await atBirthDate('w', '6301011708600003');
    const out = await chat('w', '17-08-1960');
    expect(out).toContain('Umur Anda 66 tahun, di atas batas 15–65 tahun: petugas akan memastikan apakah bisa ikut. Kita lanjutkan dulu. Kalau tanggal lahir salah ketik, balas kembali.');
    expect(out).toContain(NEXT);
    expect(await chat('w', 'kembali')).toContain(ASK_DATE);
  });

  it('a cadre registering a neighbour hears the same, about the neighbour', async () => {
    const code = (await createInvite(h.runtime.store.cadres, loadProgrammeSettings('data/programme.example.json'), { desa: 'Mekar Sari', role: 'kader', now: h.clock.now, random: seeded(5) })).code;
    await chat('k', code);
    for (const text of neighbourScript({ nik: '6301011708600003' }, { until: 'birthDate' })) await chat('k', text);
    expect(await chat('k', '17-08-1876')).toContain('Tanggal lahir itu berarti umur 150 tahun, di luar batas 15–65 tahun untuk program ini.');
    expect(await chat('k', '17-08-1960')).toContain('Umur warga 66 tahun, di atas batas 15–65 tahun: petugas akan memastikan');
  });

  it('in English too', async () => {
    await chat('w', 'english');
    for (const text of registrationScript({}, { until: 'birthDate' })) await chat('w', text);
    expect(await chat('w', '17-08-1876')).toContain("That birth date means an age of 150, outside this programme's age range of 15–65. Check the birth year");
    expect(await chat('w', '17-08-2025')).toContain("By that birth date the age is 1: below this programme's age range of 15–65");
  });
});

describe('the age question of "Cek syarat"', () => {
  async function atAge(): Promise<void> {
    for (const text of ['menu', '3', '2', 'tidak']) await chat('e', text);
  }

  it.each([
    ['1876', 'Umur 150 tahun tidak mungkin: program ini untuk umur 15–65 tahun'],
    ['lahir 1876', 'Umur 150 tahun tidak mungkin: program ini untuk umur 15–65 tahun'],
    ['17-08-1876', 'Umur 150 tahun tidak mungkin: program ini untuk umur 15–65 tahun'],
    ['150', 'Umur 150 tahun tidak mungkin: program ini untuk umur 15–65 tahun'],
    ['lahir 2014', 'Umur 12 tahun masih di bawah batas 15 tahun: program ini untuk umur 15–65 tahun.'],
    ['14', 'Umur 14 tahun masih di bawah batas 15 tahun: program ini untuk umur 15–65 tahun.'],
    ['1', 'Umur 1 tahun masih di bawah batas 15 tahun'],
    ['2030', '2030 masih di masa depan. Program ini untuk umur 15–65 tahun. Tulis umur Anda (misalnya 45) atau tahun lahir (misalnya 1985).'],
    ['17-08-2030', '17-08-2030 masih di masa depan. Program ini untuk umur 15–65 tahun.'],
  ])('"%s": said with the range, asked again', async (typed, said) => {
    await atAge();
    const out = await chat('e', typed);
    expect(out).toContain(said);
    expect(out).toContain('Berapa umur Anda?');
    expect(out).not.toContain('Tulis umur dengan angka, misalnya 45.');
  });

  it.each(['1980', 'lahir 1980', 'thn 1980', '17-08-1980'])('a birth year or date in range ("%s") is read as the age', async (typed) => {
    await atAge();
    expect(await chat('e', typed)).toContain('kecamatan mana');
  });

  it('66 is taken: an officer confirms (the outcome says the limit)', async () => {
    await atAge();
    await chat('e', '66');
    await chat('e', '3');
    expect(await chat('e', '2')).toContain('Umur di atas 65 tahun');
  });
});
