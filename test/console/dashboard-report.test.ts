// The dashboard for the Disnakertrans head and the printable monthly report (issue 14, item 3):
// totals, coverage against the regency's target, the yearly cost of the members it pays against its
// budget, week labels the Indonesian way, and test registrations from the simulator left out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRates } from '../../src/domain/rates.js';
import { coverageProgress, monthlyPerPerson, programmeCost } from '../../src/domain/programme-cost.js';
import { dayStart } from '../../src/domain/time.js';
import { loadProgrammeSettings, ProgrammeSettingsSchema, type ProgrammeSettings } from '../../src/settings.js';
import { coveredAt, monthFigures } from '../../src/storage/stats.js';
import { CONSOLE_CSS } from '../../src/console/style.js';
import { client, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { seedRegistrations } from '../helpers/seed.js';
import type { RegistrationStatus } from '../../src/core/types.js';

const SETTINGS = loadProgrammeSettings('data/programme.example.json');
const RATES = loadRates('data/rates.json');
const TZ = 'Asia/Makassar';
const at = (day: string, hour = 10) => dayStart(day, TZ) + hour * 3_600_000;

describe('the cost of the members the regency pays', () => {
  it('prices each APBD group at its programmes on the Rp1 juta floor (JKK 1% + JKM Rp6.800), never with a discount', () => {
    const rentan = SETTINGS.groups.find((g) => g.id === 'pekerja_rentan')!;
    // Inside PP 50/2025's window for other BPU: the discount does not apply where the APBD pays.
    expect(monthlyPerPerson(rentan, RATES, '2026-06-01')).toEqual({ amount: 16_800, fromSettings: false });
    expect(monthlyPerPerson({ ...rentan, programmes: ['JKK', 'JKM', 'JHT'] }, RATES, '2026-06-01').amount).toBe(36_800);
    // The settings' local price wins.
    expect(monthlyPerPerson({ ...rentan, monthlyAmount: 20_000 }, RATES, '2026-06-01')).toEqual({ amount: 20_000, fromSettings: true });
  });

  it('counts APBD groups only: members × monthly × 12, plus those covered before Lindung, against the budget', () => {
    const covered = new Map([
      ['pekerja_rentan', 4],
      ['perangkat_desa', 2],
      ['lkd', 50], // paid from village funds (ADD): not the regency's budget
      ['mandiri', 70], // self-paid
    ]);
    const cost = programmeCost(SETTINGS, RATES, covered, '2026-11-22');
    expect(cost.groups.map((g) => g.groupId)).toEqual(['perangkat_desa', 'bpd', 'rtrw', 'kader', 'pekerja_rentan']);
    expect(cost.groups.find((g) => g.groupId === 'pekerja_rentan')).toMatchObject({ members: 4, monthlyPerPerson: 16_800, yearly: 806_400 });
    expect(cost.groups.find((g) => g.groupId === 'perangkat_desa')!.yearly).toBe(403_200);
    expect(cost.before).toEqual({ members: 13_000, monthlyPerPerson: 16_800, yearly: 2_620_800_000 });
    expect(cost.yearly).toBe(806_400 + 403_200 + 2_620_800_000);
    expect(cost.budget).toMatchObject({ yearly: 3_100_000_000, year: 2026, remaining: 3_100_000_000 - cost.yearly, percent: 84.6 });
  });

  it('measures coverage against the target: 13.251 of 15.000 is 88 %', () => {
    const progress = coverageProgress(SETTINGS, new Map([['pekerja_rentan', 251], ['bpd', 9]]));
    expect(progress).toMatchObject({ target: 15_000, covered: 13_251, before: 13_000, throughLindung: 251, groupIds: ['pekerja_rentan'] });
    expect(Math.round(progress!.percent)).toBe(88);
  });

  it('works without a target or a budget (older settings files), and refuses a target naming an unknown group', () => {
    const { coverageTarget: _t, budget: _b, ...older } = JSON.parse(JSON.stringify(SETTINGS)) as ProgrammeSettings;
    const plain = ProgrammeSettingsSchema.parse(older);
    expect(coverageProgress(plain, new Map())).toBeNull();
    const cost = programmeCost(plain, RATES, new Map([['bpd', 1]]), '2026-11-22');
    expect(cost).toMatchObject({ before: null, budget: null, yearly: 201_600 });
    // Without groups, the target counts every group the regency pays.
    const all = ProgrammeSettingsSchema.parse({ ...older, coverageTarget: { count: 100 } });
    expect(coverageProgress(all, new Map([['bpd', 3], ['mandiri', 5]]))).toMatchObject({ covered: 3, before: 0 });
    const bad = ProgrammeSettingsSchema.safeParse({ ...older, coverageTarget: { count: 100, groups: ['nelayan'] } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['coverageTarget', 'groups', 0] });
    expect(ProgrammeSettingsSchema.safeParse({ ...older, budget: { yearly: -5 } }).success).toBe(false);
  });
});

// ---- the console ---------------------------------------------------------------------------------

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness(); // the clock stands at 22 Nov 2026
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

let nextIndex = 0;
/**
 * One registration straight into the database (sealed with the runtime's key), created at
 * `created` in `group`, with its status history: each [day, status] an officer's decision, or
 * 'undone' for a decision taken back (app/decisions.ts's event). Its status is the last one.
 */
async function registration(created: string, group: string, history: [string, RegistrationStatus | 'undone'][] = [], channel?: string): Promise<number> {
  const statuses: RegistrationStatus[] = ['submitted'];
  for (const [, s] of history) statuses.push(s === 'undone' ? statuses[statuses.length - 2]! : s);
  const status = statuses[statuses.length - 1]!;
  const weights = { submitted: 0, needs_correction: 0, approved: 0, registered: 0, rejected: 0, deleted: 0, [status]: 1 };
  const [row] = (
    await seedRegistrations(h, 1, {
      now: at(created),
      spanDays: 0.0001,
      cadres: 0,
      startIndex: nextIndex++,
      statusWeights: weights,
      cipher: h.runtime.store.cipher,
      tweak: (d) => (d.groupId = group),
    })
  ).rows;
  const db = dbOf(h);
  if (channel) await db.run('UPDATE registrations SET channel = ? WHERE id = ?', [channel, row!.id]);
  const event = (...values: unknown[]) =>
    db.run("INSERT INTO registration_events (registration_id, at, actor_kind, actor_id, action, from_status, to_status) VALUES (?, ?, ?, 'ana', ?, ?, ?)", values);
  await event(row!.id, at(created), 'applicant', 'submitted', null, 'submitted');
  for (const [i, [day, s]] of history.entries()) await event(row!.id, at(day, 11 + i), 'officer', s === 'undone' ? 'decision_undone' : 'status_changed', statuses[i], statuses[i + 1]);
  return row!.id;
}

/** The scene: October and November 2026, pekerja rentan and perangkat desa, one test registration. */
async function scene() {
  await registration('2026-10-05', 'pekerja_rentan', [['2026-10-10', 'approved'], ['2026-11-02', 'registered']]);
  await registration('2026-10-06', 'pekerja_rentan', [['2026-10-12', 'approved']]);
  await registration('2026-10-07', 'pekerja_rentan', [['2026-11-03', 'approved']]);
  await registration('2026-10-08', 'perangkat_desa', [['2026-10-09', 'needs_correction']]);
  await registration('2026-10-09', 'mandiri', [['2026-10-20', 'rejected']]);
  // Approved, then the approval undone within its window: no decision, not covered.
  await registration('2026-10-10', 'pekerja_rentan', [['2026-10-11', 'approved'], ['2026-10-11', 'undone']]);
  await registration('2026-11-20', 'perangkat_desa', [['2026-11-21', 'approved']]);
  await registration('2026-11-21', 'pekerja_rentan');
  // Made in the console's chat simulator: counted nowhere.
  await registration('2026-10-15', 'pekerja_rentan', [['2026-10-16', 'approved']], 'web');
  await registration('2026-11-15', 'pekerja_rentan', [['2026-11-16', 'approved']], 'web');
}

/** The text of the element carrying data-<attr>="<value>" (tags stripped). */
function figure(html: string, attr: string, value: string): string {
  const start = html.indexOf(`data-${attr}="${value}"`);
  if (start < 0) return '';
  const from = html.indexOf('>', start) + 1;
  const end = html.indexOf(attr === 'total' ? '</div>' : '</p>', from);
  return html.slice(from, end).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

async function page(path: string): Promise<string> {
  const c = client(con.web);
  await c.login('budi');
  const { res, html } = await c.get(path);
  expect(res.status).toBe(200);
  return html;
}

describe('figures for a month', () => {
  it('counts new registrations and decisions in the month, undone decisions and simulator tests left out', async () => {
    await scene();
    const oct = await monthFigures(h.runtime.store.sql, '2026-10', TZ);
    expect(oct).toMatchObject({ newTotal: 6, newByCadre: 0, decisions: { approved: 2, needs_correction: 1, rejected: 1, registered: 0 } });
    expect(oct.newByGroup).toEqual([
      { groupId: 'pekerja_rentan', count: 4 },
      { groupId: 'mandiri', count: 1 },
      { groupId: 'perangkat_desa', count: 1 },
    ]);
    const nov = await monthFigures(h.runtime.store.sql, '2026-11', TZ);
    expect(nov).toMatchObject({ newTotal: 2, decisions: { approved: 2, needs_correction: 0, rejected: 0, registered: 1 } });
  });

  it('gives the coverage a month ended with, whatever happened after', async () => {
    await scene();
    expect(await coveredAt(h.runtime.store.sql, dayStart('2026-11-01', TZ))).toEqual(new Map([['pekerja_rentan', 2]]));
    expect(await coveredAt(h.runtime.store.sql, dayStart('2026-12-01', TZ))).toEqual(
      new Map([
        ['pekerja_rentan', 3],
        ['perangkat_desa', 1],
      ]),
    );
  });
});

describe('the dashboard', () => {
  it('shows totals, coverage against the target and the yearly cost against the budget, without test registrations', async () => {
    await scene();
    const html = await page('/dashboard');
    // 8 real registrations (the two from the simulator are not counted).
    expect(figure(html, 'total', 'all')).toBe('Semua pendaftaran 8');
    expect(figure(html, 'total', 'waiting')).toBe('Menunggu keputusan 2');
    expect(figure(html, 'total', 'covered')).toBe('Disetujui + terdaftar 4');
    // 13.000 before Lindung + 3 pekerja rentan approved or registered through it.
    expect(figure(html, 'figure', 'coverage')).toBe('13.003 dari 15.000 (87%)');
    expect(html).toContain('13.000 sudah terlindungi sebelum Lindung, 3 lewat Lindung (disetujui + terdaftar).');
    // (13.000 + 3) × Rp16.800 × 12 + 1 perangkat desa × Rp16.800 × 12 = Rp2.621.606.400 of Rp3.100.000.000.
    expect(figure(html, 'figure', 'cost')).toBe('Rp2.621.606.400 per tahun dari anggaran Rp3.100.000.000 (85%)');
    expect(html).toContain('sisa Rp478.393.600');
    expect(html).toContain('JKK Rp10.000 + JKM Rp6.800');
    expect(html).toContain('Permenaker 5/2021');
  });

  it('writes weeks the Indonesian way, each title once, and every word outside the scaled SVG', async () => {
    await scene();
    const html = await page('/dashboard');
    // The week of Monday 16 Nov 2026 and the one across the month, never "11-16" or "16/11".
    expect(html).toContain('<span class="chart-label">16–22 Nov</span>');
    expect(html).toContain('<span class="chart-label">26 Okt–1 Nov</span>');
    expect(html).not.toMatch(/>\d{2}[-/]\d{2}</);
    for (const title of ['Pendaftaran per minggu', 'Jumlah per status', 'Pendaftaran per kecamatan']) {
      expect(html.split(`>${title}</h2>`).length - 1, title).toBe(1);
      expect(html.split(title).length - 1, title).toBe(2); // the heading and the chart's aria-label
    }
    expect(html).not.toMatch(/<svg[^>]*>(?:(?!<\/svg>).)*<text/s);
    expect(html).toContain('<a class="button secondary" href="/dashboard/report?month=2026-11">');
  });

  it('says what is missing when the settings have no target or budget, and when there is no data', async () => {
    const { coverageTarget: _t, budget: _b, ...older } = JSON.parse(JSON.stringify(SETTINGS)) as ProgrammeSettings;
    const { createConsole } = await import('../../src/console/app.js');
    const { RegencyRegistry } = await import('../../src/regencies.js');
    const { createTranslator } = await import('../../src/i18n.js');
    const { pino } = await import('pino');
    const web = createConsole({
      app: h.runtime.app,
      store: h.runtime.store,
      regencies: RegencyRegistry.single(ProgrammeSettingsSchema.parse(older)),
      translate: createTranslator(),
      timeZone: TZ,
      logger: pino({ level: 'silent' }),
      clock: () => h.clock.now,
    });
    const c = client(web);
    await c.login('budi');
    const { html } = await c.get('/dashboard');
    expect(html).toContain('Target cakupan belum diatur');
    expect(html).toContain('Anggaran belum diatur');
    expect(html).toContain('Belum ada data.');
    expect(html).not.toContain('NaN');
  });
});

describe('the monthly report', () => {
  it('gives a past month its new registrations, decisions, coverage at its end and the cost, for print', async () => {
    await scene();
    const html = await page('/dashboard/report?month=2026-10');
    expect(html).toContain('<title>Laporan bulanan Oktober 2026 · Lindung</title>');
    expect(figure(html, 'figure', 'new')).toBe('6 pendaftaran masuk bulan ini');
    expect(html).toContain('Cakupan pada akhir bulan (31 Oktober 2026)');
    const decisions = html.slice(html.indexOf('id="decisions-title"'), html.indexOf('id="month-coverage-title"'));
    const count = (label: string) => new RegExp(`<td>${label}</td><td class="num">(\\d+)</td>`).exec(decisions)?.[1];
    expect([count('Disetujui'), count('Diminta perbaikan'), count('Ditolak'), count('KPJ dicatat \\(terdaftar di BPJS\\)')]).toEqual(['2', '1', '1', '0']);
    // At the end of October two pekerja rentan were covered (the third was approved in November).
    expect(html).toContain('<td>Pekerja rentan (terdata di DTSEN/DTKS)</td><td class="num">2 dari 15.000 (&lt; 0,1%)</td>');
    expect(figure(html, 'figure', 'coverage')).toBe('13.002 dari 15.000 (87%)');
    expect(html).toContain('Pendaftaran uji dari simulator chat tidak dihitung.');
    // The month form and the navigation are not printed.
    expect(html).toContain('<form class="filters no-print"');
    expect(CONSOLE_CSS).toMatch(/@media print\{header,form,\.no-print\{display:none\}/);
    expect(html).toContain('href="/dashboard/report?month=2026-09"');
    expect(html).toContain('href="/dashboard/report?month=2026-11"');
  });

  it('shows the current month up to today, and falls back to it for a month that is malformed or still to come', async () => {
    await scene();
    for (const q of ['', '?month=2026-11', '?month=2026-13', '?month=2027-01', '?month=<b>']) {
      const html = await page(`/dashboard/report${q}`);
      expect(html, q).toContain('<title>Laporan bulanan November 2026 · Lindung</title>');
      expect(html, q).toContain('Cakupan sampai hari ini (22 November 2026)');
      expect(html, q).not.toContain('Bulan berikutnya');
    }
  });
});

describe('settings still to fill in', () => {
  it('the dashboard lists, in words, what the regency preset does not state; nothing for a complete file', async () => {
    expect(await page('/dashboard')).not.toContain('Pengaturan program belum lengkap');
    const other = await startHarness();
    const preset = await startConsole(other, { settingsPath: 'data/regencies/banjar.json' });
    const c = client(preset.web);
    await c.login('budi');
    const { html } = await c.get('/dashboard');
    await cleanup(other);
    const box = html.slice(html.indexOf('<section class="flash error unfilled"'), html.indexOf('</section>', html.indexOf('unfilled')));
    expect(box).toContain('Pengaturan program belum lengkap');
    expect(box).toContain('<li>Telepon kantor</li>');
    expect(box).toContain('<li>Kuota: Pekerja rentan</li>');
    expect(box).not.toMatch(/<li>[a-zA-Z.]+<\/li>/); // no raw setting path
  });
});
