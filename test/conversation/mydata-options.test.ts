// "Data saya" offers what can happen to the registrations the person has (issue 14, part 7): a
// registration not yet approved is deleted at once; an approved (or registered) one is not, its
// deletion is a consent withdrawal an officer reviews (storage/withdrawals.ts), and the words say
// so; an option that could do nothing is not offered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const chat = async (user: string, text: string) => (await h.say(user, text)).join('\n');

const BUDI = { fullName: 'Budi Santoso', nik: NIK_MALE };
const ANI = { fullName: 'Ani Lestari', nik: NIK_FEMALE, birthDate: '17-05-1985', sex: '2' };

async function register(user: string, answers: Record<string, string>): Promise<string> {
  let out = '';
  await chat(user, 'menu');
  for (const text of registrationScript(answers)) out = await chat(user, text);
  return /LD-\w{5}/.exec(out)![0];
}

const setStatus = (ref: string, status: string) => dbOf(h).run('UPDATE registrations SET status = ? WHERE reference = ?', [status, ref]);
const statusOf = async (ref: string) => (await dbOf(h).get<{ status: string }>('SELECT status FROM registrations WHERE reference = ?', [ref]))!.status;

/** The numbered options of the reply, as "n. label". */
const options = (out: string) => out.split('\n').filter((l) => /^\d\. /.test(l));

describe('what "Data saya" offers', () => {
  it('a registration not yet approved: delete it, withdraw consent, a copy, correct it here (as before)', async () => {
    await register('u', BUDI);
    const out = await chat('u', 'data saya');
    expect(options(out)).toEqual([
      '1. Hapus pendaftaran (yang belum disetujui)',
      '2. Tarik persetujuan & hapus data',
      '3. Salinan lengkap data saya',
      '4. Perbaiki data pendaftaran',
      '0. Menu utama',
    ]);
    expect(out).toContain('balas 4 atau ketik perbaiki');
  });

  it.each(['approved', 'registered'])('only %s ones: no "Hapus"; the deletion is asked of an officer, and corrections too, in those words', async (status) => {
    const ref = await register('u', BUDI);
    await setStatus(ref, status);
    const out = await chat('u', 'data saya');
    expect(options(out)).toEqual([
      '1. Tarik persetujuan & minta data dihapus (ditinjau petugas)',
      '2. Salinan lengkap data saya',
      '3. Minta petugas memperbaiki data',
      '0. Menu utama',
    ]);
    expect(out).not.toContain('Hapus pendaftaran');
    expect(out).toContain('Data pendaftaran yang sudah disetujui diubah oleh petugas: balas 3 untuk menulis ke petugas.');
    expect(out).not.toContain('ketik perbaiki');
    // "3" leads where it says: a message to an officer.
    expect(await chat('u', '3')).toContain(`Pendaftaran ${ref} sudah disetujui`);
  });

  it('"hapus" with only an approved one: what happens is said before, and is what happens', async () => {
    const ref = await register('u', BUDI);
    await setStatus(ref, 'approved');
    await chat('u', 'data saya');
    const confirm = await chat('u', 'hapus');
    expect(confirm).toContain(`Pendaftaran ${ref} sudah disetujui, jadi tidak langsung dihapus: petugas meninjau permintaan hapusnya dalam 72 jam.`);
    expect(confirm).toContain('percakapan ini) langsung dihapus');
    const done = await chat('u', '1');
    expect(done).toContain(`Pendaftaran ${ref} sudah disetujui, jadi tidak langsung dihapus: permintaan hapusnya sudah diteruskan ke petugas dan ditinjau dalam 72 jam.`);
    expect(done).not.toContain('Untuk menghapusnya, hubungi');
    // Kept, flagged for an officer's review (the queue's withdrawals), the rest of the person gone.
    expect(await statusOf(ref)).toBe('approved');
    expect((await h.runtime.store.withdrawals.pending(10)).rows.map((r) => r.reference)).toEqual([ref]);
    expect(await dbOf(h).get('SELECT count(*) AS n FROM identities')).toEqual({ n: 0 });
  });

  it('one approved and one not: "Hapus" lists only the one it can delete; withdrawing names the one an officer reviews', async () => {
    const approved = await register('u', BUDI);
    await setStatus(approved, 'approved');
    const open = await register('u', ANI);
    const out = await chat('u', 'data saya');
    expect(options(out).slice(0, 2)).toEqual(['1. Hapus pendaftaran (yang belum disetujui)', '2. Tarik persetujuan & minta data dihapus (ditinjau petugas)']);
    const pick = await chat('u', '1');
    expect(pick).toContain(`${open} · Ani Lestari`);
    expect(pick).not.toContain(approved);
    await chat('u', 'menu');
    await chat('u', 'data saya');
    const confirm = await chat('u', '2');
    expect(confirm).toContain(`Pendaftaran ${approved} sudah disetujui`);
    expect(confirm).not.toContain(open);
  });

  it('nothing stored: no delete and no correction to offer, only consent and the copy', async () => {
    await chat('u', 'halo');
    const out = await chat('u', 'data saya');
    expect(options(out)).toEqual(['1. Tarik persetujuan & hapus data', '2. Salinan lengkap data saya', '0. Menu utama']);
    expect(out).not.toContain('perbaiki');
  });

  it('only a rejected one: it can be deleted, but not corrected (a new registration is made instead)', async () => {
    const ref = await register('u', BUDI);
    await setStatus(ref, 'rejected');
    const out = await chat('u', 'data saya');
    expect(options(out)).toEqual(['1. Hapus pendaftaran (yang belum disetujui)', '2. Tarik persetujuan & hapus data', '3. Salinan lengkap data saya', '0. Menu utama']);
  });

  it('an officer approving while the person confirms a delete: not said to be deleted, and not deleted', async () => {
    const ref = await register('u', BUDI);
    await chat('u', 'data saya');
    await chat('u', '1');
    expect(await chat('u', '1')).toContain(`Hapus pendaftaran ${ref}?`);
    await h.runtime.app.changeStatus(ref, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });
    const out = await chat('u', 'ya');
    expect(out).toContain(`Pendaftaran ${ref} sudah diputuskan petugas (status: Disetujui, sedang didaftarkan ke BPJS), jadi tidak bisa dihapus sendiri lagi.`);
    expect(out).not.toContain('sudah dihapus');
    expect(await statusOf(ref)).toBe('approved');
  });

  it('in English: the same options, in its words', async () => {
    const ref = await register('u', BUDI);
    await setStatus(ref, 'approved');
    await chat('u', 'english');
    const out = await chat('u', 'my data');
    expect(options(out)).toEqual([
      '1. Take back consent & ask for deletion (staff review it)',
      '2. Full copy of my data',
      '3. Ask staff to fix my details',
      '0. Main menu',
    ]);
    expect(await chat('u', '1')).toContain(`Sign-up ${ref} was already approved, so it is not deleted at once`);
  });
});
