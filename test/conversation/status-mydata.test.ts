import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

async function register(user: string): Promise<string> {
  const script = registrationScript({ fullName: 'Budi Santoso', nik: NIK_MALE, address: 'Jl. Mawar RT 03', phone: '081234567890', heirName: 'Siti Aminah' });
  let last: string[] = [];
  for (const text of script) last = await h.say(user, text);
  return /LD-\w{5}/.exec(last.join('\n'))![0];
}

describe('status', () => {
  it('lists the registrations with status and the officer note', async () => {
    const ref = await register('u');
    await dbOf(h).run("UPDATE registrations SET status = 'needs_correction', officer_note = 'Foto KTP buram' WHERE reference = ?", [ref]);
    const out = (await h.say('u', '5')).join('\n');
    expect(out).toContain(ref);
    expect(out).toContain('Perlu perbaikan');
    expect(out).toContain('Catatan petugas: Foto KTP buram');
  });

  it('answers a typed reference code, only for the person\'s own registrations', async () => {
    const ref = await register('u');
    expect((await h.say('u', ref.toLowerCase())).join('\n')).toContain('Terkirim, menunggu pemeriksaan');
    await h.say('stranger', 'halo');
    const other = (await h.say('stranger', ref)).join('\n');
    expect(other).toContain('tidak ditemukan');
    expect(other).not.toContain('Budi');
  });

  it('says so when there is nothing yet', async () => {
    expect((await h.say('u', 'cek status')).join('\n')).toContain('belum punya pendaftaran');
  });
});

describe('my data', () => {
  it('shows what is stored with the NIK and phone masked', async () => {
    await register('u');
    const out = (await h.say('u', '6')).join('\n');
    expect(out).toContain('NIK: 6301********0003');
    expect(out).toContain('HP: +62812****7890');
    expect(out).toContain('versi 2026-11-v1');
    expect(out).not.toContain(NIK_MALE);
  });

  it('deletes a registration not yet approved, keeping only a history without personal data', async () => {
    const ref = await register('u');
    await h.say('u', '6');
    await h.say('u', '1');
    await h.say('u', '1');
    expect((await h.say('u', 'ya')).join('\n')).toContain(`${ref} sudah dihapus`);
    const row = await dbOf(h).get('SELECT status, nik, data, full_name FROM registrations WHERE reference = ?', [ref]);
    expect(row).toEqual({ status: 'deleted', nik: null, data: null, full_name: null });
    const actions = await dbOf(h).all('SELECT action FROM registration_events ORDER BY id');
    expect(actions).toEqual([{ action: 'submitted' }, { action: 'deleted_by_applicant' }]);
    // The NIK is free again for a new registration.
    for (const text of registrationScript({ fullName: 'Budi Santoso' }, { until: 'nik' })) await h.say('u', text);
    expect((await h.say('u', NIK_MALE)).join('\n')).toContain('Tempat lahir');
  });

  it('does not offer to delete an approved registration at once: its deletion is asked of an officer', async () => {
    const ref = await register('u');
    await dbOf(h).run("UPDATE registrations SET status = 'approved' WHERE reference = ?", [ref]);
    const out = (await h.say('u', '6')).join('\n');
    expect(out).not.toContain('Hapus pendaftaran');
    expect(out).toContain('1. Tarik persetujuan & minta data dihapus (ditinjau petugas)');
    expect((await h.say('u', '1')).join('\n')).toContain(`Pendaftaran ${ref} sudah disetujui, jadi tidak langsung dihapus`);
  });

  it('withdrawing consent deletes open registrations and the draft, and records the withdrawal', async () => {
    const ref = await register('u');
    for (const text of [...registrationScript({ fullName: 'Ani' }, { until: 'nik' }), 'menu']) await h.say('u', text);
    await h.say('u', '6');
    await h.say('u', '2');
    expect((await h.say('u', '1')).join('\n')).toContain('Persetujuan sudah ditarik');
    expect(await dbOf(h).get('SELECT status FROM registrations WHERE reference = ?', [ref])).toEqual({ status: 'deleted' });
    const consents = await dbOf(h).all<{ withdrawn_at: number | null }>('SELECT withdrawn_at FROM consents');
    expect(consents.length).toBe(2);
    expect(consents.every((c) => c.withdrawn_at !== null)).toBe(true);
    // Nothing else about them is kept: no conversation (the draft with it), no phone, no chat address.
    expect(await dbOf(h).get('SELECT count(*) AS n FROM sessions')).toEqual({ n: 0 });
    expect(await dbOf(h).get('SELECT count(*) AS n FROM identities')).toEqual({ n: 0 });
    expect(await dbOf(h).get('SELECT count(*) AS n FROM people WHERE phone IS NOT NULL')).toEqual({ n: 0 });
    // Writing again starts as a stranger would.
    expect((await h.say('u', 'halo')).join('\n')).toContain('Saya Lindung');
  });

  it('an erasure leaves no trace of the values in the database file or its WAL, only that it happened', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const ref = await register('u');
    // An officer's note and a history note about it, and a question the person asked.
    await h.runtime.app.changeStatus(ref, { to: 'needs_correction', actor: { kind: 'officer', id: 'ana' }, note: 'Alamat Jl. Mawar RT 03 kurang lengkap' });
    await h.say('u', '6');
    await h.say('u', '2');
    await h.say('u', '1');
    const bytes = () => Buffer.concat([h.dbPath, `${h.dbPath}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));
    for (const value of [NIK_MALE, 'Budi Santoso', 'Jl. Mawar RT 03', 'Siti Aminah', '81234567890']) {
      expect(bytes().includes(Buffer.from(value)), value).toBe(false);
    }
    const events = await dbOf(h).all<{ action: string; detail: string | null }>('SELECT action, detail FROM registration_events ORDER BY id');
    expect(events.map((e) => e.action)).toEqual(['submitted', 'status_changed', 'consent_withdrawn']);
    expect(events.every((e) => e.detail === null)).toBe(true);
  });
});
