import { readFileSync } from 'node:fs';
import { getDistricts, getVillages } from 'idn-area-data';
import { describe, expect, it } from 'vitest';
import { displayName, findRegencyCode, presetFiles, regeneratePreset } from '../../scripts/regency-areas.js';
import { loadProgrammeSettings, NOT_FILLED, ProgrammeSettingsSchema, unfilledSettings, type ProgrammeSettings } from '../../src/settings.js';
import { unfilledLabel } from '../../src/console/labels.js';
import { createTranslator } from '../../src/i18n.js';

const translate = createTranslator();

const files = presetFiles();
const load = (slug: string): ProgrammeSettings => loadProgrammeSettings(`data/regencies/${slug}.json`);
const figure = (s: ProgrammeSettings, key: string): number | string | undefined => s.figures?.[key]?.value;
const raw = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('regency presets (data/regencies/)', () => {
  it('ships the four regencies of the public reports, each loading through the ordinary settings loader', async () => {
    expect(files.map((f) => f.replace('data/regencies/', ''))).toEqual(['bangka-barat.json', 'banjar.json', 'barito-utara.json', 'tanah-bumbu.json']);
    const codes: Record<string, string> = {};
    for (const file of files) {
      const s = loadProgrammeSettings(file);
      codes[s.regency.name] = s.regency.code!;
      expect(s.regency.code).toBe(await findRegencyCode(s.regency.name, s.regency.province!));
    }
    expect(codes).toEqual({
      'Kabupaten Bangka Barat': '19.05',
      'Kabupaten Banjar': '63.03',
      'Kabupaten Barito Utara': '62.05',
      'Kabupaten Tanah Bumbu': '63.10',
    });
  });

  it('has every kecamatan and desa of the regency from idn-area-data, with its code, and nothing else', async () => {
    const districts = await getDistricts();
    const villages = await getVillages();
    for (const file of files) {
      const committed = raw(file);
      // The generator run again in memory gives exactly the committed areas.
      expect((await regeneratePreset(committed as never)).areas, file).toEqual(committed.areas);
      const s = loadProgrammeSettings(file);
      const code = s.regency.code!;
      const official = districts.filter((d) => d.regency_code === code);
      expect(s.areas.map((a) => a.code).sort(), file).toEqual(official.map((d) => d.code).sort());
      for (const a of s.areas) {
        const d = official.find((x) => x.code === a.code)!;
        expect(a.kecamatan).toBe(displayName(d.name));
        const desa = villages.filter((v) => v.district_code === a.code);
        expect(a.desaCodes!.slice().sort()).toEqual(desa.map((v) => v.code).sort());
        a.desa.forEach((name, i) => expect(name).toBe(displayName(desa.find((v) => v.code === a.desaCodes![i])!.name)));
      }
    }
  });

  it('shows names as the bot does: capitals to title case, any other official spelling kept', () => {
    expect(displayName('KABUPATEN  TANAH BUMBU ')).toBe('Kabupaten Tanah Bumbu');
    expect(displayName('SUNGAI TABUK-HULU')).toBe('Sungai Tabuk-Hulu');
    expect(displayName('Aluh Aluh')).toBe('Aluh Aluh');
    expect(displayName('Teluk deKat')).toBe('Teluk deKat');
  });

  it('cites a known, dated source for every figure and every group', () => {
    for (const file of files) {
      const s = loadProgrammeSettings(file);
      const ids = new Set(s.sources!.map((x) => x.id));
      expect(Object.keys(s.figures ?? {}).length, file).toBeGreaterThan(0);
      for (const [key, f] of Object.entries(s.figures!)) expect(ids.has(f.sourceId), `${file} ${key}`).toBe(true);
      for (const g of s.groups) expect(g.sourceId && ids.has(g.sourceId), `${file} ${g.id}`).toBeTruthy();
      for (const src of s.sources!) {
        if (src.kind === 'public report') expect(src.date, `${file} ${src.id}`).toBeDefined();
        else expect(src.what).toBe('DOMAIN.md (national rule)');
      }
    }
  });

  it('lists every placeholder as not stated, and unfilledSettings reports them with labels', () => {
    for (const file of files) {
      const s = loadProgrammeSettings(file);
      const unfilled = unfilledSettings(s);
      const paths = unfilled.map((u) => u.path);
      for (const p of ['office.address', 'office.phone', 'office.hours', 'consentVersion', 'retentionDays', 'ageLimits.min', 'payment.channels', 'coverStart']) {
        expect(paths, file).toContain(p);
      }
      expect(s.office.phone).toBe(NOT_FILLED);
      for (const g of s.groups.filter((x) => x.funded)) expect(paths, `${file} ${g.id}`).toContain(`groups.${g.id}.quota`);
      // Each in words, in both languages (console.unfilled), never its path.
      for (const lang of ['id', 'en'] as const) for (const u of unfilled) expect(unfilledLabel(translate(lang), u), `${file} ${lang}`).not.toBe(u.path);
    }
    const quota = unfilledSettings(load('banjar')).find((u) => u.path === 'groups.pekerja_rentan.quota')!;
    expect(unfilledLabel(translate('id'), quota)).toBe('Kuota: Pekerja rentan');
  });

  it('refuses a placeholder that is not listed as not stated, a figure that disagrees with its setting, an unknown source', () => {
    const good = raw('data/regencies/banjar.json') as { notStated: string[]; figures: Record<string, { value: unknown; sourceId: string }>; groups: { sourceId: string }[] };
    const issues = (v: unknown): string[] => {
      const r = ProgrammeSettingsSchema.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues(good)).toEqual([]);
    expect(issues({ ...good, notStated: good.notStated.filter((p) => p !== 'office.phone') })).toEqual([`office.phone: "${NOT_FILLED}" must be listed in notStated`]);
    expect(issues({ ...good, figures: { ...good.figures, 'coverageTarget.count': { ...good.figures['coverageTarget.count'], value: 16000 } } })[0]).toMatch(/^figures\.coverageTarget\.count\.value: the setting coverageTarget\.count is 15000/);
    expect(issues({ ...good, figures: { ...good.figures, 'reported.x': { value: 1, sourceId: 'nowhere' } } })).toEqual(['figures.reported.x.sourceId: unknown source "nowhere"']);
    expect(issues({ ...good, notStated: [...good.notStated, 'groups.nobody.quota'] })[0]).toMatch(/no such setting "groups\.nobody\.quota"/);
  });

  it('the fictional example still loads and has nothing unfilled', () => {
    const s = loadProgrammeSettings('data/programme.example.json');
    expect(unfilledSettings(s)).toEqual([]);
    expect(s.sources).toBeUndefined();
  });

  it('carries the figures of the reports as the issue states them', () => {
    const banjar = load('banjar');
    expect(banjar.coverageTarget).toMatchObject({ count: 15_000, coveredBefore: 13_251, groups: ['pekerja_rentan'] });
    expect(figure(banjar, 'coverageTarget.count')).toBe(15_000);
    expect(figure(banjar, 'coverageTarget.coveredBefore')).toBe(13_251);
    expect(figure(banjar, 'reported.previousTarget')).toBe(10_000);
    expect(figure(banjar, 'reported.informalWorkers')).toBe(110_000);
    expect(figure(banjar, 'reported.informalRegistered')).toBe(13_000);
    expect(banjar.groups.find((g) => g.id === 'pekerja_rentan')).toMatchObject({ fundedBy: 'APBD', programmes: ['JKK', 'JKM'], reviewedBy: 'Disnakertrans' });
    expect(banjar.groups.find((g) => g.id === 'perangkat_desa')?.reviewedBy).toBe('Dinas PMD');

    const bangka = load('bangka-barat');
    expect(figure(bangka, 'reported.province.pekerjaRentanFunded')).toBe(3_750);
    expect(bangka.groups.find((g) => g.id === 'pekerja_rentan')).toMatchObject({ fundedBy: 'APBD', fundingLevel: 'province' });
    expect(bangka.groups.map((g) => g.id)).toEqual(['perangkat_desa', 'bpd', 'lkd', 'pekerja_rentan', 'mandiri']);

    const tanah = load('tanah-bumbu');
    expect(figure(tanah, 'reported.covered.villageWorkers')).toBe(8_146);
    expect(figure(tanah, 'reported.covered.pekerjaRentanDesa')).toBe(2_192);
    expect(tanah.groups.filter((g) => g.kind === 'village_role').map((g) => [g.id, g.fundedBy])).toEqual([
      ['perangkat_desa', 'ADD'], ['bpd', 'ADD'], ['lkd', 'ADD'], ['kader', 'ADD'],
    ]);

    const barito = load('barito-utara');
    const parts = ['perangkat_desa', 'rtrw', 'bpd', 'non_asn', 'pekerja_rentan'].map((k) => figure(barito, `reported.covered.${k}`));
    expect(parts).toEqual([888, 674, 284, 3_842, 15_330]);
    expect((parts as number[]).reduce((a, b) => a + b, 0)).toBe(21_018);
    expect(figure(barito, 'reported.covered.total')).toBe(21_018);
    expect(figure(barito, 'reported.cost')).toBe(4_972_965_376);
    expect(barito.figures!['reported.coveragePercent']).toMatchObject({ value: 86.4, unit: 'percent', asOf: '2024-10' });
    expect(barito.groups.find((g) => g.id === 'pekerja_rentan')?.programmes).toEqual(['JKK', 'JKM', 'JHT']);
    expect(barito.budget).toBeUndefined();
  });
});
