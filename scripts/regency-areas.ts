// Writes the `areas` (kecamatan -> desa/kelurahan, with official codes) of the regency presets in
// data/regencies/ from idn-area-data, so no area is typed by hand. Run with tsx:
//   npx tsx scripts/regency-areas.ts            every preset in data/regencies/
//   npx tsx scripts/regency-areas.ts 63.03 ...  the presets with these regency codes
//   npx tsx scripts/regency-areas.ts --check    change nothing; exit 1 when a preset is out of date
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';

export const PRESET_DIR = 'data/regencies';

export type GeneratedArea = { kecamatan: string; code: string; desa: string[]; desaCodes: string[] };

/** The name as the bot shows it: whitespace tidied; an all-capitals name in title case, any other spelling kept. */
export function displayName(name: string): string {
  const tidy = name.trim().replace(/\s+/g, ' ');
  if (/\p{Ll}/u.test(tidy)) return tidy;
  return tidy.toLowerCase().replace(/(^|[\s\-('/.])(\p{Ll})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

const byCode = (a: { code: string }, b: { code: string }): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const upper = (s: string): string => s.trim().replace(/\s+/g, ' ').toUpperCase();

/** The official regency code (e.g. "63.03") of a regency named as in the register, within its province; throws unless exactly one. */
export async function findRegencyCode(name: string, province: string): Promise<string> {
  const provinces = (await getProvinces()).filter((p) => upper(p.name) === upper(province));
  if (provinces.length !== 1) throw new Error(`province "${province}": ${provinces.length} matches in idn-area-data`);
  const regencies = (await getRegencies()).filter((r) => r.province_code === provinces[0]!.code && upper(r.name) === upper(name));
  if (regencies.length !== 1) throw new Error(`regency "${name}" in ${province}: ${regencies.length} matches in idn-area-data`);
  return regencies[0]!.code;
}

let villages: Promise<Map<string, { code: string; name: string }[]>> | undefined;
function villagesByDistrict(): Promise<Map<string, { code: string; name: string }[]>> {
  villages ??= getVillages().then((all) => {
    const map = new Map<string, { code: string; name: string }[]>();
    for (const v of all) map.set(v.district_code, [...(map.get(v.district_code) ?? []), { code: v.code, name: v.name }]);
    return map;
  });
  return villages;
}

/** Every kecamatan of a regency with every desa/kelurahan, in official code order. */
export async function regencyAreas(regencyCode: string): Promise<GeneratedArea[]> {
  const districts = (await getDistricts()).filter((d) => d.regency_code === regencyCode).sort(byCode);
  if (!districts.length) throw new Error(`no kecamatan for regency code ${regencyCode} in idn-area-data`);
  const byDistrict = await villagesByDistrict();
  return districts.map((d) => {
    const desa = [...(byDistrict.get(d.code) ?? [])].sort(byCode);
    if (!desa.length) throw new Error(`no desa for kecamatan ${d.code} ${d.name} in idn-area-data`);
    return { kecamatan: displayName(d.name), code: d.code, desa: desa.map((v) => displayName(v.name)), desaCodes: desa.map((v) => v.code) };
  });
}

type PresetJson = { regency: { name: string; province?: string; code?: string }; areas?: unknown; [key: string]: unknown };

/** The preset with its regency code (found by name and province) and its areas regenerated; other keys keep their order. */
export async function regeneratePreset(preset: PresetJson): Promise<PresetJson> {
  const { name, province } = preset.regency;
  if (!province) throw new Error(`${name}: regency.province is needed to find its code`);
  const code = await findRegencyCode(name, province);
  if (preset.regency.code && preset.regency.code !== code) throw new Error(`${name}: regency.code ${preset.regency.code}, but idn-area-data has ${code}`);
  return { ...preset, regency: { ...preset.regency, code }, areas: await regencyAreas(code) };
}

export const presetFiles = (dir = PRESET_DIR): string[] =>
  readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));

export const formatPreset = (preset: unknown): string => `${JSON.stringify(preset, null, 2)}\n`;

async function main(args: string[]): Promise<number> {
  const check = args.includes('--check');
  const codes = args.filter((a) => !a.startsWith('--'));
  let stale = 0;
  for (const file of presetFiles()) {
    const text = readFileSync(file, 'utf8');
    const preset = JSON.parse(text) as PresetJson;
    if (codes.length && !codes.includes(preset.regency.code ?? '')) continue;
    const out = formatPreset(await regeneratePreset(preset));
    const areas = (await regencyAreas((JSON.parse(out) as PresetJson).regency.code!)).length;
    if (out === text) {
      console.log(`${file}: up to date (${areas} kecamatan)`);
    } else if (check) {
      stale += 1;
      console.log(`${file}: out of date`);
    } else {
      writeFileSync(file, out);
      console.log(`${file}: written (${areas} kecamatan)`);
    }
  }
  return stale ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error((err as Error).message);
      process.exit(2);
    },
  );
}
