// A small streaming XLSX writer: one sheet of text and numbers with a bold, frozen header row
// that carries a filter (autofilter) button per column, column widths at least as wide as their
// header, and columns that can be marked as text (so Excel keeps a NIK's digits and the
// leading 0 of a phone number). Rows go out as they come (fflate deflates each part as a stream),
// so memory stays flat however many rows there are. Office Open XML, SpreadsheetML (ECMA-376).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';

export interface XlsxColumn {
  header: string;
  /** Width in characters. */
  width: number;
  /** Cells are text, never read as numbers or dates by Excel (format "@"). */
  text?: boolean;
}

export type XlsxCell = string | number | null;

// Characters XML 1.0 does not allow (Excel refuses the file otherwise).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const escapeXml = (s: string): string =>
  s.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

// Cell styles (xl/styles.xml cellXfs): 0 plain, 1 bold header, 2 text ("@", numFmtId 49).
const STYLE_HEADER = 1;
const STYLE_TEXT = 2;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * The workbook, written last: the filter's range is known only when every row is out. Excel keeps
 * an autofilter's range in the hidden name _xlnm._FilterDatabase as well as in the sheet.
 */
const workbook = (sheetName: string, filterRange: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${escapeXml(`'${sheetName.replace(/'/g, "''")}'!${filterRange}`)}</definedName></definedNames></workbook>`;

/** A column's width in characters: as asked, but never narrower than its header and the filter button. */
export const columnWidth = (c: XlsxColumn): number => Math.max(c.width, [...c.header].length + 3);

function cell(ref: string, value: XlsxCell, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === '') return style ? `<c r="${ref}"${s}/>` : '';
  if (typeof value === 'number' && Number.isFinite(value) && style !== STYLE_TEXT) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
}

/**
 * Writes rows (each an array in column order) as a one-sheet workbook to `writable`, waiting for
 * it to drain as it goes; resolves with the number of rows written (the header not counted) once
 * the archive is complete. Does not end `writable`.
 */
export async function writeXlsxSheet(
  writable: Writable,
  sheetName: string,
  columns: readonly XlsxColumn[],
  rows: AsyncIterable<readonly XlsxCell[]> | Iterable<readonly XlsxCell[]>,
): Promise<number> {
  let failure: Error | undefined;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else if (chunk.length) writable.write(chunk);
    if (final || err) finished();
  });
  const file = (name: string, text: string) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(new TextEncoder().encode(text), true);
  };
  file('[Content_Types].xml', CONTENT_TYPES);
  file('_rels/.rels', ROOT_RELS);
  file('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  file('xl/styles.xml', STYLES);

  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  const encoder = new TextEncoder();
  const names = columns.map((_, i) => columnName(i));
  const styles = columns.map((c) => (c.text ? STYLE_TEXT : 0));
  let buffered = '';
  const push = (text: string, final = false) => {
    buffered += text;
    if (buffered.length >= 64 * 1024 || final) {
      sheet.push(encoder.encode(buffered), final);
      buffered = '';
    }
  };

  push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
      `<cols>${columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${columnWidth(c)}" customWidth="1"${c.text ? ` style="${STYLE_TEXT}"` : ''}/>`).join('')}</cols>` +
      '<sheetData>' +
      `<row r="1">${columns.map((c, i) => cell(`${names[i]}1`, c.header, STYLE_HEADER)).join('')}</row>`,
  );
  let n = 0;
  for await (const values of rows) {
    const r = n + 2;
    push(`<row r="${r}">${names.map((name, i) => cell(`${name}${r}`, values[i] ?? null, styles[i]!)).join('')}</row>`);
    n++;
    if (failure) throw failure;
    // Let the archive drain into a slow client instead of piling up in memory.
    if (n % 200 === 0) {
      if (writable.writableNeedDrain) await once(writable, 'drain');
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  // The header row and every data row, so sorting and filtering in Excel or LibreOffice take them all.
  const last = names.length > 0 ? names[names.length - 1]! : 'A';
  const range = `$A$1:$${last}$${n + 1}`;
  push(`</sheetData><autoFilter ref="A1:${last}${n + 1}"/></worksheet>`, true);
  file('xl/workbook.xml', workbook(sheetName, range));
  zip.end();
  await done;
  if (failure) throw failure;
  return n;
}
