// Consent withdrawn after approval (issue 13, item 2): the registration is kept but shown with a
// notice, refuses the KPJ and other decisions, is marked in the queue and left out of exports, until
// an officer erases it or keeps it for a legal reason (audited), which unblocks it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

async function register(user: string, answers: Record<string, string> = {}): Promise<string> {
  let out: string[] = [];
  for (const text of registrationScript(answers)) out = await h.say(user, text);
  return /LD-\w{5}/.exec(out.join('\n'))![0];
}

/** Budi's registration approved (and, with a KPJ, registered), then his consent withdrawn from the chat; Ani's approved beside it. */
async function withdrawnAfterApproval(opts: { registered?: boolean } = {}): Promise<{ ref: string; other: string }> {
  const ref = await register('w', { fullName: 'Budi Santoso' });
  const other = await register('x', { fullName: 'Ani Lestari', nik: NIK_FEMALE, birthDate: '17-05-1985', sex: '2', phone: '081234567891' });
  for (const r of [ref, other]) await h.runtime.app.changeStatus(r, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });
  if (opts.registered) await h.runtime.app.changeStatus(ref, { to: 'registered', actor: { kind: 'officer', id: 'ana' }, kpj: '12345678901' });
  h.clock.now += 60_000;
  await h.say('w', 'menu');
  await h.say('w', '6');
  // By its word: with only approved registrations "Data saya" has no delete of its own, so the numbers move.
  await h.say('w', 'tarik');
  expect((await h.say('w', '1')).join('\n')).toContain('Persetujuan sudah ditarik');
  return { ref, other };
}

async function officer() {
  const c = client(con.web);
  expect((await c.login('budi')).status).toBe(303);
  return c;
}

const db = () => dbOf(h);
const row = async (ref: string) =>
  (await db().get<{
    id: number;
    status: string;
    kpj: string | null;
    consent_withdrawn_at: number | null;
    withdrawal_reviewed_at: number | null;
    withdrawal_kept_reason: string | null;
    full_name: string | null;
  }>('SELECT id, status, kpj, consent_withdrawn_at, withdrawal_reviewed_at, withdrawal_kept_reason, full_name FROM registrations WHERE reference = ?', [ref]))!;
const location = (res: Response) => res.headers.get('location') ?? '';
const audits = (action: string) =>
  db().all<{ registration_id: number | null; detail: string | null }>('SELECT registration_id, detail FROM audit_log WHERE action = ? ORDER BY id', [action]);
const exportCsv = async (c: ReturnType<typeof client>) => {
  const res = await c.fetch('/export?format=csv&status=all');
  expect(res.status).toBe(200);
  return res.text();
};

describe('consent withdrawn after approval', () => {
  it('is kept, flagged and shown with what the officer must do', async () => {
    const { ref } = await withdrawnAfterApproval();
    expect(await row(ref)).toMatchObject({ status: 'approved', consent_withdrawn_at: h.clock.now, withdrawal_reviewed_at: null, full_name: 'Budi Santoso' });
    const c = await officer();
    const { html } = await c.get(`/registrations/${ref}`);
    expect(html).toContain('Warga menarik persetujuan pada');
    expect(html).toContain('Belum ada KPJ');
    expect(html).toContain('KPJ tidak bisa dicatat, keputusan lain tidak bisa diambil');
    // The two ways on: keep for a legal reason, or erase (the withdrawal preselected as the reason).
    expect(html).toContain(`action="/registrations/${ref}/keep"`);
    expect(html).toContain('Sudah terdaftar di BPJS Ketenagakerjaan');
    expect(html).toContain(`action="/registrations/${ref}/erase"`);
    expect(html).toMatch(/<option value="consent_withdrawn" selected="">/);
    // No decision forms meanwhile.
    expect(html).not.toContain(`action="/registrations/${ref}/kpj"`);
    expect(html).not.toContain(`action="/registrations/${ref}/reject"`);
    // The history records it.
    expect(html).toContain('persetujuan ditarik; data menunggu keputusan petugas');
  });

  it('for a registered person, says to keep with a legal reason or erase', async () => {
    const { ref } = await withdrawnAfterApproval({ registered: true });
    const c = await officer();
    const { html } = await c.get(`/registrations/${ref}`);
    expect(html).toContain('Warga sudah terdaftar di BPJS Ketenagakerjaan (ada KPJ)');
  });

  it('refuses the KPJ and any other decision with a clear message', async () => {
    const { ref } = await withdrawnAfterApproval();
    const c = await officer();
    await c.get(`/registrations/${ref}`);
    const kpj = await c.post(`/registrations/${ref}/kpj`, { kpj: '12345678901' });
    expect(location(kpj)).toBe(`/registrations/${ref}?err=kpj_withdrawn`);
    expect((await c.get(location(kpj))).html).toContain('KPJ tidak bisa dicatat: warga menarik persetujuan');
    for (const [path, form] of [['reject', { reason: 'other' }], ['correction', { field: 'address', note: 'x' }], ['approve', {}]] as const) {
      expect({ path, to: location(await c.post(`/registrations/${ref}/${path}`, form)) }).toEqual({ path, to: `/registrations/${ref}?err=withdrawal_pending` });
    }
    expect(await row(ref)).toMatchObject({ status: 'approved', kpj: null });
    expect(await audits('record_kpj')).toEqual([]);
  });

  it('is marked in the queue and listed as waiting', async () => {
    const { ref, other } = await withdrawnAfterApproval();
    const c = await officer();
    const { html } = await c.get('/queue?status=all');
    expect(html).toContain('Persetujuan ditarik setelah disetujui, menunggu keputusan petugas (1)');
    expect(html).toContain(`<a href="/registrations/${ref}">${ref}</a>`);
    // The badge is on the withdrawn row only.
    const rowOf = (r: string) => html.slice(html.indexOf(`<td><a href="/registrations/${r}">`), html.indexOf('</tr>', html.indexOf(`<td><a href="/registrations/${r}">`)));
    expect(rowOf(ref)).toContain('Persetujuan ditarik');
    expect(rowOf(other)).not.toContain('ditarik');
  });

  it('is left out of exports until an officer acts, and the audit says how many were left out', async () => {
    const { ref, other } = await withdrawnAfterApproval();
    const c = await officer();
    const csv = await exportCsv(c);
    expect(csv).toContain(other);
    expect(csv).not.toContain(ref);
    const entry = (await audits('export')).at(-1)!;
    expect(JSON.parse(entry.detail!)).toMatchObject({ rows: 1, withheld_withdrawn: 1 });
    const exported = await db().all<{ registration_id: number }>('SELECT registration_id FROM audit_export_rows ORDER BY registration_id');
    expect(exported.map((r) => r.registration_id)).toEqual([(await row(other)).id]);
  });

  it('kept for a legal reason: audited, in the history, and unblocked (KPJ, export, queue)', async () => {
    const { ref } = await withdrawnAfterApproval();
    const c = await officer();
    await c.get(`/registrations/${ref}`);
    // A reason is needed, and a note for "another legal obligation".
    expect(location(await c.post(`/registrations/${ref}/keep`, {}))).toBe(`/registrations/${ref}?err=keep_reason_required`);
    expect(location(await c.post(`/registrations/${ref}/keep`, { reason: 'whim' }))).toBe(`/registrations/${ref}?err=keep_reason_required`);
    expect(location(await c.post(`/registrations/${ref}/keep`, { reason: 'other_legal', note: '  ' }))).toBe(`/registrations/${ref}?err=keep_reason_required`);
    expect((await c.post(`/registrations/${ref}/keep`, { reason: 'apbd_paid' }, { csrf: null })).status).toBe(403);
    expect((await row(ref)).withdrawal_reviewed_at).toBeNull();

    const kept = await c.post(`/registrations/${ref}/keep`, { reason: 'apbd_paid' });
    expect(location(kept)).toBe(`/registrations/${ref}?ok=kept`);
    expect(await row(ref)).toMatchObject({ status: 'approved', withdrawal_reviewed_at: h.clock.now, withdrawal_kept_reason: 'apbd_paid' });
    expect(await audits('keep_after_withdrawal')).toEqual([{ registration_id: (await row(ref)).id, detail: JSON.stringify({ reason: 'apbd_paid' }) }]);
    const events = await db().all('SELECT actor_kind, actor_id, action FROM registration_events WHERE registration_id = ? ORDER BY id', [(await row(ref)).id]);
    expect(events.at(-1)).toEqual({ actor_kind: 'officer', actor_id: 'budi', action: 'withdrawal_kept' });

    const { html } = await c.get(location(kept));
    expect(html).toContain('Keputusan menyimpan data dicatat');
    expect(html).toContain('Data disimpan atas keputusan petugas budi');
    expect(html).toContain('Iuran dibayar Pemkab (APBD/ADD)');
    expect(html).not.toContain('KPJ tidak bisa dicatat');
    // A second decision has nothing to decide.
    expect(location(await c.post(`/registrations/${ref}/keep`, { reason: 'apbd_paid' }))).toBe(`/registrations/${ref}?err=not_pending`);

    // Unblocked: the queue no longer lists it as waiting, the export holds it, the KPJ can be recorded.
    const queue = (await c.get('/queue?status=all')).html;
    expect(queue).not.toContain('menunggu keputusan petugas');
    expect(queue).toContain('Ditarik, data disimpan');
    expect(await exportCsv(c)).toContain(ref);
    await c.get(`/registrations/${ref}`);
    expect(location(await c.post(`/registrations/${ref}/kpj`, { kpj: '12345678901' }))).toBe(`/registrations/${ref}?done=${ref}`);
    expect(await row(ref)).toMatchObject({ status: 'registered', kpj: '12345678901' });
  });

  it('erased instead: gone from the queue notice and the export, with nobody left to tell', async () => {
    const { ref } = await withdrawnAfterApproval();
    const c = await officer();
    await c.get(`/registrations/${ref}`);
    const res = await c.post(`/registrations/${ref}/erase`, { reason: 'consent_withdrawn', confirm: 'yes' });
    expect(location(res)).toBe(`/registrations/${ref}?ok=erased`);
    expect(await row(ref)).toMatchObject({ status: 'deleted', full_name: null });
    expect(JSON.parse((await audits('erase'))[0]!.detail!)).toEqual({ reason: 'consent_withdrawn' });
    // The withdrawal erased the person's chat addresses: no message about it is queued.
    expect((await h.runtime.store.outbox.due('test', Number.MAX_SAFE_INTEGER, 10_000)).filter((m) => m.reply.text.includes('dihapus oleh petugas'))).toEqual([]);
    const { html } = await c.get(location(res));
    expect(html).toContain('Alasan: Warga menarik persetujuan');
    expect(html).not.toContain('Tindak lanjuti dalam');
    const queue = (await c.get('/queue?status=all')).html;
    expect(queue).not.toContain('menunggu keputusan petugas');
    // Deleted, it is no longer in the queue at all.
    expect(queue).not.toContain(`<a href="/registrations/${ref}">`);
    expect(location(await c.post(`/registrations/${ref}/keep`, { reason: 'apbd_paid' }))).toBe(`/registrations/${ref}?err=not_pending`);
  });
});
