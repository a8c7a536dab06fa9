// Old rows may hold text stored before input was cleaned: NUL, bidi overrides, lone surrogates,
// line breaks. None of it may reach a CSV or XLSX file raw.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportColumns, exportRows, writeCsv, writeXlsx } from '../../src/console/export.js';
import { QueueFilterSchema } from '../../src/domain/queue-filter.js';
import { exportRecords } from '../../src/storage/queue.js';
import { toArray } from '../helpers/console.js';
import { freshStore, type FreshStore } from '../helpers/stores.js';
import { seedRegistrations, type SeededRow, TEST_CIPHER } from '../helpers/seed.js';

const TZ = 'Asia/Makassar';
const NOW = Date.UTC(2026, 10, 30, 4, 0, 0);
const COLUMNS = exportColumns();
const col = (key: string): number => COLUMNS.findIndex((c) => c.key === key);

// As stored: NUL, a right-to-left override, a lone surrogate, CR LF, an NFD accent, a BOM.
const DIRTY_ADDRESS = 'Jl.\u0000 Mawar\u202E 10\uD800, RT 01\r\nRW 02, Dusun Re\u0301ne\u0301\uFEFF';
const CLEAN_ADDRESS = 'Jl. Mawar 10\uFFFD, RT 01 RW 02, Dusun Réné';
const DIRTY_NAME = '\u202Eevil\u0007 Siti';
const CLEAN_NAME = 'evil Siti';
// A formula hidden behind a tab and a bidi mark: still neutralised in CSV, once.
const DIRTY_HEIR = '\u200F\t=HYPERLINK("http://evil.example")';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

let fresh: FreshStore;
let planted: SeededRow;

beforeAll(async () => {
  fresh = await freshStore();
  const { rows } = await seedRegistrations(fresh.sql, 5, {
    now: NOW,
    statusWeights: { deleted: 0 },
    tweak: (d, i) => {
      if (i !== 0) return;
      d.address = DIRTY_ADDRESS;
      d.fullName = DIRTY_NAME;
      d.heirName = DIRTY_HEIR;
    },
  });
  planted = rows[0]!;
});
afterAll(() => fresh.close());

const rows = () => exportRows(exportRecords(fresh.sql, QueueFilterSchema.parse({ status: 'all' }), TZ, TEST_CIPHER), TZ);

async function collect(write: (out: PassThrough) => Promise<number>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}

describe('export of text stored before it was cleaned', () => {
  it('the stored row really is dirty (so the test means something)', async () => {
    const row = (await toArray(rows())).find((r) => r.reference === planted.reference)!;
    expect(row.address).toBe(DIRTY_ADDRESS);
    expect(row.fullName).toBe(DIRTY_NAME);
  });

  it('writes CSV cells without controls, bidi overrides or lone surrogates, one line each', async () => {
    const buf = await collect((out) => writeCsv(rows(), out));
    const text = buf.subarray(3).toString('utf8');
    // The bytes are valid UTF-8 (decoding replaced nothing, so encoding gives them back).
    expect(Buffer.from(text, 'utf8').equals(buf.subarray(3))).toBe(true);
    const lines = text.split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1 + 5); // header + rows: no cell spans lines
    for (const line of lines) expect(line).not.toMatch(UNSAFE);
    expect(text).not.toMatch(/[^\r]\n/);

    const line = lines.find((l) => l.startsWith(`${planted.reference},`))!;
    const cells = line.split(',');
    expect(line).toContain(`"${CLEAN_ADDRESS}"`); // quoted because of the commas
    expect(cells[col('fullName')]).toBe(CLEAN_NAME);
    // The tab became a space and the bidi mark went; the formula is still neutralised, once.
    expect(line).toContain(`"' =HYPERLINK(""http://evil.example"")"`);
  });

  it('writes XLSX string cells that are just as clean', async () => {
    const buf = await collect((out) => writeXlsx(rows(), out));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    let found = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      for (let i = 1; i <= COLUMNS.length; i++) {
        const v = row.getCell(i).value;
        if (typeof v === 'string') expect(v).not.toMatch(UNSAFE);
      }
      if (row.getCell(col('reference') + 1).value !== planted.reference) return;
      found++;
      expect(row.getCell(col('address') + 1).value).toBe(CLEAN_ADDRESS);
      expect(row.getCell(col('fullName') + 1).value).toBe(CLEAN_NAME);
      // XLSX cells are never formulas, so no apostrophe is added there.
      const heir = row.getCell(col('heirName') + 1);
      expect(heir.type).toBe(ExcelJS.ValueType.String);
      expect(heir.value).toBe(' =HYPERLINK("http://evil.example")');
    });
    expect(found).toBe(1);
  });
});
