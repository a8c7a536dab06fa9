// The audit log and the administration pages (issue 14, item 4): actions and their details in
// Indonesian words with filters and keyset paging, failed logins included and page views kept out
// of the way; officers with their state and role in words, enable/disable and a temporary password
// the officer must replace; cadre invites with an empty state.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KNOWN_AUDIT_ACTIONS } from '../../src/console/audit-words.js';
import { createTranslator } from '../../src/i18n.js';
import { keyIn } from '../../src/core/locale-key.js';
import { client, PASSWORD, startConsole } from '../helpers/console.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { seedRegistrations } from '../helpers/seed.js';
import { loginAdmin } from './second-factor-helpers.js';

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

const MINUTE = 60_000;
const idOf = async (username: string) => (await con.officers.byUsername(username))!.id;
/** Writes an audit entry the way the app does, `minutes` after the harness's start. */
async function audit(username: string | null, action: string, detail?: Record<string, unknown>, registrationId?: number): Promise<void> {
  await con.officers.audit({ officerId: username ? await idOf(username) : null, action, detail: detail ?? null, registrationId: registrationId ?? null, now: h.clock.now });
}
/** The audit table's rows as their cells' text. */
function rows(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) => [...m[1]!.matchAll(/<td>(.*?)<\/td>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()));
}
const tbody = (html: string) => html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));

async function admin() {
  const c = client(con.web);
  await loginAdmin(c, 'ana', h.clock.now);
  return c;
}

async function oneRegistration(): Promise<{ id: number; reference: string }> {
  const [row] = (await seedRegistrations(h, 1, { now: h.clock.now, spanDays: 0.001, cadres: 0, statusWeights: { deleted: 0 }, cipher: h.runtime.store.cipher })).rows;
  return { id: row!.id, reference: row!.reference };
}

describe('the audit log in words', () => {
  it('writes every action and its detail as Indonesian words, never codes or JSON, failed logins included', async () => {
    const reg = await oneRegistration();
    // A real failed login through the form, and a login.
    const budi = client(con.web);
    expect((await budi.login('budi', 'not the password!')).status).toBe(401);
    await budi.login('budi');
    // Entries as the app writes them.
    await audit('budi', 'approve', { bulk: true }, reg.id);
    await audit('budi', 'reject', { reason: 'nik_invalid' }, reg.id);
    await audit('budi', 'request_correction', { fields: ['nik', 'fullName'] }, reg.id);
    await audit('budi', 'undo_decision', { undid: 'approve', to: 'submitted', held: 1 }, reg.id);
    await audit('budi', 'export', { format: 'xlsx', filter: { status: 'submitted', kecamatan: 'Gunung Sari', q: '[NIK]' }, rows: 1234, nik: 'full', preset: 'bpjs', reauthenticated: 'password+second_factor' });
    await audit('budi', 'search_phone', { results: 2 });
    await audit('budi', 'erase', { reason: 'person_request', note: 'di kantor' }, reg.id);
    await audit('budi', 'login_failed', { step: 'second_factor' });
    await audit(null, 'reset_second_factor', { officer: await idOf('budi'), username: 'budi', by: 'cli' });
    await audit('ana', 'create_invite', { code: 'KDR-ABCDEF', desa: 'Mekar Sari', role: 'kader' });
    await audit('ana', 'disable_officer', { officer: await idOf('budi') }); // older entries carry only the id
    await audit('ana', 'frobnicate', { colour: 'blue', size: 3 }); // an action this page has no words for yet

    const c = await admin();
    const { html } = await c.get('/audit');
    const table = rows(html);
    const line = (action: string) => table.find((r) => r[2] === action);
    expect(table.filter((r) => r[2] === 'Gagal masuk').map((r) => r.slice(1))).toEqual([
      ['budi', 'Gagal masuk', '-', 'kode verifikasi salah'],
      ['budi', 'Gagal masuk', '-', 'kata sandi salah'], // the form's, through the real login
    ]);
    expect(line('Masuk')?.[4]).toBe('dengan kata sandi');
    expect(line('Menyetujui')?.slice(1)).toEqual(['budi', 'Menyetujui', reg.reference, 'sekaligus dari antrean']);
    expect(line('Menolak')?.[4]).toBe('NIK tidak valid');
    expect(line('Meminta perbaikan')?.[4]).toBe('data: NIK, Nama lengkap');
    expect(line('Membatalkan keputusan')?.[4]).toBe('yang dibatalkan: Menyetujui; kembali ke Terkirim; 1 kabar yang ditahan tidak jadi dikirim');
    expect(line('Mengekspor daftar')?.[4]).toBe(
      'XLSX, 1.234 baris; NIK dan nomor HP lengkap; kolom untuk entri BPJS; filter: status Terkirim, Kecamatan Gunung Sari, pencarian NIK (tidak dicatat); kata sandi dan kode dimasukkan lagi',
    );
    expect(line('Mencari dengan nomor HP')?.[4]).toBe('2 hasil');
    expect(line('Menghapus data pribadi')?.[4]).toBe('Warga meminta datanya dihapus (di kantor atau lewat petugas); catatan: di kantor');
    expect(line('Mengatur ulang verifikasi dua langkah')?.slice(1)).toEqual(['sistem (di server)', 'Mengatur ulang verifikasi dua langkah', '-', 'petugas budi; lewat perintah di server']);
    expect(line('Membuat undangan kader')?.[4]).toBe('kode KDR-ABCDEF; kader posyandu; Desa Mekar Sari');
    expect(line('Menonaktifkan petugas')?.[4]).toBe('petugas budi');
    expect(line('Tindakan lain: frobnicate')?.[4]).toBe('colour: blue; size: 3');
    // No JSON and no code in the table (the action filter's option values are codes, the table is not).
    const body = tbody(html);
    expect(body).not.toMatch(/[{}]|&quot;|"\w+":/);
    for (const code of ['login_failed', 'request_correction', 'nik_invalid', 'person_request', 'second_factor', 'bpjs', 'password+']) expect(body, code).not.toContain(code);
    // Failed logins and unknown actions stand out.
    expect(body).toMatch(/<tr class="flagged"><td>[^<]*<\/td><td>budi<\/td><td>Gagal masuk<\/td>/);
  });

  it('has words for every action the code audits', () => {
    const t = createTranslator()('id');
    const src = join(import.meta.dirname, '../../src');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    const used = new Set<string>(['search_nik', 'search_phone', 'access_copy', 'export']); // built at run time, or written in SQL (storage)
    for (const file of files(src).filter((f) => /\.tsx?$/.test(f))) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        // app/decisions.ts's AUDIT_ACTION map: `approve: 'approve'`, `correction: 'request_correction'`…
        const mapped = /^\s+(approve|reject|correction|kpj): '([a-z_]+)',$/.exec(line);
        if (mapped) used.add(mapped[2]!);
        if (!/audit\(/.test(line)) continue;
        for (const m of line.matchAll(/(?:action: |audit\([^,]+, )'([a-z_]+)'/g)) used.add(m[1]!);
        for (const m of line.matchAll(/action: [^,]*\? '([a-z_]+)' : '([a-z_]+)'/g)) used.add(m[1]!).add(m[2]!);
      }
    }
    for (const a of ['approve', 'reject', 'login_failed', 'view', 'export', 'undo_decision']) expect(used, a).toContain(a);
    for (const action of used) {
      expect(KNOWN_AUDIT_ACTIONS, action).toContain(action);
      expect(t(keyIn('console.audit.actions.', action)), action).not.toMatch(/^console\./);
    }
  });
});

describe('audit filters and paging', () => {
  it('leaves page views out unless the filter asks for them', async () => {
    const reg = await oneRegistration();
    for (let i = 0; i < 5; i++) await audit('budi', 'view', undefined, reg.id);
    await audit('budi', 'approve', undefined, reg.id);
    const c = await admin();
    const plain = await c.get('/audit');
    expect(rows(plain.html).map((r) => r[2])).not.toContain('Membuka pendaftaran');
    expect(rows(plain.html).map((r) => r[2])).toContain('Menyetujui');
    expect(plain.html).toContain('Catatan membuka halaman pendaftaran tidak ditampilkan');
    const views = await c.get('/audit?action=view');
    expect(rows(views.html).map((r) => r[2])).toEqual(Array(5).fill('Membuka pendaftaran'));
    const all = await c.get('/audit?action=all');
    expect(rows(all.html).filter((r) => r[2] === 'Membuka pendaftaran')).toHaveLength(5);
    const decisions = await c.get('/audit?action=group:decisions');
    expect(rows(decisions.html).map((r) => r[2])).toEqual(['Menyetujui']);
  });

  it('filters by officer, action, registration and period', async () => {
    const a = await oneRegistration();
    const b = (await seedRegistrations(h, 1, { now: h.clock.now, spanDays: 0.001, cadres: 0, startIndex: 5, statusWeights: { deleted: 0 }, cipher: h.runtime.store.cipher })).rows[0]!;
    const start = h.clock.now;
    await audit('budi', 'approve', undefined, a.id); // 22 Nov 2026
    h.clock.now = start + 3 * 24 * 60 * MINUTE; // 25 Nov
    await audit('budi', 'reject', { reason: 'duplicate' }, b.id);
    await audit('ana', 'record_kpj', undefined, a.id);
    const c = await admin();
    const actions = async (q: string) => rows((await c.get(`/audit?${q}`)).html).map((r) => `${r[1]} ${r[2]} ${r[3]}`);
    expect(await actions(`officer=${await idOf('budi')}&action=group:decisions`)).toEqual([`budi Menolak ${b.reference}`, `budi Menyetujui ${a.reference}`]);
    expect(await actions(`ref=${a.reference.toLowerCase()}`)).toEqual([`ana Mencatat KPJ ${a.reference}`, `budi Menyetujui ${a.reference}`]);
    expect(await actions('action=reject')).toEqual([`budi Menolak ${b.reference}`]);
    expect(await actions('action=group:decisions&from=2026-11-23&to=2026-11-25')).toEqual([`ana Mencatat KPJ ${a.reference}`, `budi Menolak ${b.reference}`]);
    expect(await actions('action=group:decisions&to=2026-11-22')).toEqual([`budi Menyetujui ${a.reference}`]);
    // The form keeps what was chosen; nonsense in the query is ignored, not an error.
    const form = (await c.get(`/audit?officer=${await idOf('budi')}&action=reject&from=2026-11-23`)).html;
    expect(form).toContain(`<option value="${await idOf('budi')}" selected="">budi</option>`);
    expect(form).toContain('<option value="reject" selected="">Menolak</option>');
    expect(form).toContain('name="from" value="2026-11-23"');
    const odd = await c.get('/audit?officer=x&action=%3Cb%3E&ref=DROP&from=2026-99&before=-4');
    expect(odd.res.status).toBe(200);
    expect(rows(odd.html).length).toBeGreaterThan(2);
    expect((await c.get('/audit?ref=LD-ZZZZZ')).html).toContain('Tidak ada catatan untuk filter ini.');
  });

  it('pages through the log newest first by id, keeping the filters, with no entry twice', async () => {
    for (let i = 0; i < 250; i++) await audit('budi', 'search_nik', { results: i });
    await audit('budi', 'view');
    const c = await admin();
    const seen: string[] = [];
    let path = '/audit?action=search_nik';
    for (let page = 0; page < 5 && path; page++) {
      const { html } = await c.get(path);
      seen.push(...rows(html).map((r) => r[4]!));
      const next = /<a class="button secondary" href="(\/audit\?[^"]*before=\d+)">Berikutnya/.exec(html)?.[1];
      if (page > 0) expect(html).toContain('Halaman pertama');
      if (next) expect(next).toContain('action=search_nik');
      path = next?.replace(/&amp;/g, '&') ?? '';
    }
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(seen[0]).toBe('249 hasil');
    expect(seen.at(-1)).toBe('0 hasil');
  });
});

describe('officers', () => {
  it("shows each officer's role and state in words, and disables and enables them again (audited)", async () => {
    const c = await admin();
    const row = async () => {
      const { html } = await c.get('/admin/officers');
      const at = html.indexOf('data-officer="budi"');
      return html.slice(at, html.indexOf('</tr>', at));
    };
    const before = await row();
    expect(before).toContain('<td>Petugas</td>');
    expect(before).toContain('>aktif</span>');
    expect(before).toContain('>Nonaktifkan</button>');
    expect((await c.get('/admin/officers')).html).toContain('<td>Admin</td>');

    const budi = client(con.web);
    await budi.login('budi');
    expect((await c.post(`/admin/officers/${await idOf('budi')}/disable`, {})).headers.get('location')).toBe('/admin/officers?ok=officer_disabled');
    expect((await budi.get('/queue')).res.status).toBe(302); // their session ended
    expect((await budi.login('budi')).status).toBe(401);
    const disabled = await row();
    expect(disabled).toContain('>nonaktif</span>');
    expect(disabled).toContain('>Aktifkan lagi</button>');

    expect((await c.post(`/admin/officers/${await idOf('budi')}/enable`, {})).headers.get('location')).toBe('/admin/officers?ok=officer_enabled');
    expect((await con.officers.byUsername('budi'))!.disabledAt).toBeNull();
    expect((await budi.login('budi')).status).toBe(303);
    // Not oneself.
    await c.post(`/admin/officers/${await idOf('ana')}/disable`, {});
    expect((await con.officers.byUsername('ana'))!.disabledAt).toBeNull();
    const log = rows((await c.get('/audit?action=group:admin')).html).map((r) => `${r[2]}: ${r[4]}`);
    expect(log).toEqual(['Mengaktifkan lagi petugas: petugas budi', 'Menonaktifkan petugas: petugas budi']);
  });

  it('lets an admin give a temporary password that ends the sessions and must be replaced at the next login', async () => {
    const c = await admin();
    const budi = client(con.web);
    await budi.login('budi');
    expect((await budi.get('/queue')).res.status).toBe(200);
    const TEMP = 'sementara-123';
    // Too short: refused.
    expect((await c.post(`/admin/officers/${await idOf('budi')}/password`, { password: 'short' })).headers.get('location')).toBe('/admin/officers?err=password_invalid');
    expect((await c.post(`/admin/officers/${await idOf('budi')}/password`, { password: TEMP })).headers.get('location')).toBe('/admin/officers?ok=password_reset');
    expect((await c.get('/admin/officers')).html).toContain('Kata sandi sementara: belum diganti.');
    expect((await budi.get('/queue')).res.status).toBe(302); // the old session ended
    expect((await budi.login('budi', PASSWORD)).status).toBe(401);

    // With the temporary password every page leads to the change first.
    expect((await budi.login('budi', TEMP)).status).toBe(303);
    const queue = await budi.fetch('/queue');
    expect([queue.status, queue.headers.get('location')]).toEqual([302, '/account/password']);
    const form = await budi.get('/account/password');
    expect(form.html).toContain('Kata sandi Anda dibuat oleh admin.');
    expect((await budi.post('/account/password', { current: 'wrong wrong!', password: 'milik-budi-sendiri', repeat: 'milik-budi-sendiri' })).status).toBe(401);
    expect((await budi.post('/account/password', { current: TEMP, password: 'milik-budi-sendiri', repeat: 'lain-lagi-lain' })).status).toBe(400);
    expect((await budi.post('/account/password', { current: TEMP, password: TEMP, repeat: TEMP })).status).toBe(400);
    const done = await budi.post('/account/password', { current: TEMP, password: 'milik-budi-sendiri', repeat: 'milik-budi-sendiri' });
    expect([done.status, done.headers.get('location')]).toEqual([303, '/account?ok=password_changed']);
    expect((await budi.get('/account?ok=password_changed')).html).toContain('Kata sandi Anda sudah diganti.');
    expect((await budi.get('/queue')).res.status).toBe(200);
    expect((await client(con.web).login('budi', TEMP)).status).toBe(401);
    expect((await client(con.web).login('budi', 'milik-budi-sendiri')).status).toBe(303);

    // An admin does not reset their own password here.
    await c.post(`/admin/officers/${await idOf('ana')}/password`, { password: 'sesuatu-yang-baru' });
    expect((await client(con.web).login('ana', 'sesuatu-yang-baru')).status).toBe(401);

    const log = rows((await c.get('/audit')).html).map((r) => `${r[1]} ${r[2]}: ${r[4]}`);
    expect(log).toContain('ana Memberi kata sandi sementara: petugas budi');
    expect(log).toContain('budi Mengganti kata sandi sendiri: ');
    expect(log).toContain('budi Gagal masuk: kata sandi lama salah saat mengganti kata sandi');
  });

  it('makes a new officer replace the password the admin chose', async () => {
    const c = await admin();
    expect((await c.post('/admin/officers', { username: 'citra', role: 'officer', password: 'dari-admin-123' })).headers.get('location')).toBe('/admin/officers?ok=officer_added');
    const citra = client(con.web);
    expect((await citra.login('citra', 'dari-admin-123')).status).toBe(303);
    expect((await citra.fetch('/dashboard')).headers.get('location')).toBe('/account/password');
    await citra.get('/account/password');
    await citra.post('/account/password', { current: 'dari-admin-123', password: 'punya-citra-99', repeat: 'punya-citra-99' });
    expect((await citra.get('/dashboard')).res.status).toBe(200);
    expect(rows((await c.get('/audit?action=add_officer')).html)[0]?.[4]).toBe('citra sebagai Petugas');
  });
});

describe('cadre invites', () => {
  it('says what to do when there is none, and writes roles in words', async () => {
    const c = await admin();
    const empty = (await c.get('/admin/invites')).html;
    expect(empty).toContain('Belum ada undangan kader. Buat undangan di atas');
    expect(empty).not.toContain('<table');
    expect(empty).toContain('<option value="rtrw">ketua RT/RW</option>');
    await c.post('/admin/invites', { desa: 'Mekar Sari', role: 'rtrw', days: '7' });
    const list = (await c.get('/admin/invites')).html;
    expect(list).not.toContain('Belum ada undangan kader');
    expect(list).toContain('<td>ketua RT/RW</td>');
  });
});
