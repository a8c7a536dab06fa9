// Issue 16: officers scoped per regency. Every route the console has is listed here with how it is
// scoped; a route added without a line here fails the first test. With two real regencies in one
// database, an officer of Kabupaten Banjar cannot see or act on Kabupaten Tanah Bumbu's
// registrations, questions, invites, exports, audit or dashboard (status and body checked, and the
// database unchanged after a refused action); a province's read-only officer is refused every change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERASE_REASONS, KEEP_REASONS } from '../../src/app/officer-erasure.js';
import { REJECT_REASONS } from '../../src/domain/reject-reasons.js';
import { createTranslator } from '../../src/i18n.js';
import { PASSWORD } from '../helpers/console.js';
import { cleanup } from '../helpers/harness.js';
import { BANJAR, MARK, startTwoRegencies, TANBU, type Client, type TwoRegencies } from './regencies-fixture.js';

const t = createTranslator()('id');
let f: TwoRegencies;
/** Banjar's officer and admin; the province's read-only officer and admin. */
let banjar: Client;
let banjarAdmin: Client;
let prov: Client;
let provAdmin: Client;

beforeAll(async () => {
  f = await startTwoRegencies();
  banjar = await f.login('banjar');
  banjarAdmin = await f.login('banjaradmin');
  prov = await f.login('prov');
  provAdmin = await f.login('provadmin');
}, 120_000);
afterAll(() => cleanup(f.h));

const tRef = () => f.refs.tanbuSubmitted.reference;
const bRef = () => f.refs.banjarRentan.reference;

/** Nothing of Tanah Bumbu on the page: no name, question, invite or officer of it, none of its references. */
function expectHidden(body: string, opts: { refs?: boolean } = {}) {
  expect(body).not.toContain(MARK);
  expect(body).not.toContain(MARK.toUpperCase());
  if (opts.refs !== false) expect(f.tanbuRows.filter((r) => body.includes(r.reference)).map((r) => r.reference)).toEqual([]);
}

/** A request that must change nothing: the database is the same after it. */
async function unchanged<R>(request: () => Promise<R>): Promise<R> {
  const before = await f.snapshot();
  const out = await request();
  expect(await f.snapshot()).toBe(before);
  return out;
}

/** A GET answered as for something that does not exist: 404, `text`, nothing of Tanah Bumbu, nothing written. */
async function get404(c: Client, path: string, text = t('console.not_found')) {
  const { res, html } = await unchanged(() => c.get(path));
  expect({ path, status: res.status }).toEqual({ path, status: 404 });
  expect(html).toContain(text);
  expectHidden(html);
}

/** A POST answered as for something that does not exist (404), refused before anything changed. */
async function post404(c: Client, path: string, form: Record<string, string | string[]> = {}, text = t('console.not_found')) {
  const res = await unchanged(() => c.post(path, form));
  const body = await res.text();
  expect({ path, status: res.status }).toEqual({ path, status: 404 });
  expect(body).toContain(text);
  expectHidden(body);
}

/** A POST refused with a redirect back (a flash), nothing changed. */
async function postRefused(c: Client, path: string, form: Record<string, string | string[]>, location: string) {
  const res = await unchanged(() => c.post(path, form));
  expect({ path, status: res.status, location: res.headers.get('location') }).toEqual({ path, status: 303, location });
}

/** How one route is scoped: a probe with Banjar's officer on Tanah Bumbu's things, or why it needs none. */
interface RouteCase {
  /** Touches no regency's data: why. */
  none?: string;
  probe?: () => Promise<void>;
}

const decisions: Record<string, Record<string, string | string[]>> = {
  approve: {},
  reject: { reason: REJECT_REASONS[0]!, confirm: 'yes' },
  correction: { field: 'fullName', note: 'Nama salah' },
  undo: {},
};

const ROUTES: Record<string, RouteCase> = {
  'GET /static/console.css': { none: 'the stylesheet' },
  'GET /static/console.js': { none: 'a script' },
  'GET /static/queue.js': { none: 'a script' },
  'GET /healthz': { none: 'monitoring, no data' },
  'GET /readyz': { none: 'monitoring: channels and database state' },
  'GET /metrics': { none: "monitoring: the deployment's counters, for its operator (token or this machine only)" },
  'GET /login': { none: 'logging in' },
  'POST /login': { none: 'logging in' },
  'POST /logout': { none: 'logging out' },
  'GET /login/verify': { none: 'logging in (second factor)' },
  'POST /login/verify': { none: 'logging in (second factor)' },
  'GET /': { none: 'a redirect to the queue' },
  'GET /account': { none: "the officer's own account" },
  'GET /account/2fa': { none: "the officer's own second factor" },
  'POST /account/2fa': { none: "the officer's own second factor" },
  'GET /account/password': { none: "the officer's own password" },
  'POST /account/password': { none: "the officer's own password" },
  'GET /admin/whatsapp': {
    // The deployment's one number: its link QR would link every regency's chats to the phone that scans it.
    probe: async () => {
      const { res } = await unchanged(() => banjarAdmin.get('/admin/whatsapp'));
      expect(res.status).toBe(403);
    },
  },
  'POST /simulator': { none: "the officer's own test conversation (its registrations are listed by GET /simulator)" },
  'POST /simulator/reset': { none: "the officer's own test conversation" },

  'GET /queue': {
    probe: async () => {
      const { res, html } = await banjar.get('/queue?status=all&limit=200');
      expect(res.status).toBe(200);
      expectHidden(html);
      expect(html).toContain(bRef());
      // One regency in scope: no regency filter, no regency column.
      expect(html).not.toContain('name="regency"');
      const other = await banjar.get(`/queue?status=all&regency=${TANBU}`);
      expect(other.html).toContain(t('console.flash.bad_filter'));
      expectHidden(other.html);
      // Its code searched for finds nothing (the page shows only the code typed).
      const search = await banjar.get(`/queue?q=${tRef()}`);
      expectHidden(search.html, { refs: false });
      expect(search.html).toContain(t('console.queue.total', { total: 0 }));
      expectHidden((await banjar.get('/queue?status=all&test=only')).html);
    },
  },
  'POST /queue': {
    probe: async () => {
      // A NIK search is answered on the spot: Tanah Bumbu's NIK finds nothing.
      const res = await banjar.post('/queue', { q: f.refs.tanbuSubmitted.nik! });
      expect(res.status).toBe(200);
      const body = await res.text();
      expectHidden(body);
      expect(body).toContain(t('console.queue.total', { total: 0 }));
      const byRef = await banjar.post('/queue', { q: tRef() });
      expect(byRef.status).toBe(303);
      const found = (await banjar.get(byRef.headers.get('location')!)).html;
      expectHidden(found, { refs: false });
      expect(found).toContain(t('console.queue.total', { total: 0 }));
      expect((await banjar.post('/queue', { q: 'x', regency: TANBU })).headers.get('location')).toBe('/queue?err=bad_filter');
    },
  },
  'POST /queue/approve': {
    probe: async () => {
      // Skipped as missing, never approved; the page shows the code typed and nothing else of it.
      const page = await unchanged(() => banjar.post('/queue/approve', { ref: [tRef(), bRef()] }));
      const html = await page.text();
      expectHidden(html, { refs: false });
      expect(html).toContain(t('console.queue.bulk.reason_missing'));
      await unchanged(() => banjar.post('/queue/approve', { ref: tRef(), confirm: '1' }));
    },
  },
  'POST /queue/undo': { probe: async () => void (await unchanged(() => banjar.post('/queue/undo', { ref: tRef() }))) },
  'GET /registrations/:ref': {
    probe: async () => {
      await get404(banjar, `/registrations/${tRef()}`);
      // Exactly as for a code that does not exist.
      const unknown = await banjar.get('/registrations/LD-QQQQQ');
      const other = await banjar.get(`/registrations/${tRef()}`);
      expect(other.html.replace(/value="[^"]+"/g, '')).toBe(unknown.html.replace(/value="[^"]+"/g, ''));
      // A notice of another regency's decision tells nothing either.
      const { res, html } = await banjar.get(`/registrations/${bRef()}?done=${tRef()}`);
      expect(res.status).toBe(200);
      expectHidden(html);
    },
  },
  'POST /registrations/:ref/reveal': { probe: () => post404(banjar, `/registrations/${tRef()}/reveal`) },
  'GET /registrations/:ref/next': {
    probe: async () => {
      for (let i = 0; i < 3; i++) {
        const res = await unchanged(() => banjar.fetch(`/registrations/${tRef()}/next`));
        const to = res.headers.get('location') ?? '';
        expect(f.tanbuRows.some((r) => to.includes(r.reference) && !to.includes('ok=none_waiting'))).toBe(false);
        expect(f.banjarRows.some((r) => to === `/registrations/${r.reference}`)).toBe(true);
      }
    },
  },
  'POST /registrations/:ref/approve': { probe: () => post404(banjar, `/registrations/${tRef()}/approve`, decisions.approve) },
  'POST /registrations/:ref/reject': { probe: () => post404(banjar, `/registrations/${tRef()}/reject`, decisions.reject) },
  'POST /registrations/:ref/correction': { probe: () => post404(banjar, `/registrations/${tRef()}/correction`, decisions.correction) },
  'POST /registrations/:ref/kpj': { probe: () => post404(banjar, `/registrations/${f.refs.tanbuApproved.reference}/kpj`, { kpj: '12345678901' }) },
  'POST /registrations/:ref/undo': { probe: () => post404(banjar, `/registrations/${tRef()}/undo`) },
  'POST /registrations/:ref/erase': { probe: () => post404(banjar, `/registrations/${tRef()}/erase`, { reason: ERASE_REASONS[0]!, confirm: 'yes' }) },
  'POST /registrations/:ref/keep': {
    probe: () => post404(banjar, `/registrations/${f.refs.tanbuWithdrawn.reference}/keep`, { reason: KEEP_REASONS[0]!, note: 'Perlu untuk audit BPJS' }),
  },
  'GET /registrations/:ref/access-copy': { probe: () => get404(banjar, `/registrations/${tRef()}/access-copy`) },
  'POST /registrations/:ref/access-copy': { probe: () => post404(banjar, `/registrations/${tRef()}/access-copy`) },
  'GET /export': {
    probe: async () => {
      const res = await banjar.fetch('/export?status=all&format=csv');
      expect(res.status).toBe(200);
      const csv = await res.text();
      expectHidden(csv);
      expect(csv).toContain(bRef());
      expect(csv.split('\r\n')[0]).not.toContain('Kabupaten');
      expect((await banjar.fetch(`/export?status=all&regency=${TANBU}`)).headers.get('location')).toBe('/queue?err=bad_filter');
    },
  },
  'GET /export/full': { probe: async () => void expect((await banjar.fetch(`/export/full?status=all&regency=${TANBU}`)).headers.get('location')).toBe('/queue?err=bad_filter') },
  'POST /export/full': {
    probe: async () => {
      await banjar.get('/export/full?status=all');
      const res = await banjar.post('/export/full', { query: 'status=all', format: 'csv', password: PASSWORD });
      expect(res.status).toBe(200);
      const csv = await res.text();
      expectHidden(csv);
      expect(csv).toContain(f.refs.banjarRentan.nik!);
      expect((await banjar.post('/export/full', { query: `status=all&regency=${TANBU}`, format: 'csv', password: PASSWORD })).headers.get('location')).toBe('/queue?err=bad_filter');
    },
  },
  'GET /dashboard': {
    probe: async () => {
      const { res, html } = await banjar.get('/dashboard');
      expect(res.status).toBe(200);
      expectHidden(html);
      // One regency: its own dashboard, as a one-regency deployment's.
      expect(html).toContain(`<title>${t('console.dashboard.title')} · Lindung</title>`);
      await get404(banjar, `/dashboard?regency=${TANBU}`, t('console.scope.regency_not_found'));
    },
  },
  'GET /dashboard/report': {
    probe: async () => {
      const { html } = await banjar.get('/dashboard/report');
      expectHidden(html);
      expect(html).toContain('Kabupaten Banjar');
      await get404(banjar, `/dashboard/report?regency=${TANBU}`, t('console.scope.regency_not_found'));
    },
  },
  'GET /dashboard/export': {
    probe: async () => {
      const csv = await (await banjar.fetch('/dashboard/export?format=csv')).text();
      expectHidden(csv);
      expect(csv).toContain('Kabupaten Banjar');
      expect(csv).toContain(BANJAR);
    },
  },
  'GET /simulator': { probe: async () => expectHidden((await banjar.get('/simulator')).html) },
  'GET /questions': {
    probe: async () => {
      const { html } = await banjar.get('/questions');
      expectHidden(html);
      expect(html).toContain('Martapura: kapan kartu saya jadi?');
    },
  },
  'POST /questions/teach': {
    probe: async () => {
      // The bot is every regency's: a regency's officer does not teach it.
      const res = await unchanged(() => banjar.post('/questions/teach', { text: 'brp iuran', topic: '-' }));
      expect(res.status).toBe(403);
      expect(await res.text()).toContain(t('console.scope.teach_wide_only'));
    },
  },
  'POST /questions/forget': { probe: async () => void expect((await unchanged(() => banjar.post('/questions/forget', { key: 'brp iuran' }))).status).toBe(403) },
  'POST /questions/:id/answer': { probe: () => post404(banjar, `/questions/${f.questions.tanbu}/answer`, { answer: 'Ya, bisa.' }, t('console.scope.question_not_found')) },
  'GET /admin/officers': {
    probe: async () => {
      const { html } = await banjarAdmin.get('/admin/officers');
      expectHidden(html);
      expect(html).toContain('data-officer="pmd"');
      // Neither the deployment's officers: they are not Banjar's to manage.
      expect(html).not.toContain('data-officer="prov"');
    },
  },
  'POST /admin/officers': {
    probe: async () => {
      await banjarAdmin.get('/admin/officers');
      await postRefused(banjarAdmin, '/admin/officers', { username: 'eve', role: 'officer', password: 'p'.repeat(12), regency: TANBU }, '/admin/officers?err=scope_wider');
    },
  },
  'GET /admin/officers/:id/scope': { probe: () => get404(banjarAdmin, `/admin/officers/${f.officers.bumbu_officer.id}/scope`, t('console.scope.officer_not_found')) },
  'POST /admin/officers/:id/scope': {
    probe: async () => {
      await post404(banjarAdmin, `/admin/officers/${f.officers.bumbu_officer.id}/scope`, { regency: BANJAR }, t('console.scope.officer_not_found'));
      // Their own officer, given another regency or every regency: wider than theirs.
      const pmd = `/admin/officers/${f.officers.pmd.id}/scope`;
      await postRefused(banjarAdmin, pmd, { regency: TANBU }, `${pmd}?err=scope_wider`);
      await postRefused(banjarAdmin, pmd, { regency: '' }, `${pmd}?err=scope_wider`);
    },
  },
  ...Object.fromEntries(
    ['disable', 'enable', 'password', 'reset-2fa', 'export-nik'].map((action) => [
      `POST /admin/officers/:id/${action}`,
      { probe: () => post404(banjarAdmin, `/admin/officers/${f.officers.bumbu_officer.id}/${action}`, { password: 'p'.repeat(12), allow: '1' }, t('console.scope.officer_not_found')) },
    ]),
  ),
  'GET /admin/regencies': {
    probe: async () => {
      const { res, html } = await unchanged(() => banjarAdmin.get('/admin/regencies'));
      expect(res.status).toBe(403);
      expect(html).toContain(t('console.scope.wide_only'));
    },
  },
  'POST /admin/regencies/reload': { probe: async () => void expect((await unchanged(() => banjarAdmin.post('/admin/regencies/reload', {}))).status).toBe(403) },
  'GET /admin/invites': {
    probe: async () => {
      const { html } = await banjarAdmin.get(`/admin/invites?regency=${TANBU}`);
      expectHidden(html);
      expect(html).toContain(f.invites.banjar);
    },
  },
  'POST /admin/invites': {
    probe: async () => {
      await banjarAdmin.get('/admin/invites');
      const desa = f.h.runtime.regencies.get(TANBU).areas[0]!.desa[0]!;
      await postRefused(banjarAdmin, '/admin/invites', { regency: TANBU, desa, role: 'kader', days: '14' }, '/admin/invites?err=invite_invalid');
    },
  },
  'POST /admin/invites/:code/revoke': { probe: () => post404(banjarAdmin, `/admin/invites/${f.invites.tanbu}/revoke`, {}, t('console.scope.invite_not_found')) },
  'GET /audit': {
    probe: async () => {
      const { html } = await banjarAdmin.get('/audit?action=all');
      expectHidden(html);
      const theirs = await banjarAdmin.get(`/audit?action=all&officer=${f.officers.bumbu_officer.id}`);
      expect(theirs.html).toContain(t('console.audit.empty'));
    },
  },
};

/** The console's routes as Hono registered them (middleware aside). */
const registered = () => [...new Set(f.web.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort();

describe('every console route is scoped', () => {
  it('lists every route the console serves, and no other (a new route needs its line here)', () => {
    expect(registered()).toEqual(Object.keys(ROUTES).sort());
    for (const [key, c] of Object.entries(ROUTES)) expect({ key, classified: Boolean(c.none) !== Boolean(c.probe) }).toEqual({ key, classified: true });
  });

  it.each(Object.entries(ROUTES).filter(([, c]) => c.probe))("%s: Banjar's officer cannot see or act on Tanah Bumbu's", async (_key, c) => {
    await c.probe!();
  });
});

/** What a read-only officer may still post (scope.tsx READ_ONLY_MAY_POST): none of it changes a registration. */
const READ_ONLY_MAY_POST = ['POST /login', 'POST /login/verify', 'POST /logout', 'POST /account/2fa', 'POST /account/password', 'POST /queue', 'POST /export/full', 'POST /registrations/:ref/reveal'];

/** A route's path with its parameters filled with Banjar's things (in the province's scope). */
function filled(path: string): string {
  return path
    .replace(':ref', f.refs.banjarWithdrawn.reference)
    .replace(':code', f.invites.banjar)
    .replace(':id', path.startsWith('/questions') ? String(f.questions.banjar) : String(f.officers.pmd.id));
}

describe("the province's read-only role", () => {
  it('is refused every change with a 403 page in words, and nothing changes (every POST route but its own account, searches and exports)', async () => {
    const changes = registered().filter((k) => k.startsWith('POST ') && !READ_ONLY_MAY_POST.includes(k));
    expect(changes.length).toBeGreaterThan(20);
    for (const c of [prov, provAdmin]) {
      await c.get('/queue');
      for (const key of changes) {
        const path = filled(key.slice(5));
        const form = { reason: REJECT_REASONS[0]!, confirm: 'yes', kpj: '12345678901', field: 'fullName', note: 'x', answer: 'x', text: 'x', topic: '-', desa: 'x', role: 'kader', password: 'p'.repeat(12) };
        const res = await unchanged(() => c.post(path, form));
        expect({ key, status: res.status }).toEqual({ key, status: 403 });
        expect(await res.text()).toContain(t('console.scope.read_only').slice(0, 40));
      }
    }
  });

  it('sees both regencies, never a decision button, and may still search, reveal a NIK (audited) and export', async () => {
    const { html } = await prov.get('/queue?status=all&limit=200');
    expect(html).toContain(MARK);
    expect(html).toContain('Martapura');
    expect(html).not.toContain('name="ref"');
    expect(html).not.toContain(t('console.queue.approve_selected'));
    for (const ref of [bRef(), tRef()]) {
      const page = await prov.get(`/registrations/${ref}`);
      expect(page.res.status).toBe(200);
      expect(page.html).not.toContain(`/registrations/${ref}/approve"`);
      expect(page.html).not.toContain(`/registrations/${ref}/erase"`);
      expect(page.html).not.toContain(`/registrations/${ref}/access-copy"`);
    }
    expect((await prov.post('/queue', { q: f.refs.tanbuSubmitted.nik! })).status).toBe(200);
    expect((await prov.post(`/registrations/${tRef()}/reveal`, {})).status).toBe(303);
    const csv = await (await prov.fetch('/export?status=all&format=csv')).text();
    expect(csv).toContain(MARK);
    expect(csv).toContain('Martapura');
    expect(csv.split('\r\n')[0]).toContain('Kabupaten');
  });
});
