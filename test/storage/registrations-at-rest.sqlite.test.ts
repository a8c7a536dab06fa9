// Registrations at rest on a SQLite file (migration 016): rows an older version kept there in clear
// converted at start, and every lookup still working after a key rotation (the conversions and
// `npm run keys -- rotate` work on the SQLite file; a PostgreSQL store never held them in clear).
// The NIK kept unique through its blind index, on both stores: registrations-at-rest.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexRegistrations, resealAll, scrubAuditSearches } from '../../src/storage/at-rest.js';
import { FieldCipher, newRing } from '../../src/storage/crypto.js';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { sqliteSql } from '../../src/storage/sqlite.js';
import { createStore } from '../../src/storage/store.js';
import { QueueFilterSchema } from '../../src/domain/queue-filter.js';
import { seedRegistrations } from '../helpers/seed.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-reg-at-rest-'));
  db = openDatabase(join(dir, 'r.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ONLY_SUBMITTED = { submitted: 1, needs_correction: 0, approved: 0, registered: 0, rejected: 0, deleted: 0 };

describe('registrations at rest', () => {
  it('converts a row an older version stored in clear, and then finds it by NIK, in the queue search and in the export', async () => {
    const cipher = new FieldCipher(newRing());
    // A registration as version 015 wrote it: the NIK in its own column, the form and the note in clear.
    const person = Number(db.prepare("INSERT INTO people (lang, created_at) VALUES ('id', 0)").run().lastInsertRowid);
    const data = { fullName: 'Lama Sekali', nik: '6301011502700004', address: 'Jl. Lama 1', phone: '+6281277334411', checks: ['unknown_region'] };
    db.prepare(
      `INSERT INTO registrations (reference, applicant_id, submitter_id, channel, status, nik, full_name, data, officer_note, group_id, created_at, updated_at)
       VALUES ('LD-OLD22', ?, ?, 'telegram', 'submitted', ?, 'Lama Sekali', ?, 'Catatan lama', 'mandiri', 1, 1)`,
    ).run(person, person, data.nik, JSON.stringify(data));

    expect(indexRegistrations(db, cipher)).toBe(1);
    expect(indexRegistrations(db, cipher)).toBe(0); // nothing left to convert at the next start
    const row = db.prepare('SELECT nik, nik_index, nik_masked, checks, data, officer_note FROM registrations').get() as Record<string, string | null>;
    expect(row).toMatchObject({ nik: null, nik_index: cipher.blindIndex('nik', data.nik), nik_masked: '6301********0004', checks: '["unknown_region"]' });
    expect(db.prepare('SELECT phone_index FROM registrations').get()).toEqual({ phone_index: cipher.blindIndex('phone', data.phone) });
    expect(row.data).toMatch(/^enc1:/);
    expect(row.officer_note).toMatch(/^enc1:/);
    expect(resealAll(db, cipher)).toBe(0); // already sealed with the current key

    const store = createStore(sqliteSql(db), cipher);
    expect((await store.registrations.activeByNik(data.nik))?.reference).toBe('LD-OLD22');
    expect(await store.registrations.record('LD-OLD22')).toMatchObject({ officerNote: 'Catatan lama', data: { address: 'Jl. Lama 1' } });
    const page = await store.queue.page(QueueFilterSchema.parse({ status: 'all', q: data.nik }));
    expect(page.rows.map((r) => [r.reference, r.nikMasked, r.checks])).toEqual([['LD-OLD22', '6301********0004', ['unknown_region']]]);
    expect((await store.queue.page(QueueFilterSchema.parse({ status: 'all', q: '0812 7733 4411' }))).rows.map((r) => r.reference)).toEqual(['LD-OLD22']);
    expect((await store.queue.page(QueueFilterSchema.parse({ status: 'all', q: '0812 7733 4412' }))).total).toBe(0);
    const exported: [string | null, string | null][] = [];
    for await (const r of store.queue.exportRecords(QueueFilterSchema.parse({ status: 'all' }))) exported.push([r.nik, r.officer_note]);
    expect(exported).toEqual([[data.nik, 'Catatan lama']]);
  });

  it('still finds every registration by NIK and reads every form after a key rotation', async () => {
    const ring = newRing();
    const before = new FieldCipher(ring);
    const { rows } = await seedRegistrations(db, 20, { cipher: before, statusWeights: { ...ONLY_SUBMITTED, approved: 1 } });
    const next = Math.max(...ring.keys.keys()) + 1;
    const rotated = { ...ring, keys: new Map(ring.keys).set(next, randomBytes(32)), current: next };
    const after = new FieldCipher(rotated);
    expect(resealAll(db, after)).toBeGreaterThanOrEqual(rows.length);
    const store = createStore(sqliteSql(db), after);
    for (const r of rows) {
      expect((await store.registrations.activeByNik(r.nik!))?.reference).toBe(r.reference);
      expect((await store.registrations.record(r.reference))?.data).toEqual(r.data);
    }
    const stored = db.prepare('SELECT data FROM registrations').all() as { data: string }[];
    expect(stored.every((s) => s.data.startsWith(after.currentPrefix))).toBe(true);
  });

  it("seals an older version's clear history notes and officers' answers, and rewrites NIKs and numbers its audit quoted", async () => {
    const cipher = new FieldCipher(newRing());
    const [row] = (await seedRegistrations(db, 1, { cipher, statusWeights: ONLY_SUBMITTED })).rows;
    const officer = Number(db.prepare("INSERT INTO officers (username, password_hash, role, created_at) VALUES ('ana', 'x', 'officer', 0)").run().lastInsertRowid);
    // As version 015 wrote them: in clear.
    db.prepare(
      `INSERT INTO registration_events (registration_id, at, actor_kind, actor_id, action, from_status, to_status, detail)
       VALUES (?, 1, 'officer', 'ana', 'status_changed', 'submitted', 'needs_correction', '{"note":"Telp 081234567890 salah"}')`,
    ).run(row!.id);
    db.prepare("INSERT INTO questions (person_id, channel, address, text, created_at, answer, answered_by, answered_at) VALUES (?, 'test', 'x', 'tanya', 1, 'NIK 6301011708800003 sudah masuk', ?, 2)").run(row!.applicantId, officer);
    const audit = db.prepare('INSERT INTO audit_log (at, officer_id, action, registration_id, detail) VALUES (1, ?, ?, NULL, ?)');
    audit.run(officer, 'export', JSON.stringify({ format: 'csv', filter: { status: 'all', q: '6301 0117 0880 0003' }, rows: 1 }));
    audit.run(officer, 'export', JSON.stringify({ format: 'csv', filter: { status: 'all', q: '0812-3456-7890' }, rows: 1 }));
    audit.run(officer, 'export', JSON.stringify({ format: 'xlsx', filter: { status: 'open', q: 'siti' }, rows: 3 }));

    expect(resealAll(db, cipher)).toBeGreaterThanOrEqual(2);
    const detail = (db.prepare('SELECT detail FROM registration_events WHERE action = ?').get('status_changed') as { detail: string }).detail;
    expect(detail).toMatch(/^enc1:/);
    const store = createStore(sqliteSql(db), cipher);
    expect((await store.registrations.events(row!.id)).find((e) => e.action === 'status_changed')?.detail).toBe('{"note":"Telp 081234567890 salah"}');
    expect((db.prepare('SELECT answer FROM questions').get() as { answer: string }).answer).toMatch(/^enc1:/);
    expect((await store.questions.answered(5))[0]?.answer).toBe('NIK 6301011708800003 sudah masuk');

    expect(scrubAuditSearches(db)).toBe(2);
    expect(scrubAuditSearches(db)).toBe(0); // once
    const details = (db.prepare("SELECT detail FROM audit_log WHERE action = 'export' ORDER BY id").all() as { detail: string }[]).map((r) => JSON.parse(r.detail).filter.q);
    expect(details).toEqual(['[NIK]', '[HP]', 'siti']);
  });
});
