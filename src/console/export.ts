// Export of filtered registrations for entering people into BPJS Ketenagakerjaan's own systems:
// CSV (Excel-friendly) or XLSX. Holds the full NIK on purpose; the caller records the export in
// the audit log.
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { fieldLabel, REGISTRATION_SCHEMA, showValue, type FieldDef, type ShowContext } from '../core/flows/registration-schema.js';
import type { T } from '../core/types.js';
import type { ProgrammeSettings } from '../settings.js';
import { cleanCell } from '../domain/text-clean.js';
import { dayIn, DEFAULT_TIME_ZONE } from '../domain/time.js';
import { createTranslator, loadLocales } from '../i18n.js';
import type { ExportRecord } from '../storage/queue.js';
import { writeXlsxSheet, type XlsxCell } from './xlsx.js';

/** One exported registration, by column key; null where a value is missing (or the row was deleted). */
export type ExportRow = Record<string, string | number | null>;

export interface ExportColumn {
  key: string;
  header: string;
  /** Width in characters in the XLSX. */
  width: number;
  /** Kept as text in the XLSX so Excel never turns it into a number (NIK, phone, KPJ). */
  text?: boolean;
}

let officersT: T | undefined;
/** The officers' language (Indonesian) when the caller gives none (the console passes its own): read once, on first use. */
const idT = (): T => (officersT ??= createTranslator(loadLocales())('id'));

/**
 * Columns in order, with Indonesian headers for the officers: the registration's own facts, then
 * every field of the schema (header: the field's label), then the officer's.
 */
export function exportColumns(schema: readonly FieldDef[] = REGISTRATION_SCHEMA, t: T = idT()): ExportColumn[] {
  return [
    { key: 'reference', header: 'Kode', width: 10 },
    { key: 'status', header: 'Status', width: 16 },
    { key: 'submittedAt', header: 'Tanggal kirim', width: 12 },
    ...schema.map((f) => ({ key: f.id, header: fieldLabel(t, f.id), width: f.column.width, text: f.column.text })),
    { key: 'kpj', header: 'KPJ', width: 14, text: true },
    { key: 'officerNote', header: 'Catatan petugas', width: 30 },
    { key: 'submittedBy', header: 'Dikirim oleh', width: 10 },
  ];
}

/**
 * The export's rows for the registrations read from storage (storage/queue.ts exportRecords), one by
 * one as they are read; returns how many there were. With `settings`, chosen occupations and
 * groups are written with their Indonesian label.
 */
export function* exportRows(
  records: Iterable<ExportRecord>,
  timeZone: string = DEFAULT_TIME_ZONE,
  settings?: Pick<ProgrammeSettings, 'occupations' | 'groups'>,
  schema: readonly FieldDef[] = REGISTRATION_SCHEMA,
  t: T = idT(),
): Generator<ExportRow, number, undefined> {
  const ctx: ShowContext = { settings: { occupations: [], groups: [], ...settings } as unknown as ProgrammeSettings, t };
  let count = 0;
  for (const r of records) {
    count++;
    yield toExportRow(r, timeZone, ctx, schema);
  }
  return count;
}

function toExportRow(r: ExportRecord, timeZone: string, ctx: ShowContext, schema: readonly FieldDef[]): ExportRow {
  let d: Record<string, unknown> = {};
  if (r.data) {
    try {
      d = JSON.parse(r.data) as Record<string, unknown>;
    } catch {
      d = {};
    }
  }
  // Columns kept beside the JSON (and wiped with it) win over the JSON.
  const stored: Record<string, unknown> = { ...d, fullName: r.full_name ?? d.fullName, nik: r.nik, desa: r.desa ?? d.desa, kecamatan: r.kecamatan ?? d.kecamatan };
  const row: ExportRow = { reference: r.reference, status: r.status, submittedAt: dayIn(timeZone, r.created_at) };
  for (const f of schema) row[f.id] = showValue(f, stored[f.id], ctx);
  row.kpj = r.kpj;
  row.officerNote = r.officer_note;
  row.submittedBy = d.submittedBy === 'cadre' ? 'cadre' : d.submittedBy === 'self' ? 'applicant' : null;
  return row;
}

/**
 * A text a spreadsheet would read as a formula (= + - @, or a leading tab/CR) gets a leading
 * single quote, so opening the file never runs anything (OWASP "CSV injection"). Also when
 * spaces come first: cleanCell turns a leading tab into a space, and some readers trim spaces.
 */
export function neutraliseFormula(value: string): string {
  return /^(?:[\t\r]|\s*[=+\-@])/.test(value) ? `'${value}` : value;
}

/** A CSV cell: cleaned (controls, bidi overrides, lone surrogates, line breaks) and then neutralised. */
const csvCell = (value: string): string => neutraliseFormula(cleanCell(value));

type Rows = Iterable<ExportRow> | AsyncIterable<ExportRow>;

async function* counted(rows: Rows, counter: { n: number }): AsyncGenerator<ExportRow> {
  for await (const r of rows) {
    counter.n++;
    yield r;
  }
}

/**
 * Writes the rows as CSV to `writable` and ends it: UTF-8 with a BOM (so Excel reads the
 * accents right), a header row, CRLF line ends and RFC 4180 quoting, every text cell cleaned
 * (cleanCell: one line, no controls or bidi overrides) and formulas neutralised.
 * Waits for the writable (backpressure). Resolves to the number of data rows written.
 * Note: Excel still shows a 16-digit NIK opened from CSV in scientific notation; use XLSX for Excel.
 */
export async function writeCsv(rows: Rows, writable: Writable, columns: readonly ExportColumn[] = exportColumns()): Promise<number> {
  const counter = { n: 0 };
  const stringifier = stringify({
    bom: true,
    header: true,
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
    record_delimiter: '\r\n',
    quoted_match: /^\s|\s$/, // keep leading/trailing spaces visible to the reader
    cast: { string: csvCell },
  });
  await pipeline(Readable.from(counted(rows, counter)), stringifier, writable);
  return counter.n;
}

/**
 * Writes the rows as an XLSX workbook (one sheet, the streaming writer in xlsx.ts) to `writable` and
 * ends it: bold frozen header, column widths, NIK/phone/KPJ as text cells ('@' format). Text is
 * stored as string cells, never formulas, so nothing needs neutralising; it is cleaned as in the
 * CSV (cleanCell). Resolves to the number of data rows written.
 */
export async function writeXlsx(rows: Rows, writable: Writable, columns: readonly ExportColumn[] = exportColumns()): Promise<number> {
  async function* values() {
    for await (const r of rows) {
      yield columns.map((c): XlsxCell => {
        const v = r[c.key];
        if (typeof v === 'number') return v;
        if (v === null || v === undefined) return null;
        const text = cleanCell(String(v));
        return text === '' ? null : text;
      });
    }
  }
  try {
    const n = await writeXlsxSheet(writable, 'Pendaftaran', columns, values());
    writable.end();
    return n;
  } catch (err) {
    writable.destroy(err as Error);
    throw err;
  }
}
