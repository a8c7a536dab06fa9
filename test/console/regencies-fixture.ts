// Two real regencies in one database (Kabupaten Banjar 63.03 and Kabupaten Tanah Bumbu 63.10, their
// presets in data/regencies/), with registrations, questions, invites and audit entries of each, and
// officers of every kind of scope: a regency's officer and admin, an agency's officer (Dinas PMD:
// village officials only), and a province's read-only officer and admin.
import type { RegistrationStatus } from '../../src/core/types.js';
import type { Officer, OfficerRole, OfficerScope } from '../../src/storage/officers.js';
import { client, hashedPassword, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { NOW, startHarness, type Harness } from '../helpers/harness.js';
import { seedRegistrations, type SeededRow } from '../helpers/seed.js';
import { loginAdmin } from './second-factor-helpers.js';

export const BANJAR = '63.03';
export const TANBU = '63.10';
/** PROGRAMME_SETTINGS_PATH of a deployment serving both. */
export const TWO_REGENCIES = 'data/regencies/banjar.json,data/regencies/tanah-bumbu.json';
/** Every Tanah Bumbu name, question, invite and officer carries it: a Banjar officer's page must never. */
export const MARK = 'Bumbu';

const WEIGHTS: Record<RegistrationStatus, number> = { submitted: 40, needs_correction: 5, approved: 25, registered: 15, rejected: 10, deleted: 5 };

export type Client = ReturnType<typeof client>;

export interface TwoRegencies {
  h: Harness;
  web: Awaited<ReturnType<typeof startConsole>>['web'];
  banjarRows: SeededRow[];
  tanbuRows: SeededRow[];
  /** Rows picked for the probes. */
  refs: {
    /** Banjar, waiting, pekerja rentan (Disnakertrans'). */
    banjarRentan: SeededRow;
    /** Banjar, waiting, village official (Dinas PMD's). */
    banjarPmd: SeededRow;
    /** Banjar, approved, its person withdrew consent (waiting for an officer). */
    banjarWithdrawn: SeededRow;
    tanbuSubmitted: SeededRow;
    tanbuApproved: SeededRow;
    tanbuWithdrawn: SeededRow;
  };
  questions: { banjar: number; tanbu: number };
  invites: { banjar: string; tanbu: string };
  officers: Record<'banjar' | 'banjaradmin' | 'pmd' | 'prov' | 'provadmin' | 'bumbu_officer' | 'bumbu_admin', Officer>;
  /** A logged-in client for an officer by username (admins enrolled in their second factor on the way). */
  login: (username: string) => Promise<Client>;
  /** The rows the console may change, as one text: equal before and after a refused action. */
  snapshot: () => Promise<string>;
}

/** Tables a console action can change (sessions and login attempts aside). */
const TABLES = ['registrations', 'registration_events', 'questions', 'cadre_invites', 'cadres', 'officers', 'outbox', 'audit_log', 'audit_export_rows', 'people', 'kv'];

export async function startTwoRegencies(): Promise<TwoRegencies> {
  const h = await startHarness({ env: { PROGRAMME_SETTINGS_PATH: TWO_REGENCIES } });
  const { web } = await startConsole(h); // "ana" (admin) and "budi": deployment-wide
  const { store, regencies } = h.runtime;
  const db = dbOf(h);
  const seed = async (key: string, index: number, prefix: string, groups: string[]) =>
    (
      await seedRegistrations(h, 40, {
        settings: regencies.get(key),
        cipher: store.cipher,
        seed: index + 7,
        startIndex: index,
        now: NOW - 3_600_000,
        spanDays: 60,
        statusWeights: WEIGHTS,
        tweak: (d, i) => {
          d.fullName = `${prefix} ${d.fullName}`;
          d.groupId = groups[i % groups.length]!;
        },
      })
    ).rows;
  const banjarRows = await seed(BANJAR, 0, 'Martapura', ['pekerja_rentan', 'perangkat_desa']);
  const tanbuRows = await seed(TANBU, 5000, MARK, ['perangkat_desa', 'pekerja_rentan_desa', 'kader']);
  const pick = (rows: SeededRow[], status: RegistrationStatus, group?: string, skip = 0) => {
    const found = rows.filter((r) => r.status === status && (group === undefined || r.groupId === group))[skip];
    if (!found) throw new Error(`no ${status} ${group ?? ''} row seeded`);
    return found;
  };
  const withdraw = (row: SeededRow) => db.run('UPDATE registrations SET consent_withdrawn_at = ? WHERE id = ?', [NOW - 60_000, row.id]);
  const refs = {
    banjarRentan: pick(banjarRows, 'submitted', 'pekerja_rentan'),
    banjarPmd: pick(banjarRows, 'submitted', 'perangkat_desa'),
    banjarWithdrawn: pick(banjarRows, 'approved', undefined, 1),
    tanbuSubmitted: pick(tanbuRows, 'submitted'),
    tanbuApproved: pick(tanbuRows, 'approved'),
    tanbuWithdrawn: pick(tanbuRows, 'approved', undefined, 1),
  };
  await withdraw(refs.banjarWithdrawn);
  await withdraw(refs.tanbuWithdrawn);
  // A test registration (the simulator's) in Tanah Bumbu.
  await db.run("UPDATE registrations SET channel = 'web' WHERE id = ?", [pick(tanbuRows, 'submitted', undefined, 1).id]);

  const questions = {
    banjar: await store.questions.add(banjarRows[0]!.applicantId, 'telegram', '111', 'Martapura: kapan kartu saya jadi?', NOW, BANJAR),
    tanbu: await store.questions.add(tanbuRows[0]!.applicantId, 'telegram', '222', `${MARK}: apakah nelayan bisa ikut?`, NOW, TANBU),
  };
  const invite = async (code: string, key: string) => {
    const area = regencies.get(key).areas[0]!;
    await store.cadres.createInvite({ code, desa: area.desa[0]!, kecamatan: area.kecamatan, role: 'kader', regency: key, now: NOW, expiresAt: NOW + 7 * 86_400_000 });
    return code;
  };
  const invites = { banjar: await invite('KDR-MARTA1', BANJAR), tanbu: await invite(`KDR-${MARK.toUpperCase()}1`, TANBU) };

  const hash = await hashedPassword();
  const add = (username: string, role: OfficerRole, scope: Partial<OfficerScope>) => store.officers.add({ username, passwordHash: hash, role, now: NOW, scope });
  const officers = {
    banjar: await add('banjar', 'officer', { regency: BANJAR }),
    banjaradmin: await add('banjaradmin', 'admin', { regency: BANJAR }),
    pmd: await add('pmd', 'officer', { regency: BANJAR, groups: ['perangkat_desa'] }),
    prov: await add('prov', 'officer', { readOnly: true }),
    provadmin: await add('provadmin', 'admin', { readOnly: true }),
    bumbu_officer: await add('Bumbu_officer', 'officer', { regency: TANBU }),
    bumbu_admin: await add('Bumbu_admin', 'admin', { regency: TANBU }),
  };
  for (const o of [officers.banjar, officers.prov]) await store.officers.setExportNik(o.id, true);
  // What Tanah Bumbu's officer did: only Tanah Bumbu's (and the deployment's) admins may read it.
  await store.officers.audit({ officerId: officers.bumbu_officer.id, action: 'view', registrationId: refs.tanbuSubmitted.id, now: NOW });
  await store.officers.audit({ officerId: officers.bumbu_admin.id, action: 'create_invite', detail: { code: invites.tanbu, desa: 'x', role: 'kader' }, regency: TANBU, now: NOW });

  // One session per officer for the whole file: an admin enrols their second factor once, at the first login.
  const clients = new Map<string, Client>();
  const login = async (username: string) => {
    const known = clients.get(username);
    if (known) return known;
    const c = client(web);
    clients.set(username, c);
    const admin = username === 'ana' || (await store.officers.byUsername(username))?.role === 'admin';
    if (admin) await loginAdmin(c, username, h.clock.now);
    else if ((await c.login(username)).status !== 303) throw new Error(`login ${username} failed`);
    return c;
  };
  const snapshot = async () => {
    const parts: string[] = [];
    for (const t of TABLES) parts.push(`${t}: ${JSON.stringify(await db.all(`SELECT * FROM ${t} ORDER BY 1, 2`))}`);
    return parts.join('\n');
  };
  return { h, web, banjarRows, tanbuRows, refs, questions, invites, officers, login, snapshot };
}

/** The text inside the element carrying `attr` (a table row, a cell), tags dropped. */
export function textOf(html: string, attr: string): string {
  const at = html.indexOf(attr);
  if (at < 0) throw new Error(`no ${attr} on the page`);
  const start = html.lastIndexOf('<', at);
  const tag = /^<(\w+)/.exec(html.slice(start))![1]!;
  const end = html.indexOf(`</${tag}>`, at);
  return html
    .slice(start, end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
