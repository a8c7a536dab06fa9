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
import { createStore } from '../../src/storage/store.js';

let dir: string;
let db: Db;
let officerId: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-phrasings-'));
  db = openDatabase(join(dir, 'p.db'));
  officerId = createOfficerStore(db).add({ username: 'budi', passwordHash: 'x', role: 'officer', now: 1 }).id;
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const unmatched = (text: string, at = 1, lang = 'id') =>
  db.prepare("INSERT INTO faq_unmatched (text, lang, channel, created_at) VALUES (?, ?, 'test', ?)").run(text, lang, at);
const unmatchedTexts = () => (db.prepare('SELECT text FROM faq_unmatched ORDER BY id').all() as { text: string }[]).map((r) => r.text);

describe('faq phrasing store', () => {
  it('is migration 6, a STRICT table whose taught_by must be an officer', () => {
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'faq_phrasings'").get() as { sql: string }).sql;
    expect(sql).toMatch(/STRICT/);
    expect(() => createFaqPhrasingStore(db).upsert({ key: 'a', topic: 'jht', officerId: 999, now: 1 })).toThrow(/FOREIGN KEY/);
  });

  it('upserts, lists newest first with the officer, and deletes', () => {
    const store = createFaqPhrasingStore(db);
    store.upsert({ key: 'kapan jht cair', topic: 'claim_jht', officerId, now: 10 });
    store.upsert({ key: 'resep rendang', topic: null, officerId, now: 20 });
    expect(store.all()).toEqual([
      { key: 'resep rendang', topic: null, taughtBy: officerId, taughtByName: 'budi', taughtAt: 20 },
      { key: 'kapan jht cair', topic: 'claim_jht', taughtBy: officerId, taughtByName: 'budi', taughtAt: 10 },
    ]);
    store.upsert({ key: 'kapan jht cair', topic: 'jht', officerId, now: 30 });
    expect(store.byKey('kapan jht cair')).toEqual({ key: 'kapan jht cair', topic: 'jht' });
    expect(store.delete('kapan jht cair')).toBe(true);
    expect(store.delete('kapan jht cair')).toBe(false);
    expect(store.all().map((p) => p.key)).toEqual(['resep rendang']);
  });

  it('summarises unmatched questions by text, most frequent first, and forgets those with a given key only', () => {
    const store = createFaqPhrasingStore(db);
    unmatched('Kapan JHT cair [angka]', 5);
    unmatched('kapan jht cair [angka]', 6);
    unmatched('KAPAAAN jht cair', 7);
    unmatched('resep rendang', 8);
    expect(store.unmatchedSummary(10)).toEqual([
      { text: 'kapan jht cair [angka]', lang: 'id', count: 2, last: 6 },
      { text: 'resep rendang', lang: 'id', count: 1, last: 8 },
      { text: 'kapaaan jht cair', lang: 'id', count: 1, last: 7 },
    ]);
    expect(store.unmatchedSummary(1)).toHaveLength(1);
    expect(store.forgetUnmatched(phrasingKey('kapan jht cair'))).toBe(3);
    expect(unmatchedTexts()).toEqual(['resep rendang']);
    expect(store.forgetUnmatched('')).toBe(0);
    expect(unmatchedTexts()).toEqual(['resep rendang']);
  });
});

describe('teaching (app)', () => {
  const topics = ['greeting', 'thanks', 'claim_jht', 'jkm'];
  const teaching = (learned = new LearnedPhrasings()) => ({ learned, teaching: createTeaching({ store: createStore(db, new FieldCipher(newRing())), learned, topics, clock: () => 50 }) });

  it('offers the topics without small talk', () => {
    expect(teaching().teaching.topics).toEqual(['claim_jht', 'jkm']);
  });

  it('stores, audits and applies in one go, and loads what is stored into the given instance', () => {
    unmatched('kapan jht cair [angka]');
    const { learned, teaching: t } = teaching();
    expect(t.teach('Kapan JHT cair 6301011708800003?', 'claim_jht', officerId)).toEqual({ key: phrasingKey('kapan jht cair'), topic: 'claim_jht' });
    expect(learned.lookup('kapan jht cairrr')).toBe('claim_jht');
    expect(unmatchedTexts()).toEqual([]);
    expect(db.prepare("SELECT officer_id AS o, detail FROM audit_log WHERE action = 'teach_phrasing'").all()).toEqual([{ o: officerId, detail: '{"topic":"claim_jht"}' }]);

    const fresh = new LearnedPhrasings();
    teaching(fresh);
    expect(fresh.lookup('KAPAN JHT CAIR')).toBe('claim_jht');
  });

  it('throws a TeachError for an unknown topic, small talk or an empty key, and changes nothing', () => {
    unmatched('kapan jht cair');
    const { learned, teaching: t } = teaching();
    const reason = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err instanceof TeachError ? err.reason : err;
      }
      return 'no error';
    };
    expect(reason(() => t.teach('kapan jht cair', 'nope', officerId))).toBe('unknown_topic');
    expect(reason(() => t.teach('kapan jht cair', 'greeting', officerId))).toBe('unknown_topic');
    expect(reason(() => t.teach('081234567890 !!', null, officerId))).toBe('empty_phrasing');
    expect(reason(() => t.forget('kapan jht cair', officerId))).toBe('not_taught');
    expect(learned.size).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM faq_phrasings').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE '%phrasing'").get()).toEqual({ n: 0 });
    expect(unmatchedTexts()).toEqual(['kapan jht cair']);
  });

  it('rolls back the whole teaching when a part fails (unknown officer): no row, no audit, unmatched kept, memory unchanged', () => {
    unmatched('kapan jht cair');
    const { learned, teaching: t } = teaching();
    expect(() => t.teach('kapan jht cair', 'claim_jht', 999)).toThrow(/FOREIGN KEY/);
    expect(learned.size).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM faq_phrasings').get()).toEqual({ n: 0 });
    expect(unmatchedTexts()).toEqual(['kapan jht cair']);
  });

  it('forgets: row, memory and an audit line', () => {
    const { learned, teaching: t } = teaching();
    t.teach('resep rendang', null, officerId);
    expect(learned.lookup('Resep Rendang')).toBeNull();
    expect(t.forget(phrasingKey('resep rendang'), officerId)).toEqual({ key: phrasingKey('resep rendang'), topic: null });
    expect(learned.lookup('Resep Rendang')).toBeUndefined();
    expect(t.taught()).toEqual([]);
    expect(db.prepare("SELECT detail FROM audit_log WHERE action = 'forget_phrasing'").all()).toEqual([{ detail: '{"topic":null}' }]);
  });
});
