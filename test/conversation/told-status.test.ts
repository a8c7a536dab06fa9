// The worker's side of an officer's decision (issue 14, part 7): a decision made in the console
// commits at once, but its news waits in the outbox for the undo window (DECISION_UNDO_SECONDS,
// 30 by default). Until the person is told, the chat shows them (and their cadre) the status they
// were last told; once the news is due, the new one; after an undo, the old one again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/app/invites.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_MALE, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { neighbourScript, registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const chat = async (user: string, text: string) => (await h.say(user, text)).join('\n');

const SUBMITTED = 'Terkirim, menunggu pemeriksaan';
const APPROVED = 'Disetujui, sedang didaftarkan ke BPJS';

async function register(user: string, answers: Record<string, string> = {}): Promise<string> {
  let out = '';
  for (const text of registrationScript(answers)) out = await chat(user, text);
  return /LD-\w{5}/.exec(out)![0];
}

async function officer(username = 'ana') {
  return { id: (await h.runtime.store.officers.add({ username, passwordHash: 'x', role: 'officer', now: h.clock.now })).id, username };
}

const statusOf = async (ref: string) => (await dbOf(h).get<{ status: string }>('SELECT status FROM registrations WHERE reference = ?', [ref]))!.status;

describe('inside the undo window the chat shows the status the person was told', () => {
  it('approved: "status", the typed code and "Data saya" still say submitted; at the end of the window, approved', async () => {
    const ref = await register('u');
    const decided = await h.runtime.app.decisions.decide(ref, { kind: 'approve' }, await officer());
    // Committed at once; its news waits for the window.
    expect(await statusOf(ref)).toBe('approved');
    expect(decided.heldUntil).toBeGreaterThan(h.clock.now);
    expect((await h.runtime.app.decisions.held(ref))?.waiting).toBeGreaterThan(0);

    h.clock.now += 10_000;
    await chat('u', 'menu');
    for (const ask of ['cek status', ref, 'data saya']) {
      const out = await chat('u', ask);
      expect(out, ask).toContain(SUBMITTED);
      expect(out, ask).not.toContain('Disetujui');
    }

    h.clock.now = decided.heldUntil! - 1;
    expect(await chat('u', 'cek status')).toContain(SUBMITTED);
    h.clock.now = decided.heldUntil!;
    const after = await chat('u', 'cek status');
    expect(after).toContain(APPROVED);
    expect(after).not.toContain(SUBMITTED);
    expect(await chat('u', 'data saya')).toContain(`${ref} (${APPROVED})`);
  });

  it('undone in the window: the old status, then and after the window', async () => {
    const ref = await register('u');
    const ana = await officer();
    const decided = await h.runtime.app.decisions.decide(ref, { kind: 'approve' }, ana);
    h.clock.now += 5_000;
    expect(await chat('u', 'cek status')).toContain(SUBMITTED);
    expect(await h.runtime.app.decisions.undo(ref, ana)).toBe('undone');
    expect(await chat('u', 'cek status')).toContain(SUBMITTED);
    h.clock.now = decided.heldUntil! + 60_000;
    const later = await chat('u', 'cek status');
    expect(later).toContain(SUBMITTED);
    expect(later).not.toContain('Disetujui');
  });

  it('rejected with a note: neither the rejection nor the note shows before the news; then both', async () => {
    const ref = await register('u');
    const decided = await h.runtime.app.decisions.decide(ref, { kind: 'reject', reason: 'outside_area', note: 'Alamat di luar kabupaten' }, await officer());
    h.clock.now += 1_000;
    const before = await chat('u', 'cek status');
    expect(before).toContain(SUBMITTED);
    expect(before).not.toContain('Ditolak');
    expect(before).not.toContain('Alamat di luar kabupaten');
    h.clock.now = decided.heldUntil!;
    const after = await chat('u', 'cek status');
    expect(after).toContain('Ditolak');
    expect(after).toContain('Alamat di luar kabupaten');
  });

  it('a KPJ recorded: still "approved" without the number until the news goes', async () => {
    const ref = await register('u');
    const ana = await officer();
    const approved = await h.runtime.app.decisions.decide(ref, { kind: 'approve' }, ana);
    h.clock.now = approved.heldUntil!;
    const registered = await h.runtime.app.decisions.decide(ref, { kind: 'kpj', kpj: '12345678901' }, ana);
    h.clock.now += 1_000;
    const before = await chat('u', 'cek status');
    expect(before).toContain(APPROVED);
    expect(before).not.toContain('12345678901');
    h.clock.now = registered.heldUntil!;
    const after = await chat('u', 'cek status');
    expect(after).toContain('Terdaftar di BPJS Ketenagakerjaan');
    expect(after).toContain('12345678901');
  });

  it("a cadre's list of neighbours and a typed code show the status the cadre was told", async () => {
    const code = (await createInvite(h.runtime.store.cadres, loadProgrammeSettings('data/programme.example.json'), { desa: 'Mekar Sari', role: 'kader', now: h.clock.now, random: seeded(5) })).code;
    await chat('k', code);
    let out = '';
    for (const text of neighbourScript({ fullName: 'Siti Aminah', phone: '-', groupId: 'kader' })) out = await chat('k', text);
    const ref = /LD-\w{5}/.exec(out)![0];
    const decided = await h.runtime.app.decisions.decide(ref, { kind: 'approve' }, await officer());
    h.clock.now += 2_000;
    await chat('k', 'menu');
    const list = await chat('k', 'warga saya');
    expect(list).toContain('Siti Aminah');
    expect(list).toContain(SUBMITTED);
    expect(await chat('k', ref)).toContain(SUBMITTED);
    h.clock.now = decided.heldUntil!;
    await chat('k', 'menu');
    expect(await chat('k', 'warga saya')).toContain(APPROVED);
  });

  it('a correction asked: not offered in the menu before its news, offered after', async () => {
    const ref = await register('u');
    const decided = await h.runtime.app.decisions.decide(ref, { kind: 'correction', fields: ['address'], note: 'RT belum ada' }, await officer());
    h.clock.now += 2_000;
    const menu = await chat('u', 'menu');
    expect(menu).not.toContain('Petugas meminta perbaikan');
    expect(await chat('u', 'cek status')).toContain(SUBMITTED);
    h.clock.now = decided.heldUntil!;
    expect(await chat('u', 'menu')).toContain(`Petugas meminta perbaikan untuk pendaftaran ${ref}: Alamat.`);
    expect(await chat('u', 'cek status')).toContain('Perlu perbaikan');
  });
});

describe('acting inside the window on what the person knows', () => {
  it('deleting or correcting a registration just approved waits for the news, saying an officer is checking it now', async () => {
    const ref = await register('u');
    const decided = await h.runtime.app.decisions.decide(ref, { kind: 'approve' }, await officer());
    h.clock.now += 5_000;
    const mydata = await chat('u', 'data saya');
    expect(mydata).toContain('1. Hapus pendaftaran'); // as far as they know, it can still be deleted
    const wait = await chat('u', '1');
    expect(wait).toContain(`Petugas sedang memeriksa pendaftaran ${ref} saat ini. Coba lagi sekitar 1 menit lagi.`);
    expect(wait).not.toContain('Disetujui');
    // Withdrawing consent would keep it for an officer instead of deleting it: that waits too.
    expect(await chat('u', 'tarik')).toContain(`Petugas sedang memeriksa pendaftaran ${ref} saat ini`);
    expect(await chat('u', 'perbaiki')).toContain(`Petugas sedang memeriksa pendaftaran ${ref} saat ini`);
    expect(await statusOf(ref)).toBe('approved');
    // Once told, "Data saya" offers what an approved registration allows.
    h.clock.now = decided.heldUntil!;
    const after = await chat('u', 'data saya');
    expect(after).not.toContain('Hapus pendaftaran');
    expect(after).toContain('1. Tarik persetujuan & minta data dihapus (ditinjau petugas)');
  });

  it('rejected in the window: the same NIK cannot be registered again meanwhile (the person still knows it as sent, and an undo reopens it)', async () => {
    const ref = await register('u', { nik: NIK_MALE });
    const ana = await officer();
    await h.runtime.app.decisions.decide(ref, { kind: 'reject', reason: 'duplicate', note: '' }, ana);
    h.clock.now += 3_000;
    await chat('u', 'menu');
    for (const text of registrationScript({}, { until: 'nik' })) await chat('u', text);
    const dup = await chat('u', NIK_MALE);
    expect(dup).toContain(ref);
    expect(dup).toContain(SUBMITTED);
    expect(await h.runtime.app.decisions.undo(ref, ana)).toBe('undone');
    expect(await statusOf(ref)).toBe('submitted');
  });
});
