// What public reports say about each regency (its preset's `figures`, `reported.…` keys, each with its
// source and date): a block on the regency's dashboard ("Angka dari laporan publik") and a
// "Dilaporkan" cell in the combined view, so a regency whose file sets no target (Tanah Bumbu,
// Barito Utara, Bangka Barat) still shows its real reported numbers. Every number shown is one the
// file gives; a figure keyed by a setting path (Banjar's target) is not repeated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/console/charts.js';
import {
  figureSourceLine,
  headlineFigures,
  headlineWords,
  reportedFigures,
  reportedLabel,
  reportedValue,
  reportMonth,
  sourceWords,
  type ReportedFigure,
} from '../../src/console/reported-figures.js';
import { createTranslator } from '../../src/i18n.js';
import { loadProgrammeSettings, ProgrammeSettingsSchema, type ProgrammeSettings } from '../../src/settings.js';
import { client, hashedPassword, startConsole } from '../helpers/console.js';
import { cleanup, NOW, startHarness, type Harness } from '../helpers/harness.js';
import { seedRegistrations } from '../helpers/seed.js';
import { textOf } from './regencies-fixture.js';

const t = createTranslator()('id');
const en = createTranslator()('en');
const PRESETS = {
  banjar: { key: '63.03', path: 'data/regencies/banjar.json' },
  bangkaBarat: { key: '19.05', path: 'data/regencies/bangka-barat.json' },
  tanahBumbu: { key: '63.10', path: 'data/regencies/tanah-bumbu.json' },
  baritoUtara: { key: '62.05', path: 'data/regencies/barito-utara.json' },
} as const;
const preset = (name: keyof typeof PRESETS) => loadProgrammeSettings(PRESETS[name].path);
/** PROGRAMME_SETTINGS_PATH of a deployment serving all four presets. */
const FOUR = Object.values(PRESETS)
  .map((p) => p.path)
  .join(',');

const byKey = (figures: ReportedFigure[], key: string) => {
  const f = figures.find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return f;
};

describe('the figures a preset reports, in words', () => {
  it('Barito Utara: every figure with its unit the Indonesian way, its source and month; the total first', () => {
    const figures = reportedFigures(preset('baritoUtara'));
    expect(figures.map((f) => f.key)).toEqual([
      'reported.covered.total',
      'reported.coveragePercent',
      'reported.cost',
      'reported.covered.perangkat_desa',
      'reported.covered.rtrw',
      'reported.covered.bpd',
      'reported.covered.non_asn',
      'reported.covered.pekerja_rentan',
    ]);
    const total = byKey(figures, 'reported.covered.total');
    expect(reportedLabel(t, total)).toBe('Jumlah terlindungi');
    expect(reportedValue(t, total)).toBe('21.018 orang');
    expect(reportedValue(t, byKey(figures, 'reported.cost'))).toBe('Rp4.972.965.376');
    expect(reportedValue(t, byKey(figures, 'reported.coveragePercent'))).toBe('86,40%');
    expect(reportedLabel(t, byKey(figures, 'reported.coveragePercent'))).toBe('Cakupan kepesertaan');
    // A group the key names is called by its label in the settings; one with no group by the locale's words.
    expect(reportedLabel(t, byKey(figures, 'reported.covered.rtrw'))).toBe('Terlindungi: Ketua RT/RW');
    expect(reportedLabel(t, byKey(figures, 'reported.covered.non_asn'))).toBe('Terlindungi: pegawai non-ASN');
    expect(sourceWords(t, total.source)).toBe('Laporan publik, Oktober 2024');
    expect(figureSourceLine(t, total)).toBe('Laporan publik, Oktober 2024 · angka per Okt 2024');
    // The figure of a setting (ageLimits.officerReviewAbove) is no reported figure.
    expect(figures.some((f) => !f.key.startsWith('reported.'))).toBe(false);
    expect(headlineWords(t, headlineFigures(figures))).toBe('21.018 orang terlindungi (Okt 2024)');
    expect(headlineWords(en, headlineFigures(figures))).toBe('21.018 people covered (Okt 2024)');
  });

  it('Tanah Bumbu: the two covered figures side by side (never summed); a camelCase key finds its group', () => {
    const figures = reportedFigures(preset('tanahBumbu'));
    expect(reportedLabel(t, byKey(figures, 'reported.covered.villageWorkers'))).toBe('Terlindungi: pekerja desa (perangkat desa, BPD, LKD, kader posyandu)');
    expect(reportedLabel(t, byKey(figures, 'reported.covered.pekerjaRentanDesa'))).toBe('Terlindungi: Pekerja rentan desa');
    const cell = headlineWords(t, headlineFigures(figures));
    expect(cell).toBe('8.146 pekerja desa dan 2.192 pekerja rentan desa terlindungi (Apr 2025)');
    expect(cell).not.toContain(formatNumber(8146 + 2192));
  });

  it("Bangka Barat: the province's programme, approximate and undated as the report is", () => {
    const [f] = reportedFigures(preset('bangkaBarat'));
    expect(f!.key).toBe('reported.province.pekerjaRentanFunded');
    expect(reportedLabel(t, f!)).toBe('Pekerja rentan dibiayai APBD provinsi');
    expect(reportedValue(t, f!)).toBe('sekitar 3.750 orang');
    expect(figureSourceLine(t, f!)).toBe('Laporan publik, tanpa tanggal · tanggal angka tidak disebut');
    expect(headlineWords(t, headlineFigures([f!]))).toBe('sekitar 3.750 pekerja rentan dibiayai provinsi (tanpa tanggal)');
  });

  it("Banjar: its target's figures are settings (shown as the target), not repeated among the reported ones", () => {
    const s = preset('banjar');
    expect(Object.keys(s.figures!)).toEqual(expect.arrayContaining(['coverageTarget.count', 'coverageTarget.coveredBefore', 'office.name']));
    const figures = reportedFigures(s);
    expect(figures.map((f) => f.key)).toEqual(['reported.previousTarget', 'reported.informalWorkers', 'reported.informalRegistered']);
    expect(figures.map((f) => reportedValue(t, f))).toEqual(['10.000 orang', 'sekitar 110.000 orang', 'sekitar 13.000 orang']);
    expect(figures.map((f) => reportedValue(t, f)).join(' ')).not.toMatch(/15\.000|13\.251/);
    expect(headlineWords(t, headlineFigures(figures))).toBe('sekitar 13.000 pekerja informal dibayar kabupaten (Mei 2025)');
  });

  it('a key it has no words for is named from the key and the note; nothing reported gives no cell', () => {
    const base = preset('baritoUtara');
    const s: ProgrammeSettings = ProgrammeSettingsSchema.parse({
      ...JSON.parse(JSON.stringify(base)),
      figures: {
        'reported.covered.fisherFolk': { value: 412, unit: 'people', sourceId: 'barito-utara-2024-10', asOf: '2024-09', note: 'nelayan sungai' },
        'reported.villageFundShare': { value: 12.5, unit: 'percent', sourceId: 'barito-utara-2024-10', asOf: '2024-10' },
        'reported.province.kaderFunded': { value: 90, unit: 'people', sourceId: 'barito-utara-2024-10' },
      },
    });
    const figures = reportedFigures(s);
    expect(reportedLabel(t, byKey(figures, 'reported.covered.fisherFolk'))).toBe('Terlindungi: fisher folk (nelayan sungai)');
    expect(reportedLabel(t, byKey(figures, 'reported.villageFundShare'))).toBe('Dilaporkan: village fund share');
    expect(reportedValue(t, byKey(figures, 'reported.villageFundShare'))).toBe('12,50%');
    expect(reportedLabel(t, byKey(figures, 'reported.province.kaderFunded'))).toBe('Program provinsi: kader funded');
    expect(headlineWords(t, headlineFigures(figures))).toBe('412 fisher folk terlindungi (Sep 2024)');
    expect(headlineWords(t, headlineFigures([byKey(figures, 'reported.villageFundShare')]))).toBeNull();
    expect(reportMonth(t, undefined)).toBe('tanpa tanggal');
    expect(headlineWords(t, headlineFigures(reportedFigures(loadProgrammeSettings('data/programme.example.json'))))).toBeNull();
  });
});

describe('four regencies on the console', () => {
  let h: Harness;
  let prov: ReturnType<typeof client>;
  beforeAll(async () => {
    h = await startHarness({ env: { PROGRAMME_SETTINGS_PATH: FOUR } });
    const { web } = await startConsole(h);
    const { store, regencies } = h.runtime;
    for (const [i, p] of Object.values(PRESETS).entries()) {
      await seedRegistrations(h, 20, { settings: regencies.get(p.key), cipher: store.cipher, seed: i + 3, startIndex: i * 1000, now: NOW - 3_600_000, spanDays: 30 });
    }
    await store.officers.add({ username: 'provinsi', passwordHash: await hashedPassword(), role: 'officer', now: NOW, scope: { readOnly: true } });
    prov = client(web);
    expect((await prov.login('provinsi')).status).toBe(303);
  }, 60_000);
  afterAll(() => cleanup(h));

  it('the combined view gives every regency a "Dilaporkan" cell: its reported people covered with the month, or a dash', async () => {
    const { html } = await prov.get('/dashboard');
    expect(html).toContain(`<th>${t('console.scope.col_reported')}</th>`);
    const row = (key: string) => textOf(html, `data-regency="${key}"`);
    const reported = (key: string) => {
      const row = html.slice(html.indexOf(`data-regency="${key}"`));
      return textOf(row, 'data-figure="reported"');
    };
    expect(reported(PRESETS.baritoUtara.key)).toBe('21.018 orang terlindungi (Okt 2024)');
    expect(reported(PRESETS.tanahBumbu.key)).toBe('8.146 pekerja desa dan 2.192 pekerja rentan desa terlindungi (Apr 2025)');
    expect(reported(PRESETS.bangkaBarat.key)).toBe('sekitar 3.750 pekerja rentan dibiayai provinsi (tanpa tanggal)');
    expect(reported(PRESETS.banjar.key)).toBe('sekitar 13.000 pekerja informal dibayar kabupaten (Mei 2025)');
    // Beside each, its target as before: Banjar's from its file, the others none (none invented).
    expect(row(PRESETS.banjar.key)).toContain(`dari ${formatNumber(15_000)}`);
    for (const p of [PRESETS.baritoUtara, PRESETS.tanahBumbu, PRESETS.bangkaBarat]) expect(row(p.key)).toContain('target belum diatur');
    // The total sums no reported figure.
    const total = textOf(html, 'data-regency="total"');
    expect(total).not.toContain(formatNumber(21_018 + 8_146 + 2_192 + 3_750));
    expect(total).not.toContain('terlindungi (');
    expect(html).toContain(t('console.scope.reported_note'));
    // The printed report carries the same cell.
    const report = (await prov.get('/dashboard/report')).html;
    expect(textOf(report.slice(report.indexOf(`data-regency="${PRESETS.baritoUtara.key}"`)), 'data-figure="reported"')).toBe('21.018 orang terlindungi (Okt 2024)');
  });

  it("a regency's own dashboard lists its reported figures with their source and month; Banjar's target is not repeated there", async () => {
    const { html } = await prov.get(`/dashboard?regency=${PRESETS.baritoUtara.key}`);
    const card = html.slice(html.indexOf('<section class="card reported"'), html.indexOf('</section>', html.indexOf('<section class="card reported"')));
    expect(card).toContain(t('console.reported.title'));
    const item = (key: string) => textOf(card, `data-figure-key="${key}"`);
    expect(item('reported.covered.total')).toBe('Jumlah terlindungi 21.018 orang Laporan publik, Oktober 2024 · angka per Okt 2024');
    expect(item('reported.cost')).toContain('Rp4.972.965.376');
    expect(item('reported.coveragePercent')).toContain('86,40%');
    expect(item('reported.covered.perangkat_desa')).toContain('888 orang');
    expect(item('reported.covered.pekerja_rentan')).toContain('15.330 orang');
    // What the source says, folded underneath.
    expect(card).toContain('<details class="rf-sources">');
    expect(card).toContain('Public report (October 2024)');
    // Every number in the card's values is one the file gives.
    const values = [...card.matchAll(/<strong class="rf-value">([^<]+)<\/strong>/g)].map((m) => m[1]!);
    const given = Object.entries(preset('baritoUtara').figures!)
      .filter(([k]) => k.startsWith('reported.'))
      .map(([, f]) => f.value as number);
    expect(values).toHaveLength(given.length);
    for (const v of values) expect(given.some((g) => v.includes(formatNumber(Math.trunc(g)))), v).toBe(true);

    const banjar = (await prov.get(`/dashboard?regency=${PRESETS.banjar.key}`)).html;
    const banjarCard = banjar.slice(banjar.indexOf('<section class="card reported"'), banjar.indexOf('</section>', banjar.indexOf('<section class="card reported"')));
    expect(banjarCard).toContain('Target sebelumnya');
    expect(banjarCard).not.toContain('15.000');
    expect(banjarCard).not.toContain('13.251');
    expect(textOf(banjar, 'data-figure="coverage"')).toContain(`dari ${formatNumber(15_000)}`);
  });

  it('a regency whose file reports nothing shows no card', async () => {
    const other = await startHarness();
    try {
      const { web } = await startConsole(other);
      const c = client(web);
      await c.login('budi');
      const { html } = await c.get('/dashboard');
      expect(html).not.toContain('class="card reported"');
    } finally {
      await cleanup(other);
    }
  });
});
