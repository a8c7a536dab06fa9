import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../src/domain/time.js';
import { QueueFilterSchema, STATUSES_OF, type QueueFilter } from '../../src/domain/queue-filter.js';
import { exportColumns, exportRows as formatRows, groupedPhone, neutraliseFormula, writeCsv, writeXlsx, type ExportRow } from '../../src/console/export.js';
import { statusLabel } from '../../src/console/labels.js';
import { createTranslator } from '../../src/i18n.js';
import type { ProgrammeSettings } from '../../src/settings.js';
import { cleanCell } from '../../src/domain/text-clean.js';
import { exportRecords } from '../../src/storage/queue.js';
import type { Sql } from '../../src/storage/sql.js';
import { toArray } from '../helpers/console.js';
import { freshStore, type FreshStore } from '../helpers/stores.js';

const EXPORT_COLUMNS = exportColumns();
const t = createTranslator()('id');

/** The export's rows for a filter, read from the database as the console does. */
const exportRows = (db: Sql, f: QueueFilter, timeZone: string, settings?: Pick<ProgrammeSettings, 'occupations' | 'groups'>) =>
  formatRows(exportRecords(db, f, timeZone, TEST_CIPHER), timeZone, settings);
import { seedRegistrations, type SeededRow, type SeedResult, TEST_CIPHER } from '../helpers/seed.js';

const TZ = 'Asia/Makassar';
const NOW = Date.UTC(2026, 10, 30, 4, 0, 0);

let fresh: FreshStore;
let db: Sql;
let seed: SeedResult;

// Values a spreadsheet would run as formulas, and values CSV has to quote.
const HOSTILE: Record<number, (d: { fullName: string; address: string; heirName: string; birthPlace: string }) => void> = {
  1: (d) => (d.fullName = '=HYPERLINK("http://evil.example","klik")'),
  2: (d) => (d.address = '+cmd|\' /C calc\'!A0'),
  3: (d) => (d.heirName = '@SUM(1+1)*cmd|\' /C calc\'!A0'),
  4: (d) => (d.birthPlace = '-2+3'),
  5: (d) => (d.address = 'Jl. "Mawar", RT 01\nRW 02; Gg. Ña, Dusun Réné'),
  6: (d) => (d.fullName = ' Siti Aminah '),
};

beforeAll(async () => {
  fresh = await freshStore();
  db = fresh.sql;
  seed = await seedRegistrations(db, 120, {
    now: NOW,
    cadres: 2,
    tweak: (data, i) => HOSTILE[i]?.(data),
  });
});
afterAll(() => fresh.close());

const filter = (q: Record<string, string | number> = {}): QueueFilter => QueueFilterSchema.parse(q);

/** Everything written to a stream, once it is ended. */
function sink(): { stream: Writable; done: Promise<Buffer> } {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  const done = new Promise<Buffer>((resolve, reject) => {
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
  return { stream, done };
}

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r' || c === '"') {
      throw new Error(`bare ${JSON.stringify(c)} outside quotes at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const HEIR_LABELS: Record<string, string> = { spouse: 'Suami/istri', child: 'Anak', parent: 'Orang tua', sibling: 'Saudara kandung', other: 'Lainnya' };

const wanted = (status: QueueFilter['status']): SeededRow[] =>
  seed.rows.filter((r) => STATUSES_OF[status].includes(r.status)).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);

describe('exportRows', () => {
  it('gives every matching row, whatever the limit and cursor, with the fields an officer enters', async () => {
    const rows = await toArray(exportRows(db, filter({ status: 'all', limit: 5, after: '1.1' }), TZ));
    const want = wanted('all');
    expect(rows.map((r) => r.reference)).toEqual(want.map((r) => r.reference));
    for (const [i, r] of rows.entries()) {
      const s = want[i]!;
      const d = s.data!;
      const [y, m, day] = d.birthDate.split('-');
      expect(r).toEqual({
        reference: s.reference,
        status: statusLabel(t, s.status),
        submittedAt: dayIn(TZ, s.createdAt),
        fullName: d.fullName,
        nik: d.nik,
        birthPlace: d.birthPlace,
        birthDate: `${day}-${m}-${y}`,
        sex: d.sex === 'M' ? 'L' : 'P',
        address: d.address,
        desa: d.desa,
        kecamatan: d.kecamatan,
        phone: d.phone ? `0${d.phone.slice(3)}` : null,
        occupation: d.occupation,
        income: d.income,
        groupId: d.groupId,
        programmes: d.programmes.join('+'),
        heirName: d.heirName,
        heirRelation: HEIR_LABELS[d.heirRelation] ?? `unknown ${d.heirRelation}`,
        motherName: d.motherName ?? null,
        payer: null,
        kpj: s.kpj ?? null,
        officerNote: s.officerNote ?? null,
        submittedBy: s.submitterId === s.applicantId ? 'Warga sendiri' : 'Kader',
      } satisfies ExportRow);
    }
    expect(rows.some((r) => r.submittedBy === 'Kader')).toBe(true);
    expect(rows.some((r) => r.kpj !== null)).toBe(true);
    expect(rows.some((r) => r.programmes === 'JKK+JKM+JHT')).toBe(true);
  });

  it('writes occupation and group labels when given the settings', async () => {
    const rows = await toArray(exportRows(db, filter({ status: 'all' }), TZ, seed.settings));
    const labels = new Set(seed.settings.occupations.map((o) => o.label.id));
    expect(rows.every((r) => labels.has(String(r.occupation)))).toBe(true);
    const groups = new Set(seed.settings.groups.map((g) => g.label.id));
    expect(rows.every((r) => groups.has(String(r.groupId)))).toBe(true);
  });

  it('exports deleted rows without personal data', async () => {
    const rows = await toArray(exportRows(db, filter({ status: 'deleted' }), TZ));
    expect(rows.length).toBe(wanted('deleted').length);
    for (const r of rows) expect(r).toMatchObject({ status: statusLabel(t, 'deleted'), nik: null, fullName: null, address: null, sex: null, income: null });
  });

  it('reads in batches, leaving the connection free for writes between rows', async () => {
    const big = await freshStore();
    const bdb = big.sql;
    try {
      const { rows: seeded } = await seedRegistrations(bdb, 1_234, { now: NOW, statusWeights: { deleted: 0, rejected: 0 } });
      const write = (...values: unknown[]) => bdb.run('INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?)', values);
      let n = 0;
      const refs: string[] = [];
      for await (const r of exportRows(bdb, filter({ status: 'all' }), TZ)) {
        refs.push(String(r.reference));
        // The bot keeps writing on the shared connection while an export streams out.
        await write(`k${n++}`, 'v', 0);
      }
      expect(refs).toHaveLength(1_234);
      expect(new Set(refs).size).toBe(1_234);
      expect(refs).toEqual([...seeded].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id).map((r) => r.reference));
    } finally {
      await big.close();
    }
  });
});

describe('writeCsv', () => {
  it('writes a BOM, a header and every row, parsing back to the same values cleaned, with formulas neutralised', async () => {
    const out = sink();
    const rows = await toArray(exportRows(db, filter({ status: 'all' }), TZ));
    const n = await writeCsv(rows, out.stream);
    const buf = await out.done;
    expect(n).toBe(rows.length);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parseCsv(text);
    expect(records[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(records).toHaveLength(rows.length + 1);
    for (const [i, r] of rows.entries()) {
      const expected = EXPORT_COLUMNS.map((c) => {
        const v = r[c.key];
        if (c.phone && typeof v === 'string') return groupedPhone(v);
        return v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : neutraliseFormula(cleanCell(v));
      });
      expect(records[i + 1]).toEqual(expected);
    }
    // Full NIKs are the point of the export.
    const live = rows.find((r) => r.nik)!;
    expect(records.some((rec) => rec[EXPORT_COLUMNS.findIndex((c) => c.key === 'nik')] === live.nik)).toBe(true);
    // Quoted text survives on one line (a cell is one line); accents are UTF-8.
    expect(text).toContain('"Jl. ""Mawar"", RT 01 RW 02; Gg. Ña, Dusun Réné"');
  });

  it('neutralises spreadsheet formulas', async () => {
    const out = sink();
    await writeCsv(exportRows(db, filter({ status: 'all' }), TZ), out.stream);
    const records = parseCsv((await out.done).subarray(3).toString('utf8')).slice(1);
    const cells = records.flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const planted = [
      [1, `'=HYPERLINK("http://evil.example","klik")`],
      [2, `'+cmd|' /C calc'!A0`],
      [3, `'@SUM(1+1)*cmd|' /C calc'!A0`],
      [4, `'-2+3`],
    ] as const;
    let checked = 0;
    for (const [i, cell] of planted) {
      if (seed.rows[i]!.status === 'deleted') continue;
      expect(cells).toContain(cell);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    // Phones are written the national way (0812 3456 7890), which no spreadsheet reads as a formula: no apostrophe.
    const phone = EXPORT_COLUMNS.findIndex((c) => c.key === 'phone');
    expect(records.filter((r) => r[phone]).every((r) => /^0\d{3} \d{4} \d{3,5}$/.test(r[phone]!))).toBe(true);
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('-5')).toBe("'-5");
    expect(neutraliseFormula('@x')).toBe("'@x");
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(neutraliseFormula('Siti')).toBe('Siti');
    expect(neutraliseFormula('')).toBe('');
  });

  it('counts nothing for an empty selection but still writes the header', async () => {
    const out = sink();
    const n = await writeCsv(exportRows(db, filter({ status: 'all', q: 'LD-ZZZZZ' }), TZ), out.stream);
    const records = parseCsv((await out.done).subarray(3).toString('utf8'));
    expect(n).toBe(0);
    expect(records).toEqual([EXPORT_COLUMNS.map((c) => c.header)]);
  });
});

describe('writeXlsx', () => {
  it('writes a sheet with a bold header and NIK, phone and KPJ as text', async () => {
    const out = sink();
    const rows = await toArray(exportRows(db, filter({ status: 'all' }), TZ));
    const n = await writeXlsx(rows, out.stream);
    const buf = await out.done;
    expect(n).toBe(rows.length);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    const header = sheet.getRow(1);
    expect(EXPORT_COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(header.getCell(1).font?.bold).toBe(true);

    const col = (key: keyof ExportRow): number => EXPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
    for (const [i, r] of rows.entries()) {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(col('reference')).value).toBe(r.reference);
      const nik = row.getCell(col('nik'));
      if (r.nik) {
        expect(nik.type).toBe(ExcelJS.ValueType.String);
        expect(nik.value).toBe(r.nik);
        expect(nik.numFmt).toBe('@');
      } else {
        expect(nik.value).toBeNull();
      }
      const phone = row.getCell(col('phone'));
      if (r.phone) {
        expect(phone.type).toBe(ExcelJS.ValueType.String);
        expect(phone.value).toBe(r.phone);
      }
      const kpj = row.getCell(col('kpj'));
      if (r.kpj) {
        expect(kpj.type).toBe(ExcelJS.ValueType.String);
        expect(kpj.value).toBe(r.kpj);
      }
      if (r.income !== null) expect(row.getCell(col('income')).value).toBe(r.income);
      // Text is stored as text, never as a formula.
      expect(row.getCell(col('fullName')).type).not.toBe(ExcelJS.ValueType.Formula);
      expect(row.getCell(col('fullName')).value).toBe(r.fullName);
    }
    expect(sheet.getColumn(col('nik')).width).toBeGreaterThanOrEqual(17);
  });
});
