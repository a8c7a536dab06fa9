// Export of filtered registrations for entering people into BPJS Ketenagakerjaan's own systems:
// CSV (Excel-friendly) or XLSX, every column (the default) or only what BPJS's entry needs (the
// "bpjs" preset). Every code is written in the officers' words (status, group, occupation, who
// sent it, who pays) and phone numbers the national way (0812…). Holds the full NIK on purpose;
// the caller masks it when it must and records the export in the audit log.
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { askedFields, fieldLabel, REGISTRATION_SCHEMA, showValue, type FieldDef, type ShowContext } from '../core/flows/registration-schema.js';
import { keyIn } from '../core/locale-key.js';
import { fundingSource } from '../core/flows/next-step.js';
import type { T } from '../core/types.js';
import type { ProgrammeSettings } from '../settings.js';
import { cleanCell } from '../domain/text-clean.js';
import { dayIn, DEFAULT_TIME_ZONE } from '../domain/time.js';
import { createTranslator, loadLocales } from '../i18n.js';
import type { ExportRecord } from '../storage/queue.js';
import { statusLabel } from './labels.js';
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
  /** A phone number (0812…): grouped with spaces in the CSV (see writeCsv). */
  phone?: boolean;
}

/** Which columns an export holds: all of them, or those BPJS's entry form needs, in its order. */
export const EXPORT_PRESETS = ['all', 'bpjs'] as const;
export type ExportPreset = (typeof EXPORT_PRESETS)[number];

/**
 * The "for BPJS entry" columns. BPJS's own app (JMO) asks for NIK, name as on the KTP, date of
 * birth, e-mail and phone, in that order (shared/DOMAIN.md; Lindung asks no e-mail); its full
 * entry form is not confirmed, so the other fields a pre-registration holds follow in the
 * registration's order. Our reference comes first (to record the KPJ back) and the KPJ last.
 */
const BPJS_FIRST = ['nik', 'fullName', 'birthDate', 'phone'] as const;
const BPJS_REST = ['birthPlace', 'sex', 'address', 'desa', 'kecamatan', 'occupation', 'income', 'programmes', 'heirName', 'heirRelation', 'motherName', 'groupId'] as const;

let officersT: T | undefined;
/** The officers' language (Indonesian) when the caller gives none (the console passes its own): read once, on first use. */
const idT = (): T => (officersT ??= createTranslator(loadLocales())('id'));

const fieldColumn = (t: T, f: FieldDef): ExportColumn => ({
  key: f.id,
  header: fieldLabel(t, f.id),
  width: f.column.width,
  ...(f.column.text ? { text: true } : {}),
  ...(f.id === 'phone' ? { phone: true } : {}),
});

/**
 * Columns in order, with Indonesian headers for the officers: the registration's own facts, then
 * every field of the schema (header: the field's label), then who pays and the officer's. With
 * the "bpjs" preset: the columns BPJS's entry needs (see BPJS_FIRST), only the fields the regency
 * asks (`settings`; every field without them).
 */
export function exportColumns(
  schema: readonly FieldDef[] = REGISTRATION_SCHEMA,
  t: T = idT(),
  preset: ExportPreset = 'all',
  settings?: ProgrammeSettings | readonly ProgrammeSettings[],
  opts: { regency?: boolean } = {},
): ExportColumn[] {
  const c = (key: string, width: number, extra: Partial<ExportColumn> = {}): ExportColumn => ({ key, header: t(keyIn('console.export_columns.', key)), width, ...extra });
  // Several regencies in one file: a "Kabupaten" column after the reference, each row's own.
  const regency = opts.regency ? [c('regency', 22)] : [];
  if (preset === 'bpjs') {
    // Several regencies: every field one of them asks.
    const all = settings === undefined ? undefined : Array.isArray(settings) ? settings : [settings as ProgrammeSettings];
    const asked = new Set((all ? all.flatMap((s) => askedFields(schema, s)) : schema).map((f) => f.id));
    const field = (id: string) => schema.find((f) => f.id === id && asked.has(id));
    const named = new Set<string>([...BPJS_FIRST, ...BPJS_REST]);
    return [
      c('reference', 10),
      ...regency,
      ...BPJS_FIRST.flatMap((id) => (field(id) ? [fieldColumn(t, field(id)!)] : [])),
      ...BPJS_REST.flatMap((id) => (field(id) ? [fieldColumn(t, field(id)!)] : [])),
      // A field a regency added to the schema is asked too: it goes before who pays.
      ...schema.filter((f) => asked.has(f.id) && !named.has(f.id)).map((f) => fieldColumn(t, f)),
      c('payer', 18),
      c('kpj', 14, { text: true }),
    ];
  }
  return [
    c('reference', 10),
    ...regency,
    c('status', 20),
    c('submittedAt', 12),
    ...schema.map((f) => fieldColumn(t, f)),
    c('payer', 18),
    c('kpj', 14, { text: true }),
    c('officerNote', 30),
    c('submittedBy', 14),
  ];
}

/** An Indonesian mobile number the national way, as people write it: +6281234567890 → 081234567890 (masked digits kept). */
export function nationalPhone(e164: string): string {
  return /^\+62[\d*]+$/.test(e164) ? `0${e164.slice(3)}` : e164;
}

/** A national number with its middle hidden, as the queue masks it: 0812****7890. */
export function maskNationalPhone(phone: string): string {
  const hidden = phone.length - 8;
  return /^0\d+$/.test(phone) && hidden > 0 ? `${phone.slice(0, 4)}${'*'.repeat(hidden)}${phone.slice(-4)}` : phone;
}

/**
 * A national number grouped by four for the CSV: 0812 3456 7890. It starts with a 0, so no
 * spreadsheet reads it as a formula (a leading + would: see neutraliseFormula), and the spaces keep
 * Excel and LibreOffice from reading it as a number and dropping the 0: no apostrophe is needed.
 */
export function groupedPhone(phone: string): string {
  return /^0[\d*]{5,}$/.test(phone) ? phone.replace(/(.{4})(?=.)/g, '$1 ') : phone;
}

/** Who pays a group's contributions, in words: the regency or the province (APBD), the village (ADD) or the person. */
function payerColumn(t: T, group: ProgrammeSettings['groups'][number] | undefined): string | null {
  return group ? t(keyIn('console.export_values.payer.', fundingSource(group))) : null;
}

/**
 * The export's rows for the registrations read from storage (storage/queue.ts exportRecords), one by
 * one as they are read (a page of the store's at a time); returns how many there were. Status and who sent it are written in the
 * officers' words, the phone the national way (0812…); with `settings`, occupations and groups
 * with their Indonesian label, and who pays the contributions (else `payer` is empty).
 */
export async function* exportRows(
  records: Iterable<ExportRecord> | AsyncIterable<ExportRecord>,
  timeZone: string = DEFAULT_TIME_ZONE,
  settings?: RowSettings | ((regency: string) => RowSettings),
  schema: readonly FieldDef[] = REGISTRATION_SCHEMA,
  t: T = idT(),
  /** Several regencies: each row's regency in words, for the "Kabupaten" column. */
  regencyName?: (regency: string) => string,
): AsyncGenerator<ExportRow, number, undefined> {
  const contexts = new Map<string, { ctx: ShowContext; groups: ProgrammeSettings['groups'] }>();
  // Each row in its own regency's words (its groups and occupations), read once per regency.
  const contextOf = (regency: string) => {
    let made = contexts.get(regency);
    if (!made) {
      const own = typeof settings === 'function' ? settings(regency) : settings;
      made = { ctx: { settings: { occupations: [], groups: [], ...own } as unknown as ProgrammeSettings, t }, groups: own?.groups ?? [] };
      contexts.set(regency, made);
    }
    return made;
  };
  let count = 0;
  for await (const r of records) {
    count++;
    const { ctx, groups } = contextOf(r.regency);
    const row = toExportRow(r, timeZone, ctx, schema, groups);
    yield regencyName ? { ...row, regency: regencyName(r.regency) } : row;
  }
  return count;
}

/** What a row needs from its regency's settings: its groups and occupations in words. */
type RowSettings = Pick<ProgrammeSettings, 'occupations' | 'groups'>;

function toExportRow(r: ExportRecord, timeZone: string, ctx: ShowContext, schema: readonly FieldDef[], groups: ProgrammeSettings['groups']): ExportRow {
  const { t } = ctx;
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
  const row: ExportRow = { reference: r.reference, status: statusLabel(t, r.status), submittedAt: dayIn(timeZone, r.created_at) };
  for (const f of schema) row[f.id] = showValue(f, stored[f.id], ctx);
  if (typeof row.phone === 'string') row.phone = nationalPhone(row.phone);
  row.payer = payerColumn(t, groups.find((g) => g.id === (r.group_id ?? d.groupId)));
  row.kpj = r.kpj;
  // A rejection's reason in words before the officer's own note (older rejections have it in the note).
  const reason = r.status === 'rejected' && r.reject_reason ? t(keyIn('console.reject.', r.reject_reason)) : null;
  row.officerNote = [reason, r.officer_note].filter(Boolean).join('. ') || null;
  row.submittedBy =
    d.submittedBy === 'cadre' ? t('console.export_values.submitted_by.cadre') : d.submittedBy === 'self' ? t('console.export_values.submitted_by.self') : null;
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

async function* withGroupedPhones(rows: Rows, keys: readonly string[]): AsyncGenerator<ExportRow> {
  for await (const r of rows) {
    if (keys.length === 0) yield r;
    else yield { ...r, ...Object.fromEntries(keys.map((k) => [k, typeof r[k] === 'string' ? groupedPhone(r[k]) : r[k] ?? null])) };
  }
}

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
  const phones = columns.filter((c) => c.phone).map((c) => c.key);
  const stringifier = stringify({
    bom: true,
    header: true,
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
    record_delimiter: '\r\n',
    quoted_match: /^\s|\s$/, // keep leading/trailing spaces visible to the reader
    cast: { string: csvCell },
  });
  await pipeline(Readable.from(counted(withGroupedPhones(rows, phones), counter)), stringifier, writable);
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
