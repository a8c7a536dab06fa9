// Issue 16: what each kind of officer sees when one deployment serves Kabupaten Banjar and Kabupaten
// Tanah Bumbu: an agency's officer (Dinas PMD) only their groups; the province's read-only officer
// both regencies, a combined dashboard against each regency's real preset target first, a regency
// filter on the queue and a "Kabupaten" column in exports; admins setting officers' scopes without
// granting more than their own; invites per regency; the settings read again without a restart.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/console/charts.js';
import { createTranslator } from '../../src/i18n.js';
import { loadProgrammeSettings, type ProgrammeSettings } from '../../src/settings.js';
import { client, filterAsync, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { seedRegistrations } from '../helpers/seed.js';
import { loginAdmin } from './second-factor-helpers.js';
import { BANJAR, MARK, startTwoRegencies, TANBU, textOf, type TwoRegencies } from './regencies-fixture.js';

const t = createTranslator()('id');
const BANJAR_PRESET = loadProgrammeSettings('data/regencies/banjar.json');
const TANBU_PRESET = loadProgrammeSettings('data/regencies/tanah-bumbu.json');

describe('two regencies in one database', () => {
  let f: TwoRegencies;
  beforeAll(async () => {
    f = await startTwoRegencies();
  }, 60_000);
  afterAll(() => cleanup(f.h));

  /** A row's status now (the tests before may have decided on it). */
  const statusOf = async (r: TwoRegencies['banjarRows'][number]) => (await f.h.runtime.store.registrations.record(r.reference))!.status;
  /** Rows the queue's "all" tab and the figures count: not erased, not the simulator's. */
  const live = (rows: TwoRegencies['banjarRows']) =>
    filterAsync(rows, async (r) => (await statusOf(r)) !== 'deleted' && (await f.h.runtime.store.registrations.record(r.reference))?.channel !== 'web');

  it("an agency's officer (Dinas PMD) sees only their groups: queue, details, export, dashboard; and decides on them", async () => {
    const pmd = await f.login('pmd');
    const { html } = await pmd.get('/queue?status=all&limit=200');
    const mine = (await live(f.banjarRows)).filter((r) => r.groupId === 'perangkat_desa');
    const others = f.banjarRows.filter((r) => r.groupId !== 'perangkat_desa');
    expect(mine.every((r) => html.includes(r.reference))).toBe(true);
    expect(others.filter((r) => html.includes(r.reference))).toEqual([]);
    expect(html).not.toContain(MARK);
    // The group filter offers their group only.
    expect(html).toContain('<option value="perangkat_desa"');
    expect(html).not.toContain('<option value="pekerja_rentan"');
    expect((await pmd.get(`/registrations/${f.refs.banjarRentan.reference}`)).res.status).toBe(404);
    expect((await pmd.get(`/registrations/${f.refs.banjarPmd.reference}`)).res.status).toBe(200);
    const csv = await (await pmd.fetch('/export?status=all&format=csv')).text();
    // (A withdrawal of consent waiting for an officer is never exported.)
    expect(mine.filter((r) => r.id !== f.refs.banjarWithdrawn.id).every((r) => csv.includes(r.reference))).toBe(true);
    expect(others.filter((r) => csv.includes(r.reference))).toEqual([]);
    const dash = (await pmd.get('/dashboard')).html;
    expect(textOf(dash, 'data-total="all"')).toContain(formatNumber(mine.length));
    expect(dash).toContain(`<title>${t('console.dashboard.title')} · Lindung</title>`);
    // Another group's registration is skipped in a bulk approval as missing; their own is approved.
    const before = (await f.h.runtime.store.registrations.record(f.refs.banjarRentan.reference))!.status;
    await pmd.post('/queue/approve', { ref: [f.refs.banjarRentan.reference, f.refs.banjarPmd.reference], confirm: '1' });
    expect((await f.h.runtime.store.registrations.record(f.refs.banjarRentan.reference))!.status).toBe(before);
    expect((await f.h.runtime.store.registrations.record(f.refs.banjarPmd.reference))!.status).toBe('approved');
    // Erased, a registration has no group left: the agency's officer goes back to the queue, told it is done.
    const other = (await filterAsync(mine, async (r) => r.id !== f.refs.banjarPmd.id && r.id !== f.refs.banjarWithdrawn.id && (await statusOf(r)) === 'submitted'))[0]!;
    await pmd.get(`/registrations/${other.reference}`);
    const erased = await pmd.post(`/registrations/${other.reference}/erase`, { reason: 'person_request', confirm: 'yes' });
    expect(erased.headers.get('location')).toBe('/queue?ok=erased');
    expect(await statusOf(other)).toBe('deleted');
    expect((await pmd.get('/queue?ok=erased')).html).toContain(t('console.flash.erased'));
  });

  it("the province's read-only officer gets the combined dashboard first: each regency against its own preset target, with a total", async () => {
    const prov = await f.login('prov');
    const { res, html } = await prov.get('/dashboard');
    expect(res.status).toBe(200);
    expect(html).toContain(`<title>${t('console.scope.combined_title')} · Lindung</title>`);
    const banjarRow = textOf(html, `data-regency="${BANJAR}"`);
    const tanbuRow = textOf(html, `data-regency="${TANBU}"`);
    expect(banjarRow).toContain('Kabupaten Banjar');
    expect(tanbuRow).toContain('Kabupaten Tanah Bumbu');
    // Banjar's preset: 15.000 by the end of 2025, 13.251 covered before Lindung plus its approved and registered pekerja rentan.
    expect(BANJAR_PRESET.coverageTarget!.count).toBe(15_000);
    const throughLindung = (await filterAsync(await live(f.banjarRows), async (r) => r.groupId === 'pekerja_rentan' && ['approved', 'registered'].includes(await statusOf(r)))).length;
    expect(banjarRow).toContain(`${formatNumber(BANJAR_PRESET.coverageTarget!.coveredBefore + throughLindung)} dari ${formatNumber(15_000)}`);
    // Tanah Bumbu's preset, as its file says (no target is reported: none is invented).
    if (TANBU_PRESET.coverageTarget) expect(tanbuRow).toContain(`dari ${formatNumber(TANBU_PRESET.coverageTarget.count)}`);
    else expect(tanbuRow).toContain('target belum diatur');
    // Open registrations of each, and their total.
    const open = async (rows: TwoRegencies['banjarRows']) => (await filterAsync(await live(rows), async (r) => ['submitted', 'needs_correction'].includes(await statusOf(r)))).length;
    expect(banjarRow).toContain(formatNumber(await open(f.banjarRows)));
    expect(textOf(html, 'data-regency="total"')).toContain(formatNumber((await open(f.banjarRows)) + (await open(f.tanbuRows))));
    // Each row leads to that regency's own dashboard, with its preset's target and "what to fill in".
    expect(html).toContain(`href="/dashboard?regency=${BANJAR}"`);
    const own = (await prov.get(`/dashboard?regency=${BANJAR}`)).html;
    expect(own).toContain('Dasbor Kabupaten Banjar');
    expect(textOf(own, 'data-figure="coverage"')).toContain(`dari ${formatNumber(15_000)}`);
    expect(own).toContain(t('console.unfilled.title'));
    expect(own).toContain('data/regencies/banjar.json');
    expect(own).toContain('href="/dashboard"');
    const tanbu = (await prov.get(`/dashboard?regency=${TANBU}`)).html;
    expect(tanbu).toContain('Dasbor Kabupaten Tanah Bumbu');
    if (!TANBU_PRESET.coverageTarget) expect(tanbu).toContain(t('console.dashboard.no_target'));
  });

  it('carries the combined rows into the monthly report and a download', async () => {
    const prov = await f.login('prov');
    const report = (await prov.get('/dashboard/report')).html;
    expect(textOf(report, `data-regency="${BANJAR}"`)).toContain(`dari ${formatNumber(15_000)}`);
    expect(report).toContain('Kabupaten Tanah Bumbu');
    expect(report).toContain(t('console.scope.combined_name', { n: 2 }));
    const one = (await prov.get(`/dashboard/report?regency=${TANBU}`)).html;
    expect(one).toContain('Kabupaten Tanah Bumbu');
    expect(one).toContain(`href="/dashboard/report?month=2026-10&amp;regency=${TANBU}"`);
    const res = await prov.fetch('/dashboard/export?format=csv');
    expect(res.headers.get('content-disposition')).toMatch(/lindung-kabupaten-2026-11-22\.csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Kabupaten,Kode,Tercakup,Target,Persen target,Pendaftaran terbuka,Perkiraan biaya per tahun (Rp),Anggaran per tahun (Rp),Persen anggaran,Dilaporkan (laporan publik),Pengaturan belum diisi');
    expect(lines[1]).toMatch(/^Kabupaten Banjar,63\.03,\d+,15000,/);
    expect(lines[2]).toMatch(/^Kabupaten Tanah Bumbu,63\.10,/);
    // Tanah Bumbu has no target; its reported figures travel in the download too.
    expect(lines[2]).toContain('8.146 pekerja desa');
    expect(lines[3]).toMatch(/^Jumlah,,/);
    const xlsx = await prov.fetch('/dashboard/export?format=xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(await dbOf(f.h).get("SELECT count(*) AS n FROM audit_log WHERE action = 'export_figures'")).toEqual({ n: 2 });
  });

  it('offers a regency filter on the queue and a "Kabupaten" column in the queue and exports to an officer who sees several', async () => {
    const budi = await f.login('budi');
    const all = (await budi.get('/queue?status=all&limit=200')).html;
    expect(all).toContain('<select name="regency">');
    expect(all).toContain('<th class="q-regency">Kabupaten</th>');
    expect(all).toContain('Kabupaten Tanah Bumbu');
    const one = (await budi.get(`/queue?status=all&limit=200&regency=${TANBU}`)).html;
    expect(f.banjarRows.filter((r) => one.includes(r.reference))).toEqual([]);
    expect((await live(f.tanbuRows)).every((r) => one.includes(r.reference))).toBe(true);
    // The links of a filtered page keep the regency.
    expect(one).toContain(`regency=${TANBU.replace('.', '.')}`);
    expect((await budi.post('/queue', { q: 'Bumbu', regency: TANBU })).headers.get('location')).toBe(`/queue?q=Bumbu&regency=${TANBU}`);
    const csv = (await (await budi.fetch('/export?status=all&format=csv')).text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]!.split(',').slice(0, 3)).toEqual(['Kode', 'Kabupaten', 'Status']);
    expect(csv.some((l) => l.includes(',Kabupaten Banjar,'))).toBe(true);
    expect(csv.some((l) => l.includes(',Kabupaten Tanah Bumbu,'))).toBe(true);
    const res = await budi.fetch(`/export?status=all&format=csv&regency=${BANJAR}`);
    expect(res.headers.get('content-disposition')).toContain(`lindung-${BANJAR}-all-`);
    const banjarOnly = await res.text();
    expect(banjarOnly).not.toContain(MARK);
    // Each row in its own regency's words: Tanah Bumbu's "Pekerja rentan desa" group.
    expect(csv.some((l) => l.includes('Pekerja rentan desa'))).toBe(true);
    const bpjs = (await (await budi.fetch('/export?status=all&format=xlsx&preset=bpjs')).arrayBuffer()).byteLength;
    expect(bpjs).toBeGreaterThan(1000);
  });

  it("a province's looking holds no regency officer back, and a province's export shows in each regency's audit", async () => {
    const prov = await f.login('prov');
    const banjar = await f.login('banjar');
    const ref = f.refs.banjarRentan.reference;
    await prov.get(`/registrations/${ref}`);
    // Not "opened by a colleague": "next" does not pass it by, and its page does not say so.
    expect((await banjar.get(`/registrations/${ref}`)).html).not.toContain('petugas prov');
    // Downloaded to the end: the export is audited once its last row is written.
    await (await prov.fetch('/export?status=all&format=csv')).text();
    for (const admin of ['banjaradmin', 'Bumbu_admin']) {
      const audit = (await (await f.login(admin)).get('/audit?action=export')).html;
      expect(audit).toMatch(/<td>prov<\/td><td>Mengekspor/);
    }
  });

  it('lists questions per regency with their regency, and the answer goes through for one of theirs', async () => {
    const budi = await f.login('budi');
    const page = (await budi.get('/questions')).html;
    expect(page).toContain('Kabupaten Tanah Bumbu');
    expect(page).toContain('Martapura: kapan kartu saya jadi?');
    const banjar = await f.login('banjar');
    await banjar.get('/questions');
    const res = await banjar.post(`/questions/${f.questions.banjar}/answer`, { answer: 'Bulan depan.' });
    expect(res.headers.get('location')).toBe('/questions?ok=answered');
    expect(await dbOf(f.h).get("SELECT regency FROM audit_log WHERE action = 'answer_question'")).toEqual({ regency: BANJAR });
  });

  it("makes invites in the chosen regency's desa; a regency's admin sees their own only", async () => {
    const ana = await f.login('ana');
    const page = (await ana.get(`/admin/invites?regency=${TANBU}`)).html;
    const desa = f.h.runtime.regencies.get(TANBU).areas[1]!.desa[0]!;
    expect(page).toContain(`<option value="${desa}">`);
    expect(page).not.toContain(`<option value="${BANJAR_PRESET.areas[0]!.desa[0]}">`);
    const res = await ana.post('/admin/invites', { regency: TANBU, desa, role: 'kader', days: '14' });
    expect(res.headers.get('location')).toBe(`/admin/invites?ok=invite_created&regency=${TANBU}`);
    const made = (await dbOf(f.h).get<{ code: string; regency: string; desa: string }>("SELECT code, regency, desa FROM cadre_invites WHERE created_by = 'ana'"))!;
    expect(made).toMatchObject({ regency: TANBU, desa });
    expect(await dbOf(f.h).get("SELECT regency FROM audit_log WHERE action = 'create_invite' AND detail LIKE ?", [`%${made.code}%`])).toEqual({ regency: TANBU });
    // A Banjar desa is not Tanah Bumbu's, however alike the names.
    expect((await ana.post('/admin/invites', { regency: TANBU, desa: BANJAR_PRESET.areas[0]!.desa[0]!, role: 'kader' })).headers.get('location')).toBe('/admin/invites?err=invite_invalid');
    const banjarAdmin = await f.login('banjaradmin');
    const theirs = (await banjarAdmin.get('/admin/invites')).html;
    expect(theirs).not.toContain(made.code);
    expect(theirs).not.toContain('name="regency"');
  });

  it("lets a deployment-wide admin set an officer's regency, agency groups and read-only, audited; the officer's view follows at once", async () => {
    const ana = await f.login('ana');
    const list = (await ana.get('/admin/officers')).html;
    expect(textOf(list, 'data-scope="pmd"')).toContain('Kabupaten Banjar · Perangkat desa');
    expect(textOf(list, 'data-scope="prov"')).toContain('Semua kabupaten · hanya melihat');
    const banjar = f.officers.banjar;
    const form = (await ana.get(`/admin/officers/${banjar.id}/scope?regency=${BANJAR}`)).html;
    // The regency's groups, with the agency that reviews each.
    expect(form).toContain('value="pekerja_rentan"');
    expect(form).toContain('(Disnakertrans)');
    expect(form).toContain('(Dinas PMD)');
    const res = await ana.post(`/admin/officers/${banjar.id}/scope`, { regency: BANJAR, group: ['pekerja_rentan'] });
    expect(res.headers.get('location')).toBe('/admin/officers?ok=scope_saved');
    expect(await f.h.runtime.store.officers.byId(banjar.id)).toMatchObject({ regency: BANJAR, groups: ['pekerja_rentan'], readOnly: false });
    const entry = (await dbOf(f.h).get<{ regency: string; detail: string }>("SELECT regency, detail FROM audit_log WHERE action = 'set_officer_scope' ORDER BY id DESC"))!;
    expect(entry.regency).toBe(BANJAR);
    expect(JSON.parse(entry.detail)).toMatchObject({ username: 'banjar', groups: ['pekerja_rentan'], before: { regency: BANJAR, groups: null } });
    // Banjar's admin reads it in their audit, in words.
    const audit = (await (await f.login('banjaradmin')).get('/audit?action=set_officer_scope')).html;
    expect(audit).toContain('Mengatur lingkup kerja petugas');
    expect(audit).toContain('petugas banjar; Kabupaten Banjar; Pekerja rentan');
    const officer = await f.login('banjar');
    const queue = (await officer.get('/queue?status=all&limit=200')).html;
    expect(f.banjarRows.filter((r) => r.groupId === 'perangkat_desa' && queue.includes(r.reference))).toEqual([]);
    // Groups of another regency, an unknown regency, one's own scope: refused.
    const scope = `/admin/officers/${banjar.id}/scope`;
    expect((await ana.post(scope, { regency: BANJAR, group: ['kader'] })).headers.get('location')).toBe(`${scope}?err=scope_invalid`);
    expect((await ana.post(scope, { regency: '99.99' })).headers.get('location')).toBe(`${scope}?err=scope_invalid`);
    expect((await ana.post(`/admin/officers/${(await f.h.runtime.store.officers.byUsername('ana'))!.id}/scope`, { regency: BANJAR })).headers.get('location')).toBe('/admin/officers?err=scope_self');
    // Back to every group of Banjar.
    await ana.post(scope, { regency: BANJAR });
    expect(await f.h.runtime.store.officers.byId(banjar.id)).toMatchObject({ regency: BANJAR, groups: null });
  });

  it("adds officers: a deployment-wide admin picks the regency; a regency's admin adds to their own only, and never beyond their groups", async () => {
    const ana = await f.login('ana');
    await ana.get('/admin/officers');
    await ana.post('/admin/officers', { username: 'cabang', role: 'officer', password: 'p'.repeat(12), regency: TANBU, read_only: '1' });
    expect(await f.h.runtime.store.officers.byUsername('cabang')).toMatchObject({ regency: TANBU, groups: null, readOnly: true });
    const admin = await f.login('banjaradmin');
    const page = (await admin.get('/admin/officers')).html;
    expect(page).not.toContain('<select name="regency">');
    await admin.post('/admin/officers', { username: 'martapura2', role: 'officer', password: 'p'.repeat(12) });
    expect(await f.h.runtime.store.officers.byUsername('martapura2')).toMatchObject({ regency: BANJAR, groups: null, readOnly: false });
    // Banjar's admin narrows one of theirs to Dinas PMD's group; Tanah Bumbu's groups are not offered.
    const id = (await f.h.runtime.store.officers.byUsername('martapura2'))!.id;
    const form = (await admin.get(`/admin/officers/${id}/scope`)).html;
    expect(form).toContain('value="perangkat_desa"');
    expect(form).not.toContain('value="pekerja_rentan_desa"');
    expect((await admin.post(`/admin/officers/${id}/scope`, { regency: BANJAR, group: ['perangkat_desa'] })).headers.get('location')).toBe('/admin/officers?ok=scope_saved');
    expect(await f.h.runtime.store.officers.byId(id)).toMatchObject({ regency: BANJAR, groups: ['perangkat_desa'] });
  });
});

describe('reading the settings files again, without a restart', () => {
  let h: Harness;
  let dir: string;
  afterEach(async () => {
    await cleanup(h);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows which regencies changed (and every page reads them at once), or every error, keeping the settings in use; audited; deployment-wide admins only', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lindung-settings-'));
    const banjarFile = join(dir, 'banjar.json');
    const tanbuFile = join(dir, 'tanah-bumbu.json');
    copyFileSync('data/regencies/banjar.json', banjarFile);
    copyFileSync('data/regencies/tanah-bumbu.json', tanbuFile);
    h = await startHarness({ env: { PROGRAMME_SETTINGS_PATH: `${banjarFile},${tanbuFile}` } });
    const { web } = await startConsole(h);
    const settings = h.runtime.regencies.get(BANJAR);
    const [row] = (await seedRegistrations(h, 1, { settings, cipher: h.runtime.store.cipher, statusWeights: { submitted: 1, needs_correction: 0, approved: 0, registered: 0, rejected: 0, deleted: 0 }, tweak: (d) => void (d.groupId = 'pekerja_rentan') })).rows;
    const ana = client(web);
    await loginAdmin(ana, 'ana', h.clock.now);
    const page = (await ana.get('/admin/regencies')).html;
    expect(page).toContain(banjarFile);
    expect(page).toContain('Kabupaten Tanah Bumbu');
    expect((await ana.get(`/registrations/${row!.reference}`)).html).toContain('Pekerja rentan');
    expect((await ana.get(`/dashboard?regency=${BANJAR}`)).html).toContain(t('console.unfilled.office.phone'));

    // Banjar fills in its office phone and renames a group.
    const edited = JSON.parse(readFileSync(banjarFile, 'utf8')) as ProgrammeSettings & { notStated: string[] };
    edited.office.phone = '0511-4721234';
    edited.notStated = edited.notStated.filter((p) => p !== 'office.phone');
    edited.groups.find((g) => g.id === 'pekerja_rentan')!.label.id = 'Pekerja rentan (BPU)';
    writeFileSync(banjarFile, JSON.stringify(edited));
    const res = await ana.post('/admin/regencies/reload', {});
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Berubah: Kabupaten Banjar.');
    expect((await ana.get(`/registrations/${row!.reference}`)).html).toContain('Pekerja rentan (BPU)');
    expect((await ana.get(`/dashboard?regency=${BANJAR}`)).html).not.toContain(t('console.unfilled.office.phone'));

    // A broken file: every problem shown, nothing changes.
    writeFileSync(tanbuFile, '{ "regency": ');
    const failed = await ana.post('/admin/regencies/reload', {});
    expect(failed.status).toBe(422);
    const body = await failed.text();
    expect(body).toContain(t('console.scope.reload_failed'));
    expect(body).toContain(tanbuFile);
    expect(h.runtime.regencies.get(TANBU).regency.name).toBe('Kabupaten Tanah Bumbu');
    expect(h.runtime.regencies.get(BANJAR).office.phone).toBe('0511-4721234');
    const audited = await dbOf(h).all<{ detail: string; regency: string | null }>("SELECT detail, regency FROM audit_log WHERE action = 'reload_settings' ORDER BY id");
    expect(audited.map((a) => JSON.parse(a.detail))).toEqual([{ ok: true, changed: [BANJAR] }, { ok: false, changed: [], errors: 1 }]);
    const words = (await ana.get('/audit?action=reload_settings')).html;
    expect(words).toContain('berubah: Kabupaten Banjar');
    expect(words).toContain('gagal: 1 kesalahan');
  });
});

describe('a one-regency deployment', () => {
  let h: Harness;
  afterEach(() => cleanup(h));

  it('looks as it did: no regency filter, column or combined view, and an officer of its regency sees what one of every regency sees', async () => {
    h = await startHarness();
    const { web } = await startConsole(h);
    const key = h.runtime.regencies.default.key;
    await seedRegistrations(h, 30, { cipher: h.runtime.store.cipher });
    await h.runtime.store.officers.add({ username: 'citra', passwordHash: (await h.runtime.store.officers.credentials('budi'))!.passwordHash, role: 'officer', now: h.clock.now, scope: { regency: key } });
    const pages: Record<string, string[]> = {};
    for (const name of ['budi', 'citra']) {
      const c = client(web);
      await c.login(name);
      pages[name] = [];
      for (const path of ['/queue?status=all&limit=200', '/dashboard', '/dashboard/report', '/questions']) {
        const { res, html } = await c.get(path);
        expect(res.status).toBe(200);
        expect(html).not.toContain('name="regency"');
        expect(html).not.toContain('q-regency');
        expect(html).not.toContain(t('console.scope.combined_title'));
        pages[name]!.push(html.replace(/value="[^"]{20,}"/g, '').replace(/budi|citra/g, 'X'));
      }
      const csv = await (await c.fetch('/export?status=all&format=csv')).text();
      expect(csv.split('\r\n')[0]).not.toContain('Kabupaten');
      expect((await c.get('/dashboard')).html).toContain(`<title>${t('console.dashboard.title')} · Lindung</title>`);
    }
    expect(pages.citra).toEqual(pages.budi);
  });
});
