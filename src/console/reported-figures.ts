// What the public reports say about a regency, as its settings file records it (`figures` keyed
// `reported.…`, each with its source and date): shown on the regency's dashboard ("Angka dari
// laporan publik") and, for the people reported covered, in the combined view's "Dilaporkan" cell,
// so a regency whose file sets no target still shows its real numbers. Every number shown is one
// the file gives: nothing is summed, estimated or filled in. Figures keyed by a setting path
// (`coverageTarget.count`, `office.name`) are settings, shown where the setting is.
import { keyIn } from '../core/locale-key.js';
import type { T } from '../core/types.js';
import { formatRupiah } from '../domain/income.js';
import { NOT_STATED, type ProgrammeSettings } from '../settings.js';
import { formatNumber } from './charts.js';

type FigureEntry = NonNullable<ProgrammeSettings['figures']>[string];
type SourceEntry = NonNullable<ProgrammeSettings['sources']>[number];

/** One reported figure with its source found. */
export interface ReportedFigure {
  /** Its key in the settings file, e.g. "reported.covered.total". */
  key: string;
  value: number | string;
  unit?: 'people' | 'rupiah' | 'percent' | undefined;
  /** yyyy-mm(-dd), or "not stated". */
  asOf?: string | undefined;
  note?: string | undefined;
  /** The report it comes from (undefined only if the file names an unknown one, which validation refuses). */
  source?: SourceEntry | undefined;
  /** For `reported.covered.<x>`: the label of the regency's group <x> names (camelCase or snake_case), if any. */
  group?: string | undefined;
}

const PREFIX = 'reported.';
const snake = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** Read first when a report gives them: the total covered, the coverage, the cost; then the rest in the file's order. */
const LEAD = ['reported.covered.total', 'reported.coveragePercent', 'reported.cost'];
const lead = (key: string): number => (LEAD.includes(key) ? LEAD.indexOf(key) : LEAD.length);

/** The `reported.…` figures of a regency's settings, each with its source (and group) found: the lead ones first, then the file's order. */
export function reportedFigures(settings: ProgrammeSettings): ReportedFigure[] {
  const sources = new Map((settings.sources ?? []).map((s) => [s.id, s]));
  return Object.entries(settings.figures ?? {})
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([key, f]: [string, FigureEntry]): ReportedFigure => {
      const rest = key.slice(PREFIX.length).split('.');
      const group = rest[0] === 'covered' && rest.length === 2 ? settings.groups.find((g) => g.id === snake(rest[1]!))?.label.id : undefined;
      return { key, value: f.value, unit: f.unit, asOf: f.asOf, note: f.note, source: sources.get(f.sourceId), group };
    })
    .sort((a, b) => lead(a.key) - lead(b.key));
}

/** Reported figures that count people covered (not a target, a population or a share) and are headline figures for the combined view. */
const COVERED_ELSEWHERE = new Set(['reported.informalRegistered', 'reported.province.pekerjaRentanFunded']);

/**
 * The people a regency is reported to cover, for the combined view's cell: the reported total if
 * there is one, else each `reported.covered.…` figure, else the other figures of people covered
 * (registered and paid, funded by the province). None: nothing of the kind is reported.
 */
export function headlineFigures(figures: readonly ReportedFigure[]): ReportedFigure[] {
  const people = figures.filter((f) => f.unit === 'people' && typeof f.value === 'number');
  const total = people.find((f) => f.key === 'reported.covered.total');
  if (total) return [total];
  const covered = people.filter((f) => f.key.startsWith('reported.covered.'));
  if (covered.length) return covered;
  return people.filter((f) => COVERED_ELSEWHERE.has(f.key));
}

/** "sekitar …" when the figure's note says it is approximate ("about …"). */
const isApproximate = (f: ReportedFigure): boolean => /^\s*(about|approximately|around|roughly|sekitar|kurang lebih)\b/i.test(f.note ?? '');

/** Words made from a key's part: "pekerjaRentanDesa" / "non_asn" → "pekerja rentan desa" / "non asn". */
const keyWords = (part: string): string => snake(part).replace(/_+/g, ' ').trim();

/** A translation if the locale has one (the key back means it has none). */
function known(t: T, namespace: 'console.reported.label.' | 'console.reported.what.' | 'console.reported.headline.', name: string, params?: Record<string, unknown>): string | undefined {
  if (!/^[A-Za-z0-9_]+$/.test(name)) return undefined; // a name i18next would read as syntax (":", "|") has no words
  const key = keyIn(namespace, name);
  const text = t(key, params);
  return text === key ? undefined : text;
}

/** The name after `reported.covered.` ("villageWorkers"), or undefined for another kind of figure. */
const coveredName = (f: ReportedFigure): string | undefined => (/^reported\.covered\.([^.]+)$/.exec(f.key) ?? [])[1];

/** Words for who a `reported.covered.<x>` figure counts: the locale's, the group's label, else none. */
const coveredWhat = (t: T, f: ReportedFigure, name: string): string | undefined => known(t, 'console.reported.what.', name) ?? f.group;

/**
 * What a figure is, in words: the locale's words for a known key ("Jumlah terlindungi"), "Terlindungi:
 * <the group it names>", else words made from its key with the file's note (the report's own words).
 */
export function reportedLabel(t: T, f: ReportedFigure): string {
  const parts = f.key.slice(PREFIX.length).split('.');
  const own = known(t, 'console.reported.label.', parts.join('_'));
  if (own) return own;
  const name = coveredName(f);
  const what = name === undefined ? undefined : coveredWhat(t, f, name);
  if (what) return t('console.reported.label_covered', { what });
  const words = parts.slice(parts[0] === 'covered' || parts[0] === 'province' ? 1 : 0).map(keyWords).join(' ');
  const label =
    parts[0] === 'covered' && parts.length > 1
      ? t('console.reported.label_covered', { what: words })
      : parts[0] === 'province' && parts.length > 1
        ? t('console.reported.label_province', { what: words })
        : t('console.reported.label_any', { what: words });
  return f.note ? t('console.reported.label_noted', { label, note: f.note }) : label;
}

/** Decimals of a reported percentage: as the report gives them, at least two when it has any ("86,40"). */
function formatReportedPercent(p: number): string {
  const decimals = Number.isInteger(p) ? 0 : Math.max(2, String(p).split('.')[1]?.length ?? 0);
  return new Intl.NumberFormat('id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(p);
}

/** The figure with its unit, written the Indonesian way: "21.018 orang", "Rp4.972.965.376", "86,40%", "sekitar 3.750 orang". */
export function reportedValue(t: T, f: ReportedFigure): string {
  if (typeof f.value === 'string') return f.value;
  const v = f.value;
  const text =
    f.unit === 'people'
      ? t('console.reported.people', { n: formatNumber(v) })
      : f.unit === 'rupiah'
        ? formatRupiah(v)
        : f.unit === 'percent'
          ? t('console.reported.percent', { n: formatReportedPercent(v) })
          : formatNumber(v);
  return isApproximate(f) ? t('console.reported.about', { value: text }) : text;
}

const MONTH_SHORT = new Intl.DateTimeFormat('id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const MONTH_LONG = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A report's or figure's date as its month ("Okt 2024", or "Oktober 2024" long); "tanpa tanggal" when the report gives none. */
export function reportMonth(t: T, date: string | undefined, style: 'short' | 'long' = 'short'): string {
  const m = /^(\d{4})-(\d{2})/.exec(date ?? '');
  if (!m || date === NOT_STATED) return t('console.reported.undated');
  return (style === 'short' ? MONTH_SHORT : MONTH_LONG).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

/** Under a figure: its source and the month it counts ("Laporan publik, Oktober 2024 · angka per Okt 2024"). */
export function figureSourceLine(t: T, f: ReportedFigure): string {
  const source = sourceWords(t, f.source);
  return /^\d{4}-\d{2}/.test(f.asOf ?? '') ? t('console.reported.from', { source, month: reportMonth(t, f.asOf) }) : t('console.reported.from_undated', { source });
}

/** A source in a few words: "Laporan publik, Oktober 2024" (with its publisher when the file names one). */
export function sourceWords(t: T, source: SourceEntry | undefined): string {
  if (!source) return t('console.reported.unknown_source');
  const kind = t(source.kind === 'public report' ? 'console.reported.kind.public_report' : 'console.reported.kind.national_rule');
  const named = source.publisher ? t('console.reported.kind_publisher', { kind, publisher: source.publisher }) : kind;
  return source.date ? t('console.reported.source_dated', { source: named, date: reportMonth(t, source.date, 'long') }) : named;
}

/**
 * The combined view's "Dilaporkan" cell: "21.018 orang terlindungi (Okt 2024)", "8.146 pekerja desa
 * dan 2.192 pekerja rentan desa terlindungi (Apr 2025)"; null when nothing of the kind is reported.
 */
export function headlineWords(t: T, figures: readonly ReportedFigure[]): string | null {
  if (figures.length === 0) return null;
  const months = [...new Set(figures.map((f) => reportMonth(t, f.asOf)))].join(', ');
  const covered = figures.map((f) => [f, coveredName(f)] as const);
  let text: string;
  if (figures.length === 1 && figures[0]!.key === 'reported.covered.total') {
    text = t('console.reported.short.total', { n: numberOf(t, figures[0]!) });
  } else if (covered.every(([, name]) => name !== undefined)) {
    const items = covered.map(([f, name]) => {
      const what = coveredWhat(t, f, name!);
      return t('console.reported.short.item', { n: numberOf(t, f), what: what ? lowerFirst(what) : keyWords(name!) });
    });
    text = t('console.reported.short.covered', { list: listWords(t, items) });
  } else {
    const items = figures.map(
      (f) =>
        known(t, 'console.reported.headline.', f.key.slice(PREFIX.length).replace(/\./g, '_'), { n: numberOf(t, f) }) ??
        t('console.reported.short.item', { n: numberOf(t, f), what: lowerFirst(reportedLabel(t, f)) }),
    );
    text = listWords(t, items);
  }
  return t('console.reported.short.dated', { figure: text, month: months });
}

/** "Pekerja rentan desa" → "pekerja rentan desa" (an acronym such as "BPD" stays). */
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** The number alone, "sekitar" included when approximate: "3.750", "sekitar 3.750". */
function numberOf(t: T, f: ReportedFigure): string {
  const n = typeof f.value === 'number' ? formatNumber(f.value) : f.value;
  return isApproximate(f) ? t('console.reported.about', { value: n }) : n;
}

/** "a", "a dan b", "a, b dan c". */
function listWords(t: T, items: string[]): string {
  if (items.length <= 1) return items.join('');
  return t('console.reported.list', { items: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}
