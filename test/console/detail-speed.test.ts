// The registration's page for an officer with a long queue (issue 14, item 1): decisions whose news
// waits in the outbox for a short undo window, Undo, the next registration after each decision, a
// rejection that needs a reason and a confirmation, server-side messages in Indonesian, and the
// page in words (age, waiting time, checks with what to do, corrections old → new, no codes).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/channels/port.js';
import type { OutboxMessage } from '../../src/storage/outbox.js';
import { SEND_MARGIN_MS } from '../../src/app/decisions.js';
import { client, hashedPassword, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

const UNDO_MS = 30_000;
let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

/** Registers `user` through the bot with a NIK of its own (serial `serial`); returns the reference. */
async function registerSelf(user: string, serial: number, name = 'Budi Santoso'): Promise<string> {
  const nik = `63010117088${String(serial).padStart(5, '0')}`;
  let out: string[] = [];
  for (const text of registrationScript({ fullName: name, nik })) out = await h.say(user, text);
  const ref = /LD-\w{5}/.exec(out.join('\n'))?.[0];
  if (!ref) throw new Error(`no reference:\n${out.join('\n')}`);
  return ref;
}

const location = (res: Response) => res.headers.get('location');
const row = async (ref: string) =>
  (await dbOf(h).get<{ status: string; kpj: string | null; fields: string | null }>(
    'SELECT status, kpj, correction_fields AS fields FROM registrations WHERE reference = ?',
    [ref],
  ))!;
/** The registration's news in the outbox: when each row may go. */
const news = (ref: string) =>
  dbOf(h).all<{ id: number; createdAt: number; due: number; attempts: number }>(
    'SELECT id, created_at AS "createdAt", next_attempt_at AS due, attempts FROM outbox WHERE registration_id = (SELECT id FROM registrations WHERE reference = ?) ORDER BY id',
    [ref],
  );
const auditActions = async () => (await dbOf(h).all<{ action: string }>("SELECT action FROM audit_log WHERE action NOT IN ('view', 'login') ORDER BY id")).map((a) => a.action);
/** The visible words of a page (tags dropped), to look for phrases. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** A channel for the harness's chats ('test') that records what the dispatcher gives it. */
function recordingChannel(): Channel & { sent: OutboxMessage[] } {
  const sent: OutboxMessage[] = [];
  return {
    id: 'test',
    sent,
    start: async () => undefined,
    stop: async () => undefined,
    send: async (m) => void sent.push(m),
    // Only kicks send here: no polling during the test.
    sending: { pollMs: 3_600_000 },
  };
}

describe('decision bar and validation', () => {
  it('has every decision with its shortcut, no reason chosen beforehand, and no browser validation', async () => {
    const ref = await registerSelf('w', 3);
    const c = client(con.web);
    await c.login('budi');
    const { html } = await c.get(`/registrations/${ref}`);
    const bar = /<section class="card decide-bar"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    for (const action of ['approve', 'kpj', 'correction', 'reject']) expect(bar).toContain(`action="/registrations/${ref}/${action}"`);
    expect(bar).toContain(`href="/registrations/${ref}/next"`);
    for (const key of ['s', 'k', 't', 'p', 'n']) expect(bar).toContain(`data-key="${key}"`);
    // The reject form starts on "Pilih alasan…", not on a reason.
    const reject = /<form[^>]*\/reject"[\s\S]*?<\/form>/.exec(bar)![0];
    expect(reject).toMatch(/<option value="" selected="">Pilih alasan…<\/option>/);
    expect(reject.match(/selected/g)).toHaveLength(1);
    // The server answers in Indonesian: no pattern/required for the browser to answer in English.
    for (const form of bar.match(/<form[^>]*>/g)!.filter((f) => !f.includes('/approve'))) expect(form).toContain('novalidate');
    expect(bar).not.toMatch(/pattern=|required/);
    expect(html).toContain('<script src="/static/console.js" defer="">');
    const script = await c.fetch('/static/console.js');
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain('data-key');
  });

  it('refuses a bad KPJ, a rejection without a reason and a correction without a note, in Indonesian', async () => {
    const ref = await registerSelf('w', 3);
    const c = client(con.web);
    await c.login('budi');
    const before = (await news(ref)).length;
    const cases: [string, Record<string, string | string[]>, string, string][] = [
      ['kpj', { kpj: '1234' }, 'kpj_invalid', 'Nomor KPJ harus 11 angka.'],
      ['kpj', { kpj: 'abcdefghijk' }, 'kpj_invalid', 'Nomor KPJ harus 11 angka.'],
      ['reject', {}, 'reject_reason_required', 'Pilih alasan penolakan: belum ada yang dikirim ke warga.'],
      ['reject', { reason: '', note: 'x' }, 'reject_reason_required', 'Pilih alasan penolakan: belum ada yang dikirim ke warga.'],
      ['reject', { reason: 'bogus', confirm: 'yes' }, 'reject_reason_required', 'Pilih alasan penolakan: belum ada yang dikirim ke warga.'],
      ['correction', { field: ['phone'] }, 'correction_fields', 'Pilih data yang perlu diperbaiki dan tulis catatan.'],
      ['correction', { note: 'Nomor tidak aktif' }, 'correction_fields', 'Pilih data yang perlu diperbaiki dan tulis catatan.'],
    ];
    for (const [path, form, err, text] of cases) {
      const res = await c.post(`/registrations/${ref}/${path}`, form);
      expect({ path, form, to: location(res) }).toEqual({ path, form, to: `/registrations/${ref}?err=${err}` });
      expect((await c.get(location(res)!)).html).toContain(`<p class="flash error">${text}</p>`);
    }
    expect((await row(ref)).status).toBe('submitted');
    expect(await news(ref)).toHaveLength(before);
  });

  it('asks to confirm a rejection with the reason and note as the person gets them; only the confirmed form rejects', async () => {
    const ref = await registerSelf('w', 3);
    const c = client(con.web);
    await c.login('budi');
    const before = (await news(ref)).length;
    const first = await c.post(`/registrations/${ref}/reject`, { reason: 'outside_area', note: 'Tinggal di kabupaten lain' });
    expect(first.status).toBe(200);
    const confirm = await first.text();
    expect(words(confirm)).toContain(`Tolak ${ref}?`);
    expect(words(confirm)).toContain('Di luar wilayah kabupaten');
    expect(words(confirm)).toContain('Tinggal di kabupaten lain');
    expect(words(confirm)).toContain('Kabar itu dikirim 30 detik kemudian');
    expect(confirm).toContain('<input type="hidden" name="confirm" value="yes"/>');
    expect((await row(ref)).status).toBe('submitted');
    expect(await news(ref)).toHaveLength(before);

    const res = await c.post(`/registrations/${ref}/reject`, { reason: 'outside_area', note: 'Tinggal di kabupaten lain', confirm: 'yes' });
    expect(location(res)).toBe(`/registrations/${ref}?done=${ref}`);
    expect((await row(ref)).status).toBe('rejected');
    expect(await auditActions()).toEqual(['reject']);
    // The reason is kept as its code beside the officer's own words (told to the person in their language).
    const kept = await dbOf(h).get('SELECT reject_reason AS reason FROM registrations WHERE reference = ?', [ref]);
    expect(kept).toEqual({ reason: 'outside_area' });
    const page = words((await c.get(`/registrations/${ref}`)).html);
    expect(page).toContain('Alasan penolakan Di luar wilayah kabupaten Catatan petugas Tinggal di kabupaten lain');
    expect(page).toContain('status diubah → Ditolak · Di luar wilayah kabupaten. Tinggal di kabupaten lain');
  });
});

describe('undo window: news waits in the outbox', () => {
  it('holds a decision\'s news until the window ends; nothing is sent before, and it is sent once after', async () => {
    const ref = await registerSelf('w', 3);
    const channel = recordingChannel();
    h.runtime.app.attach(channel);
    const c = client(con.web);
    await c.login('budi');
    const decidedAt = h.clock.now;
    await c.post(`/registrations/${ref}/approve`, {});
    const held = await news(ref);
    expect(held).toHaveLength(1);
    expect(held[0]!.due).toBe(decidedAt + UNDO_MS + SEND_MARGIN_MS);

    await h.runtime.app.kick();
    expect(channel.sent.filter((m) => m.registrationId !== null)).toEqual([]);
    h.clock.now = decidedAt + UNDO_MS + SEND_MARGIN_MS - 1;
    await h.runtime.app.kick();
    expect(channel.sent.filter((m) => m.registrationId !== null)).toEqual([]);

    h.clock.now = decidedAt + UNDO_MS + SEND_MARGIN_MS;
    await h.runtime.app.kick();
    await h.runtime.app.kick();
    const sent = channel.sent.filter((m) => m.registrationId !== null);
    expect(sent.map((m) => m.reply.text)).toHaveLength(1);
    expect(sent[0]!.reply.text).toContain('disetujui');
    expect(await news(ref)).toEqual([]);
  });

  it('keeps the held news through a restart: still undoable in the window, sent once after it', async () => {
    const ref = await registerSelf('w', 3);
    const c = client(con.web);
    await c.login('budi');
    const decidedAt = h.clock.now;
    await c.post(`/registrations/${ref}/approve`, {});
    const held = await news(ref);

    // A crash between the decision and its window's end: the outbox row is the truth.
    h = await h.reopen();
    expect(await news(ref)).toEqual(held);
    const channel = recordingChannel();
    h.runtime.app.attach(channel);
    await h.runtime.app.kick();
    expect(channel.sent.filter((m) => m.registrationId !== null)).toEqual([]);
    h.clock.now = decidedAt + UNDO_MS + SEND_MARGIN_MS;
    await h.runtime.app.kick();
    await h.runtime.app.kick();
    expect(channel.sent.filter((m) => m.registrationId !== null)).toHaveLength(1);
    expect(await news(ref)).toEqual([]);
  });

  it('sends at once with DECISION_UNDO_SECONDS=0, and offers no undo', async () => {
    await cleanup(h);
    h = await startHarness({ env: { DECISION_UNDO_SECONDS: '0' } });
    con = await startConsole(h);
    const ref = await registerSelf('w', 3);
    const c = client(con.web);
    await c.login('budi');
    await c.post(`/registrations/${ref}/approve`, {});
    expect((await news(ref)).map((r) => r.due - r.createdAt)).toEqual([0]);
    const { html } = await c.get(`/registrations/${ref}?done=${ref}`);
    expect(words(html)).toContain('Warga diberi tahu.');
    expect(html).not.toContain('/undo"');
  });
});

describe('undo', () => {
  it('takes back an approval with its held news, in words in the history and in the audit log', async () => {
    const first = await registerSelf('a', 3, 'Ani Lestari');
    h.clock.now += 60_000;
    const second = await registerSelf('b', 11, 'Budi Santoso');
    const c = client(con.web);
    await c.login('budi');
    const res = await c.post(`/registrations/${first}/approve`, {});
    // On to the next registration waiting, with the notice and the undo button.
    expect(location(res)).toBe(`/registrations/${second}?done=${first}`);
    const { html } = await c.get(location(res)!);
    expect(words(html)).toContain(`${first} (Ani Lestari): Disetujui.`);
    expect(words(html)).toContain('Kabar ke warga dikirim pukul 09.01.30; sampai saat itu keputusan ini bisa dibatalkan.');
    expect(html).toContain(`action="/registrations/${first}/undo"`);
    expect(html).toContain('data-key="u"');
    expect(await news(first)).toHaveLength(1);

    h.clock.now += 10_000;
    const undo = await c.post(`/registrations/${first}/undo`, {});
    expect(location(undo)).toBe(`/registrations/${first}?ok=undone`);
    expect((await row(first)).status).toBe('submitted');
    expect(await news(first)).toEqual([]);
    const page = await c.get(location(undo)!);
    expect(page.html).toContain('Keputusan dibatalkan sebelum warga diberi tahu; pendaftaran kembali seperti sebelumnya.');
    expect(words(page.html)).toContain('Petugas budi · keputusan dibatalkan sebelum warga diberi tahu → Terkirim');
    expect(await auditActions()).toEqual(['approve', 'undo_decision']);
    // Once undone, nothing is left to undo.
    expect(location(await c.post(`/registrations/${first}/undo`, {}))).toBe(`/registrations/${first}?err=undo_nothing`);
  });

  it('is only for the officer who decided, and only within the window', async () => {
    const ref = await registerSelf('w', 3);
    const budi = client(con.web);
    await budi.login('budi');
    await budi.post(`/registrations/${ref}/approve`, {});
    // Another officer sees that it can still be undone, by whom, but gets no button.
    await con.officers.add({ username: 'citra', passwordHash: await hashedPassword(), role: 'officer', now: h.clock.now });
    const citra = client(con.web);
    await citra.login('citra');
    const other = await citra.get(`/registrations/${ref}`);
    expect(words(other.html)).toContain('Keputusan petugas budi (Disetujui) masih bisa dibatalkan olehnya sampai 09.00.30');
    expect(other.html).not.toContain('/undo"');
    expect(location(await citra.post(`/registrations/${ref}/undo`, {}))).toBe(`/registrations/${ref}?err=undo_not_yours`);
    expect((await row(ref)).status).toBe('approved');

    h.clock.now += UNDO_MS;
    const late = await budi.post(`/registrations/${ref}/undo`, {});
    expect(location(late)).toBe(`/registrations/${ref}?err=undo_expired`);
    expect((await budi.get(location(late)!)).html).toContain('Waktu pembatalan sudah lewat: kabar sudah diteruskan ke warga.');
    expect((await row(ref)).status).toBe('approved');
    expect(await news(ref)).toHaveLength(1);
    const after = await budi.get(`/registrations/${ref}?done=${ref}`);
    expect(words(after.html)).toContain('Waktu pembatalan sudah lewat; kabar ke warga sudah diteruskan.');
    expect(after.html).not.toContain('/undo"');
  });

  it('takes back a KPJ (the number goes) and a rejection (its note goes)', async () => {
    const ref = await registerSelf('w', 3);
    const c = client(con.web);
    await c.login('budi');
    await c.post(`/registrations/${ref}/approve`, {});
    h.clock.now += UNDO_MS + SEND_MARGIN_MS;
    await c.post(`/registrations/${ref}/kpj`, { kpj: '1234 5678 901' });
    expect(await row(ref)).toMatchObject({ status: 'registered', kpj: '12345678901' });
    expect(location(await c.post(`/registrations/${ref}/undo`, {}))).toBe(`/registrations/${ref}?ok=undone`);
    expect(await row(ref)).toMatchObject({ status: 'approved', kpj: null });
    // The approval's news (sent after its window) stays; only the KPJ's is taken back.
    expect(await news(ref)).toHaveLength(1);

    await c.post(`/registrations/${ref}/reject`, { reason: 'already_member', note: 'Sudah punya KPJ', confirm: 'yes' });
    expect((await row(ref)).status).toBe('rejected');
    expect(location(await c.post(`/registrations/${ref}/undo`, {}))).toBe(`/registrations/${ref}?ok=undone`);
    expect((await row(ref)).status).toBe('approved');
    const page = (await c.get(`/registrations/${ref}`)).html;
    expect(page).toMatch(/<dt>Catatan petugas<\/dt><dd>-<\/dd>/);
    expect(page).not.toContain('Alasan penolakan');
    expect(await dbOf(h).get('SELECT reject_reason AS reason FROM registrations WHERE reference = ?', [ref])).toEqual({ reason: null });
  });

  it('takes back a correction request and the conversation it started; the person, untold, goes on with theirs meanwhile', async () => {
    const ref = await registerSelf('w', 3);
    const c = client(con.web);
    await c.login('budi');
    await c.post(`/registrations/${ref}/correction`, { field: ['phone'], note: 'Nomor tidak aktif' });
    expect(await row(ref)).toMatchObject({ status: 'needs_correction', fields: '["phone"]' });
    expect((await news(ref)).length).toBeGreaterThan(1);
    expect(location(await c.post(`/registrations/${ref}/undo`, {}))).toBe(`/registrations/${ref}?ok=undone`);
    expect(await row(ref)).toMatchObject({ status: 'submitted', fields: null });
    expect(await news(ref)).toEqual([]);
    const personId = (await h.runtime.app.registrations.applicantOf((await h.runtime.app.registrations.idOf(ref))!))!;
    const session = async () => JSON.parse((await h.runtime.store.people.session(personId)).state!) as { flow: string; step: string; held?: unknown };
    expect(await session()).toMatchObject({ flow: 'menu', step: 'main', answers: {} });
    expect((await session()).held).toBeUndefined();
    // The bot no longer asks for the phone number: "halo" is the menu.
    expect((await h.say('w', 'halo')).join('\n')).not.toContain('Nomor HP');

    // Asked again; the person writes within the window, before being told: their own conversation
    // answers (here the calculator they open), never the correction's question they have not seen.
    h.clock.now += 60_000;
    await c.post(`/registrations/${ref}/correction`, { field: ['phone'], note: 'Nomor tidak aktif' });
    h.clock.now += 1_000;
    const meanwhile = (await h.say('w', 'hitung iuran')).join('\n');
    expect(meanwhile).not.toContain('Nomor HP');
    expect(meanwhile).toMatch(/penghasilan/i);
    // Undone: nothing was told, and the person is still in the calculator.
    expect(location(await c.post(`/registrations/${ref}/undo`, {}))).toBe(`/registrations/${ref}?ok=undone`);
    expect((await row(ref)).status).toBe('submitted');
    expect(await session()).toMatchObject({ flow: 'calculator' });
    expect((await session()).held).toBeUndefined();
  });

  it('starts the correction\'s questions when the person is told, not before', async () => {
    const ref = await registerSelf('w', 3);
    const c = client(con.web);
    await c.login('budi');
    await c.post(`/registrations/${ref}/correction`, { field: ['phone'], note: 'Nomor tidak aktif' });
    expect((await news(ref)).length).toBeGreaterThan(0);
    // Within the window a number typed is not taken as the (unseen) answer; what the person does
    // meanwhile (here: switching to English) is kept.
    h.clock.now += 1_000;
    await h.say('w', '0813 1111 2222');
    expect((await row(ref)).status).toBe('needs_correction');
    await h.say('w', 'english');
    // Once the window is over (the question has gone out), the answer corrects it, in their language now.
    h.clock.now += UNDO_MS + SEND_MARGIN_MS;
    expect((await h.say('w', '0813 1111 2222')).join('\n')).toContain(`Check the correction for sign-up ${ref}:`);
    await h.say('w', '1');
    expect((await row(ref)).status).toBe('submitted');
    expect(location(await c.post(`/registrations/${ref}/undo`, {}))).toBe(`/registrations/${ref}?err=undo_nothing`);
  });
});

describe('next registration', () => {
  it('goes to the oldest registration waiting for a decision after each decision, and says when none is left', async () => {
    const a = await registerSelf('a', 3, 'Ani Lestari');
    h.clock.now += 60_000;
    const b = await registerSelf('b', 11, 'Budi Santoso');
    h.clock.now += 60_000;
    const cRef = await registerSelf('c', 29, 'Citra Dewi');
    const c = client(con.web);
    await c.login('budi');
    // From the newest, "next" is the oldest other one.
    expect(location(await c.fetch(`/registrations/${cRef}/next`))).toBe(`/registrations/${a}`);
    expect(location(await c.post(`/registrations/${b}/approve`, {}))).toBe(`/registrations/${a}?done=${b}`);
    expect(location(await c.post(`/registrations/${a}/kpj`, { kpj: '12345678901' }))).toBe(`/registrations/${cRef}?done=${a}`);
    const last = await c.post(`/registrations/${cRef}/correction`, { field: ['phone'], note: 'Nomor tidak aktif' });
    // Nothing else waits: the notice comes on the decided registration's own page.
    expect(location(last)).toBe(`/registrations/${cRef}?done=${cRef}`);
    const page = (await c.get(location(last)!)).html;
    expect(words(page)).toContain(`${cRef} (Citra Dewi): Perlu perbaikan.`);
    expect(words(page)).toContain('Tidak ada lagi pendaftaran yang menunggu keputusan.');
    expect(location(await c.fetch(`/registrations/${cRef}/next`))).toBe(`/registrations/${cRef}?ok=none_waiting`);
    expect((await c.get(`/registrations/${cRef}?ok=none_waiting`)).html).toContain('Tidak ada pendaftaran lain yang menunggu keputusan.');
  });

  it('passes by a registration a colleague opened moments ago, and that page says who has it open', async () => {
    const a = await registerSelf('a', 3, 'Ani Lestari');
    h.clock.now += 60_000;
    const b = await registerSelf('b', 11, 'Budi Santoso');
    h.clock.now += 60_000;
    const cRef = await registerSelf('c', 29, 'Citra Dewi');
    // A second officer (an admin would be asked to set up a second factor first).
    await h.runtime.store.officers.add({ username: 'citra', passwordHash: await hashedPassword(), role: 'officer', now: h.clock.now });
    const ana = client(con.web);
    await ana.login('citra');
    const budi = client(con.web);
    await budi.login('budi');
    // Ana is on the oldest; Budi's "next" from the newest goes to the one after it.
    const first = (await ana.get(`/registrations/${a}`)).html;
    expect(words(first)).toContain('Ani Lestari');
    expect(words(first)).not.toContain('Juga dibuka petugas');
    h.clock.now += 60_000;
    expect(location(await budi.fetch(`/registrations/${cRef}/next`))).toBe(`/registrations/${b}`);
    // Opened anyway (from the queue): Budi is told Ana has it open.
    expect(words((await budi.get(`/registrations/${a}`)).html)).toContain('Juga dibuka petugas citra (1 menit lalu): pastikan tidak diputuskan dua kali.');
    // Minutes later Ana's view no longer holds it; and when every other one is open elsewhere, the oldest is still offered.
    h.clock.now += 6 * 60_000;
    expect(location(await budi.fetch(`/registrations/${cRef}/next`))).toBe(`/registrations/${a}`);
    await ana.get(`/registrations/${a}`);
    await ana.get(`/registrations/${b}`);
    expect(location(await budi.fetch(`/registrations/${cRef}/next`))).toBe(`/registrations/${a}`);
  });

  it('refuses to approve twice (a double key press)', async () => {
    const ref = await registerSelf('w', 3);
    const c = client(con.web);
    await c.login('budi');
    await c.post(`/registrations/${ref}/approve`, {});
    expect(location(await c.post(`/registrations/${ref}/approve`, {}))).toBe(`/registrations/${ref}?err=already_approved`);
    expect(await news(ref)).toHaveLength(1);
    expect(await auditActions()).toEqual(['approve']);
  });
});

describe('the page in words', () => {
  it('shows the age, the waiting time and each check with its figures and what to do', async () => {
    const ref = await registerSelf('w', 3);
    // Born 1955: 71 at NOW (22 Nov 2026), above the example's limit of 65; the NIK says 1980.
    const { cipher } = h.runtime.store;
    const stored = (await dbOf(h).get<{ data: string }>('SELECT data FROM registrations WHERE reference = ?', [ref]))!;
    const data = { ...JSON.parse(cipher.decrypt(stored.data)), birthDate: '1955-08-17', checks: ['age_above_limit'] };
    await dbOf(h).run('UPDATE registrations SET data = ? WHERE reference = ?', [cipher.encrypt(JSON.stringify(data)), ref]);
    h.clock.now += (2 * 24 + 3) * 3_600_000 + 5 * 60_000;
    const c = client(con.web);
    await c.login('budi');
    const text = words((await c.get(`/registrations/${ref}`)).html);
    expect(text).toContain('17 Agustus 1955 (71 tahun)');
    expect(text).toContain('Umur di atas batas: perlu dipastikan Umur 71 tahun; batas 65 tahun. Pastikan tanggal lahir dengan foto KTP.');
    expect(text).toContain('Menunggu keputusan sejak 22 Nov 2026, 09.00 (2 hari 3 jam).');
    expect(text).toContain('Tanggal lahir tidak cocok dengan NIK Tanggal lahir yang diisi: 17 Agustus 1955. Tekan «Tampilkan NIK» untuk membandingkan. Cocokkan NIK dan tanggal lahir dengan foto KTP, lalu minta perbaikan NIK atau tanggal lahir.');
  });

  it('writes every code in words: who, what, the channel and the consent', async () => {
    const ref = await registerSelf('w', 3);
    const c = client(con.web);
    await c.login('budi');
    await c.post(`/registrations/${ref}/correction`, { field: ['phone'], note: 'Nomor tidak aktif' });
    h.clock.now += 60_000;
    await h.say('w', '0813 1111 2222');
    await h.say('w', '1');
    const { html } = await c.get(`/registrations/${ref}`);
    const text = words(html);
    expect(text).toContain('Warga · dikirim → Terkirim');
    expect(text).toContain('Petugas budi · status diubah → Perlu perbaikan · Nomor tidak aktif');
    // The correction, old → new.
    expect(text).toContain('Warga · diperbaiki → Terkirim No. HP: +62812****7890 → +62813****2222');
    expect(text).toMatch(/Persetujuan \d+ \w+ 2026, naskah persetujuan versi [\w.-]+, disetujui warga sendiri/);
    for (const code of ['applicant', 'status_changed', 'submitted ', 'corrected', 'officer budi']) expect({ code, found: text.includes(code) }).toEqual({ code, found: false });
  });
});
