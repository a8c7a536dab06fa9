// The faq_phrasings table as SQLite holds it (its migration number and STRICT declaration); the
// store's behaviour on both databases is in faq-phrasings.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { createFaqPhrasingStore } from '../../src/storage/faq-phrasings.js';
import { sqliteSql } from '../../src/storage/sqlite.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-phrasings-'));
  db = openDatabase(join(dir, 'p.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('faq phrasing store', () => {
  it('is migration 6, a STRICT table whose taught_by must be an officer', async () => {
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'faq_phrasings'").get() as { sql: string }).sql;
    expect(sql).toMatch(/STRICT/);
    await expect(createFaqPhrasingStore(sqliteSql(db)).upsert({ key: 'a', topic: 'jht', officerId: 999, now: 1 })).rejects.toThrow(/FOREIGN KEY/);
  });
});
