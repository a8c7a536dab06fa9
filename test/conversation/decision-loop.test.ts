// The worker's side of an officer's decision (issue 14, item 7): a correction asked for is offered
// until it is done, whatever the person does in between; a person corrects their own registration
// in the chat; every decision's message carries its next step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/app/invites.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { addressKey } from '../../src/storage/addresses.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { neighbourScript, registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const chat = async (user: string, text: string) => (await h.say(user, text)).join('\n');

const outboxTexts = async (externalId: string) =>
  (await dbOf(h).all<{ payload: string }>('SELECT payload FROM outbox WHERE recipient_key = ? ORDER BY id', [addressKey(h.runtime.store.cipher, 'test', externalId)])).map(
    (r) => JSON.parse(h.runtime.store.cipher.decrypt(r.payload)).text as string,
  );

async function register(user: string, answers: Record<string, string> = {}): Promise<string> {
  let out = '';
  for (const text of registrationScript(answers)) out = await chat(user, text);
  return /LD-\w{5}/.exec(out)![0];
}

const row = async (ref: string) => {
  const r = (await dbOf(h).get<{ status: string; data: string }>('SELECT status, data FROM registrations WHERE reference = ?', [ref]))!;
  return { status: r.status, data: JSON.parse(h.runtime.store.cipher.decrypt(r.data)) as Record<string, unknown> };
};

const ASK = 'Alamat (dusun/jalan, RT/RW)?';

describe('a correction an officer asked for survives any navigation', () => {
  it('"menu" leaves it, the menu keeps offering it (a line on top, a numbered item), and the status too, until it is sent', async () => {
    const ref = await register('w');
    await h.runtime.app.requestCorrection(ref, { fields: ['address', 'phone'], note: 'Nomor HP tidak aktif', officer: 'ana' });
    expect((await outboxTexts('w')).join('\n')).toContain(ASK);

    const menu = await chat('w', 'menu');
    expect(menu).toContain(`Petugas meminta perbaikan untuk pendaftaran ${ref}: Alamat, No. HP. Balas 9 atau ketik perbaiki.`);
    expect(menu).toContain('4. Daftar'); // the usual numbers stay where they were
    expect(menu).toContain('9. Perbaiki data pendaftaran');
    expect(await chat('w', '9')).toContain(ASK);

    // Away again, in another flow; the status says what to do, and offers it.
    await chat('w', '2');
    const status = await chat('w', 'cek status');
    expect(status).toContain('Ketik perbaiki kapan saja untuk mengisi: Alamat, No. HP.');
    expect(status).not.toContain('saya akan menanyakan');
    expect(status).toContain('3. Perbaiki sekarang');
    expect(await chat('w', '3')).toContain(ASK);

    expect(await chat('w', 'Jl. Melati No. 5')).toContain('Nomor HP');
    expect(await chat('w', '0813 1111 2222')).toContain('Periksa perbaikan');
    const sent = await chat('w', '1');
    expect(sent).toContain(`perbaikan untuk ${ref} terkirim`);
    // Done: the menu shown with it, and every one after, has no correction left to offer.
    expect(sent).not.toContain('Petugas meminta perbaikan');
    expect(sent).not.toContain('9. Perbaiki');
    expect(await chat('w', 'menu')).not.toContain('Petugas meminta perbaikan');
    expect(await row(ref)).toMatchObject({ status: 'submitted', data: { address: 'Jl. Melati No. 5', phone: '+6281311112222' } });
  });

  it.each([
    'perbaiki',
    'PERBAIKI',
    'perbaiki!',
    'Perbaiki.',
    'koreksi',
    'betulkan',
    'betulin dong',
    'benerin data',
    'ubah data',
    'UBAH DATA',
    'perbaiki data saya kak',
    'tolong koreksi data saya',
    'mau perbaiki',
    'revisi',
  ])('"%s", typed after leaving it for the menu or another question, starts it again', async (typed) => {
    const ref = await register('w');
    await h.runtime.app.requestCorrection(ref, { fields: ['address'], note: 'Alamat kurang lengkap', officer: 'ana' });
    await chat('w', 'menu');
    expect(await chat('w', typed)).toContain(ASK);
    await chat('w', '2'); // the calculator's first question
    const again = await chat('w', typed);
    expect(again).toContain(ASK);
    expect(again).not.toContain('penghasilan');
  });

  it("a cadre asked to correct a neighbour's registration finds it in their menu (item 5) and with \"perbaiki\"", async () => {
    const code = (await createInvite(h.runtime.store.cadres, loadProgrammeSettings('data/programme.example.json'), { desa: 'Mekar Sari', role: 'kader', now: h.clock.now, random: seeded(5) })).code;
    await chat('k', code);
    let out = '';
    for (const text of neighbourScript({ fullName: 'Siti Aminah', phone: '-', groupId: 'kader' })) out = await chat('k', text);
    const ref = /LD-\w{5}/.exec(out)![0];
    await h.runtime.app.requestCorrection(ref, { fields: ['address'], note: 'RT belum ada', officer: 'ana' });
    const menu = await chat('k', 'menu');
    expect(menu).toContain(`Petugas meminta perbaikan untuk pendaftaran ${ref}`);
    expect(menu).toContain('5. Perbaiki data pendaftaran');
    expect(await chat('k', 'perbaiki')).toContain('Alamat warga (dusun/jalan, RT/RW)?');
  });
});

describe('correcting a sent registration from "Data saya", in the chat', () => {
  it('before approval: pick the fields by number, answer, send; the registration stays in the queue with the new data', async () => {
    const ref = await register('w');
    const mydata = await chat('w', '6');
    expect(mydata).toContain('4. Perbaiki data pendaftaran');
    // The way to correct is this chat, not an address to write to.
    expect(mydata).toContain('balas 4 atau ketik perbaiki');
    const pick = await chat('w', '4');
    expect(pick).toContain(`Data mana dari pendaftaran ${ref} yang mau diperbaiki?`);
    expect(pick).toContain('8. Alamat: Jl. Mawar');
    expect(pick).toContain('2. NIK: 6301********0003');
    expect(await chat('w', '8, 14')).toContain(ASK);
    expect(await chat('w', 'Jl. Kenanga RT 04')).toContain('ahli waris');
    const confirm = await chat('w', 'Aminah');
    expect(confirm).toContain('Alamat: Jl. Kenanga RT 04');
    expect(confirm).toContain('Nama ahli waris: Aminah');
    expect(await chat('w', '1')).toContain('terkirim');
    expect(await row(ref)).toMatchObject({ status: 'submitted', data: { address: 'Jl. Kenanga RT 04', heirName: 'Aminah', fullName: 'Budi Santoso' } });
    const events = await dbOf(h).all("SELECT from_status, to_status FROM registration_events WHERE action = 'corrected'");
    expect(events).toEqual([{ from_status: 'submitted', to_status: 'submitted' }]);
  });

  it('an officer deciding meanwhile wins: the correction is not sent, and the person is told why', async () => {
    const ref = await register('w');
    await chat('w', 'perbaiki');
    await chat('w', '8');
    await chat('w', 'Jl. Kenanga');
    await h.runtime.app.changeStatus(ref, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });
    expect(await chat('w', '1')).toContain(`Pendaftaran ${ref} sudah diputuskan petugas (status: Disetujui`);
    expect(await row(ref)).toMatchObject({ status: 'approved', data: { address: 'Jl. Mawar' } });
  });

  it('after approval: the data is changed by an officer, so the request goes to one (answered here), with the reason why', async () => {
    const ref = await register('w');
    await h.runtime.app.changeStatus(ref, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });
    const out = await chat('w', 'perbaiki');
    expect(out).toContain(`Pendaftaran ${ref} sudah disetujui`);
    expect(out).toContain('sistem BPJS Ketenagakerjaan');
    expect(out).toContain('Tulis pertanyaan Anda untuk petugas');
    expect(out).not.toContain('disnaker@sukamaju.example');
    expect(await chat('w', 'Nama ahli waris seharusnya Siti Rahmah')).toContain('diteruskan ke petugas');
    expect((await h.runtime.app.questions.open()).map((q) => q.text)).toEqual(['Nama ahli waris seharusnya Siti Rahmah']);
    expect((await row(ref)).data).toMatchObject({ heirName: 'Siti' });
  });

  it('with nothing sent, "perbaiki" says where answers are changed, and inside a registration it does not leave it', async () => {
    expect(await chat('w', 'perbaiki')).toContain('Belum ada pendaftaran terkirim yang bisa diperbaiki');
    for (const text of registrationScript({}, { until: 'birthPlace' })) await chat('w', text);
    const inside = await chat('w', 'perbaiki');
    expect(inside).toContain('Pendaftaran ini belum dikirim');
    expect(inside).toContain('Tempat lahir');
  });
});
