import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/app/invites.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, NIK_MALE, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { neighbourScript, registrationScript } from '../helpers/registration.js';

const settings = loadProgrammeSettings('data/programme.example.json');
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

async function invite(days = 14): Promise<string> {
  return (await createInvite(h.runtime.store.cadres, settings, { desa: 'Mekar Sari', role: 'kader', days, now: h.clock.now, random: seeded(9) })).code;
}

/** How the cadre answers for every neighbour here, typed as a cadre would (the rest: each field's example). */
const NEIGHBOUR = {
  kecamatan: 'gunung sari', desa: 'mekar sari', address: 'RT 02', occupation: 'petani', income: '1 juta', groupId: 'kader',
  heirName: 'Ahli Waris', heirRelation: 'anak',
};
/** A neighbour's registration as typed by a cadre, up to the summary. */
const neighbour = (answers: Record<string, string>) => neighbourScript({ ...NEIGHBOUR, ...answers }, { send: false });
const SITI = { fullName: 'Siti Aminah', nik: NIK_FEMALE, birthDate: '17-05-1985', sex: '2', phone: '-' };

describe('cadre mode', () => {
  it('enrols from a deep link, registers two neighbours back to back and lists them', async () => {
    const code = await invite();
    const welcome = (await h.say('kader1', `/start ${code}`)).join('\n');
    expect(welcome).toContain('Desa Mekar Sari');
    expect(welcome).toContain('1. Daftarkan warga');
    expect(await dbOf(h).get('SELECT desa, role FROM cadres')).toEqual({ desa: 'Mekar Sari', role: 'kader' });

    const first = neighbour(SITI);
    let out: string[] = [];
    for (const text of first) out = await h.say('kader1', text);
    const summary = out.join('\n');
    expect(summary).toContain('Periksa data warga');
    expect(summary).toContain('9. No. HP: tidak diisi');
    const sent = (await h.say('kader1', 'kirim')).join('\n');
    expect(sent).toContain('Pendaftaran Siti Aminah terkirim');
    expect(sent).toContain('Daftarkan warga berikutnya');

    const second = neighbour({ fullName: 'Budi Santoso', nik: NIK_MALE, birthDate: '17-08-1980', sex: '1', phone: '081234567890' }).slice(1);
    expect((await h.say('kader1', '1')).join('\n')).toContain('warga sudah diberi tahu');
    for (const text of second) out = await h.say('kader1', text);
    expect((await h.say('kader1', '1')).join('\n')).toContain('Pendaftaran Budi Santoso terkirim');

    const list = (await h.say('kader1', '2')).join('\n');
    expect(list).toContain('Warga yang Anda daftarkan (2)');
    expect(list).toContain('Siti Aminah');
    expect(list).toContain('Budi Santoso');

    const rows = await dbOf(h).all<{ applicant_id: number; submitter_id: number; phone: string | null }>('SELECT r.applicant_id, r.submitter_id, p.phone FROM registrations r JOIN people p ON p.id = r.applicant_id ORDER BY r.id');
    expect(rows.map((r) => h.runtime.store.cipher.decryptNullable(r.phone))).toEqual([null, '+6281234567890']);
    expect(new Set(rows.map((r) => r.submitter_id)).size).toBe(1);
    expect(rows.every((r) => r.applicant_id !== r.submitter_id)).toBe(true);
    const consents = await dbOf(h).all<{ person_id: number; confirmed_by: number }>('SELECT person_id, confirmed_by FROM consents ORDER BY id');
    expect(consents.map((c) => c.person_id)).toEqual(rows.map((r) => r.applicant_id));
    expect(consents.every((c) => c.confirmed_by === rows[0]!.submitter_id)).toBe(true);
  });

  it('a cadre sees only their own submissions', async () => {
    const a = await invite();
    await h.say('kaderA', a);
    for (const text of neighbour(SITI)) await h.say('kaderA', text);
    const done = (await h.say('kaderA', '1')).join('\n');
    const ref = /LD-\w{5}/.exec(done)![0];
    const b = (await createInvite(h.runtime.store.cadres, settings, { desa: 'Sukamaju', role: 'rtrw', now: h.clock.now, random: seeded(10) })).code;
    await h.say('kaderB', b);
    expect((await h.say('kaderB', '2')).join('\n')).toContain('belum mendaftarkan warga');
    expect((await h.say('kaderB', ref)).join('\n')).toContain('tidak ditemukan');
    expect((await h.say('kaderA', ref)).join('\n')).toContain('Siti Aminah');
  });

  it('refuses expired, revoked and used codes with a reason', async () => {
    const expired = await invite(1);
    h.clock.now += 2 * 24 * 3600_000;
    expect((await h.say('x', expired)).join('\n')).toContain('kedaluwarsa');
    const used = await invite();
    await h.say('y', used);
    expect((await h.say('z', used)).join('\n')).toContain('sudah dipakai');
    const revoked = await invite();
    await h.runtime.app.cadres.revoke(revoked, h.clock.now);
    expect((await h.say('z', `/start ${revoked}`)).join('\n')).toContain('dibatalkan');
    expect((await h.say('z', 'KDR-ABCDEF')).join('\n')).toContain('tidak ditemukan');
  });

  it('keeps an unfinished neighbour as a draft and continues it from the menu', async () => {
    await h.say('k', await invite());
    for (const text of neighbourScript({ fullName: 'Siti Aminah', nik: NIK_FEMALE }, { until: 'birthPlace' })) await h.say('k', text);
    await h.say('k', '/menu');
    expect((await h.say('k', '3')).join('\n')).toContain('Tempat lahir warga');
  });

  it('paginates "my neighbours" five at a time', async () => {
    await h.say('k', await invite());
    const niks = Array.from({ length: 7 }, (_, i) => `63010117088000${String(10 + i)}`);
    for (const [i, nik] of niks.entries()) {
      const script = neighbour({ fullName: `Warga ${'ABCDEFG'[i]}`, nik, birthDate: '17-08-1980', sex: '1', phone: '-' });
      for (const text of i === 0 ? script : script.slice(1)) await h.say('k', text);
      await h.say('k', '1');
      if (i < niks.length - 1) await h.say('k', '1');
    }
    const page1 = (await h.say('k', '2')).join('\n');
    expect(page1).toContain('halaman 1 dari 2');
    expect(page1).toContain('Warga G');
    expect(page1).not.toContain('Warga A');
    const page2 = (await h.say('k', 'halaman berikutnya')).join('\n');
    expect(page2).toContain('halaman 2 dari 2');
    expect(page2).toContain('Warga A');
  });
});

describe('status changes reach the applicant and the cadre', () => {
  it('queues a notification to each, in their own language', async () => {
    await h.say('k', await invite());
    await h.say('k', 'english');
    await h.say('k', '/menu');
    for (const text of neighbour(SITI)) await h.say('k', text);
    const ref = /LD-\w{5}/.exec((await h.say('k', '1')).join('\n'))![0];

    // A worker's own registration: the applicant is told.
    const own = registrationScript();
    let out: string[] = [];
    for (const text of own) out = await h.say('w', text);
    const ownRef = /LD-\w{5}/.exec(out.join('\n'))![0];

    const r1 = await h.runtime.app.changeStatus(ref, { to: 'needs_correction', actor: { kind: 'officer', id: 'ana' }, note: 'Foto KTP buram' });
    expect(r1.notified.map((n) => n.role)).toEqual(['cadre']);
    const r2 = await h.runtime.app.changeStatus(ownRef, { to: 'registered', actor: { kind: 'officer', id: 'ana' }, kpj: '12345678901' });
    expect(r2.notified.map((n) => n.role)).toEqual(['applicant']);
    const rows = await dbOf(h).all<{ address: string; payload: string }>("SELECT address, payload FROM outbox WHERE kind = 'notification' ORDER BY id");
    expect(rows.map((r) => h.runtime.store.cipher.decrypt(r.address))).toEqual(['k', 'w']);
    expect(JSON.parse(h.runtime.store.cipher.decrypt(rows[0]!.payload)).text).toContain('needs a correction');
    expect(JSON.parse(h.runtime.store.cipher.decrypt(rows[0]!.payload)).text).toContain('Foto KTP buram');
    expect(JSON.parse(h.runtime.store.cipher.decrypt(rows[1]!.payload)).text).toContain('12345678901');
    const events = await dbOf(h).all("SELECT actor_kind, actor_id, from_status, to_status FROM registration_events WHERE action = 'status_changed' ORDER BY id");
    expect(events).toEqual([
      { actor_kind: 'officer', actor_id: 'ana', from_status: 'submitted', to_status: 'needs_correction' },
      { actor_kind: 'officer', actor_id: 'ana', from_status: 'submitted', to_status: 'registered' },
    ]);
  });
});
