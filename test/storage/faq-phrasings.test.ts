import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeaching, TeachError } from '../../src/app/teach.js';
import { LearnedPhrasings, phrasingKey } from '../../src/faq/learned.js';
import { FieldCipher, newRing } from '../../src/storage/crypto.js';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { createFaqPhrasingStore } from '../../src/storage/faq-phrasings.js';
import { createOfficerStore } from '../../src/storage/officers.js';
import { sqliteSql } from '../../src/storage/sqlite.js';
import { createStore } from '../../src/storage/store.js';

let dir: string;
let db: Db;
let officerId: number;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-phrasings-'));
  db = openDatabase(join(dir, 'p.db'));
  officerId = (await createOfficerStore(sqliteSql(db)).add({ username: 'budi', passwordHash: 'x', role: 'officer', now: 1 })).id;
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const unmatched = (text: string, at = 1, lang = 'id') =>
  db.prepare("INSERT INTO faq_unmatched (text, lang, channel, created_at) VALUES (?, ?, 'test', ?)").run(text, lang, at);
const unmatchedTexts = () => (db.prepare('SELECT text FROM faq_unmatched ORDER BY id').all() as { text: string }[]).map((r) => r.text);

describe('faq phrasing store', () => {
  it('is migration 6, a STRICT table whose taught_by must be an officer', async () => {
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'faq_phrasings'").get() as { sql: string }).sql;
    expect(sql).toMatch(/STRICT/);
    await expect(createFaqPhrasingStore(sqliteSql(db)).upsert({ key: 'a', topic: 'jht', officerId: 999, now: 1 })).rejects.toThrow(/FOREIGN KEY/);
  });

  it('upserts, lists newest first with the officer, and deletes', async () => {
    const store = createFaqPhrasingStore(sqliteSql(db));
    await store.upsert({ key: 'kapan jht cair', topic: 'claim_jht', officerId, now: 10 });
    await store.upsert({ key: 'resep rendang', topic: null, officerId, now: 20 });
    expect(await store.all()).toEqual([
      { key: 'resep rendang', topic: null, taughtBy: officerId, taughtByName: 'budi', taughtAt: 20 },
      { key: 'kapan jht cair', topic: 'claim_jht', taughtBy: officerId, taughtByName: 'budi', taughtAt: 10 },
    ]);
    await store.upsert({ key: 'kapan jht cair', topic: 'jht', officerId, now: 30 });
    expect(await store.byKey('kapan jht cair')).toEqual({ key: 'kapan jht cair', topic: 'jht' });
    expect(await store.delete('kapan jht cair')).toBe(true);
    expect(await store.delete('kapan jht cair')).toBe(false);
    expect((await store.all()).map((p) => p.key)).toEqual(['resep rendang']);
  });

  it('summarises unmatched questions by text, most frequent first, and forgets those with a given key only', async () => {
    const store = createFaqPhrasingStore(sqliteSql(db));
    unmatched('Kapan JHT cair [angka]', 5);
    unmatched('kapan jht cair [angka]', 6);
    unmatched('KAPAAAN jht cair', 7);
    unmatched('resep rendang', 8);
    expect(await store.unmatchedSummary(10)).toEqual([
      { text: 'kapan jht cair [angka]', lang: 'id', count: 2, last: 6 },
      { text: 'resep rendang', lang: 'id', count: 1, last: 8 },
      { text: 'kapaaan jht cair', lang: 'id', count: 1, last: 7 },
    ]);
    expect(await store.unmatchedSummary(1)).toHaveLength(1);
    expect(await store.forgetUnmatched(phrasingKey('kapan jht cair'))).toBe(3);
    expect(unmatchedTexts()).toEqual(['resep rendang']);
    expect(await store.forgetUnmatched('')).toBe(0);
    expect(unmatchedTexts()).toEqual(['resep rendang']);
  });
});

describe('teaching (app)', () => {
  const topics = ['greeting', 'thanks', 'claim_jht', 'jkm'];
  const teaching = async (learned = new LearnedPhrasings()) => ({
    learned,
    teaching: await createTeaching({ store: createStore(sqliteSql(db), new FieldCipher(newRing())), learned, topics, clock: () => 50 }),
  });

  it('offers the topics without small talk', async () => {
    expect((await teaching()).teaching.topics).toEqual(['claim_jht', 'jkm']);
  });

  it('stores, audits and applies in one go, and loads what is stored into the given instance', async () => {
    unmatched('kapan jht cair [angka]');
    const { learned, teaching: t } = await teaching();
    expect(await t.teach('Kapan JHT cair 6301011708800003?', 'claim_jht', officerId)).toEqual({ key: phrasingKey('kapan jht cair'), topic: 'claim_jht' });
    expect(learned.lookup('kapan jht cairrr')).toBe('claim_jht');
    expect(unmatchedTexts()).toEqual([]);
    expect(db.prepare("SELECT officer_id AS o, detail FROM audit_log WHERE action = 'teach_phrasing'").all()).toEqual([{ o: officerId, detail: '{"topic":"claim_jht"}' }]);

    const fresh = new LearnedPhrasings();
    await (await teaching(fresh)).teaching.load();
    expect(fresh.lookup('KAPAN JHT CAIR')).toBe('claim_jht');
  });

  it('throws a TeachError for an unknown topic, small talk or an empty key, and changes nothing', async () => {
    unmatched('kapan jht cair');
    const { learned, teaching: t } = await teaching();
    const reason = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch (err) {
        return err instanceof TeachError ? err.reason : err;
      }
      return 'no error';
    };
    expect(await reason(() => t.teach('kapan jht cair', 'nope', officerId))).toBe('unknown_topic');
    expect(await reason(() => t.teach('kapan jht cair', 'greeting', officerId))).toBe('unknown_topic');
    expect(await reason(() => t.teach('081234567890 !!', null, officerId))).toBe('empty_phrasing');
    expect(await reason(() => t.forget('kapan jht cair', officerId))).toBe('not_taught');
    expect(learned.size).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM faq_phrasings').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE '%phrasing'").get()).toEqual({ n: 0 });
    expect(unmatchedTexts()).toEqual(['kapan jht cair']);
  });

  it('rolls back the whole teaching when a part fails (unknown officer): no row, no audit, unmatched kept, memory unchanged', async () => {
    unmatched('kapan jht cair');
    const { learned, teaching: t } = await teaching();
    await expect(t.teach('kapan jht cair', 'claim_jht', 999)).rejects.toThrow(/FOREIGN KEY/);
    expect(learned.size).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM faq_phrasings').get()).toEqual({ n: 0 });
    expect(unmatchedTexts()).toEqual(['kapan jht cair']);
  });

  it('forgets: row, memory and an audit line', async () => {
    const { learned, teaching: t } = await teaching();
    await t.teach('resep rendang', null, officerId);
    expect(learned.lookup('Resep Rendang')).toBeNull();
    expect(await t.forget(phrasingKey('resep rendang'), officerId)).toEqual({ key: phrasingKey('resep rendang'), topic: null });
    expect(learned.lookup('Resep Rendang')).toBeUndefined();
    expect(await t.taught()).toEqual([]);
    expect(db.prepare("SELECT detail FROM audit_log WHERE action = 'forget_phrasing'").all()).toEqual([{ detail: '{"topic":null}' }]);
  });
});
