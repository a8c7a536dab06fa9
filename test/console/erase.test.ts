// The officer's erase action (issue 13, item 2): a reason from a fixed list, a ticked confirmation
// and the CSRF token; one transaction with its audit entry and the people's notice; afterwards no
// personal value of the registration in its row, its history or the audit log (the raw SQLite
// files: erase.sqlite.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/app/invites.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { client, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, NIK_MALE, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { neighbourScript, registrationScript } from '../helpers/registration.js';

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

const NAME = 'Budi Santoso Wiryawan';
const ADDRESS = 'Jl. Kenanga Gang Tujuh';

async function registerSelf(user: string): Promise<string> {
  let out: string[] = [];
  for (const text of registrationScript({ fullName: NAME, address: ADDRESS })) out = await h.say(user, text);
  return /LD-\w{5}/.exec(out.join('\n'))![0];
}

/** The console as officer "budi" (no second factor needed), holding a CSRF token from the page. */
async function officerOn(ref: string) {
  const c = client(con.web);
  expect((await c.login('budi')).status).toBe(303);
  await c.get(`/registrations/${ref}`);
  return c;
}

const db = () => dbOf(h);
const row = async (ref: string) => (await db().get('SELECT * FROM registrations WHERE reference = ?', [ref]))!;
const eraseAudits = () =>
  db().all<{ officer_id: number; registration_id: number; detail: string | null }>("SELECT officer_id, registration_id, detail FROM audit_log WHERE action = 'erase' ORDER BY id");
/** What waits in the outbox for a test chat (nothing sends in these tests), oldest first. */
const outboxTexts = async (externalId: string) =>
  (await h.runtime.store.outbox.due('test', Number.MAX_SAFE_INTEGER, 10_000)).filter((m) => m.externalId === externalId).map((m) => m.reply.text);
const location = (res: Response) => res.headers.get('location') ?? '';

/** A cadre enrols and registers a neighbour (Siti Aminah) with this phone ('-': none); the reference. */
async function neighbourOf(cadre: string, phone: string): Promise<string> {
  const settings = loadProgrammeSettings('data/programme.example.json');
  const code = (await createInvite(h.runtime.store.cadres, settings, { desa: 'Mekar Sari', role: 'kader', days: 14, now: h.clock.now, random: seeded(9) })).code;
  await h.say(cadre, `/start ${code}`);
  const answers = {
    kecamatan: 'gunung sari', desa: 'mekar sari', address: 'RT 02', occupation: 'petani', income: '1 juta', groupId: 'kader',
    heirName: 'Ahli Waris', heirRelation: 'anak', fullName: 'Siti Aminah', nik: NIK_FEMALE, birthDate: '17-05-1985', sex: '2', phone,
  };
  let out: string[] = [];
  for (const text of neighbourScript(answers)) out = await h.say(cadre, text);
  return /LD-\w{5}/.exec(out.join('\n'))![0];
}

describe('officer erase action', () => {
  it('erases with a reason and a confirmation: blanks the row, audits, tells the person', async () => {
    const ref = await registerSelf('w');
    await h.runtime.app.changeStatus(ref, { to: 'needs_correction', actor: { kind: 'officer', id: 'ana' }, note: `Alamat ${ADDRESS} kurang lengkap` });
    const c = await officerOn(ref);
    // The page offers the action, with the fixed reasons and the confirmation.
    const { html: before } = await c.get(`/registrations/${ref}`);
    expect(before).toContain('Hapus data pribadi');
    expect(before).toContain('Warga meminta datanya dihapus');
    expect(before).toContain('Saya yakin');
    const outboxBefore = (await outboxTexts('w')).length;

    const res = await c.post(`/registrations/${ref}/erase`, { reason: 'person_request', confirm: 'yes', note: `datang ke kantor, NIK ${NIK_MALE}` });
    expect(res.status).toBe(303);
    expect(location(res)).toBe(`/registrations/${ref}?ok=erased`);

    const r = await row(ref);
    expect(r.status).toBe('deleted');
    for (const col of ['full_name', 'data', 'kecamatan', 'desa', 'officer_note', 'kpj', 'correction_fields']) expect({ col, v: r[col] }).toEqual({ col, v: null });
    for (const col of ['nik', 'nik_index', 'nik_masked']) if (col in r) expect({ col, v: r[col] }).toEqual({ col, v: null });

    // The history keeps only that it happened, by whom; no event keeps a detail.
    const events = await db().all('SELECT actor_kind, actor_id, action, to_status, detail FROM registration_events WHERE registration_id = ? ORDER BY id', [r.id]);
    expect(events.at(-1)).toEqual({ actor_kind: 'officer', actor_id: 'budi', action: 'erased_by_officer', to_status: 'deleted', detail: null });
    expect(events.every((e) => e.detail === null)).toBe(true);

    // One audit entry: who, which registration, the reason's code; the note's digits masked.
    const audits = await eraseAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.registration_id).toBe(r.id);
    expect(audits[0]!.officer_id).toBe((await h.runtime.store.officers.byUsername('budi'))!.id);
    const detail = JSON.parse(audits[0]!.detail!) as { reason: string; note?: string };
    expect(detail.reason).toBe('person_request');
    expect(detail.note).toBe('datang ke kantor, NIK [angka]');
    const audit = JSON.stringify(await db().all('SELECT * FROM audit_log'));
    for (const value of [NIK_MALE, NAME, ADDRESS]) expect({ value, inAudit: audit.includes(value) }).toEqual({ value, inAudit: false });

    // The person is told, through the outbox (sent after the commit), without their name.
    // News about the registration that was still waiting is dropped with it (it could name the person).
    const told = await outboxTexts('w');
    expect(told.length).toBeLessThanOrEqual(outboxBefore + 1);
    const news = told.filter((t) => t.includes(ref) && t.includes('dihapus oleh petugas'));
    expect(news).toHaveLength(1);
    expect(news[0]).not.toContain('Budi');

    // The page shows the erased registration: the fact, when, by whom, why, and no action.
    const { html } = await c.get(location(res));
    expect(html).toContain('Dihapus');
    expect(html).toContain('Data pribadi dihapus');
    expect(html).toContain('oleh petugas budi');
    expect(html).toContain('Alasan: Warga meminta datanya dihapus');
    expect(html).toContain('Data pribadi dihapus. Warga diberi tahu');
    expect(html).not.toContain(NAME);
    expect(html).not.toContain('action="/registrations/' + ref + '/erase"');
  });

  it('refuses without a reason, without the confirmation, or with a reason not on the list', async () => {
    const ref = await registerSelf('w');
    const c = await officerOn(ref);
    const cases: [Record<string, string>, string][] = [
      [{ confirm: 'yes' }, 'reason_required'],
      [{ reason: 'bored', confirm: 'yes' }, 'reason_required'],
      [{ reason: 'duplicate' }, 'confirm_required'],
      [{ reason: 'duplicate', confirm: 'on' }, 'confirm_required'],
    ];
    for (const [form, err] of cases) {
      const res = await c.post(`/registrations/${ref}/erase`, form);
      expect({ form, to: location(res) }).toEqual({ form, to: `/registrations/${ref}?err=${err}` });
    }
    expect((await row(ref)).status).toBe('submitted');
    expect((await row(ref)).full_name).toBe(NAME);
    expect(await eraseAudits()).toEqual([]);
    const { html } = await c.get(`/registrations/${ref}?err=confirm_required`);
    expect(html).toContain('Centang konfirmasi dulu');
  });

  it('refuses a form without the right CSRF token', async () => {
    const ref = await registerSelf('w');
    const c = await officerOn(ref);
    expect((await c.post(`/registrations/${ref}/erase`, { reason: 'duplicate', confirm: 'yes' }, { csrf: null })).status).toBe(403);
    expect((await c.post(`/registrations/${ref}/erase`, { reason: 'duplicate', confirm: 'yes' }, { csrf: 'forged' })).status).toBe(403);
    expect((await row(ref)).status).toBe('submitted');
    expect(await eraseAudits()).toEqual([]);
  });

  it('says so when the registration is already erased, and audits only the first', async () => {
    const ref = await registerSelf('w');
    const c = await officerOn(ref);
    await c.post(`/registrations/${ref}/erase`, { reason: 'duplicate', confirm: 'yes' });
    const again = await c.post(`/registrations/${ref}/erase`, { reason: 'duplicate', confirm: 'yes' });
    expect(location(again)).toBe(`/registrations/${ref}?err=already_erased`);
    expect(await eraseAudits()).toHaveLength(1);
    // No other decision on an erased registration either.
    expect(location(await c.post(`/registrations/${ref}/approve`, {}))).toBe(`/registrations/${ref}?err=not_open`);
  });

  it("tells the cadre who sent a neighbour's registration, without the neighbour's name", async () => {
    const ref = await neighbourOf('kader1', '-');
    const c = await officerOn(ref);
    const before = (await outboxTexts('kader1')).length;
    expect(location(await c.post(`/registrations/${ref}/erase`, { reason: 'entered_in_error', confirm: 'yes' }))).toBe(`/registrations/${ref}?ok=erased`);
    const told = (await outboxTexts('kader1')).slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(ref);
    expect(told[0]).toContain('yang Anda kirim sudah dihapus');
    expect(told[0]).not.toContain('Siti');
    expect(JSON.parse((await eraseAudits())[0]!.detail!)).toEqual({ reason: 'entered_in_error' });
  });

  it("leaves nothing of a cadre's neighbour (phone, consent) when their only registration is erased for a withdrawal", async () => {
    const ref = await neighbourOf('kader1', '0812 9999 8888');
    const neighbourId = (await h.runtime.store.registrations.record(ref))!.applicantId;
    expect((await h.runtime.store.people.person(neighbourId))?.phone).toBe('+6281299998888');
    const c = await officerOn(ref);
    expect(location(await c.post(`/registrations/${ref}/erase`, { reason: 'consent_withdrawn', confirm: 'yes' }))).toBe(`/registrations/${ref}?ok=erased`);
    expect((await h.runtime.store.people.person(neighbourId))?.phone ?? null).toBeNull();
    const consents = await db().all<{ withdrawn_at: number | null }>('SELECT withdrawn_at FROM consents WHERE person_id = ?', [neighbourId]);
    expect(consents.length).toBe(1);
    expect(consents.every((x) => x.withdrawn_at !== null)).toBe(true);
    // The cadre keeps their own role and chat.
    expect((await h.say('kader1', 'menu')).join('\n')).toContain('Daftarkan warga');
  });

  it('ends a conversation that was correcting the erased registration (it held the whole form)', async () => {
    const ref = await registerSelf('w');
    await h.runtime.app.requestCorrection(ref, { fields: ['address'], note: 'Alamat kurang lengkap', officer: 'ana' });
    const session = () => db().get<{ state: string }>('SELECT state FROM sessions WHERE person_id = (SELECT applicant_id FROM registrations WHERE reference = ?)', [ref]);
    const holdsRef = async () => {
      const s = await session();
      return s !== undefined && h.runtime.store.cipher.decrypt(s.state).includes(ref);
    };
    // The request put the form into the person's conversation, for them to correct.
    expect(await holdsRef()).toBe(true);
    const c = await officerOn(ref);
    expect(location(await c.post(`/registrations/${ref}/erase`, { reason: 'person_request', confirm: 'yes' }))).toBe(`/registrations/${ref}?ok=erased`);
    expect(await holdsRef()).toBe(false);
    expect((await h.say('w', 'halo')).join('\n')).not.toContain(ref.slice(3));
  });
});
