import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnName, writeXlsxSheet, type XlsxCell } from '../../src/console/xlsx.js';

async function write(rows: AsyncIterable<readonly XlsxCell[]> | Iterable<readonly XlsxCell[]>) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const n = await writeXlsxSheet(out, 'Data & more', [
    { header: 'Nama <lengkap>', width: 20 },
    { header: 'NIK', width: 18, text: true },
    { header: 'Penghasilan', width: 12 },
  ], rows);
  // Read back with an independent implementation (exceljs, a dev dependency only).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return { n, sheet: wb.worksheets[0]! };
}

describe('the XLSX writer', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes a bold frozen header, text columns as text, numbers as numbers, and empty cells empty', async () => {
    const { n, sheet } = await write([
      ['Siti & "Ani" <x>', '6301015705850012', 1500000],
      ['Budi\u0007 Santoso', '0012', null],
      [null, null, 0],
    ]);
    expect(n).toBe(3);
    expect(sheet.name).toBe('Data & more');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Nama <lengkap>');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).value).toBe('Siti & "Ani" <x>');
    expect(sheet.getRow(2).getCell(2).value).toBe('6301015705850012');
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('@');
    expect(sheet.getRow(2).getCell(3).value).toBe(1500000);
    // A control character Excel would refuse is dropped; leading zeros of a text column stay.
    expect(sheet.getRow(3).getCell(1).value).toBe('Budi Santoso');
    expect(sheet.getRow(3).getCell(2).value).toBe('0012');
    expect(sheet.getRow(3).getCell(3).value).toBeNull();
    expect(sheet.getRow(4).getCell(1).value).toBeNull();
    expect(sheet.getRow(4).getCell(3).value).toBe(0);
    expect(sheet.getColumn(1).width).toBe(20);
  });

  it('streams many rows from an async source', async () => {
    async function* rows() {
      for (let i = 0; i < 5000; i++) yield [`Orang ${i}`, String(i).padStart(16, '0'), i] as const;
    }
    const { n, sheet } = await write(rows());
    expect(n).toBe(5000);
    expect(sheet.rowCount).toBe(5001);
    expect(sheet.getRow(5001).getCell(2).value).toBe('0000000000004999');
  });
});
