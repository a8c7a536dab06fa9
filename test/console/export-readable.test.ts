// The export an officer opens in a spreadsheet (issue 14, item 6): codes in Indonesian words under
// the Indonesian headers, phone numbers the national way without a visible apostrophe yet never read
// as a formula, an XLSX with a filter row and widths that fit, and the "for BPJS entry" columns.
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupedPhone, maskNationalPhone, nationalPhone, neutraliseFormula } from '../../src/console/export.js';
import { columnWidth } from '../../src/console/xlsx.js';
import { statusLabel } from '../../src/console/labels.js';
import { createTranslator } from '../../src/i18n.js';
import { client, PASSWORD, startConsole } from '../helpers/console.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { csvFields } from '../helpers/browser.js';
import { dbOf } from '../helpers/db.js';
import { seedRegistrations, type SeededRow } from '../helpers/seed.js';

describe('phone numbers in the export', () => {
  it('are written the national way, grouped in the CSV, and never start like a formula', () => {
    expect(nationalPhone('+6281234567890')).toBe('081234567890');
    expect(nationalPhone('+62812****7890')).toBe('0812****7890');
    expect(nationalPhone('+4420000000')).toBe('+4420000000'); // not Indonesian: left as it is (and neutralised in the CSV)
    expect(maskNationalPhone('081234567890')).toBe('0812****7890');
    expect(maskNationalPhone('08123456789')).toBe('0812***6789');
    expect(groupedPhone('081234567890')).toBe('0812 3456 7890');
    expect(groupedPhone('0812345678901')).toBe('0812 3456 7890 1');
    expect(groupedPhone('0812****7890')).toBe('0812 **** 7890');
    for (const p of ['081234567890', '0812****7890']) expect(neutraliseFormula(groupedPhone(p))).toBe(groupedPhone(p));
    expect(neutraliseFormula('+6281234567890')).toBe("'+6281234567890"); // why the E.164 form had an apostrophe
  });

  it('gives an XLSX column at least the width of its header and its filter button', () => {
    expect(columnWidth({ header: 'Iuran dibayar oleh', width: 10 })).toBe(21);
    expect(columnWidth({ header: 'KPJ', width: 14 })).toBe(14);
  });
});

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
let seeded: SeededRow[];
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
  // One registration per group (APBD, ADD, self-paid), a cadre's among them, every status but deleted.
  const groups = ['pekerja_rentan', 'lkd', 'mandiri', 'perangkat_desa', 'mandiri', 'kader'];
  seeded = (
    await seedRegistrations(h, groups.length, {
      now: h.clock.now,
      spanDays: 2,
      cadres: 1,
      cadreShare: 0.5,
      statusWeights: { deleted: 0 },
      cipher: h.runtime.store.cipher,
      tweak: (d, i) => {
        d.groupId = groups[i]!;
        d.phone = `+62812000000${String(i).padStart(2, '0')}`;
        d.occupation = 'nelayan';
      },
    })
  ).rows.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
});
afterEach(() => cleanup(h));

const t = createTranslator()('id');
const STATUS_WORDS = (['submitted', 'needs_correction', 'approved', 'registered', 'rejected'] as const).map((s) => statusLabel(t, s));
const GROUP: Record<string, string> = {
  pekerja_rentan: 'Pekerja rentan (terdata di DTSEN/DTKS)',
  lkd: 'Anggota LKD',
  mandiri: 'Pekerja mandiri (bayar sendiri)',
  perangkat_desa: 'Perangkat desa',
  kader: 'Kader posyandu',
};
const PAYER = { pekerja_rentan: 'Pemkab (APBD)', perangkat_desa: 'Pemkab (APBD)', kader: 'Pemkab (APBD)', lkd: 'Dana desa (ADD)', mandiri: 'Peserta sendiri' } as Record<string, string>;

function parse(csv: string): Record<string, string>[] {
  const [head, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
  const headers = csvFields(head!);
  return lines.map((l) => Object.fromEntries(csvFields(l).map((v, i) => [headers[i]!, v])));
}

describe('the CSV', () => {
  it('writes status, group, occupation, who sent it and who pays in words, and phones without an apostrophe', async () => {
    const c = client(con.web);
    await c.login('budi');
    const csv = await (await c.fetch('/export?format=csv&status=all')).text();
    const records = parse(csv);
    expect(records.map((r) => r.Kode)).toEqual(seeded.map((s) => s.reference));
    for (const [i, r] of records.entries()) {
      const s = seeded[i]!;
      expect(STATUS_WORDS, r.Status).toContain(r.Status);
      expect(r.Kelompok).toBe(GROUP[s.groupId]);
      expect(r['Iuran dibayar oleh']).toBe(PAYER[s.groupId]);
      expect(r.Pekerjaan).toBe('Nelayan');
      expect(r['Dikirim oleh']).toBe(s.submitterId === s.applicantId ? 'Warga sendiri' : 'Kader');
      // Masked for an officer without the full-export permission: still the national form, no apostrophe.
      expect(r['No. HP']).toMatch(/^0812 \*{4} 00\d\d$/);
    }
    expect(records.some((r) => r['Dikirim oleh'] === 'Kader')).toBe(true);
    expect(csv).not.toMatch(/(^|,)'(\+|0)/m);
    expect(csv).not.toMatch(/,(submitted|approved|registered|rejected|needs_correction|applicant|cadre|pekerja_rentan|mandiri|nelayan),/);
  });

  it('writes the full number grouped by four for an officer allowed the full export', async () => {
    await con.officers.setExportNik((await con.officers.byUsername('budi'))!.id, true);
    const c = client(con.web);
    await c.login('budi');
    await c.get('/export/full?status=all');
    const res = await c.post('/export/full', { query: 'status=all', format: 'csv', preset: 'bpjs', password: PASSWORD });
    expect(res.headers.get('content-disposition')).toMatch(/filename="lindung-all-\d{4}-\d{2}-\d{2}-bpjs-nik\.csv"/);
    const records = parse(await res.text());
    expect(records.map((r) => r['No. HP'])).toEqual(seeded.map((s) => `0812 0000 00${s.data!.phone!.slice(-2)}`));
    expect(records.map((r) => r.NIK)).toEqual(seeded.map((s) => s.nik));
  });
});

describe('the XLSX', () => {
  it('has a filter row over every row, widths that fit the headers, and the "for BPJS entry" columns in order', async () => {
    const c = client(con.web);
    await c.login('budi');
    const res = await c.fetch('/export?format=xlsx&status=all&preset=bpjs');
    expect(res.headers.get('content-disposition')).toMatch(/filename="lindung-all-\d{4}-\d{2}-\d{2}-bpjs\.xlsx"/);
    const buf = Buffer.from(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    // JMO's order first (NIK, name, date of birth, phone), then the rest of the form; no mother's
    // name (the example regency does not ask it), who pays, and the KPJ to record back.
    expect(headers).toEqual([
      'Kode', 'NIK', 'Nama lengkap', 'Tanggal lahir', 'No. HP', 'Tempat lahir', 'Jenis kelamin', 'Alamat', 'Desa/kelurahan', 'Kecamatan',
      'Pekerjaan', 'Penghasilan/bulan', 'Program', 'Nama ahli waris', 'Hubungan ahli waris', 'Kelompok', 'Iuran dibayar oleh', 'KPJ',
    ]);
    const last = String.fromCharCode(64 + headers.length);
    expect(sheet.autoFilter).toBe(`A1:${last}${seeded.length + 1}`);
    headers.forEach((hd, i) => expect(sheet.getColumn(i + 1).width, String(hd)).toBeGreaterThanOrEqual(String(hd).length + 2));
    const phone = sheet.getRow(2).getCell(5);
    expect(phone.type).toBe(ExcelJS.ValueType.String);
    expect(phone.numFmt).toBe('@');
    expect(phone.value).toBe(`0812****00${seeded[0]!.data!.phone!.slice(-2)}`); // text cell: no apostrophe, the 0 kept
    expect(sheet.getRow(2).getCell(17).value).toBe(PAYER[seeded[0]!.groupId]);
    // Excel keeps the filter's range in a hidden name as well.
    const parts = unzipSync(buf);
    expect(strFromU8(parts['xl/workbook.xml']!)).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Pendaftaran'!$A$1:$R$7</definedName>`);
    expect(strFromU8(parts['xl/worksheets/sheet1.xml']!)).toMatch(/<\/sheetData><autoFilter ref="A1:R7"\/><\/worksheet>$/);
    // The export is audited with its preset.
    const entry = (await dbOf(h).get<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'export'"))!;
    expect(JSON.parse(entry.detail)).toMatchObject({ format: 'xlsx', preset: 'bpjs', rows: seeded.length, nik: 'masked' });
  });

  it('keeps every column in the default export, with the status and who pays in words', async () => {
    const c = client(con.web);
    await c.login('budi');
    const buf = Buffer.from(await (await c.fetch('/export?format=xlsx&status=all')).arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(headers.slice(0, 3)).toEqual(['Kode', 'Status', 'Tanggal kirim']);
    expect(headers.slice(-4)).toEqual(['Iuran dibayar oleh', 'KPJ', 'Catatan petugas', 'Dikirim oleh']);
    expect(headers).toContain('Nama ibu kandung');
    expect(STATUS_WORDS).toContain(sheet.getRow(2).getCell(2).value);
    expect(sheet.autoFilter).toMatch(/^A1:[A-Z]+7$/);
  });
});
