import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/storage/sql.js';
import { dayIn, dayStart } from '../../src/domain/time.js';
import { decodeCursor, encodeCursor, QueueFilterSchema, searchKind, STATUSES_OF, type QueueFilter } from '../../src/domain/queue-filter.js';
import { buildQueueQuery, queuePage, type QueueRow } from '../../src/storage/queue.js';
import { freshStore, type FreshStore } from '../helpers/stores.js';
import { seedRegistrations, type SeededRow, type SeedResult, TEST_CIPHER } from '../helpers/seed.js';

const TZ = 'Asia/Makassar';
const NOW = Date.UTC(2026, 10, 30, 4, 0, 0);

let fresh: FreshStore;
let sql: Sql;
let seed: SeedResult;

// Names planted to test the search kinds.
const PLANTED: Record<number, string> = {
  7: 'Nur Aisyah Putri',
  8: 'Putri Handayani',
  9: 'Siti Putriani',
  10: 'Dewi Saputri',
  11: 'putri kecil',
  12: 'Ahmad 100% Jaya',
};

beforeAll(async () => {
  fresh = await freshStore();
  sql = fresh.sql;
  seed = await seedRegistrations(sql, 200, {
    now: NOW,
    cadres: 3,
    // Planted rows stay searchable (not deleted): status spread comes from the other rows.
    tweak: (data, i) => {
      const name = PLANTED[i];
      if (name) data.fullName = name;
    },
  });
});
afterAll(() => fresh.close());

const filter = (q: Record<string, string | number> = {}): QueueFilter => QueueFilterSchema.parse(q);

const byQueueOrder = (a: SeededRow, b: SeededRow): number => a.createdAt - b.createdAt || a.id - b.id;

/** Every row of a filter, walking all pages. */
async function allPages(q: Record<string, string | number>, limit = 200): Promise<{ rows: QueueRow[]; totals: number[]; pages: number }> {
  const rows: QueueRow[] = [];
  const totals: number[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await queuePage(sql, filter({ ...q, limit, ...(after ? { after } : {}) }), TZ, TEST_CIPHER);
    rows.push(...page.rows);
    totals.push(page.total);
    pages++;
    if (!page.next) break;
    after = page.next;
    if (pages > 1000) throw new Error('paging does not end');
  }
  return { rows, totals, pages };
}

/** The ids the queue must show for a filter, computed from the seeded rows. */
async function expectIds(q: Record<string, string | number>, pred: (r: SeededRow) => boolean): Promise<void> {
  const f = filter(q);
  const statuses = STATUSES_OF[f.status];
  const want = seed.rows.filter((r) => statuses.includes(r.status) && pred(r)).sort(byQueueOrder);
  const got = await allPages(q);
  expect(got.rows.map((r) => r.id)).toEqual(want.map((r) => r.id));
  expect(new Set(got.totals)).toEqual(new Set([want.length]));
}

describe('QueueFilterSchema', () => {
  it('defaults to the registrations waiting for a decision, 50 rows', () => {
    expect(filter()).toEqual({ status: 'submitted', limit: 50 });
  });

  it('treats empty form fields as absent and coerces numbers', () => {
    const f = filter({ status: '', kecamatan: '', desa: ' ', group: '', cadre: '12', from: '', to: '', q: '', after: '', limit: '' });
    expect(f).toEqual({ status: 'submitted', limit: 50, cadre: 12 });
  });

  it('clamps the limit to 200 and refuses nonsense', () => {
    expect(filter({ limit: '1000' }).limit).toBe(200);
    expect(QueueFilterSchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(QueueFilterSchema.safeParse({ status: 'pending' }).success).toBe(false);
    expect(QueueFilterSchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
    expect(QueueFilterSchema.safeParse({ to: '30-11-2026' }).success).toBe(false);
    expect(QueueFilterSchema.safeParse({ cadre: 'abc' }).success).toBe(false);
    expect(QueueFilterSchema.safeParse({ after: 'not a cursor' }).success).toBe(false);
    expect(QueueFilterSchema.safeParse({ group: 'DROP TABLE' }).success).toBe(false);
  });

  it('round-trips cursors', () => {
    const c = encodeCursor(NOW, 12345);
    expect(decodeCursor(c)).toEqual({ createdAt: NOW, id: 12345 });
    expect(filter({ after: c }).after).toBe(c);
    expect(decodeCursor('1.2.3')).toBeUndefined();
  });
});

describe('search kinds', () => {
  it('tells references, NIKs and names apart', () => {
    expect(searchKind('LD-7K3Q9')).toEqual({ kind: 'reference', reference: 'LD-7K3Q9' });
    expect(searchKind(' ld 7k3q9 ')).toEqual({ kind: 'reference', reference: 'LD-7K3Q9' });
    expect(searchKind('6301 0101 0101 0001')).toEqual({ kind: 'nik', nik: '6301010101010001' });
    expect(searchKind('630101010101000')).toEqual({ kind: 'name', text: '630101010101000' });
    expect(searchKind('  siti   aminah ')).toEqual({ kind: 'name', text: 'siti aminah' });
    // A code without "LD-": certain with a digit in it; a word that could be a name is searched as both.
    expect(searchKind('7k3q9')).toEqual({ kind: 'reference', reference: 'LD-7K3Q9' });
    expect(searchKind('rahma')).toEqual({ kind: 'name', text: 'rahma', reference: 'LD-RAHMA' });
    // A KPJ (11 digits); one that could be a phone number written without its 0 is searched as both.
    expect(searchKind('2301 4567 890')).toEqual({ kind: 'kpj', kpj: '23014567890' });
    expect(searchKind('81234567890')).toEqual({ kind: 'kpj', kpj: '81234567890', phone: '+6281234567890' });
    expect(searchKind('08123456789')).toEqual({ kind: 'phone', phone: '+628123456789' });
  });

  it('finds a code typed without "LD-", and a name that happens to look like a code still by name', async () => {
    const row = seed.rows.find((r) => r.status === 'rejected')!;
    const bare = row.reference.slice(3).toLowerCase();
    const page = await queuePage(sql, filter({ status: 'all', q: bare }), TZ, TEST_CIPHER);
    expect(page.rows.map((r) => r.reference)).toContain(row.reference);
    // "Ahmad" is also a possible code (every letter is in the codes' alphabet): the name still finds it.
    expect(searchKind('Ahmad')).toMatchObject({ kind: 'name', reference: 'LD-AHMAD' });
    const byName = await queuePage(sql, filter({ status: 'all', q: 'Ahmad' }), TZ, TEST_CIPHER);
    expect(byName.rows.map((r) => r.fullName)).toContain('Ahmad 100% Jaya');
  });

  it('finds a registration by its KPJ in any status', async () => {
    const row = seed.rows.find((r) => r.status === 'submitted')!;
    await sql.run("UPDATE registrations SET kpj = '23014567890', status = 'registered' WHERE id = ?", [row.id]);
    try {
      for (const q of ['23014567890', '2301 4567 890', '2301-4567-890']) {
        expect((await queuePage(sql, filter({ status: 'all', q }), TZ, TEST_CIPHER)).rows.map((r) => r.id)).toEqual([row.id]);
      }
      expect((await queuePage(sql, filter({ status: 'all', q: '23014567891' }), TZ, TEST_CIPHER)).total).toBe(0);
    } finally {
      await sql.run("UPDATE registrations SET kpj = NULL, status = 'submitted' WHERE id = ?", [row.id]);
    }
  });

  it('finds a reference exactly, however it is typed', async () => {
    const row = seed.rows.find((r) => r.status === 'approved')!;
    for (const q of [row.reference, row.reference.toLowerCase(), row.reference.replace('-', ' ')]) {
      const page = await queuePage(sql, filter({ status: 'all', q }), TZ, TEST_CIPHER);
      expect(page.rows.map((r) => r.reference)).toEqual([row.reference]);
      expect(page.total).toBe(1);
    }
    // Not a prefix search: four characters of the code find nothing by reference.
    expect((await queuePage(sql, filter({ status: 'all', q: 'LD-ZZZZZ' }), TZ, TEST_CIPHER)).total).toBe(0);
  });

  it('finds a NIK exactly (grouped or not), in open and closed statuses', async () => {
    for (const status of ['submitted', 'rejected'] as const) {
      const row = seed.rows.find((r) => r.status === status)!;
      const nik = row.nik!;
      const grouped = `${nik.slice(0, 4)} ${nik.slice(4, 8)} ${nik.slice(8, 12)} ${nik.slice(12)}`;
      for (const q of [nik, grouped]) {
        const page = await queuePage(sql, filter({ status: 'all', q }), TZ, TEST_CIPHER);
        expect(page.rows.map((r) => r.id)).toEqual([row.id]);
      }
      expect((await queuePage(sql, filter({ status, q: nik }), TZ, TEST_CIPHER)).total).toBe(1);
    }
    // A NIK nobody has finds nothing (no partial matching either).
    expect((await queuePage(sql, filter({ status: 'all', q: '6301999999999999' }), TZ, TEST_CIPHER)).total).toBe(0);
    expect((await queuePage(sql, filter({ status: 'all', q: seed.rows.find((r) => r.nik)!.nik!.slice(0, 12) }), TZ, TEST_CIPHER)).total).toBe(0);
  });

  it('matches names by the start of any word, case-insensitively', async () => {
    const matches = (name: string, q: string): boolean => {
      const n = name.toLowerCase();
      const t = q.toLowerCase();
      return n.startsWith(t) || n.includes(` ${t}`);
    };
    for (const q of ['putri', 'PUTRI', 'siti', 'nur ai', 'Aisyah Putri', 'ahmad']) {
      await expectIds({ status: 'all', q }, (r) => !!r.fullName && matches(r.fullName, q));
    }
    const found = (await allPages({ status: 'all', q: 'putri' })).rows.map((r) => r.fullName);
    const alive = (name: string): boolean => seed.rows.some((r) => r.fullName === name);
    for (const name of ['Nur Aisyah Putri', 'Putri Handayani', 'Siti Putriani', 'putri kecil']) {
      if (alive(name)) expect(found).toContain(name);
    }
    // 'Saputri' contains 'putri', but not at the start of a word.
    expect(found).not.toContain('Dewi Saputri');
    expect(seed.rows.filter((r) => r.fullName && Object.values(PLANTED).includes(r.fullName)).length).toBeGreaterThan(3);
  });

  it('treats LIKE wildcards in the search text literally', async () => {
    expect((await allPages({ status: 'all', q: '%' })).rows).toEqual([]);
    expect((await allPages({ status: 'all', q: '_' })).rows).toEqual([]);
    const jaya = seed.rows.find((r) => r.fullName === 'Ahmad 100% Jaya' && r.status !== 'deleted');
    const got = (await allPages({ status: 'all', q: '100%' })).rows.map((r) => r.id);
    expect(got).toEqual(jaya ? [jaya.id] : []);
  });
});

describe('filters', () => {
  it('defaults to submitted (waiting for a decision), oldest first', async () => {
    await expectIds({}, () => true);
    const first = (await queuePage(sql, filter(), TZ, TEST_CIPHER)).rows;
    expect(first.every((r) => r.status === 'submitted')).toBe(true);
  });

  it('filters by each status, and "all" leaves out deleted rows', async () => {
    for (const status of ['submitted', 'needs_correction', 'approved', 'registered', 'rejected', 'deleted', 'all'] as const) {
      await expectIds({ status }, () => true);
    }
    expect(seed.rows.some((r) => r.status === 'deleted')).toBe(true);
    expect((await allPages({ status: 'all' })).rows.some((r) => r.status === 'deleted')).toBe(false);
  });

  it('filters by kecamatan and desa', async () => {
    const area = seed.settings.areas[1]!;
    await expectIds({ status: 'all', kecamatan: area.kecamatan }, (r) => r.kecamatan === area.kecamatan);
    const desa = seed.rows.find((r) => r.kecamatan === area.kecamatan)!.desa!;
    await expectIds({ status: 'all', kecamatan: area.kecamatan, desa }, (r) => r.desa === desa);
    await expectIds({ status: 'all', desa }, (r) => r.desa === desa);
  });

  it('filters by group and by cadre', async () => {
    for (const g of ['pekerja_rentan', 'bpd', 'mandiri']) await expectIds({ status: 'all', group: g }, (r) => r.groupId === g);
    for (const c of seed.cadres) {
      await expectIds({ status: 'all', cadre: String(c.personId) }, (r) => r.submitterId === c.personId);
      await expectIds({ cadre: c.personId }, (r) => r.submitterId === c.personId);
    }
    expect(seed.rows.some((r) => r.submitterId !== r.applicantId)).toBe(true);
  });

  it('filters by whole days in the regency time zone, both ends inclusive', async () => {
    // The seeded rows span 120 days: pick days from the data.
    const days = [...new Set(seed.rows.map((r) => dayIn(TZ, r.createdAt)))].sort();
    const from = days[10]!;
    const to = days[20]!;
    const inDays = (r: SeededRow, a?: string, b?: string): boolean => {
      const d = dayIn(TZ, r.createdAt);
      return (!a || d >= a) && (!b || d <= b);
    };
    await expectIds({ status: 'all', from, to }, (r) => inDays(r, from, to));
    await expectIds({ status: 'all', from }, (r) => inDays(r, from));
    await expectIds({ status: 'all', to }, (r) => inDays(r, undefined, to));
    await expectIds({ status: 'all', from: days[5]!, to: days[5]! }, (r) => inDays(r, days[5], days[5]));
    expect((await queuePage(sql, filter({ status: 'all', from: to, to: from }), TZ, TEST_CIPHER)).total).toBe(0);
  });

  it('puts rows at local midnight on the right day', async () => {
    const midnight = Date.UTC(2026, 10, 14, 16, 0, 0); // 2026-11-15 00:00 WITA
    const weights = { submitted: 1, needs_correction: 0, approved: 0, registered: 0, rejected: 0, deleted: 0 };
    const at = await seedRegistrations(sql, 2, { now: midnight, spanDays: 0.0001, cadres: 0, startIndex: 20_000, statusWeights: weights });
    const before = await seedRegistrations(sql, 2, { now: midnight - 1, spanDays: 0.0001, cadres: 0, startIndex: 20_010, statusWeights: weights });
    try {
      const ids = async (q: Record<string, string>) => (await allPages({ status: 'all', ...q })).rows.map((r) => r.id);
      const atIds = at.rows.map((r) => r.id);
      const beforeIds = before.rows.map((r) => r.id);
      const day15 = await ids({ from: '2026-11-15', to: '2026-11-15' });
      const day14 = await ids({ from: '2026-11-14', to: '2026-11-14' });
      for (const id of atIds) {
        expect(day15).toContain(id);
        expect(day14).not.toContain(id);
      }
      for (const id of beforeIds) {
        expect(day14).toContain(id);
        expect(day15).not.toContain(id);
      }
    } finally {
      await sql.run(`DELETE FROM registrations WHERE id IN (${[...at.rows, ...before.rows].map((r) => r.id).join(',')})`);
    }
  });

  it('converts day bounds with Intl (WITA is UTC+8)', () => {
    expect(dayStart('2026-11-01', 'Asia/Makassar')).toBe(Date.UTC(2026, 9, 31, 16));
    expect(dayStart('2026-11-01', 'Asia/Jakarta')).toBe(Date.UTC(2026, 9, 31, 17));
    expect(dayStart('2026-11-01', 'UTC')).toBe(Date.UTC(2026, 10, 1));
    // Daylight saving is handled too (Europe/Berlin is UTC+1 on 2026-10-25 after the switch at 01:00 UTC).
    expect(dayStart('2026-10-26', 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 25, 23));
    expect(dayStart('2026-07-01', 'Europe/Berlin')).toBe(Date.UTC(2026, 5, 30, 22));
    const { params } = buildQueueQuery(filter({ from: '2026-11-01', to: '2026-11-01' }), TZ, TEST_CIPHER);
    expect(params).toMatchObject({ fromMs: Date.UTC(2026, 9, 31, 16), toMs: Date.UTC(2026, 10, 1, 16) });
  });

  it('combines filters', async () => {
    const c = seed.cadres[0]!;
    await expectIds({ status: 'all', cadre: c.personId, kecamatan: c.kecamatan, group: 'kader' }, (r) => r.submitterId === c.personId && r.groupId === 'kader');
    await expectIds({ status: 'open', q: 'siti', kecamatan: seed.settings.areas[0]!.kecamatan }, (r) =>
      !!r.fullName && r.kecamatan === seed.settings.areas[0]!.kecamatan && (r.fullName.toLowerCase().startsWith('siti') || r.fullName.toLowerCase().includes(' siti')),
    );
  });
});

describe('queue rows and paging', () => {
  it('returns every row exactly once across pages, with ties on created_at ordered by id', async () => {
    const want = seed.rows.filter((r) => r.status !== 'deleted').sort(byQueueOrder).map((r) => r.id);
    for (const limit of [1, 7, 50, 200]) {
      const got = await allPages({ status: 'all' }, limit);
      expect(got.rows.map((r) => r.id)).toEqual(want);
      expect(new Set(got.rows.map((r) => r.id)).size).toBe(want.length);
      expect(got.pages).toBe(Math.max(1, Math.ceil(want.length / limit)));
      expect(new Set(got.totals)).toEqual(new Set([want.length]));
    }
  });

  it('pages through ties on created_at without losing rows', async () => {
    const t = NOW - 3_600_000;
    const tied = await seedRegistrations(sql, 9, { now: t, spanDays: 0.0001, cadres: 0, startIndex: 10_000, statusWeights: { submitted: 1, needs_correction: 0, approved: 0, registered: 0, rejected: 0, deleted: 0 } });
    try {
      expect(new Set(tied.rows.map((r) => r.createdAt)).size).toBe(1);
      const from = dayIn(TZ, t);
      const ids = (await allPages({ from, to: from }, 2)).rows.map((r) => r.id);
      for (const r of tied.rows) expect(ids.filter((id) => id === r.id)).toHaveLength(1);
    } finally {
      const ids = tied.rows.map((r) => r.id);
      await sql.run(`DELETE FROM registrations WHERE id IN (${ids.join(',')})`);
    }
  });

  it('never returns a full NIK, only the masked one, and reads the checks', async () => {
    const { rows } = await allPages({ status: 'all' });
    const json = JSON.stringify(rows);
    for (const r of seed.rows) if (r.nik) expect(json).not.toContain(r.nik);
    for (const r of rows) {
      const s = seed.rows.find((x) => x.id === r.id)!;
      expect(r.nikMasked).toBe(`${s.nik!.slice(0, 4)}********${s.nik!.slice(-4)}`);
      expect(r.checks).toEqual(s.data!.checks);
      expect(r).toMatchObject({ reference: s.reference, fullName: s.fullName, desa: s.desa, groupId: s.groupId, submitterId: s.submitterId, channel: s.channel, createdAt: s.createdAt });
    }
    const deleted = (await allPages({ status: 'deleted' })).rows;
    expect(deleted.length).toBeGreaterThan(0);
    for (const r of deleted) expect(r).toMatchObject({ fullName: null, nikMasked: null, checks: [] });
  });
});
