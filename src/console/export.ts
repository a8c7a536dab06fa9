// Export of filtered registrations for entering people into BPJS Ketenagakerjaan's own systems:
// CSV (Excel-friendly) or XLSX. Holds the full NIK on purpose; the caller records the export in
// the audit log.
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { RegistrationData, RegistrationStatus } from '../core/types.js';
import type { ProgrammeSettings } from '../settings.js';
import { dayIn, DEFAULT_TIME_ZONE } from '../domain/time.js';
import { loadLocales } from '../i18n.js';
import type { ExportRecord } from '../storage/queue.js';
import { writeXlsxSheet, type XlsxCell } from './xlsx.js';

/** One exported registration; empty strings where a value is missing (or the row was deleted). */
export interface ExportRow {
  reference: string;
  status: RegistrationStatus;
  /** Day of submission, yyyy-mm-dd in the regency's time zone. */
  submittedAt: string;
  fullName: string;
  nik: string;
  birthPlace: string;
  /** dd-mm-yyyy */
  birthDate: string;
  sex: 'L' | 'P' | '';
  address: string;
  desa: string;
  kecamatan: string;
  /** E.164 (+62…) */
  phone: string;
  occupation: string;
  monthlyIncome: number | null;
  group: string;
  /** e.g. 'JKK+JKM' */
  programmes: string;
  heirName: string;
  heirRelation: string;
  motherName: string;
  kpj: string;
  officerNote: string;
  submittedBy: 'applicant' | 'cadre' | '';
}

export interface ExportColumn {
  key: keyof ExportRow;
  header: string;
  /** Width in characters in the XLSX. */
  width: number;
  /** Kept as text in the XLSX so Excel never turns it into a number (NIK, phone, KPJ). */
  text?: boolean;
}

/** Columns in order, with Indonesian headers for the officers. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'reference', header: 'Kode', width: 10 },
  { key: 'status', header: 'Status', width: 16 },
  { key: 'submittedAt', header: 'Tanggal kirim', width: 12 },
  { key: 'fullName', header: 'Nama lengkap', width: 28 },
  { key: 'nik', header: 'NIK', width: 19, text: true },
  { key: 'birthPlace', header: 'Tempat lahir', width: 16 },
  { key: 'birthDate', header: 'Tanggal lahir', width: 12 },
  { key: 'sex', header: 'Jenis kelamin', width: 8 },
  { key: 'address', header: 'Alamat', width: 36 },
  { key: 'desa', header: 'Desa', width: 18 },
  { key: 'kecamatan', header: 'Kecamatan', width: 18 },
  { key: 'phone', header: 'No. HP', width: 16, text: true },
  { key: 'occupation', header: 'Pekerjaan', width: 22 },
  { key: 'monthlyIncome', header: 'Penghasilan per bulan (Rp)', width: 14 },
  { key: 'group', header: 'Kelompok', width: 16 },
  { key: 'programmes', header: 'Program', width: 12 },
  { key: 'heirName', header: 'Nama ahli waris', width: 24 },
  { key: 'heirRelation', header: 'Hubungan ahli waris', width: 16 },
  { key: 'motherName', header: 'Nama ibu kandung', width: 24 },
  { key: 'kpj', header: 'KPJ', width: 14, text: true },
  { key: 'officerNote', header: 'Catatan petugas', width: 30 },
  { key: 'submittedBy', header: 'Dikirim oleh', width: 10 },
];

let heirLabels: Record<string, string> | undefined;
/** Indonesian labels of the heir relations ('spouse' → 'Suami/istri'), from the locale file. */
function heirLabel(code: string): string {
  if (!heirLabels) {
    const reg = (loadLocales().id as { reg?: { heir?: Record<string, unknown> } }).reg;
    heirLabels = Object.fromEntries(
      Object.entries(reg?.heir ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  }
  return heirLabels[code] ?? code;
}

const dmy = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
};

/**
 * The export's rows for the registrations read from storage (storage/queue.ts exportRecords), one by
 * one as they are read; returns how many there were.
 * With `settings`, occupations chosen from the list are written with their Indonesian label.
 */
export function* exportRows(
  records: Iterable<ExportRecord>,
  timeZone: string = DEFAULT_TIME_ZONE,
  settings?: Pick<ProgrammeSettings, 'occupations'>,
): Generator<ExportRow, number, undefined> {
  const occupations = new Map((settings?.occupations ?? []).map((o) => [o.id, o.label.id]));
  let count = 0;
  for (const r of records) {
    count++;
    yield toExportRow(r, timeZone, occupations);
  }
  return count;
}

function toExportRow(r: ExportRecord, timeZone: string, occupations: Map<string, string>): ExportRow {
  let d: Partial<RegistrationData> = {};
  if (r.data) {
    try {
      d = JSON.parse(r.data) as Partial<RegistrationData>;
    } catch {
      d = {};
    }
  }
  const s = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    reference: r.reference,
    status: r.status,
    submittedAt: dayIn(timeZone, r.created_at),
    fullName: r.full_name ?? s(d.fullName),
    nik: r.nik ?? '',
    birthPlace: s(d.birthPlace),
    birthDate: dmy(s(d.birthDate)),
    sex: d.sex === 'M' ? 'L' : d.sex === 'F' ? 'P' : '',
    address: s(d.address),
    desa: r.desa ?? s(d.desa),
    kecamatan: r.kecamatan ?? s(d.kecamatan),
    phone: s(d.phone),
    occupation: occupations.get(s(d.occupation)) ?? s(d.occupation),
    monthlyIncome: typeof d.income === 'number' && Number.isFinite(d.income) ? d.income : null,
    group: r.group_id ?? s(d.groupId),
    programmes: Array.isArray(d.programmes) ? d.programmes.join('+') : '',
    heirName: s(d.heirName),
    heirRelation: d.heirRelation ? heirLabel(d.heirRelation) : '',
    motherName: s(d.motherName),
    kpj: r.kpj ?? '',
    officerNote: r.officer_note ?? '',
    submittedBy: d.submittedBy === 'cadre' ? 'cadre' : d.submittedBy === 'self' ? 'applicant' : '',
  };
}

/**
 * A text a spreadsheet would read as a formula (= + - @, or a leading tab/CR) gets a leading
 * single quote, so opening the file never runs anything (OWASP "CSV injection").
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Rows = Iterable<ExportRow> | AsyncIterable<ExportRow>;

async function* counted(rows: Rows, counter: { n: number }): AsyncGenerator<ExportRow> {
  for await (const r of rows) {
    counter.n++;
    yield r;
  }
}

/**
 * Writes the rows as CSV to `writable` and ends it: UTF-8 with a BOM (so Excel reads the
 * accents right), a header row, CRLF line ends and RFC 4180 quoting, formulas neutralised.
 * Waits for the writable (backpressure). Resolves to the number of data rows written.
 * Note: Excel still shows a 16-digit NIK opened from CSV in scientific notation; use XLSX for Excel.
 */
export async function writeCsv(rows: Rows, writable: Writable): Promise<number> {
  const counter = { n: 0 };
  const stringifier = stringify({
    bom: true,
    header: true,
    columns: EXPORT_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
    record_delimiter: '\r\n',
    quoted_match: /^\s|\s$/, // keep leading/trailing spaces visible to the reader
    cast: { string: (v) => neutraliseFormula(v) },
  });
  await pipeline(Readable.from(counted(rows, counter)), stringifier, writable);
  return counter.n;
}

/**
 * Writes the rows as an XLSX workbook (one sheet, the streaming writer in xlsx.ts) to `writable` and
 * ends it: bold frozen header, column widths, NIK/phone/KPJ as text cells ('@' format). Text is
 * stored as string cells, never formulas, so nothing needs neutralising. Resolves to the number
 * of data rows written.
 */
export async function writeXlsx(rows: Rows, writable: Writable): Promise<number> {
  async function* values() {
    for await (const r of rows) {
      yield EXPORT_COLUMNS.map((c): XlsxCell => {
        const v = r[c.key];
        return typeof v === 'number' ? v : v === null || v === '' ? null : String(v);
      });
    }
  }
  try {
    const n = await writeXlsxSheet(writable, 'Pendaftaran', EXPORT_COLUMNS, values());
    writable.end();
    return n;
  } catch (err) {
    writable.destroy(err as Error);
    throw err;
  }
}
