// Invented registrations inserted straight with SQL through the store's port (src/storage/sql.ts),
// so on the SQLite file and on PostgreSQL alike: fast enough for 100,000 rows (one transaction,
// statements the port prepares once), with every value the console reads (data JSON included).
import { seeded } from './harness.js';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../src/storage/db.js';
import type { Sql } from '../../src/storage/sql.js';
import { sqliteSql } from '../../src/storage/sqlite.js';
import type { RegistrationData, RegistrationStatus } from '../../src/core/types.js';
import { loadProgrammeSettings, type ProgrammeSettings } from '../../src/settings.js';
import { REFERENCE_ALPHABET } from '../../src/domain/reference.js';
import { FieldCipher, newRing } from '../../src/storage/crypto.js';
import { sealedColumns } from '../../src/storage/registrations.js';
import { regencyKey } from '../../src/regencies.js';

export const EXAMPLE_SETTINGS_PATH = fileURLToPath(new URL('../../data/programme.example.json', import.meta.url));

export interface SeedOptions {
  /** Random seed: the same seed gives the same rows. Default 1. */
  seed?: number;
  /** Rows are created at whole minutes spread over `spanDays` before `now` (ties included). */
  now?: number;
  spanDays?: number;
  /** Relative weights of the statuses. */
  statusWeights?: Partial<Record<RegistrationStatus, number>>;
  /** How many cadres to enrol (default 4) and the share of registrations they submit (default 0.3). */
  cadres?: number;
  cadreShare?: number;
  /** Default: data/programme.example.json. */
  settings?: ProgrammeSettings;
  /** Numbering offset, so a second call adds rows with different references and NIKs. */
  startIndex?: number;
  /** Called with each row's data before it is inserted, to plant values a test looks for. */
  tweak?: (data: RegistrationData, index: number) => void;
  /**
   * Seals the rows like the app does (the form and note encrypted, the NIK as a blind index):
   * pass the runtime's (`store.cipher`) when the app reads them; default TEST_CIPHER.
   */
  cipher?: FieldCipher;
}

/** What was inserted, so tests can compute their expectations independently of the SQL under test. */
export interface SeededRow {
  id: number;
  reference: string;
  status: RegistrationStatus;
  applicantId: number;
  submitterId: number;
  channel: string;
  createdAt: number;
  nik: string | null;
  fullName: string | null;
  kecamatan: string | null;
  desa: string | null;
  groupId: string;
  kpj: string | null;
  officerNote: string | null;
  data: RegistrationData | null;
}

export interface SeededCadre {
  personId: number;
  desa: string;
  kecamatan: string;
  role: string;
}

export interface SeedResult {
  rows: SeededRow[];
  cadres: SeededCadre[];
  settings: ProgrammeSettings;
  /** The cipher the rows were sealed with (the queue and export need it to read them). */
  cipher: FieldCipher;
}

const DEFAULT_WEIGHTS: Record<RegistrationStatus, number> = {
  submitted: 30,
  needs_correction: 10,
  approved: 20,
  registered: 25,
  rejected: 10,
  deleted: 5,
};

const FIRST = ['Siti', 'Ahmad', 'Muhammad', 'Nur', 'Rahmat', 'Dewi', 'Budi', 'Sri', 'Agus', 'Fitri', 'Hendra', 'Rina', 'Yusuf', 'Aminah', 'Joko', 'Lestari'];
const LAST = ['Aminah', 'Hidayat', 'Rahman', 'Saputra', 'Wahyuni', 'Santoso', 'Kurniawan', 'Halimah', 'Fauzi', 'Nurhayati', 'Syahrani', 'Ramadhan'];
const PLACES = ['Sukamaju', 'Banjarmasin', 'Martapura', 'Barabai', 'Kandangan', 'Amuntai'];
const HEIRS = ['spouse', 'child', 'parent', 'sibling', 'other'];
const ROLES = ['kader', 'perangkat', 'bpd', 'rtrw', 'lkd'];
const DAY = 86_400_000;

/** The throwaway key rows are sealed with when a test gives none (one per test process). */
export const TEST_CIPHER = new FieldCipher(newRing());

/** A small, seedable generator (the harness's mulberry32). */
export const rng = seeded;

const SPACE = REFERENCE_ALPHABET.length ** 5;
/** A distinct reference per index (a bijection of 0..31^5-1, so neighbours do not look alike). */
export function seedReference(i: number): string {
  let n = (i * 7_654_321 + 12_345) % SPACE;
  let code = '';
  for (let k = 0; k < 5; k++) {
    code = REFERENCE_ALPHABET[n % REFERENCE_ALPHABET.length] + code;
    n = Math.floor(n / REFERENCE_ALPHABET.length);
  }
  return `LD-${code}`;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/**
 * Where the rows go: a harness (or anything with its runtime), a store, or its port. A raw SQLite
 * connection is for a test of SQLite itself: it gets a port of its own, whose transaction does not
 * wait for the runtime's on the same connection (seed it while nothing else writes there).
 */
export type SeedTarget = Sql | { sql: Sql } | { runtime: { store: { sql: Sql } } } | Db;

function portOf(target: SeedTarget): Sql {
  if ('runtime' in target) return target.runtime.store.sql;
  if ('sql' in target && typeof target.sql === 'object') return target.sql;
  if ('transaction' in target && 'dialect' in target) return target as Sql;
  return sqliteSql(target as Db);
}

/**
 * Inserts `n` registrations (each with its own applicant in `people`) and `opts.cadres` cadres
 * who submit `opts.cadreShare` of them, in one transaction. Deleted rows are wiped like the app
 * does (no NIK, name, data or area). NIKs are '6301' + district + birth date + serial, distinct
 * for up to 989,901 rows.
 */
export async function seedRegistrations(target: SeedTarget, n: number, opts: SeedOptions = {}): Promise<SeedResult> {
  const sql = portOf(target);
  const random = rng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const settings = opts.settings ?? loadProgrammeSettings(EXAMPLE_SETTINGS_PATH);
  // The rows belong to the settings' regency, as the app's would.
  const regency = regencyKey(settings);
  const now = opts.now ?? Date.UTC(2026, 10, 30, 4, 0, 0);
  const spanMinutes = Math.max(1, Math.round(((opts.spanDays ?? 120) * DAY) / 60_000));
  const start = opts.startIndex ?? 0;
  const cipher = opts.cipher ?? TEST_CIPHER;

  const weights = { ...DEFAULT_WEIGHTS, ...opts.statusWeights };
  const statusList = Object.keys(weights) as RegistrationStatus[];
  const weightSum = statusList.reduce((s, k) => s + weights[k], 0);
  const pickStatus = (): RegistrationStatus => {
    let r = random() * weightSum;
    for (const s of statusList) {
      r -= weights[s];
      if (r < 0) return s;
    }
    return statusList[statusList.length - 1]!;
  };

  const insertPerson = async (phone: string | null, at: number): Promise<number> =>
    (await sql.get<{ id: number }>("INSERT INTO people (lang, phone, created_at) VALUES ('id', ?, ?) RETURNING id", [phone, at]))!.id;
  const insertInvite = (v: Record<string, unknown>) =>
    sql.run(
      `INSERT INTO cadre_invites (code, desa, kecamatan, role, regency, created_at, expires_at, used_by, used_at)
       VALUES (@code, @desa, @kecamatan, @role, @regency, @at, @expires, @personId, @at)`,
      v,
    );
  const insertCadre = (v: Record<string, unknown>) =>
    sql.run(
      `INSERT INTO cadres (person_id, desa, kecamatan, role, regency, invite_code, enrolled_at)
       VALUES (@personId, @desa, @kecamatan, @role, @regency, @code, @at)`,
      v,
    );
  const insertRegistration = async (v: Record<string, unknown>): Promise<number> =>
    (await sql.get<{ id: number }>(
      `INSERT INTO registrations (reference, applicant_id, submitter_id, channel, status, nik_index, nik_masked, phone_index, checks,
         full_name, data, kecamatan, desa, group_id, officer_note, kpj, regency, created_at, updated_at)
       VALUES (@reference, @applicantId, @submitterId, @channel, @status, @nikIndex, @nikMasked, @phoneIndex, @checks,
         @fullName, @data, @kecamatan, @desa, @groupId, @officerNote, @kpj, @regency, @createdAt, @createdAt)
       RETURNING id`,
      v,
    ))!.id;

  const rows: SeededRow[] = [];
  const cadres: SeededCadre[] = [];

  await sql.transaction(async () => {
    const cadreCount = opts.cadres ?? 4;
    for (let c = 0; c < cadreCount; c++) {
      const area = pick(settings.areas);
      const desa = pick(area.desa);
      const role = ROLES[c % ROLES.length]!;
      const at = now - (opts.spanDays ?? 120) * DAY - DAY;
      const personId = await insertPerson(`+62813${pad(start + c, 8)}`, at);
      const code = `KDR-S${pad(start + c, 5)}`;
      await insertInvite({ code, desa, kecamatan: area.kecamatan, role, regency, at, expires: at + 7 * DAY, personId });
      await insertCadre({ personId, desa, kecamatan: area.kecamatan, role, regency, code, at });
      cadres.push({ personId, desa, kecamatan: area.kecamatan, role });
    }

    const cadreShare = cadres.length > 0 ? (opts.cadreShare ?? 0.3) : 0;
    for (let k = 0; k < n; k++) {
      const i = start + k;
      const status = pickStatus();
      const createdAt = now - Math.floor(random() * spanMinutes) * 60_000;
      const cadre = random() < cadreShare ? pick(cadres) : undefined;
      const area = cadre ? settings.areas.find((a) => a.kecamatan === cadre.kecamatan)! : pick(settings.areas);
      const desa = cadre ? cadre.desa : pick(area.desa);
      const group = pick(settings.groups);
      const sex = random() < 0.5 ? 'M' : 'F';
      const birthYear = 1960 + Math.floor(random() * 45);
      const birthMonth = 1 + Math.floor(random() * 12);
      const birthDay = 1 + Math.floor(random() * 28);
      const district = 1 + (Math.floor(i / 9999) % 99);
      const serial = 1 + (i % 9999);
      const nik = `6301${pad(district, 2)}${pad(birthDay + (sex === 'F' ? 40 : 0), 2)}${pad(birthMonth, 2)}${pad(birthYear % 100, 2)}${pad(serial, 4)}`;
      const fullName = random() < 0.15 ? `${pick(FIRST)} ${pick(FIRST)} ${pick(LAST)}` : `${pick(FIRST)} ${pick(LAST)}`;
      const phone = random() < 0.85 ? `+62812${pad(i, 8)}` : null;
      const checks: string[] = [];
      if (group.needsRegistryCheck) checks.push('registry_check');
      if (random() < 0.05) checks.push('unknown_region');
      const data: RegistrationData = {
        fullName,
        nik,
        birthPlace: pick(PLACES),
        birthDate: `${birthYear}-${pad(birthMonth, 2)}-${pad(birthDay, 2)}`,
        sex,
        kecamatan: area.kecamatan,
        desa,
        address: `RT ${pad(1 + (i % 20), 3)} RW ${pad(1 + (i % 7), 3)}, ${desa}`,
        phone,
        occupation: pick(settings.occupations).id,
        income: 500_000 + Math.floor(random() * 60) * 50_000,
        groupId: group.id,
        programmes: random() < 0.8 ? ['JKK', 'JKM'] : ['JKK', 'JKM', 'JHT'],
        heirName: `${pick(FIRST)} ${pick(LAST)}`,
        heirRelation: pick(HEIRS),
        motherName: random() < 0.5 ? `${pick(FIRST)} ${pick(LAST)}` : null,
        consentVersion: settings.consentVersion,
        consentAt: new Date(createdAt - 600_000).toISOString(),
        submittedBy: cadre ? 'cadre' : 'self',
        consentBy: cadre ? 'cadre' : 'applicant',
        checks,
      };
      opts.tweak?.(data, i);
      const applicantId = await insertPerson(data.phone, createdAt);
      const submitterId = cadre ? cadre.personId : applicantId;
      const deleted = status === 'deleted';
      const kpj = status === 'registered' ? `26${pad(i, 9)}` : null;
      const officerNote = status === 'needs_correction' ? 'Foto KTP kurang jelas' : status === 'rejected' ? 'Di luar wilayah' : null;
      const channel = i % 3 === 0 ? 'whatsapp' : 'telegram';
      const reference = seedReference(i);
      const row = {
        reference,
        applicantId,
        submitterId,
        channel,
        status,
        nik: deleted ? null : data.nik,
        fullName: deleted ? null : data.fullName,
        data: deleted ? null : JSON.stringify(data),
        kecamatan: deleted ? null : data.kecamatan,
        desa: deleted ? null : data.desa,
        groupId: data.groupId,
        officerNote,
        kpj,
        createdAt,
      };
      const sealed = deleted ? { data: null, nikIndex: null, nikMasked: null, phoneIndex: null, checks: null } : sealedColumns(cipher, data);
      const id = await insertRegistration({ ...row, ...sealed, regency, officerNote: cipher.encryptNullable(officerNote) });
      rows.push({ ...row, id, data: deleted ? null : data });
    }
  });

  return { rows, cadres, settings, cipher };
}
