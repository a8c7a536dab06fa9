import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressKey } from '../../src/storage/addresses.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { baileysAuthCodec } from '../../src/channels/whatsapp/baileys.js';
import { createWhatsAppChannel } from '../../src/channels/whatsapp/channel.js';
import { createConsole } from '../../src/console/app.js';
import { fakeSocketFactory } from '../helpers/fake-baileys.js';
import { createTranslator } from '../../src/i18n.js';
import { createLogger } from '../../src/logger.js';
import { RegencyRegistry } from '../../src/regencies.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { client, startConsole } from '../helpers/console.js';
import { registrationScript } from '../helpers/registration.js';
import { enrolThroughPage, loginAdmin } from './second-factor-helpers.js';

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

async function registerSelf(user: string, name = 'Budi Santoso'): Promise<string> {
  const script = registrationScript({ fullName: name });
  let out: string[] = [];
  for (const text of script) out = await h.say(user, text);
  return /LD-\w{5}/.exec(out.join('\n'))![0];
}
const lastOutbox = async (externalId: string) => {
  const { payload } = (await dbOf(h).get<{ payload: string }>('SELECT payload FROM outbox WHERE recipient_key = ? ORDER BY id DESC LIMIT 1', [addressKey(h.runtime.store.cipher, 'test', externalId)]))!;
  return (JSON.parse(h.runtime.store.cipher.decrypt(payload)) as { text: string }).text;
};

const PAGES = ['/queue', '/questions', '/dashboard', '/simulator', '/admin/officers', '/admin/invites', '/admin/whatsapp', '/audit', '/export?format=csv'];

describe('console: access', () => {
  it('sends every page to the login when not logged in, and refuses posts', async () => {
    const c = client(con.web);
    for (const path of PAGES) {
      const { res } = await c.get(path);
      expect({ path, status: res.status, to: res.headers.get('location')?.split('?')[0] }).toEqual({ path, status: 302, to: '/login' });
    }
    await c.get('/login');
    expect((await c.post('/queue/approve', { ref: 'LD-AAAAA' })).status).toBe(401);
  });

  it('logs in, refuses a wrong password, and logs out', async () => {
    const c = client(con.web);
    expect((await c.login('ana', 'wrong password!')).status).toBe(401);
    expect((await c.login('ana')).status).toBe(303);
    // An admin without a second factor enrols before anything else.
    await enrolThroughPage(c, h.clock.now);
    expect((await c.get('/queue')).res.status).toBe(200);
    expect((await c.post('/logout', {})).status).toBe(303);
    expect((await c.get('/queue')).res.status).toBe(302);
  });

  it('keeps officers out of admin pages', async () => {
    const c = client(con.web);
    await c.login('budi');
    for (const path of ['/admin/officers', '/admin/invites', '/audit']) expect((await c.get(path)).res.status).toBe(403);
    expect((await c.post('/admin/officers', { username: 'eve', role: 'admin', password: 'x'.repeat(12) })).status).toBe(403);
    for (const path of ['/queue', '/questions', '/dashboard', '/simulator']) expect((await c.get(path)).res.status).toBe(200);
  });

  it('rejects a form without the right CSRF token', async () => {
    const ref = await registerSelf('w');
    const c = client(con.web);
    await c.login('ana');
    expect((await c.post(`/registrations/${ref}/approve`, {}, { csrf: null })).status).toBe(403);
    expect((await c.post(`/registrations/${ref}/approve`, {}, { csrf: 'forged' })).status).toBe(403);
    expect(await dbOf(h).get('SELECT status FROM registrations')).toEqual({ status: 'submitted' });
  });

  it('sends security headers', async () => {
    const c = client(con.web);
    const { res } = await c.get('/login');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-frame-options')).toBeTruthy();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('console: queue and detail', () => {
  it('shows a hostile name escaped and the NIK masked, until "show" is pressed (which is recorded)', async () => {
    const ref = await registerSelf('w', "O'Neil Script");
    const { cipher } = h.runtime.store;
    const { data } = (await dbOf(h).get<{ data: string }>('SELECT data FROM registrations'))!;
    const hostile = cipher.encrypt(JSON.stringify({ ...JSON.parse(cipher.decrypt(data)), fullName: '<script>alert(1)</script>' }));
    await dbOf(h).run("UPDATE registrations SET full_name = '<script>alert(1)</script>', data = ?", [hostile]);
    const c = client(con.web);
    await c.login('budi');
    const queue = (await c.get('/queue')).html;
    expect(queue).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(queue).not.toContain('<script>alert(1)</script>');
    expect(queue).toContain('6301********0003');
    expect(queue).not.toContain(NIK_MALE);
    const detail = (await c.get(`/registrations/${ref}`)).html;
    expect(detail).not.toContain(NIK_MALE);
    expect(detail).not.toContain('<script>alert(1)</script>');
    const reveal = await c.post(`/registrations/${ref}/reveal`, {});
    expect(reveal.status).toBe(303);
    expect((await c.get(reveal.headers.get('location')!)).html).toContain(NIK_MALE);
    const actions = await dbOf(h).all("SELECT action FROM audit_log WHERE action IN ('view', 'reveal_nik') ORDER BY id");
    expect(actions).toEqual([{ action: 'view' }, { action: 'reveal_nik' }, { action: 'view' }]);
    // A made-up reveal id shows nothing.
    expect((await c.get(`/registrations/${ref}?reveal=99999`)).html).not.toContain(NIK_MALE);
  });

  it('filters and searches', async () => {
    const a = await registerSelf('a', 'Budi Santoso');
    const c = client(con.web);
    await c.login('budi');
    expect((await c.get('/queue?q=budi')).html).toContain(a);
    expect((await c.get(`/queue?q=${a}`)).html).toContain(a);
    expect((await c.get(`/queue?q=${NIK_MALE}`)).html).toContain(a);
    expect((await c.get('/queue?q=zzz')).html).not.toContain(a);
    expect((await c.get('/queue?kecamatan=Gunung%20Sari')).html).not.toContain(a);
    expect((await c.get('/queue?status=approved')).html).not.toContain(a);
  });
});

describe('console: decisions reach people', () => {
  it('approve, correction, KPJ and reject each notify and are recorded', async () => {
    const ref = await registerSelf('w');
    const c = client(con.web);
    await c.login('budi');
    expect((await c.post(`/registrations/${ref}/correction`, { field: ['phone'], note: 'Nomor tidak aktif' })).status).toBe(303);
    expect(await lastOutbox('w')).toContain('Nomor HP');
    // The request's questions start when its news goes out, after the undo window.
    h.clock.now += 35_000;
    await h.say('w', '0813 1111 2222');
    await h.say('w', '1');
    expect(await dbOf(h).get('SELECT status FROM registrations')).toEqual({ status: 'submitted' });
    await c.post(`/registrations/${ref}/approve`, {});
    expect(await lastOutbox('w')).toContain('disetujui');
    expect((await c.post(`/registrations/${ref}/kpj`, { kpj: '123' })).headers.get('location')).toContain('err=kpj_invalid');
    await c.post(`/registrations/${ref}/kpj`, { kpj: '12345678901' });
    expect(await lastOutbox('w')).toContain('12345678901');
    const audit = await dbOf(h).all('SELECT action FROM audit_log WHERE registration_id IS NOT NULL AND action <> ? ORDER BY id', ['view']);
    expect(audit).toEqual([{ action: 'request_correction' }, { action: 'approve' }, { action: 'record_kpj' }]);
    const history = (await c.get(`/registrations/${ref}`)).html;
    expect(history).toContain('diperbaiki');
    expect(history).toContain('Petugas budi');
    expect(history).toContain('Nomor tidak aktif');
  });

  it("says on the registration's page when its news did not reach the person, until a later decision sends news again", async () => {
    const ref = await registerSelf('w');
    const c = client(con.web);
    await c.login('budi');
    await c.post(`/registrations/${ref}/approve`, {});
    const id = (await h.runtime.app.registrations.idOf(ref))!;
    await h.runtime.app.deliveryFailed({ registrationId: id, personId: (await h.runtime.app.registrations.applicantOf(id))!, channel: 'whatsapp', reason: 'reach_out_limit' });
    const page = (await c.get(`/registrations/${ref}`)).html;
    expect(page).toMatch(/role="alert">Kabar terakhir untuk pendaftar lewat WhatsApp tidak sampai \([^)]+\): WhatsApp membatasi pesan ke orang yang belum pernah menulis/);
    expect(page).toContain('WhatsApp: WhatsApp membatasi pesan');
    await h.runtime.app.deliveryFailed({ registrationId: id, personId: 999_999, channel: 'telegram', reason: 'whatsapp_479' });
    expect((await c.get(`/registrations/${ref}`)).html).toContain('untuk kader yang mendaftarkan lewat Telegram tidak sampai');
    await c.post(`/registrations/${ref}/kpj`, { kpj: '12345678901' });
    expect((await c.get(`/registrations/${ref}`)).html).not.toContain('role="alert"');
  });

  it('rejects with a reason from the list and bulk-approves selected rows', async () => {
    const a = await registerSelf('a');
    const c = client(con.web);
    await loginAdmin(c, 'ana', h.clock.now);
    expect((await c.post(`/registrations/${a}/reject`, { reason: 'bogus' })).headers.get('location')).toContain('err=reject_reason_required');
    await c.post(`/registrations/${a}/reject`, { reason: 'outside_area', note: 'Tinggal di kabupaten lain', confirm: 'yes' });
    // The reason once, in the person's words with what to do; the officer's own note apart.
    expect(await lastOutbox('a')).toContain('Catatan petugas: Tinggal di kabupaten lain');
    expect(await lastOutbox('a')).toContain('Alasannya: tempat tinggalnya di luar Kabupaten Sukamaju');
    expect(await lastOutbox('a')).not.toContain('Di luar wilayah kabupaten');
    await dbOf(h).run("UPDATE registrations SET status = 'deleted', nik_index = NULL");
    const b = await registerSelf('b', 'Ani Lestari');
    await c.get('/queue');
    const res = await c.post('/queue/approve', { ref: [b], back: '/queue', confirm: '1' }); // confirmed (test/console/queue-volume.test.ts)
    expect(res.headers.get('location')).toContain('ok=bulk_approved');
    expect(await dbOf(h).get('SELECT status FROM registrations WHERE reference = ?', [b])).toEqual({ status: 'approved' });
  });
});

describe('console: the WhatsApp link', () => {
  it('shows admins the state, the QR to scan in the page, and after a ban what to do; officers may not see it', async () => {
    const c = client(con.web);
    await loginAdmin(c, 'ana', h.clock.now);
    expect((await c.get('/admin/whatsapp')).html).toContain('tidak dinyalakan');

    const factory = fakeSocketFactory({ emitOwnEvents: false });
    const wa = createWhatsAppChannel({
      app: h.runtime.app,
      logger: createLogger('silent'),
      makeSocket: factory.make,
    authCodec: baileysAuthCodec,
      showQr: () => undefined,
      showPairingCode: () => undefined,
      backoff: { firstMs: 5, maxMs: 20 },
    });
    h.runtime.app.attach(wa);
    await wa.start();
    factory.last().emitQr('2@fake-qr-payload');
    const waiting = (await c.get('/admin/whatsapp')).html;
    expect(waiting).toContain('Menunggu ditautkan');
    expect(waiting).toContain('<svg');
    expect(waiting).toContain('Tautkan perangkat');

    factory.last().open();
    const open = (await c.get('/admin/whatsapp')).html;
    expect(open).toContain('Tersambung');
    expect(open).toContain('+6281100000000');
    expect(open).not.toContain('<svg');

    // A first contact WhatsApp refuses later (a reach-out limit): the page says so, and what waits.
    const stranger = '6289999999903@s.whatsapp.net';
    await h.runtime.app.outbox.add(null, 'whatsapp', stranger, { text: 'Pendaftaran Anda disetujui' }, h.clock.now, 'notification');
    await h.runtime.app.kick('whatsapp');
    const sent = factory.last().sent.find((x) => x.jid === stranger)!;
    factory.last().deliveryError(stranger, sent.id, '463');
    // The channel handles WhatsApp's update on its own (nothing awaits it here): the pause of first
    // contacts is its last step, some database round trips later on PostgreSQL.
    let refused = '';
    await expect.poll(async () => (refused = (await c.get('/admin/whatsapp')).html)).toContain('Ditahan sampai');
    expect(refused).toContain('1 pesan ditolak WhatsApp; kode terakhir 463');
    expect(refused).toContain('Ditahan sampai');

    factory.last().close(403);
    const stopped = (await c.get('/admin/whatsapp')).html;
    expect(stopped).toContain('Berhenti: perlu tindakan');
    expect(stopped).toContain('(403)');
    expect(stopped).toContain('banding');
    await wa.stop();

    const officer = client(con.web);
    await officer.login('budi');
    expect((await officer.get('/admin/whatsapp')).res.status).toBe(403);
  });
});

describe('console: errors', () => {
  it('turns a request the domain refuses into a flash on its page, not a 500', async () => {
    const ref = await registerSelf('w');
    const c = client(con.web);
    await c.login('budi');
    // No field the correction flow knows: the app refuses (CorrectionError).
    const res = await c.post(`/registrations/${ref}/correction`, { field: ['favourite_colour'], note: 'x' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/registrations/${ref}?err=correction_fields`);
    expect(await dbOf(h).get('SELECT status FROM registrations')).toEqual({ status: 'submitted' });
    // A question answered twice.
    await h.runtime.app.questions.ask(1, 'test', 'w', 'kapan kartu saya jadi?', h.clock.now, 'sukamaju');
    const id = (await dbOf(h).get<{ id: number }>('SELECT id FROM questions'))!.id;
    expect((await c.post(`/questions/${id}/answer`, { answer: 'Minggu depan' })).headers.get('location')).toBe('/questions?ok=answered');
    expect((await c.post(`/questions/${id}/answer`, { answer: 'Lagi' })).headers.get('location')).toBe('/questions?err=question_closed');
    // The answer and its audit entry were written together, once.
    expect(await dbOf(h).get("SELECT count(*) AS n FROM audit_log WHERE action = 'answer_question'")).toEqual({ n: 1 });
  });

  it('logs a fault of ours with its stack and shows a plain 500 page', async () => {
    const lines: string[] = [];
    // The production logger (its masking keeps an error's name, message and stack).
    const logger = createLogger('error', { write: (line: string) => void lines.push(line) });
    const web = createConsole({
      app: h.runtime.app,
      store: { ...h.runtime.store, queue: { ...h.runtime.store.queue, page: () => { throw new Error('disk on fire'); } } },
      regencies: RegencyRegistry.single(loadProgrammeSettings('data/programme.example.json')),
      translate: createTranslator(),
      timeZone: 'Asia/Makassar',
      logger,
      clock: () => h.clock.now,
    });
    const c = client(web);
    await c.login('budi');
    const { res } = await c.get('/queue');
    expect(res.status).toBe(500);
    const logged = JSON.parse(lines.at(-1)!) as { msg: string; err: { message: string; stack: string } };
    expect(logged.msg).toBe('console error');
    expect(logged.err.message).toBe('disk on fire');
    expect(logged.err.stack).toContain('routes.test.ts');
  });
});

describe('console: export, questions, dashboard, admin, simulator', () => {
  it('exports the filtered set as CSV and records the export', async () => {
    const ref = await registerSelf('w');
    const c = client(con.web);
    await c.login('budi');
    const { res, html } = await c.get('/export?format=csv&status=open');
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(html).toContain(ref);
    // An officer without the full-NIK permission gets NIK and phone masked (test/console/export-permission.test.ts has the rest).
    expect(html).not.toContain(NIK_MALE);
    expect(html).toContain('6301********0003');
    const entry = (await dbOf(h).get<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'export'"))!;
    expect(JSON.parse(entry.detail)).toMatchObject({ format: 'csv', rows: 1 });
  });

  it('lists open questions and delivers the answer', async () => {
    await h.say('q', '8');
    await h.say('q', 'Apakah nelayan bisa ikut?');
    const c = client(con.web);
    await c.login('budi');
    const page = (await c.get('/questions')).html;
    expect(page).toContain('Apakah nelayan bisa ikut?');
    const id = /\/questions\/(\d+)\/answer/.exec(page)![1];
    await c.post(`/questions/${id}/answer`, { answer: 'Bisa, lewat menu 4.' });
    expect(await lastOutbox('q')).toContain('Bisa, lewat menu 4.');
    expect((await c.get('/questions')).html).toContain('Tidak ada pertanyaan terbuka');
  });

  it('shows what the bot could not match, with long numbers masked', async () => {
    await h.say('x', 'halo');
    await h.say('x', 'resep rendang 081234567890');
    const c = client(con.web);
    await c.login('budi');
    const page = (await c.get('/questions')).html;
    expect(page).toContain('resep rendang [angka]');
    expect(page).not.toContain('081234567890');
  });

  it('renders the dashboard with numbers beside the charts', async () => {
    await registerSelf('w');
    const c = client(con.web);
    await c.login('budi');
    const { res, html } = await c.get('/dashboard');
    expect(res.status).toBe(200);
    expect(html).toContain('<svg');
    expect(html).toContain('Sukamaju Kota');
  });

  it('lets an admin add and disable officers and manage cadre invites', async () => {
    const c = client(con.web);
    await loginAdmin(c, 'ana', h.clock.now);
    await c.get('/admin/officers');
    expect((await c.post('/admin/officers', { username: 'citra', role: 'officer', password: 'short' })).headers.get('location')).toContain('err=');
    expect((await c.post('/admin/officers', { username: 'citra', role: 'officer', password: 'long enough pw' })).headers.get('location')).toContain('ok=officer_added');
    const citra = (await con.officers.byUsername('citra'))!;
    await c.post(`/admin/officers/${citra.id}/disable`, {});
    expect((await con.officers.byUsername('citra'))?.disabledAt).not.toBeNull();
    await c.post('/admin/invites', { desa: 'Mekar Sari', role: 'kader', days: '7' });
    const page = (await c.get('/admin/invites')).html;
    const code = /KDR-[2-9A-HJKMNP-Z]{6}/.exec(page)![0];
    await c.post(`/admin/invites/${code}/revoke`, {});
    expect((await c.get('/admin/invites')).html).toContain('dibatalkan');
    const audit = (await c.get('/audit')).html;
    // In words, not codes (test/console/audit-admin.test.ts has the rest).
    expect(audit).toContain('<td>Membuat undangan kader</td>');
    expect(audit).toContain('<td>Menambah petugas</td>');
  });

  it('talks to the bot in the simulator as a test person on the web channel', async () => {
    const c = client(con.web);
    await c.login('budi');
    await c.post('/simulator', { text: 'halo' });
    const page = (await c.get('/simulator')).html;
    expect(page).toContain('Saya Lindung');
    expect(page).toContain('1. Manfaat program');
    await c.post('/simulator', { text: '2' });
    expect((await c.get('/simulator')).html).toContain('penghasilan');
    expect(await dbOf(h).get("SELECT count(*) AS n FROM identities WHERE channel = 'web'")).toEqual({ n: 1 });
  });
});
