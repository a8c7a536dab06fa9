import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

async function register(user: string, answers: Record<string, string>): Promise<string> {
  let out: string[] = [];
  for (const text of registrationScript(answers)) out = await h.say(user, text);
  return /LD-\w{5}/.exec(out.join('\n'))![0];
}

const BUDI = { fullName: 'Budi Santoso', nik: NIK_MALE, address: 'Jl. Mawar RT 03', phone: '081234567890', heirName: 'Siti Aminah' };
const copies = () =>
  dbOf(h).all<{ officer_id: number | null; registration_id: number | null; detail: string | null }>(
    "SELECT officer_id, registration_id, detail FROM audit_log WHERE action = 'access_copy' ORDER BY id",
  );

describe('console: the copy for a right-of-access request made at the office', () => {
  it('the GET page explains and changes nothing; the POST makes the printable copy, audited, never cached', async () => {
    const ref = await register('w', BUDI);
    const c = client(con.web);
    await c.login('budi');
    await c.get(`/registrations/${ref}`);

    const page = await c.get(`/registrations/${ref}/access-copy`);
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('cache-control')).toBe('no-store');
    expect(page.html).toContain(`action="/registrations/${ref}/access-copy"`);
    expect(page.html).not.toContain(NIK_MALE);
    expect(await copies()).toEqual([]);

    const res = await c.post(`/registrations/${ref}/access-copy`, {});
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    // The same content as the person's own copy: every field in full, history, who saw it.
    for (const value of [NIK_MALE, '+6281234567890', 'Budi Santoso', 'Jl. Mawar RT 03', 'Siti Aminah', `PENDAFTARAN ${ref}`, `RIWAYAT ${ref}`, 'SIAPA YANG SUDAH MELIHAT DATA ANDA']) {
      expect(html).toContain(value);
    }
    expect(html).toContain('petugas budi (Pemerintah Kabupaten Sukamaju (Disnakertrans)): membuka data pendaftaran');
    expect(html).toContain('salinan data dibuat di kantor oleh petugas budi');

    // Audited: who, which registration, and nothing personal in the detail.
    const budi = (await h.runtime.store.officers.byUsername('budi'))!.id;
    const id = (await h.runtime.app.registrations.idOf(ref))!;
    expect(await copies()).toEqual([{ officer_id: budi, registration_id: id, detail: JSON.stringify({ by: 'officer' }) }]);
    const history = (await h.runtime.app.registrations.events(id)).filter((e) => e.action === 'access_copy');
    expect(history.map((e) => [e.actor_kind, e.actor_id])).toEqual([['officer', 'budi']]);

    // The person's own copy later names the officer who made it.
    await h.say('w', 'menu');
    await h.say('w', '6');
    expect((await h.say('w', 'salinan')).join('\n')).toContain('petugas budi (Pemerintah Kabupaten Sukamaju (Disnakertrans)): membuat salinan data untuk Anda');
  });

  it("holds only that person's data: another person's registration is not in it", async () => {
    const mine = await register('w', BUDI);
    const theirs = await register('v', { fullName: 'Ani Lestari', nik: NIK_FEMALE, birthDate: '17-05-1985', sex: '2', address: 'Gg. Melati 9', phone: '081355500011' });
    const c = client(con.web);
    await c.login('budi');
    await c.get(`/registrations/${theirs}`);
    await c.get(`/registrations/${mine}/access-copy`);
    const html = await (await c.post(`/registrations/${mine}/access-copy`, {})).text();
    expect(html).toContain(mine);
    for (const value of [theirs, 'Ani Lestari', NIK_FEMALE, 'Gg. Melati 9', '81355500011']) expect(html).not.toContain(value);
  });

  it('needs a logged-in officer and the CSRF token; an unknown reference is a 404', async () => {
    const ref = await register('w', BUDI);
    const anon = client(con.web);
    const page = await anon.get(`/registrations/${ref}/access-copy`);
    expect(page.res.status).toBe(302);
    expect(page.html).not.toContain(NIK_MALE);
    await anon.get('/login');
    expect((await anon.post(`/registrations/${ref}/access-copy`, {})).status).toBeGreaterThanOrEqual(400);

    const c = client(con.web);
    await c.login('budi');
    await c.get(`/registrations/${ref}/access-copy`);
    const forged = await c.post(`/registrations/${ref}/access-copy`, {}, { csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect(await forged.text()).not.toContain(NIK_MALE);
    expect(await copies()).toEqual([]);

    expect((await c.get('/registrations/LD-ZZZZZ/access-copy')).res.status).toBe(404);
    expect((await c.post('/registrations/LD-ZZZZZ/access-copy', {})).status).toBe(404);
    expect(await copies()).toEqual([]);
  });
});
