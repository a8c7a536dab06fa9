import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const state = async () => JSON.parse(h.runtime.store.cipher.decrypt((await dbOf(h).get<{ state: string }>('SELECT state FROM sessions'))!.state));

describe('free text outside a flow', () => {
  it('answers a question in everyday Indonesian, with figures from the rates file, then shows the menu', async () => {
    await h.say('u', 'halo');
    const out = (await h.say('u', 'klo meninggal dpt apa')).join('\n');
    expect(out).toContain('Rp42 juta');
    expect(out).toContain('1. Manfaat program');
  });

  it('computes the contribution when the question carries an income', async () => {
    const out = (await h.say('u', 'penghasilan saya 2 juta iurannya berapa')).join('\n');
    expect(out).toContain('dihitung dari Rp2.000.000');
    expect(out).toContain('JKK + JKM = Rp26.800');
    expect(out).toContain('Dengan JHT = Rp66.800');
  });

  it('acts on intents: "mau daftar" starts registration, "cek status" shows status, "hapus data saya" opens my data', async () => {
    await h.say('u', 'halo');
    expect((await h.say('u', 'saya mau daftar dong')).join('\n')).toContain('Sebelum mendaftar');
    await h.say('u', 'menu');
    expect((await h.say('u', 'cek status pendaftaran saya')).join('\n')).toContain('belum punya pendaftaran');
    await h.say('u', 'menu');
    expect((await h.say('u', 'tolong hapus data saya')).join('\n')).toContain('Tarik persetujuan');
  });

  it('answers thanks shortly and greets with the menu', async () => {
    await h.say('u', 'halo');
    expect((await h.say('u', 'makasih banyak ya min')).join('\n')).toContain('Sama-sama');
    expect((await h.say('u', 'selamat siang min')).join('\n')).toContain('1. Manfaat program');
  });

  it('answers a question in English in English', async () => {
    await h.say('u', 'halo');
    const out = (await h.say('u', 'how much is the monthly contribution?')).join('\n');
    expect(out).toMatch(/contribution|month/i);
    expect(out).toContain('Main menu');
  });

  it('offers the closest topics as numbered choices when unsure, and stores what it could not match, masked', async () => {
    await h.say('u', 'halo');
    const out = await h.replies('u', 'bpjs ketenagakerjaan');
    const last = out.at(-1)!;
    if (last.choices && last.text.includes('Maksud Anda')) {
      expect(last.choices.length).toBeGreaterThanOrEqual(2);
      const answer = (await h.say('u', '1')).join('\n');
      expect(answer).toContain('1. Manfaat program');
    }
    await h.say('u', 'nomor saya 081234567890 resep rendang enak');
    const rows = await dbOf(h).all<{ text: string }>('SELECT text FROM faq_unmatched ORDER BY id');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.text).join('\n')).not.toMatch(/\d{6}/);
    expect(rows.at(-1)!.text).toContain('[angka]');
  });
});

describe('free text inside a flow', () => {
  it('answers a question asked instead of the NIK, then asks for the NIK again with nothing lost', async () => {
    for (const text of registrationScript({ fullName: 'Budi Santoso' }, { until: 'nik' })) await h.say('u', text);
    const out = (await h.say('u', 'iurannya berapa?')).join('\n');
    expect(out).toContain('Kembali ke pertanyaan tadi');
    expect(out).toContain('NIK (16 angka');
    expect((await state()).answers.fullName).toBe('Budi Santoso');
    expect((await state()).step).toBe('nik');
    expect((await h.say('u', NIK_MALE)).join('\n')).toContain('Tempat lahir');
  });

  it('does not take an ordinary answer for a question', async () => {
    for (const text of registrationScript({}, { until: 'address' })) await h.say('u', text);
    expect((await h.say('u', 'Jl. Kenanga Gg. Apa Saja RT 2')).join('\n')).toContain('Nomor HP');
    expect((await state()).answers.address).toBe('Jl. Kenanga Gg. Apa Saja RT 2');
  });
});
