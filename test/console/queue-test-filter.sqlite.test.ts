// Test registrations (channel 'web', the console's chat simulator) in the queue's filter, on
// SQLite's query planner (EXPLAIN QUERY PLAN is SQLite's own): answered from indexes (migration
// 022). What the filter returns, on both databases: queue-test-filter.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueFilterSchema, TEST_CHANNEL, type QueueFilter } from '../../src/domain/queue-filter.js';
import { openDatabase, type Db } from '../../src/storage/db.js';
import type { Sql } from '../../src/storage/sql.js';
import { sqliteSql } from '../../src/storage/sqlite.js';
import { queueStatements, statusCountsStatement } from '../../src/storage/queue.js';
import { seedRegistrations, TEST_CIPHER } from '../helpers/seed.js';

const TZ = 'Asia/Makassar';
let dir: string;
let db: Db;
let sql: Sql;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-test-filter-'));
  db = openDatabase(join(dir, 't.db'));
  sql = sqliteSql(db);
  const { rows } = await seedRegistrations(sql, 300, { cadres: 2 });
  // Every 17th registration was made in the simulator.
  const picked = rows.filter((_, i) => i % 17 === 0);
  await sql.run(`UPDATE registrations SET channel = '${TEST_CHANNEL}' WHERE id IN (${picked.map((r) => r.id).join(',')})`);
});
afterAll(async () => {
  await sql.close();
  rmSync(dir, { recursive: true, force: true });
});

const filter = (q: Record<string, string | number> = {}): QueueFilter => QueueFilterSchema.parse(q);

describe('test registrations in the queue filter', () => {
  it('answers from indexes: the test rows through registrations_channel, the rest as before', () => {
    const planOf = (s: { sql: string; params: Record<string, unknown> }) => (db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(s.params) as { detail: string }[]).map((p) => p.detail);
    for (const q of [{}, { test: 'only' }, { test: 'include' }, { status: 'all' }, { test: 'only', status: 'all' }, { q: 'siti' }, { kecamatan: 'Gunung Sari' }] as Record<string, string>[]) {
      const f = filter(q);
      const { page, count } = queueStatements(f, TZ, TEST_CIPHER);
      for (const s of [page, count, statusCountsStatement(f, 'open', TZ, TEST_CIPHER), statusCountsStatement(f, 'all', TZ, TEST_CIPHER)]) {
        const onTable = planOf(s).filter((d) => /\bregistrations\b/.test(d));
        expect(onTable.length).toBeGreaterThan(0);
        for (const d of onTable) expect(d, `${JSON.stringify(q)}: ${s.sql}`).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/);
      }
    }
    // Leaving the test rows out reads them from the channel index alone.
    expect(planOf(queueStatements(filter(), TZ, TEST_CIPHER).page).join(' | ')).toMatch(/SEARCH registrations USING COVERING INDEX registrations_channel \(channel=\?\)/);
    // Only the test rows: straight from the channel index.
    expect(planOf(queueStatements(filter({ test: 'only' }), TZ, TEST_CIPHER).page).join(' | ')).toMatch(/SEARCH registrations USING (COVERING )?INDEX registrations_channel \(channel=\? AND status=\?\)/);
  });
});
