// Answers a worker gives that used to go wrong (issue 14, item 7): another kecamatan keeps the old
// desa; "ga tau" about the social registry was told the regency pays; ages 1, 12 and 150.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const chat = async (user: string, text: string) => (await h.say(user, text)).join('\n');

async function toSummary(user: string): Promise<string> {
  let out = '';
  // The example answers: kecamatan 1 (Sukamaju Kota), desa 2 (Karang Anyar).
  for (const text of registrationScript({}, { send: false })) out = await chat(user, text);
  return out;
}

const stored = async (ref: string) =>
  JSON.parse(h.runtime.store.cipher.decrypt((await dbOf(h).get<{ data: string }>('SELECT data FROM registrations WHERE reference = ?', [ref]))!.data)) as Record<string, unknown>;

describe('another kecamatan clears the desa', () => {
  it.each(['ubah 6', 'UBAH 6', 'ubah no 6', 'ganti 6', 'perbaiki 6'])('"%s" then another kecamatan: the desa is asked again, never kept, never shown beside it', async (typed) => {
    expect(await toSummary('w')).toContain('7. Desa/kelurahan: Karang Anyar');
    expect(await chat('w', typed)).toContain('Kecamatan tempat tinggal');
    const desa = await chat('w', '3'); // Gunung Sari
    expect(desa).toContain('Desa/kelurahan di Kecamatan Gunung Sari?');
    expect(desa).not.toContain('Jawaban sebelumnya');
    // "ok" cannot keep a desa of another kecamatan.
    expect(await chat('w', 'ok')).toContain('pilihan itu tidak ada');
    // Back to the summary without answering: no impossible pair on it, and sending asks the desa first.
    await chat('w', 'kembali');
    const summary = await chat('w', 'kembali');
    expect(summary).toContain('6. Kecamatan: Gunung Sari');
    expect(summary).toContain('7. Desa/kelurahan: -');
    expect(summary).not.toContain('Karang Anyar');
    expect(await chat('w', '1')).toContain('Desa/kelurahan di Kecamatan Gunung Sari?');
    const again = await chat('w', '2');
    expect(again).toContain('6. Kecamatan: Gunung Sari');
    expect(again).toContain('7. Desa/kelurahan: Mekar Sari');
    const ref = /LD-\w{5}/.exec(await chat('w', '1'))![0];
    expect(await stored(ref)).toMatchObject({ kecamatan: 'Gunung Sari', desa: 'Mekar Sari' });
  });

  it('the same kecamatan keeps its desa ("ok" still works)', async () => {
    await toSummary('w');
    await chat('w', 'ubah 6');
    expect(await chat('w', '1')).toContain('Jawaban sebelumnya: Karang Anyar');
    expect(await chat('w', 'ok')).toContain('7. Desa/kelurahan: Karang Anyar');
  });

  it('in a correction an officer asked for, a new kecamatan brings a fresh desa question', async () => {
    await toSummary('w');
    const ref = /LD-\w{5}/.exec(await chat('w', '1'))![0];
    await h.runtime.app.requestCorrection(ref, { fields: ['kecamatan'], note: 'Kecamatan salah', officer: 'ana' });
    const desa = await chat('w', '4'); // Pantai Harapan
    expect(desa).toContain('Desa/kelurahan di Kecamatan Pantai Harapan?');
    expect(desa).not.toContain('Karang Anyar');
    expect(await chat('w', 'ok')).toContain('pilihan itu tidak ada');
    const confirm = await chat('w', '2');
    expect(confirm).toContain('Kecamatan: Pantai Harapan');
    expect(confirm).toContain('Desa/kelurahan: Kampung Nelayan');
    await chat('w', '1');
    expect(await stored(ref)).toMatchObject({ kecamatan: 'Pantai Harapan', desa: 'Kampung Nelayan' });
  });
});

describe('not knowing whether one is in the social registry (DTSEN/DTKS)', () => {
  /** "Cek syarat" as an own-account worker of 40 in Gunung Sari, not a member, with this registry answer. */
  async function eligibility(registry: string): Promise<string> {
    await chat('e', 'menu');
    await chat('e', '3');
    await chat('e', '2');
    const asked = await chat('e', registry);
    expect(asked).toContain('Berapa umur Anda?');
    await chat('e', '40');
    await chat('e', '3');
    return chat('e', '2');
  }

  it.each(['ga tau', 'tidak tahu', 'belum tahu', 'kurang tau', 'GATAU', 'gk tau kak', 'Ga tau.', 'nggak tahu', 'saya tidak tahu', 'kurang tahu', 'tdk yakin', '3'])(
    '"%s": an officer checks who pays, the regency is not promised',
    async (typed) => {
      const out = await eligibility(typed);
      expect(out).toContain('Yang membayar iuran: belum pasti (petugas akan memeriksa siapa yang membayar)');
      expect(out).toContain('Petugas akan memeriksa apakah keluarga Anda terdata di data sosial');
      expect(out).not.toContain('Kabupaten Sukamaju (APBD)');
      // The group is not claimed either: it holds only if the family is listed.
      expect(out).toContain('bila keluarga memang terdata (petugas yang memeriksa)');
    },
  );

  it.each([
    ['ya', 'Kabupaten Sukamaju (APBD)'],
    ['tidak', 'Anda sendiri'],
    ['belum', 'Anda sendiri'],
  ])('"%s" still decides: %s', async (typed, payer) => {
    expect(await eligibility(typed)).toContain(`Yang membayar iuran: ${payer}`);
  });

  it('at the registration\'s group question, "ga tau" says which number to pick, and that choice does not promise the regency pays', async () => {
    for (const text of registrationScript({}, { until: 'groupId' })) await chat('w', text);
    const hint = await chat('w', 'ga tau');
    expect(hint).toContain('pilih 6 (Pekerja rentan (terdata di DTSEN/DTKS))');
    expect(hint).toContain('petugas akan memeriksa siapa yang membayar');
    const programmes = await chat('w', '6');
    expect(programmes).toContain('JKK + JKM (dibayar Pemkab bila terdata di DTSEN/DTKS; petugas memeriksa)');
  });
});

describe('ages outside the working-age range of the settings', () => {
  async function atAge(): Promise<void> {
    await chat('e', 'menu');
    await chat('e', '3');
    await chat('e', '2');
    await chat('e', 'tidak');
  }

  it.each(['1', '12', '12 thn', 'umur 12', '14 TAHUN', 'usia saya 9'])('"%s" is too young, said with the limit, and not taken', async (typed) => {
    await atAge();
    const out = await chat('e', typed);
    expect(out).toMatch(/Umur \d+ tahun masih di bawah batas 15 tahun/);
    expect(out).toContain('Berapa umur Anda?');
    expect(out).not.toContain('Tulis umur dengan angka');
  });

  it.each(['150', '150 TAHUN', '999'])('"%s" is not a possible age: said so, with the age an officer checks above', async (typed) => {
    await atAge();
    const out = await chat('e', typed);
    expect(out).toMatch(/Umur \d+ tahun tidak mungkin/);
    expect(out).toContain('di atas 65 tahun, petugas akan memastikan');
    expect(out).not.toContain('Tulis umur dengan angka');
  });

  it('15 and 70 are taken: 70 goes to an officer with the limit said', async () => {
    await atAge();
    expect(await chat('e', '15 th')).toContain('kecamatan mana');
    await chat('e', 'kembali');
    await chat('e', '70');
    await chat('e', '3');
    expect(await chat('e', '2')).toContain('Umur di atas 65 tahun');
  });

  it('a birth date that makes the person 11 is refused at the registration, plainly', async () => {
    // Born 15-05-2015 (a man): the NIK and the date agree, the age does not.
    for (const text of registrationScript({ nik: '6301011505150001' }, { until: 'birthDate' })) await chat('w', text);
    const out = await chat('w', '15-05-2015');
    expect(out).toContain('Menurut tanggal lahir itu, umurnya 11 tahun: di bawah batas 15–65 tahun untuk program ini, jadi belum bisa didaftarkan.');
    expect(out).toContain('Tanggal lahir');
    expect(await chat('w', '15-05-2015')).not.toContain('Jenis kelamin');
  });

  it('the NIK of a working-age person still goes through (control)', async () => {
    for (const text of registrationScript({ nik: NIK_MALE }, { until: 'birthDate' })) await chat('w', text);
    expect(await chat('w', '17-08-1980')).toContain('Jenis kelamin');
  });
});
