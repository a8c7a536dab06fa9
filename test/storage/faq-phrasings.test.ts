import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeaching, TeachError } from '../../src/app/teach.js';
import { LearnedPhrasings, phrasingKey } from '../../src/faq/learned.js';
import { FieldCipher, newRing } from '../../src/storage/crypto.js';
import { createFaqPhrasingStore } from '../../src/storage/faq-phrasings.js';
import { createOfficerStore } from '../../src/storage/officers.js';
import { createStore } from '../../src/storage/store.js';
import { freshStore, type FreshStore } from '../helpers/stores.js';

let db: FreshStore;
let officerId: number;
beforeEach(async () => {
  db = await freshStore();
  officerId = (await createOfficerStore(db.sql).add({ username: 'budi', passwordHash: 'x', role: 'officer', now: 1 })).id;
});
afterEach(() => db.close());

const unmatched = (text: string, at = 1, lang = 'id') =>
  db.sql.run("INSERT INTO faq_unmatched (text, lang, channel, created_at) VALUES (?, ?, 'test', ?)", [text, lang, at]);
const unmatchedTexts = async () => (await db.sql.all<{ text: string }>('SELECT text FROM faq_unmatched ORDER BY id')).map((r) => r.text);
const count = async (sql: string) => (await db.sql.get<{ n: number }>(sql))!.n;
/** A broken foreign key, in either database's words. */
const FOREIGN_KEY = /FOREIGN KEY|foreign key constraint/;

describe('faq phrasing store', () => {
  it('refuses a taught_by that is not an officer', async () => {
    await expect(createFaqPhrasingStore(db.sql).upsert({ key: 'a', topic: 'jht', officerId: 999, now: 1 })).rejects.toThrow(FOREIGN_KEY);
  });

  it('upserts, lists newest first with the officer, and deletes', async () => {
    const store = createFaqPhrasingStore(db.sql);
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
    const store = createFaqPhrasingStore(db.sql);
    await unmatched('Kapan JHT cair [angka]', 5);
    await unmatched('kapan jht cair [angka]', 6);
    await unmatched('KAPAAAN jht cair', 7);
    await unmatched('resep rendang', 8);
    expect(await store.unmatchedSummary(10)).toEqual([
      { text: 'kapan jht cair [angka]', lang: 'id', count: 2, last: 6 },
      { text: 'resep rendang', lang: 'id', count: 1, last: 8 },
      { text: 'kapaaan jht cair', lang: 'id', count: 1, last: 7 },
    ]);
    expect(await store.unmatchedSummary(1)).toHaveLength(1);
    expect(await store.forgetUnmatched(phrasingKey('kapan jht cair'))).toBe(3);
    expect(await unmatchedTexts()).toEqual(['resep rendang']);
    expect(await store.forgetUnmatched('')).toBe(0);
    expect(await unmatchedTexts()).toEqual(['resep rendang']);
  });
});

describe('teaching (app)', () => {
  const topics = ['greeting', 'thanks', 'claim_jht', 'jkm'];
  const teaching = async (learned = new LearnedPhrasings()) => ({
    learned,
    teaching: await createTeaching({ store: createStore(db.sql, new FieldCipher(newRing())), learned, topics, clock: () => 50 }),
  });

  it('offers the topics without small talk', async () => {
    expect((await teaching()).teaching.topics).toEqual(['claim_jht', 'jkm']);
  });

  it('stores, audits and applies in one go, and loads what is stored into the given instance', async () => {
    await unmatched('kapan jht cair [angka]');
    const { learned, teaching: t } = await teaching();
    expect(await t.teach('Kapan JHT cair 6301011708800003?', 'claim_jht', officerId)).toEqual({ key: phrasingKey('kapan jht cair'), topic: 'claim_jht' });
    expect(learned.lookup('kapan jht cairrr')).toBe('claim_jht');
    expect(await unmatchedTexts()).toEqual([]);
    expect(await db.sql.all("SELECT officer_id AS o, detail FROM audit_log WHERE action = 'teach_phrasing'")).toEqual([{ o: officerId, detail: '{"topic":"claim_jht"}' }]);

    const fresh = new LearnedPhrasings();
    await (await teaching(fresh)).teaching.load();
    expect(fresh.lookup('KAPAN JHT CAIR')).toBe('claim_jht');
  });

  it('throws a TeachError for an unknown topic, small talk or an empty key, and changes nothing', async () => {
    await unmatched('kapan jht cair');
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
    expect(await count('SELECT count(*) AS n FROM faq_phrasings')).toBe(0);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action LIKE '%phrasing'")).toBe(0);
    expect(await unmatchedTexts()).toEqual(['kapan jht cair']);
  });

  it('rolls back the whole teaching when a part fails (unknown officer): no row, no audit, unmatched kept, memory unchanged', async () => {
    await unmatched('kapan jht cair');
    const { learned, teaching: t } = await teaching();
    await expect(t.teach('kapan jht cair', 'claim_jht', 999)).rejects.toThrow(FOREIGN_KEY);
    expect(learned.size).toBe(0);
    expect(await count('SELECT count(*) AS n FROM faq_phrasings')).toBe(0);
    expect(await unmatchedTexts()).toEqual(['kapan jht cair']);
  });

  it('forgets: row, memory and an audit line', async () => {
    const { learned, teaching: t } = await teaching();
    await t.teach('resep rendang', null, officerId);
    expect(learned.lookup('Resep Rendang')).toBeNull();
    expect(await t.forget(phrasingKey('resep rendang'), officerId)).toEqual({ key: phrasingKey('resep rendang'), topic: null });
    expect(learned.lookup('Resep Rendang')).toBeUndefined();
    expect(await t.taught()).toEqual([]);
    expect(await db.sql.all("SELECT detail FROM audit_log WHERE action = 'forget_phrasing'")).toEqual([{ detail: '{"topic":null}' }]);
  });
});
