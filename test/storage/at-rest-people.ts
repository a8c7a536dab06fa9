// The people and conversations the at-rest scans look for (at-rest-scan.test.ts reads every column of
// every table, on both stores; at-rest-scan.sqlite.test.ts the SQLite file and its WAL): a
// registration, a neighbour registered by a cadre, a draft left half-way, a question for an officer,
// a correction with an officer's note, an officer's NIK search, and an erasure.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createInvite } from '../../src/app/invites.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { client, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { seeded, startHarness, type Harness } from '../helpers/harness.js';
import { neighbourScript, registrationScript } from '../helpers/registration.js';

// Invented people: NIKs valid in form (district 6301 01, birth dates in the NIK) but nobody's.
export const WORKER = {
  fullName: 'Rusmini Wulandari',
  nik: '6301015203910007', // 12-03-1991, woman
  birthDate: '12-03-1991',
  sex: '2',
  birthPlace: 'Kandangan Hulu',
  address: 'Jl. Kenanga Gg. Buntu No. 17',
  phone: '0812 7733 4411',
  heirName: 'Sukardi Prawiro',
  motherName: 'Halimah Sadiyah',
};
export const NEIGHBOUR = {
  fullName: 'Darmawan Sitepu',
  nik: '6301012906770005', // 29-06-1977, man
  birthDate: '29-06-1977',
  sex: '1',
  birthPlace: 'Pagatan Besar',
  address: 'Dusun Teluk Kepayang RT 09',
  phone: '0857 6600 1288',
  heirName: 'Marlina Tarigan',
  motherName: 'Rosdiana Ginting',
  kecamatan: 'gunung sari',
  desa: 'mekar sari',
  groupId: 'kader',
};
export const DRAFT = { fullName: 'Yuliani Pertiwi', nik: '6301014411880009', address: 'Jl. Cempaka Putih Blok C' };
export const ERASED = {
  fullName: 'Hartono Kusumadewa',
  nik: '6301010305690002', // 03-05-1969, man
  birthDate: '03-05-1969',
  sex: '1',
  birthPlace: 'Barabai Timur',
  address: 'Komplek Citra Garden Blok F2',
  phone: '0813 9090 5656',
  heirName: 'Wahyuningsih Lestari',
  motherName: 'Kartinah Suharjo',
};

/** Every form in which a value could have been written: as typed, digits only, stored forms of dates and phones. */
export function forms(value: string): string[] {
  const out = new Set([value]);
  const digits = value.replace(/\D/g, '');
  if (/^0\d{9,12}$/.test(digits)) {
    out.add(digits); // 0812…
    out.add(`62${digits.slice(1)}`); // 62812… (also inside +62812… and 62812…@s.whatsapp.net)
  } else if (/^\d{2}-\d{2}-\d{4}$/.test(value)) {
    const [d, m, y] = value.split('-');
    out.add(`${y}-${m}-${d}`);
  } else if (digits.length === 16) out.add(digits);
  return [...out];
}

const settings = loadProgrammeSettings('data/programme.example.json');
// A regency that asks the mother's maiden name (the example does not).
const withMother = { ...settings, registrationFields: { motherName: 'required' as const } };

/** Every form of each of `who`'s values the scans look for (with the name only when `nameToo`), labelled by field. */
export function clearForms(who: Record<string, string>, nameToo: boolean): { field: string; value: string }[] {
  const fields = ['nik', 'birthDate', 'address', 'phone', 'heirName', 'motherName', 'birthPlace', ...(nameToo ? ['fullName'] : [])];
  return fields.flatMap((field) => (who[field] ? forms(who[field]!).map((value) => ({ field, value })) : []));
}

/** A runtime whose regency asks the mother's maiden name. */
export async function startScanHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'lindung-scan-'));
  const path = join(dir, 'programme.json');
  writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync('data/programme.example.json', 'utf8')), registrationFields: { motherName: 'required' } }));
  return startHarness({ dir, env: { PROGRAMME_SETTINGS_PATH: path } });
}

async function run(h: Harness, user: string, script: string[]): Promise<string> {
  let last: string[] = [];
  for (const text of script) last = await h.say(user, text);
  return last.join('\n');
}

/** The whole conversations (through the bot and the console); returns the worker's reference. */
export async function converse(h: Harness): Promise<string> {
  const opts = { settings: withMother };
  const { web } = await startConsole(h);

  // A worker registers, leaves a question for an officer (with their NIK in it), gets a correction request.
  const done = await run(h, 'w1', registrationScript(WORKER, opts));
  const ref = /LD-\w{5}/.exec(done)![0];
  await run(h, 'w1', ['menu', '8', `NIK saya ${WORKER.nik}, alamat ${WORKER.address}, apakah sudah masuk?`]);
  await h.runtime.app.requestCorrection(ref, { fields: ['address'], note: `Alamat ${WORKER.address} kurang RT/RW`, officer: 'ana' });

  // A cadre registers a neighbour.
  const code = (await createInvite(h.runtime.store.cadres, settings, { desa: 'Mekar Sari', role: 'kader', days: 14, now: h.clock.now, random: seeded(3) })).code;
  await h.say('kader', `/start ${code}`);
  const sent = await run(h, 'kader', neighbourScript(NEIGHBOUR, opts));
  expect(sent).toMatch(/LD-\w{5}/);

  // Someone stops half-way: their answers wait in the draft.
  await run(h, 'w2', registrationScript(DRAFT, { ...opts, until: 'birthPlace' }));

  // An officer searches the queue by NIK (by POST; audited without the NIK).
  const c = client(web);
  await c.login('budi');
  expect((await c.post('/queue', { q: NEIGHBOUR.nik, status: 'all', kecamatan: '' })).status).toBe(200);

  // A third person registers and then has everything erased (consent withdrawn from "Data saya").
  await run(h, 'w3', registrationScript(ERASED, opts));
  await run(h, 'w3', ['menu', '6', '2', '1']);
  // w1, the cadre and w2 are still known; w3 is not.
  expect(await dbOf(h).count('identities')).toBe(3);
  return ref;
}

/** What was sealed still reads back whole through the app. */
export async function expectReadsBack(h: Harness, ref: string): Promise<void> {
  const record = (await h.runtime.store.registrations.record(ref))!;
  expect(record.data).toMatchObject({ nik: WORKER.nik, address: WORKER.address, heirName: WORKER.heirName, motherName: WORKER.motherName });
  expect(record.officerNote).toContain(WORKER.address);
  expect((await h.runtime.store.registrations.activeByNik(NEIGHBOUR.nik))?.data?.fullName).toBe(NEIGHBOUR.fullName);
}
