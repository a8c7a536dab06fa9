import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressKey } from '../../src/storage/addresses.js';
import { createInvite } from '../../src/app/invites.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, NIK_MALE, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { neighbourScript, registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const outboxTexts = async (externalId: string) =>
  (await dbOf(h).all<{ payload: string }>('SELECT payload FROM outbox WHERE recipient_key = ? ORDER BY id', [addressKey(h.runtime.store.cipher, 'test', externalId)])).map(
    (r) => JSON.parse(h.runtime.store.cipher.decrypt(r.payload)).text as string,
  );

async function registerSelf(user: string): Promise<string> {
  const script = registrationScript();
  let out: string[] = [];
  for (const text of script) out = await h.say(user, text);
  return /LD-\w{5}/.exec(out.join('\n'))![0];
}

describe('correction requested by an officer', () => {
  it('asks the person exactly the named fields and puts the registration back in the queue', async () => {
    const ref = await registerSelf('w');
    await h.say('w', '1'); // mid-way in something else: the benefits menu
    await h.runtime.app.requestCorrection(ref, { fields: ['phone', 'address'], note: 'Nomor HP tidak aktif', officer: 'ana' });
    const sent = (await outboxTexts('w')).slice(-4).join('\n');
    expect(sent).toContain('perlu perbaikan');
    expect(sent).toContain('Nomor HP tidak aktif');
    expect(sent).toContain('Alamat, No. HP');
    expect(sent).toContain('Alamat (dusun/jalan, RT/RW)?');
    expect((await h.say('w', 'Jl. Melati No. 5')).join('\n')).toContain('Nomor HP');
    const confirm = (await h.say('w', '0813 1111 2222')).join('\n');
    expect(confirm).toContain('Periksa perbaikan');
    expect(confirm).toContain('Alamat: Jl. Melati No. 5');
    const done = (await h.say('w', '1')).join('\n');
    expect(done).toContain('perbaikan untuk');
    const row = (await dbOf(h).get<{ status: string; data: string; correction_fields: string | null }>('SELECT status, data, correction_fields FROM registrations WHERE reference = ?', [ref]))!;
    expect(row.status).toBe('submitted');
    expect(row.correction_fields).toBeNull();
    expect(JSON.parse(h.runtime.store.cipher.decrypt(row.data))).toMatchObject({ address: 'Jl. Melati No. 5', phone: '+6281311112222', fullName: 'Budi Santoso' });
    const actions = await dbOf(h).all('SELECT action FROM registration_events ORDER BY id');
    expect(actions).toEqual([{ action: 'submitted' }, { action: 'status_changed' }, { action: 'corrected' }]);
  });

  it('asks the cadre when a cadre submitted it, and a new NIK brings the birth date and sex along', async () => {
    const code = (await createInvite(h.runtime.store.cadres, loadProgrammeSettings('data/programme.example.json'), { desa: 'Mekar Sari', role: 'kader', now: h.clock.now, random: seeded(5) })).code;
    await h.say('k', code);
    const script = neighbourScript(
      {
        fullName: 'Siti Aminah', nik: NIK_MALE, kecamatan: 'gunung sari', desa: 'mekar sari', address: 'RT 02', phone: '-',
        occupation: 'petani', income: '1 juta', groupId: 'kader', heirName: 'Ahmad', heirRelation: 'anak',
      },
      { send: false },
    );
    for (const text of script) await h.say('k', text);
    const ref = /LD-\w{5}/.exec((await h.say('k', '1')).join('\n'))![0];
    await h.runtime.app.requestCorrection(ref, { fields: ['nik'], note: 'NIK salah ketik', officer: 'ana' });
    expect((await outboxTexts('k')).slice(-1)[0]).toContain('NIK warga');
    expect((await h.say('k', NIK_FEMALE)).join('\n')).toContain('Tanggal lahir warga');
    expect((await h.say('k', '17-05-1985')).join('\n')).toContain('Jenis kelamin warga');
    const confirm = (await h.say('k', '2')).join('\n');
    expect(confirm).toContain('NIK: 6301********0012');
    await h.say('k', '1');
    const data = JSON.parse(h.runtime.store.cipher.decrypt((await dbOf(h).get<{ data: string }>('SELECT data FROM registrations WHERE reference = ?', [ref]))!.data));
    expect(data).toMatchObject({ nik: NIK_FEMALE, sex: 'F', birthDate: '1985-05-17' });
  });
});

describe('questions for an officer', () => {
  it('stores a question and delivers the answer on the person\'s channel', async () => {
    await h.say('q', 'halo');
    await h.say('q', '8');
    expect((await h.say('q', 'Apakah istri saya juga bisa didaftarkan?')).join('\n')).toContain('diteruskan ke petugas');
    const [question] = await h.runtime.app.questions.open();
    expect(question?.text).toBe('Apakah istri saya juga bisa didaftarkan?');
    await dbOf(h).run("INSERT INTO officers (username, password_hash, role, created_at) VALUES ('ana', 'x', 'officer', 0)");
    await h.runtime.app.questions.answer(question!.id, 1, 'Bisa, daftarkan lewat menu 4.');
    expect((await outboxTexts('q')).at(-1)).toContain('Bisa, daftarkan lewat menu 4.');
    expect(await h.runtime.app.questions.openCount()).toBe(0);
    await expect(h.runtime.app.questions.answer(question!.id, 1, 'lagi')).rejects.toThrow(/not open/);
  });
});
