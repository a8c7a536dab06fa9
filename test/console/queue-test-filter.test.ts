// Test registrations (channel 'web', the console's chat simulator) in the queue's one filter: left
// out of the page, its count, the tabs' figures and the export unless `test` asks for them, found by
// their very code (that all of it is answered from indexes, migration 022: queue-test-filter.sqlite.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueFilterSchema, STATUSES_OF, TEST_CHANNEL, type QueueFilter } from '../../src/domain/queue-filter.js';
import type { Sql } from '../../src/storage/sql.js';
import { exportRecords, queuePage, statusCounts } from '../../src/storage/queue.js';
import { toArray } from '../helpers/console.js';
import { freshStore, type FreshStore } from '../helpers/stores.js';
import { seedRegistrations, TEST_CIPHER, type SeededRow } from '../helpers/seed.js';

const TZ = 'Asia/Makassar';
let fresh: FreshStore;
let sql: Sql;
let rows: SeededRow[];
let tests: Set<number>;

beforeAll(async () => {
  fresh = await freshStore();
  sql = fresh.sql;
  rows = (await seedRegistrations(sql, 300, { cadres: 2 })).rows;
  // Every 17th registration was made in the simulator.
  const picked = rows.filter((_, i) => i % 17 === 0);
  await sql.run(`UPDATE registrations SET channel = '${TEST_CHANNEL}' WHERE id IN (${picked.map((r) => r.id).join(',')})`);
  tests = new Set(picked.map((r) => r.id));
});
afterAll(() => fresh.close());

const filter = (q: Record<string, string | number> = {}): QueueFilter => QueueFilterSchema.parse(q);
/** Every row id of a filter, walking all its pages. */
async function ids(f: QueueFilter): Promise<number[]> {
  const out: number[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await queuePage(sql, { ...f, limit: 200, ...(after ? { after } : {}) }, TZ, TEST_CIPHER);
    out.push(...page.rows.map((r) => r.id));
    if (!page.next) return out;
    after = page.next;
  }
}
const expected = (status: keyof typeof STATUSES_OF, which: 'real' | 'test' | 'both'): number[] =>
  rows
    .filter((r) => STATUSES_OF[status].includes(r.status))
    .filter((r) => (which === 'both' ? true : which === 'test' ? tests.has(r.id) : !tests.has(r.id)))
    .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)
    .map((r) => r.id);

describe('test registrations in the queue filter', () => {
  it('are left out by default, included with test=include, alone with test=only: page, count, tab figures and export agree', async () => {
    expect(tests.size).toBeGreaterThan(10);
    for (const status of ['submitted', 'all', 'open'] as const) {
      for (const [test, which] of [[undefined, 'real'], ['include', 'both'], ['only', 'test']] as const) {
        const f = filter({ status, ...(test ? { test } : {}) });
        const want = expected(status, which);
        expect(await ids(f), `${status} ${test}`).toEqual(want);
        expect((await queuePage(sql, f, TZ, TEST_CIPHER)).total).toBe(want.length);
        expect((await toArray(exportRecords(sql, f, TZ, TEST_CIPHER))).map((r) => r.id)).toEqual(want);
        const counts = await statusCounts(sql, f, status, TZ, TEST_CIPHER);
        expect(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)).toBe(want.length);
      }
    }
  });

  it('the default leaves out exactly the simulator rows (a test can fail: without the filter they would show)', async () => {
    const all = filter({ status: 'all' });
    const shown = new Set(await ids(all));
    for (const id of tests) if (rows.find((r) => r.id === id)!.status !== 'deleted') expect(shown.has(id)).toBe(false);
    expect((await ids({ ...all, test: 'include' })).some((id) => tests.has(id))).toBe(true);
  });

  it('finds a test registration by its very code, but not by a name search without the filter', async () => {
    const test = rows.find((r) => tests.has(r.id) && r.status !== 'deleted' && r.fullName)!;
    expect(await ids(filter({ q: test.reference }))).toEqual([test.id]);
    expect(await ids(filter({ q: test.fullName! }))).not.toContain(test.id);
    expect(await ids(filter({ q: test.fullName!, test: 'include' }))).toContain(test.id);
  });
});
