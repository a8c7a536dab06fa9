// The queue as an officer with hundreds of registrations uses it (issue 14, items 2 and 5): status
// tabs (ours by default, theirs apart), a search that looks in every status, waiting time and checks
// in words, select-all and a bulk approval that states its count and is confirmed, and test
// registrations from the simulator left out of the queue and the export unless asked for.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';
import { seedRegistrations, type SeededRow } from '../helpers/seed.js';

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

const DAY = 86_400_000;
const statusOf = async (ref: string) => (await dbOf(h).get<{ status: string }>('SELECT status FROM registrations WHERE reference = ?', [ref]))!.status;
const refsIn = (html: string) => [...html.matchAll(/<a href="\/registrations\/(LD-\w{5})">/g)].map((m) => m[1]!);
/** The rows of the queue's table (the withdrawal notice above it links references too). */
const tableOf = (html: string) => html.slice(html.indexOf('<table class="queue">'), html.indexOf('</table>'));
const rowOf = (html: string, ref: string) => {
  const at = html.indexOf(`<a href="/registrations/${ref}">`);
  return at < 0 ? '' : html.slice(html.lastIndexOf('<tr', at), html.indexOf('</tr>', at));
};
const flashOf = (html: string) => /<p class="(flash[^"]*)">([^<]*)<\/p>/.exec(html)?.slice(1) ?? [];
/** The lines of the notice block after a decision (the one with the undo button). */
const noticeOf = (html: string) => [.../<section class="flash notice"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1]?.matchAll(/<p>([^<]*)<\/p>/g) ?? []].map((m) => m[1]);
/** A time as the console writes it (the test console's zone is Asia/Makassar): 14.05.09. */
const clockAt = (ms: number) => new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Makassar', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms);

/** A registration through the bot (channel "test"), as a person would make it. */
async function registerSelf(user: string, answers: Record<string, string> = {}): Promise<string> {
  let out: string[] = [];
  for (const text of registrationScript(answers)) out = await h.say(user, text);
  return /LD-\w{5}/.exec(out.join('\n'))![0];
}

/** Rows straight into the runtime's database (sealed with its key), all of one status. */
async function seed(n: number, status: 'submitted' | 'needs_correction' | 'approved', startIndex: number, now = h.clock.now): Promise<SeededRow[]> {
  const weights = { submitted: 0, needs_correction: 0, approved: 0, registered: 0, rejected: 0, deleted: 0, [status]: 1 };
  return (await seedRegistrations(h, n, { now, spanDays: 0.5, cadres: 0, startIndex, statusWeights: weights, cipher: h.runtime.store.cipher })).rows;
}

async function officer() {
  const c = client(con.web);
  await c.login('budi');
  return c;
}

describe('status tabs', () => {
  it('shows ours ("Menunggu keputusan") by default, theirs ("Menunggu warga") apart, each with its count; ?status=open still shows both', async () => {
    const ours = await seed(3, 'submitted', 100);
    const theirs = await seed(2, 'needs_correction', 200);
    const c = await officer();
    const { html } = await c.get('/queue');
    expect(refsIn(tableOf(html)).sort()).toEqual(ours.map((r) => r.reference).sort());
    expect(html).toMatch(/<a href="\/queue\?status=submitted" class="on" aria-current="page"[^>]*>Menunggu keputusan<span class="count">3<\/span><\/a>/);
    expect(html).toMatch(/<a href="\/queue\?status=needs_correction"[^>]*>Menunggu warga<span class="count">2<\/span><\/a>/);
    const waiting = (await c.get('/queue?status=needs_correction')).html;
    expect(refsIn(tableOf(waiting)).sort()).toEqual(theirs.map((r) => r.reference).sort());
    expect(waiting).toMatch(/class="on" aria-current="page"[^>]*>Menunggu warga/);
    // An old link (and an old export link) keeps working.
    const open = (await c.get('/queue?status=open')).html;
    expect(refsIn(tableOf(open))).toHaveLength(5);
    expect(open).toMatch(/class="on" aria-current="page">Menunggu \(terkirim \+ perlu perbaikan\)/);
    const csv = (await c.get('/export?format=csv&status=open')).html;
    for (const r of [...ours, ...theirs]) expect(csv).toContain(r.reference);
  });

  it('pages with the keyset cursor inside a tab, and the tabs keep a name search and the filters', async () => {
    const rows = (await seed(5, 'submitted', 100)).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
    const c = await officer();
    const first = (await c.get('/queue?status=submitted&limit=2')).html;
    expect(refsIn(tableOf(first))).toEqual(rows.slice(0, 2).map((r) => r.reference));
    const next = /<a class="button secondary" href="(\/queue\?[^"]*after=[^"]*)">Berikutnya<\/a>/.exec(first)![1]!.replaceAll('&amp;', '&');
    expect(next).toMatch(/^\/queue\?status=submitted&limit=2&after=/);
    const second = (await c.get(next)).html;
    expect(refsIn(tableOf(second))).toEqual(rows.slice(2, 4).map((r) => r.reference));
    expect(second).toContain('href="/queue?status=submitted&amp;limit=2">Halaman pertama</a>');
    const search = (await c.get('/queue?q=siti&kecamatan=Gunung+Sari')).html;
    expect(search).toContain('href="/queue?q=siti&amp;kecamatan=Gunung+Sari&amp;status=approved">Disetujui');
  });

  it('keeps the tab when the form only filters', async () => {
    await seed(1, 'needs_correction', 100);
    const c = await officer();
    await c.get('/queue?status=needs_correction');
    const res = await c.post('/queue', { tab: 'needs_correction', q: '', kecamatan: 'Gunung Sari' });
    expect(res.headers.get('location')).toBe('/queue?status=needs_correction&kecamatan=Gunung+Sari');
    // A made-up tab is ignored rather than trusted.
    expect((await c.post('/queue', { tab: 'everything' })).headers.get('location')).toBe('/queue');
  });
});

describe('search', () => {
  it('looks in every status when no status is chosen, and says which status each hit has', async () => {
    const approved = await registerSelf('a');
    await h.runtime.app.changeStatus(approved, { to: 'approved', actor: { kind: 'officer', id: 'budi' } });
    const waiting = await seed(2, 'submitted', 100);
    const c = await officer();
    // From the default tab ("Menunggu keputusan"), the search box posts with that tab: dropped for a search.
    const res = await c.post('/queue', { tab: 'submitted', q: approved });
    expect(res.headers.get('location')).toBe(`/queue?q=${approved}`);
    const { html } = await c.get(res.headers.get('location')!);
    expect(refsIn(tableOf(html))).toEqual([approved]);
    expect(rowOf(html, approved)).toContain('<span class="badge approved">Disetujui</span>');
    expect(html).toContain('Hasil pencarian di semua status');
    expect(html).toMatch(/class="on" aria-current="page">Semua status<span class="count">1<\/span>/);
    // By name too: hits of several statuses, each with its own badge.
    const byName = (await c.get('/queue?q=budi')).html;
    expect(refsIn(tableOf(byName))).toEqual([approved]);
    expect(refsIn(tableOf((await c.get(`/queue?q=${encodeURIComponent(waiting[0]!.fullName!)}`)).html))).toContain(waiting[0]!.reference);
  });

  it('finds an approved registration by its NIK from the default tab, by POST, never in a URL', async () => {
    const approved = await registerSelf('a');
    await h.runtime.app.changeStatus(approved, { to: 'approved', actor: { kind: 'officer', id: 'budi' } });
    const c = await officer();
    await c.get('/queue');
    const res = await c.post('/queue', { tab: 'submitted', q: NIK_MALE });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(refsIn(tableOf(html))).toEqual([approved]);
    expect(html).toContain('Pencarian NIK: tidak masuk ke alamat halaman');
    expect(html.replace(`name="q" value="${NIK_MALE}"`, '')).not.toContain(NIK_MALE);
  });

  it('in a chosen status that has no hit, says how many the other statuses hold and offers to look there', async () => {
    const approved = await registerSelf('a');
    await h.runtime.app.changeStatus(approved, { to: 'approved', actor: { kind: 'officer', id: 'budi' } });
    const c = await officer();
    const { html } = await c.get(`/queue?status=needs_correction&q=${approved}`);
    expect(refsIn(tableOf(html))).toEqual([]);
    expect(html).toContain('Tidak ada di «Menunggu warga», tetapi ada 1 hasil di status lain.');
    // Its button posts the search form again, whose search drops the tab: every status.
    const form = html.slice(html.indexOf('<form class="filters card"'), html.indexOf('</form>', html.indexOf('<form class="filters card"')));
    expect(form).toContain(`name="q" value="${approved}"`);
    expect(form).toContain('<input type="hidden" name="tab" value="needs_correction"/>');
    expect(form).toMatch(/<p class="note">Tidak ada di «Menunggu warga».*<button class="secondary" type="submit">Cari di semua status<\/button><\/p>/);
    expect((await c.post('/queue', { tab: 'needs_correction', q: approved })).headers.get('location')).toBe(`/queue?q=${approved}`);
    // A chosen status with the hit: no such notice.
    expect((await c.get(`/queue?status=approved&q=${approved}`)).html).not.toContain('di status lain');
  });
});

describe('rows', () => {
  it('say how long each has waited, and their checks in words with the full sentence as a tooltip', async () => {
    const old = (await seed(1, 'submitted', 100, h.clock.now - 3 * DAY - 3_600_000))[0]!;
    h.clock.now += 5 * 3_600_000;
    const c = await officer();
    const { html } = await c.get('/queue');
    const row = rowOf(html, old.reference);
    expect(row).toMatch(/<small> · 3 hari<\/small>/);
    expect(row).toMatch(/title="Masuk \d+ \w+ 2026,? \d\d\.\d\d; menunggu 3 hari"/);
    expect(row).not.toContain('⚠');
    if (old.data!.checks.includes('registry_check')) expect(row).toContain('<span class="chip" title="Perlu cek data sosial (DTSEN/DTKS)">Cek DTSEN</span>');
    const recent = await registerSelf('w');
    h.clock.now += 40 * 60_000;
    expect(rowOf((await c.get('/queue')).html, recent)).toContain('<small> · 40 menit</small>');
    h.clock.now += 5 * 3_600_000;
    expect(rowOf((await c.get('/queue')).html, recent)).toContain('<small> · 5 jam</small>');
  });

  it('show the checks a registration was submitted with, in words', async () => {
    const ref = await registerSelf('w', { nik: '9999991708800004' });
    const c = await officer();
    const row = rowOf((await c.get('/queue')).html, ref);
    expect(row).toContain('<span class="chip" title="Kode wilayah NIK tidak dikenal">Wilayah NIK?</span>');
  });
});

describe('bulk approval', () => {
  it('with nothing ticked says so, as an error, and approves nothing', async () => {
    const rows = await seed(2, 'submitted', 100);
    const c = await officer();
    await c.get('/queue');
    const res = await c.post('/queue/approve', { back: '/queue?status=submitted' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/queue?status=submitted&err=nothing_selected');
    const { html } = await c.get(res.headers.get('location')!);
    expect(flashOf(html)).toEqual(['flash error', 'Tidak ada pendaftaran yang dipilih: centang dulu baris yang akan disetujui.']);
    expect(html).not.toMatch(/pendaftaran disetujui|terpilih disetujui/i);
    for (const r of rows) expect(await statusOf(r.reference)).toBe('submitted');
  });

  it('states the count and asks to confirm; skipped ones are named with the reason; only the confirmation approves', async () => {
    const rows = await seed(3, 'submitted', 100);
    const corrected = (await seed(1, 'needs_correction', 200))[0]!;
    const withdrawn = rows[2]!;
    await dbOf(h).run('UPDATE registrations SET consent_withdrawn_at = ? WHERE id = ?', [h.clock.now, withdrawn.id]);
    const c = await officer();
    const queue = (await c.get('/queue')).html;
    // A row whose consent withdrawal waits for an officer has no box to tick.
    expect(rowOf(queue, withdrawn.reference)).not.toContain('type="checkbox"');
    expect(rowOf(queue, rows[0]!.reference)).toContain(`aria-label="Pilih ${rows[0]!.reference}"`);

    const picked = [rows[0]!.reference, rows[1]!.reference, withdrawn.reference, corrected.reference];
    const ask = await c.post('/queue/approve', { ref: picked, back: '/queue' });
    expect(ask.status).toBe(200);
    const page = await ask.text();
    expect(page).toContain('Setujui 2 pendaftaran ini? Warga diberi tahu setelah 30 detik; sampai saat itu semuanya masih bisa dibatalkan.');
    expect(page).toContain('>Ya, setujui 2 pendaftaran</button>');
    expect(page).toContain('2 dilewati karena tidak bisa disetujui:');
    expect(page).toContain(`${withdrawn.reference}: penarikan persetujuan menunggu tindakan petugas`);
    expect(page).toContain(`${corrected.reference}: status Perlu perbaikan, bukan menunggu keputusan`);
    expect(page).toContain('href="/queue">Batal, kembali ke antrean</a>');
    for (const r of picked) expect(await statusOf(r)).not.toBe('approved'); // nothing yet

    const confirmRefs = [...page.matchAll(/name="ref" value="(LD-\w{5})"/g)].map((m) => m[1]!);
    expect(confirmRefs).toEqual([rows[0]!.reference, rows[1]!.reference]);
    const skipped = /name="skipped" value="(\d+)"/.exec(page)![1]!;
    const done = await c.post('/queue/approve', { ref: confirmRefs, back: '/queue', confirm: '1', skipped });
    expect(done.headers.get('location')).toBe(`/queue?ok=bulk_approved&approved=2&skipped=2&done=${confirmRefs.join('%2C')}`);
    const after = (await c.get(done.headers.get('location')!)).html;
    expect(noticeOf(after)).toEqual([
      '2 pendaftaran disetujui. 2 dilewati (tidak lagi menunggu keputusan, atau penarikan persetujuan menunggu tindakan).',
      `Warga diberi tahu pukul ${clockAt(h.clock.now + 30_000)}; sampai saat itu persetujuan ini bisa dibatalkan.`,
    ]);
    expect(after).toContain('Batalkan 2 persetujuan');
    expect(await Promise.all([rows[0], rows[1], withdrawn].map((r) => statusOf(r!.reference)))).toEqual(['approved', 'approved', 'submitted']);
    expect(await statusOf(corrected.reference)).toBe('needs_correction');
    const audit = await dbOf(h).get("SELECT count(*) AS n FROM audit_log WHERE action = 'approve' AND detail LIKE '%bulk%'");
    expect(audit).toEqual({ n: 2 });
  });

  it('re-checks at the confirmation: one decided meanwhile is skipped and counted', async () => {
    const [a, b] = await seed(2, 'submitted', 100);
    const c = await officer();
    await c.get('/queue');
    await h.runtime.app.changeStatus(b!.reference, { to: 'rejected', actor: { kind: 'officer', id: 'ana' }, note: 'x' });
    const done = await c.post('/queue/approve', { ref: [a!.reference, b!.reference], back: '/queue', confirm: '1', skipped: '0' });
    expect(done.headers.get('location')).toBe(`/queue?ok=bulk_approved&approved=1&skipped=1&done=${a!.reference}`);
    expect([await statusOf(a!.reference), await statusOf(b!.reference)]).toEqual(['approved', 'rejected']);
  });

  it('offers select-all on the page: the header box posts every row of the page that can be approved', async () => {
    const rows = await seed(4, 'submitted', 100);
    const c = await officer();
    const { html } = await c.get('/queue?limit=3');
    expect(html).toContain('<input type="checkbox" name="all" value="1" id="pick-all" aria-label="Pilih semua di halaman ini"');
    const pageRefs = [...html.matchAll(/name="page_ref" value="(LD-\w{5})"/g)].map((m) => m[1]!);
    expect(pageRefs).toHaveLength(3);
    expect(html).toContain('<script src="/static/queue.js" defer=""></script>');
    const js = await c.fetch('/static/queue.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toContain("getElementById('pick-all')");
    const page = await (await c.post('/queue/approve', { all: '1', page_ref: pageRefs, ref: [pageRefs[0]!], back: '/queue?limit=3' })).text();
    expect(page).toContain('Setujui 3 pendaftaran ini?');
    expect(rows.filter((r) => !pageRefs.includes(r.reference))).toHaveLength(1);
  });

  it('does not take a way back out of the queue, and ignores an earlier notice in it', async () => {
    const [a] = await seed(1, 'submitted', 100);
    const c = await officer();
    await c.get('/queue');
    const page = await (await c.post('/queue/approve', { ref: [a!.reference], back: 'https://evil.example/queue' })).text();
    expect(page).toContain('href="/queue">Batal');
    const res = await c.post('/queue/approve', { ref: [a!.reference], back: '/queue?status=submitted&err=nothing_selected&approved=9', confirm: '1' });
    expect(res.headers.get('location')).toBe(`/queue?status=submitted&ok=bulk_approved&approved=1&skipped=0&done=${a!.reference}`);
  });

  it('can be undone as a whole inside the window: nobody is told, and all are back waiting for a decision', async () => {
    // One made through the bot (its person hears of the decision), two seeded.
    const own = await registerSelf('w');
    const ownId = (await dbOf(h).get<{ id: number }>('SELECT id FROM registrations WHERE reference = ?', [own]))!.id;
    const rows = [{ reference: own, id: ownId }, ...(await seed(2, 'submitted', 100))];
    const refs = rows.map((r) => r.reference);
    const c = await officer();
    await c.get('/queue');
    const done = await c.post('/queue/approve', { ref: refs, back: '/queue?status=submitted', confirm: '1', skipped: '0' });
    const page = (await c.get(done.headers.get('location')!)).html;
    const form = /<form method="post" action="\/queue\/undo">([\s\S]*?)<\/form>/.exec(page)?.[1] ?? '';
    expect([...form.matchAll(/name="ref" value="(LD-\w{5})"/g)].map((m) => m[1])).toEqual(refs);
    expect(form).toContain('name="back" value="/queue?status=submitted"');
    expect(await Promise.all(refs.map(statusOf))).toEqual(['approved', 'approved', 'approved']);
    const held = (await dbOf(h).get<{ n: number }>('SELECT count(*) AS n FROM outbox WHERE registration_id IN (?, ?, ?) AND next_attempt_at > ?', [...rows.map((r) => r.id), h.clock.now]))!;
    expect(held.n).toBeGreaterThan(0);

    h.clock.now += 10_000;
    const undo = await c.post('/queue/undo', { ref: refs, back: '/queue?status=submitted' });
    expect(undo.headers.get('location')).toBe('/queue?status=submitted&ok=bulk_undone&undone=3&kept=0');
    expect(flashOf((await c.get(undo.headers.get('location')!)).html)).toEqual([
      'flash',
      '3 persetujuan dibatalkan; warga tidak diberi tahu. Pendaftarannya kembali menunggu keputusan.',
    ]);
    expect(await Promise.all(refs.map(statusOf))).toEqual(['submitted', 'submitted', 'submitted']);
    const left = await dbOf(h).get('SELECT count(*) AS n FROM outbox WHERE registration_id IN (?, ?, ?)', rows.map((r) => r.id));
    expect(left).toEqual({ n: 0 });
  });

  it('cannot be undone after the window or by another officer; the page says how many stayed', async () => {
    const rows = await seed(2, 'submitted', 100);
    const refs = rows.map((r) => r.reference);
    const c = await officer();
    await c.get('/queue');
    await c.post('/queue/approve', { ref: [refs[0]!], back: '/queue', confirm: '1', skipped: '0' });
    h.clock.now += 31_000;
    await c.post('/queue/approve', { ref: [refs[1]!], back: '/queue', confirm: '1', skipped: '0' });
    const undo = await c.post('/queue/undo', { ref: refs, back: '/queue' });
    expect(undo.headers.get('location')).toBe('/queue?ok=bulk_undone&undone=1&kept=1');
    expect(flashOf((await c.get(undo.headers.get('location')!)).html)[1]).toBe(
      '1 persetujuan dibatalkan; warga tidak diberi tahu. 1 tidak bisa dibatalkan lagi (kabarnya sudah dikirim, atau sudah diubah).',
    );
    expect(await Promise.all(refs.map(statusOf))).toEqual(['approved', 'submitted']);
  });
});

describe('test registrations from the simulator', () => {
  /** Registers through the console's chat simulator (channel "web"), as an officer trying the bot. */
  async function registerInSimulator(c: Awaited<ReturnType<typeof officer>>): Promise<string> {
    await c.get('/simulator');
    for (const text of registrationScript({ nik: NIK_FEMALE, birthDate: '17-05-1985', sex: '2', fullName: 'Sari Uji Coba' })) await c.post('/simulator', { text });
    const row = await dbOf(h).get<{ reference: string }>("SELECT reference FROM registrations WHERE channel = 'web'");
    if (!row) throw new Error(`no registration from the simulator; it shows:\n${(await c.get('/simulator')).html}`);
    return row.reference;
  }

  it('are left out of the queue and the export by default, and shown with a badge when asked for', async () => {
    const real = await registerSelf('w');
    const c = await officer();
    const test = await registerInSimulator(c);
    expect(await statusOf(test)).toBe('submitted');

    const queue = (await c.get('/queue')).html;
    expect(refsIn(tableOf(queue))).toEqual([real]);
    expect(queue).toMatch(/Menunggu keputusan<span class="count">1<\/span>/);
    expect(refsIn(tableOf((await c.get('/queue?status=all')).html))).toEqual([real]);
    expect(refsIn(tableOf((await c.get('/queue?q=Sari')).html))).toEqual([]);
    const csv = (await c.get('/export?format=csv')).html;
    expect(csv).toContain(real);
    expect(csv).not.toContain(test);

    const included = (await c.get('/queue?test=include')).html;
    expect(refsIn(tableOf(included))).toEqual([real, test]);
    expect(rowOf(included, test)).toContain('<span class="badge test" title="Dibuat di simulator chat petugas: tidak masuk antrean, ekspor, dan dasbor kecuali diminta.">Uji coba</span>');
    expect(rowOf(included, real)).not.toContain('Uji coba');
    expect(included).toMatch(/<details class="more" open="">/); // the filter that shows them is in sight
    expect(included).toContain('<option value="include" selected="">Termasuk uji coba</option>');
    const only = (await c.get('/queue?test=only&status=all')).html;
    expect(refsIn(tableOf(only))).toEqual([test]);
    // The export follows the same filter.
    const withTests = (await c.get('/export?format=csv&test=include')).html;
    expect(withTests).toContain(test);
    expect(withTests).toContain(real);
    expect((await c.get('/export?format=csv&test=only')).html).not.toContain(real);
    // The filter form carries it.
    expect((await c.post('/queue', { tab: 'submitted', test: 'include' })).headers.get('location')).toBe('/queue?status=submitted&test=include');
  });

  it('is found by its very code (marked), and the simulator page says what its registrations are', async () => {
    const c = await officer();
    const test = await registerInSimulator(c);
    const found = (await c.get(`/queue?q=${test}`)).html;
    expect(refsIn(tableOf(found))).toEqual([test]);
    expect(rowOf(found, test)).toContain('Uji coba');
    const sim = (await c.get('/simulator')).html;
    expect(sim).toContain('Pendaftaran yang dibuat di sini adalah uji coba');
    expect(sim).toContain('<a href="/queue?status=all&amp;test=only">Lihat pendaftaran uji coba (1)</a>');
    expect(sim).toContain(`<a href="/registrations/${test}">${test}</a> (Terkirim)`);
  });
});
