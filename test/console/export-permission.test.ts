// Least privilege for export: the full NIK and phone only for an officer an admin has allowed, with
// the password (and code) given again in the same request; everyone else gets them masked. Every
// export is audited with the registrations it held, never their data.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, startConsole } from '../helpers/console.js';
import { cleanup, NIK_FEMALE, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { dbOf } from '../helpers/db.js';
import { registrationScript } from '../helpers/registration.js';
import { requestClient } from './request-client.js';
import { codeAt } from './second-factor-helpers.js';

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

async function registerSelf(user: string, answers: Record<string, string> = {}): Promise<string> {
  let out: string[] = [];
  for (const text of registrationScript(answers)) out = await h.say(user, text);
  return /LD-\w{5}/.exec(out.join('\n'))![0];
}
const db = () => dbOf(h);
const exports = async () => {
  const entries = await db().all<{ id: number; officerId: number; detail: string }>(`SELECT id, officer_id AS "officerId", detail FROM audit_log WHERE action = 'export' ORDER BY id`);
  const all = [];
  for (const e of entries) all.push({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown>, registrations: await con.officers.exportedRegistrations(e.id) });
  return all;
};
const idOfRef = async (ref: string) => (await db().get<{ id: number }>('SELECT id FROM registrations WHERE reference = ?', [ref]))!.id;
const idOf = async (username: string) => (await con.officers.byUsername(username))!.id;

/** An admin (enrolled on the way) allows budi the full export through the officers page. */
async function allowBudi() {
  const admin = requestClient(con.web);
  await admin.login('ana');
  const { html } = await admin.get('/account/2fa');
  const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, '');
  await admin.post('/account/2fa', { code: codeAt(secret, h.clock.now) });
  await admin.get('/admin/officers');
  const res = await admin.post(`/admin/officers/${await idOf('budi')}/export-nik`, { allow: '1' });
  expect(res.headers.get('location')).toBe('/admin/officers?ok=export_granted');
  return admin;
}

describe('export without the permission', () => {
  it('masks NIK and phone, records the export with its registrations, and refuses the full export', async () => {
    const ref = await registerSelf('w');
    const c = requestClient(con.web);
    await c.login('budi');
    const queue = (await c.get('/queue')).html;
    expect(queue).toContain('(NIK dan nomor HP disamarkan)');
    expect(queue).not.toContain('/export/full');
    const csv = await (await c.send('/export?format=csv&status=open')).text();
    expect(csv).toContain(ref);
    expect(csv).toContain('6301********0003');
    expect(csv).toContain('0812 **** 7890'); // masked like the queue, written the national way (no apostrophe)
    expect(csv).not.toContain(NIK_MALE);
    expect(await exports()).toEqual([
      expect.objectContaining({ officerId: await idOf('budi'), detail: { format: 'csv', filter: { status: 'open' }, rows: 1, nik: 'masked' }, registrations: [await idOfRef(ref)] }),
    ]);
    expect((await c.send('/export/full?status=open')).status).toBe(403);
    expect((await c.post('/export/full', { query: 'status=open', password: PASSWORD })).status).toBe(403);
    expect(await exports()).toHaveLength(1);
  });

  it('keeps a NIK searched for out of the export audit', async () => {
    await registerSelf('w');
    const c = requestClient(con.web);
    await c.login('budi');
    await (await c.send(`/export?format=csv&q=${NIK_MALE}`)).text();
    const [entry] = await exports();
    expect(entry!.detail.filter).toEqual({ status: 'all', q: '[NIK]' }); // a search looks in every status
    expect(JSON.stringify(await db().all('SELECT detail FROM audit_log'))).not.toContain(NIK_MALE);
  });
});

describe('export with the full NIK', () => {
  it('is granted by an admin (audited), needs the password again right then, and records which registrations it held', async () => {
    const ref = await registerSelf('w');
    await registerSelf('x', { fullName: 'Ani Lestari', nik: NIK_FEMALE, birthDate: '17-05-1985', sex: '2', phone: '081234567891' });
    await allowBudi();
    expect(await db().all("SELECT officer_id AS o, detail FROM audit_log WHERE action = 'grant_export_nik'")).toEqual([{ o: await idOf('ana'), detail: JSON.stringify({ officer: await idOf('budi'), username: 'budi' }) }]);
    const c = requestClient(con.web);
    await c.login('budi');
    const queue = (await c.get('/queue?kecamatan=Sukamaju%20Kota')).html;
    expect(queue).toContain('href="/export/full?kecamatan=Sukamaju+Kota"');
    const form = (await c.get('/export/full?status=open&kecamatan=Sukamaju+Kota&format=xlsx')).html;
    expect(form).toContain('name="password"');
    expect(form).not.toContain('name="code"'); // budi has no second factor
    expect(form).toContain('<option value="xlsx" selected="">');
    const wrong = await c.post('/export/full', { query: 'status=open', format: 'csv', password: 'not my password' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Kata sandi atau kode salah.');
    expect(await exports()).toEqual([]);
    expect(await db().all("SELECT detail FROM audit_log WHERE action = 'login_failed'")).toEqual([{ detail: '{"step":"export"}' }]);
    const res = await c.post('/export/full', { query: 'status=open', format: 'csv', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="lindung-open-\d{4}-\d{2}-\d{2}-nik\.csv"/);
    const csv = await res.text();
    expect(csv).toContain(NIK_MALE);
    expect(csv).toContain(ref);
    const [entry] = await exports();
    expect(entry).toMatchObject({ officerId: await idOf('budi'), detail: { format: 'csv', rows: 2, nik: 'full', reauthenticated: 'password' } });
    expect(entry!.registrations).toHaveLength(2);
    expect(entry!.registrations).toContain(await idOfRef(ref));
    expect(JSON.stringify(await db().all('SELECT detail FROM audit_log'))).not.toContain(NIK_MALE);
    // The plain export link stays masked for them too.
    expect(await (await c.send('/export?format=csv')).text()).not.toContain(NIK_MALE);
  });

  it('needs the authenticator code too when the officer has a second factor, and counts wrong tries like logins', async () => {
    await registerSelf('w');
    await allowBudi();
    const c = requestClient(con.web);
    await c.login('budi');
    const { html } = await c.get('/account/2fa');
    const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, '');
    await c.post('/account/2fa', { code: codeAt(secret, h.clock.now) });
    h.clock.now += 60_000;
    expect((await c.get('/export/full?status=open')).html).toContain('name="code"');
    expect((await c.post('/export/full', { query: 'status=open', password: PASSWORD })).status).toBe(401);
    const ok = await c.post('/export/full', { query: 'status=open', password: PASSWORD, code: codeAt(secret, h.clock.now) });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain(NIK_MALE);
    expect((await exports())[0]!.detail).toMatchObject({ nik: 'full', reauthenticated: 'password+second_factor' });
    // The same code cannot be used for a second export.
    expect((await c.post('/export/full', { query: 'status=open', password: PASSWORD, code: codeAt(secret, h.clock.now) })).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await c.post('/export/full', { query: 'status=open', password: 'wrong wrong wrong' })).status).toBe(401);
    expect((await c.post('/export/full', { query: 'status=open', password: PASSWORD, code: codeAt(secret, h.clock.now + 30_000) })).status).toBe(429);
  });

  it('ends when an admin withdraws the permission', async () => {
    const admin = await allowBudi();
    await admin.post(`/admin/officers/${await idOf('budi')}/export-nik`, { allow: '0' });
    expect((await con.officers.byUsername('budi'))!.exportNik).toBe(false);
    const c = requestClient(con.web);
    await c.login('budi');
    expect((await c.send('/export/full')).status).toBe(403);
    expect(await db().get("SELECT count(*) AS n FROM audit_log WHERE action = 'revoke_export_nik'")).toEqual({ n: 1 });
  });
});
