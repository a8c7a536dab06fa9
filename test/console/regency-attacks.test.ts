// What an attack review of the console's regency scopes found (issue 16), each fixed and kept so:
// the office's copy of a person's data holds only what the office may see; the deployment's
// WhatsApp link is the deployment-wide admins'; no admin grants themself the full-NIK export; an
// agency's admin reads no audit entry about another group's registrations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbOf } from '../helpers/db.js';
import { cleanup } from '../helpers/harness.js';
import { MARK, startTwoRegencies, type TwoRegencies } from './regencies-fixture.js';

let f: TwoRegencies;
beforeAll(async () => {
  f = await startTwoRegencies();
}, 60_000);
afterAll(() => cleanup(f.h));

describe('regency scopes under attack', () => {
  it("the office copy of a person with registrations in two regencies (and two groups) holds only the officer's, and notes the copy only there", async () => {
    const db = dbOf(f.h);
    const mine = f.refs.banjarPmd;
    // The same person also registered in Tanah Bumbu and, in Banjar, in a group Dinas PMD does not review.
    await db.run('UPDATE registrations SET applicant_id = ? WHERE id IN (?, ?)', [mine.applicantId, f.refs.tanbuSubmitted.id, f.refs.banjarRentan.id]);
    const events = (id: number) => db.count("SELECT count(*) AS n FROM registration_events WHERE registration_id = ? AND action = 'access_copy'", [id]);
    const before = { tanbu: await events(f.refs.tanbuSubmitted.id), rentan: await events(f.refs.banjarRentan.id) };

    const banjar = await f.login('banjar');
    const res = await banjar.post(`/registrations/${mine.reference}/access-copy`, {});
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain(mine.reference);
    expect(html).toContain(f.refs.banjarRentan.reference);
    expect(html).not.toContain(f.refs.tanbuSubmitted.reference);
    expect(html).not.toContain(MARK);

    const pmd = await f.login('pmd');
    const agency = await (await pmd.post(`/registrations/${mine.reference}/access-copy`, {})).text();
    expect(agency).toContain(mine.reference);
    expect(agency).not.toContain(f.refs.banjarRentan.reference);
    expect(agency).not.toContain(f.refs.tanbuSubmitted.reference);

    expect(await events(f.refs.tanbuSubmitted.id)).toBe(before.tanbu);
    expect(await events(f.refs.banjarRentan.id)).toBe(before.rentan + 1);
    expect(await db.get("SELECT count(*) AS n FROM audit_log WHERE action = 'access_copy' AND registration_id = ?", [f.refs.tanbuSubmitted.id])).toEqual({ n: 0 });
  });

  it("the WhatsApp link page is refused to a regency's admin and to a read-only admin", async () => {
    for (const name of ['banjaradmin', 'provadmin']) {
      const c = await f.login(name);
      const { res, html } = await c.get('/admin/whatsapp');
      expect(res.status).toBe(403);
      // No QR element or drawing (a bare 'qr' could be part of the page's random form token).
      expect(html).not.toMatch(/class="qr"|<svg/);
    }
  });

  it('an admin cannot grant themself the full-NIK export', async () => {
    const c = await f.login('banjaradmin');
    const id = f.officers.banjaradmin.id;
    const res = await c.post(`/admin/officers/${id}/export-nik`, { allow: '1' });
    expect(res.headers.get('location')).toBe('/admin/officers?err=officer_self');
    expect((await f.h.runtime.store.officers.byId(id))?.exportNik).toBe(false);
  });

  it("an agency's admin reads no export or officer entry outside their groups", async () => {
    const { store } = f.h.runtime;
    const now = f.h.clock.now;
    // A Banjar officer's export of a pekerja rentan registration, and a grant to a Banjar officer outside the agency.
    await store.officers.auditExport({ officerId: f.officers.banjar.id, detail: { format: 'csv', rows: 1, search: 'RentanOnly' }, registrationIds: [f.refs.banjarRentan.id], now, regency: '63.03' });
    await store.officers.audit({ officerId: f.officers.banjaradmin.id, action: 'grant_export_nik', detail: { officer: 'banjar' }, regency: '63.03', now });
    // The agency's own officer's export of a village official's registration is theirs to read.
    await store.officers.auditExport({ officerId: f.officers.pmd.id, detail: { format: 'csv', rows: 1, search: 'PmdOwn' }, registrationIds: [f.refs.banjarPmd.id], now, regency: '63.03' });
    const pmdadmin = f.officers.pmd;
    expect(pmdadmin.groups).not.toBeNull();
    const filter = { limit: 200, regencies: ['63.03'], groups: pmdadmin.groups!, groupOfficers: [pmdadmin.id] };
    const text = JSON.stringify((await store.officers.auditSearch(filter)).entries);
    expect(text).toContain('PmdOwn');
    expect(text).not.toContain('RentanOnly');
    expect(text).not.toContain('grant_export_nik');
  });
});
