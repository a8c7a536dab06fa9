// A NIK typed in the queue's search box goes by POST, never into a URL (server and proxy logs,
// history, Referer), and the audit records that a NIK search happened and what it found, not the NIK.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';
import { requestClient } from './request-client.js';

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

async function registerSelf(user: string): Promise<string> {
  let out: string[] = [];
  for (const text of registrationScript()) out = await h.say(user, text);
  return /LD-\w{5}/.exec(out.join('\n'))![0];
}
const audit = () => dbOf(h).all('SELECT officer_id AS "officerId", action, registration_id AS "registrationId", detail FROM audit_log ORDER BY id');

describe('NIK search', () => {
  it('is posted by the search box and answered in place: no URL, link or field of the page carries the NIK', async () => {
    const ref = await registerSelf('w');
    const c = requestClient(con.web);
    await c.login('budi');
    const queue = (await c.get('/queue?status=all')).html;
    expect(queue).toMatch(/<form class="filters card" method="post" action="\/queue"><input type="hidden" name="_csrf"/);
    for (const typed of [NIK_MALE, '6301 0117 0880 0003', '6301-0117-0880-0003']) {
      const res = await c.post('/queue', { q: typed, status: 'all', kecamatan: '' });
      expect(res.status).toBe(200);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain(`href="/registrations/${ref}"`);
      expect(html).toContain('Pencarian NIK: tidak masuk ke alamat halaman');
      // The only place the NIK appears is the search box itself (what the officer typed).
      const elsewhere = html.replace(`name="q" value="${typed}"`, '');
      expect(elsewhere).not.toContain(NIK_MALE);
      expect(elsewhere).not.toMatch(/6301[ -]?0117/);
      expect(html).not.toContain('/export?'); // no export link carrying the search
      expect(html).toContain('name="back" value="/queue?status=all"');
    }
    const budi = (await con.officers.byUsername('budi'))!.id;
    expect((await audit()).filter((a) => a.action === 'search_nik')).toEqual(
      Array.from({ length: 3 }, () => ({ officerId: budi, action: 'search_nik', registrationId: null, detail: '{"results":1}' })),
    );
    expect(JSON.stringify(await audit())).not.toContain('6301');
  });

  it('records a search that found nothing too', async () => {
    const c = requestClient(con.web);
    await c.login('budi');
    await c.get('/queue');
    const html = await (await c.post('/queue', { q: '6301011708800099' })).text();
    expect(html).toContain('Tidak ada pendaftaran.');
    expect((await audit()).filter((a) => a.action === 'search_nik').map((a) => a.detail)).toEqual(['{"results":0}']);
  });

  it('a name or reference search goes on to GET /queue with the filters (those may be in a URL)', async () => {
    const ref = await registerSelf('w');
    const c = requestClient(con.web);
    await c.login('budi');
    await c.get('/queue');
    const byName = await c.post('/queue', { q: 'budi', status: 'open', desa: '', group: '' });
    expect(byName.status).toBe(303);
    expect(byName.headers.get('location')).toBe('/queue?q=budi&status=open');
    expect((await c.get(byName.headers.get('location')!)).html).toContain(ref);
    expect((await c.post('/queue', { q: ref })).headers.get('location')).toBe(`/queue?q=${ref}`);
    expect((await c.post('/queue', { from: 'not a date' })).headers.get('location')).toBe('/queue?err=bad_filter');
    expect((await audit()).filter((a) => a.action === 'search_nik')).toEqual([]);
    // Without the form's CSRF token nothing is searched.
    expect((await c.post('/queue', { _csrf: 'forged', q: NIK_MALE })).status).toBe(403);
  });

  it('finds a registration by the phone number however it is typed, by POST, audited without the number', async () => {
    let out: string[] = [];
    for (const text of registrationScript({ phone: '0812 7733 4411', nik: NIK_FEMALE, birthDate: '17-05-1985', sex: '2' })) out = await h.say('p', text);
    const ref = /LD-\w{5}/.exec(out.join('\n'))![0];
    const other = await registerSelf('w'); // the example phone: not found by the other number
    const c = requestClient(con.web);
    await c.login('budi');
    await c.get('/queue?status=all');
    for (const typed of ['081277334411', '+62 812-7733-4411', '6281277334411']) {
      const res = await c.post('/queue', { q: typed, status: 'all' });
      expect(res.status).toBe(200);
      expect(res.headers.get('location')).toBeNull();
      const html = await res.text();
      expect(html).toContain(`href="/registrations/${ref}"`);
      expect(html).not.toContain(`href="/registrations/${other}"`);
      expect(html).toContain('Pencarian nomor HP: tidak masuk ke alamat halaman');
      expect(html.replace(`name="q" value="${typed}"`, '')).not.toMatch(/7733.?4411/);
      expect(html).not.toContain('/export?');
    }
    expect((await audit()).filter((a) => a.action === 'search_phone').map((a) => a.detail)).toEqual(['{"results":1}', '{"results":1}', '{"results":1}']);
    expect(JSON.stringify(await audit())).not.toMatch(/7733/);
    // A name search still goes on to GET /queue.
    expect((await c.post('/queue', { q: 'Budi', status: 'all' })).status).toBe(303);
  });
});
