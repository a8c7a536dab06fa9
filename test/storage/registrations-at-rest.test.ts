// Registrations at rest (migration 016): the NIK kept unique through its blind index, in the
// database itself. The conversions of an older SQLite file's clear rows and the re-encryption after a
// key rotation (SQLite only): registrations-at-rest.sqlite.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldCipher, newRing } from '../../src/storage/crypto.js';
import { createStore } from '../../src/storage/store.js';
import { seedRegistrations } from '../helpers/seed.js';
import { freshStore, type FreshStore } from '../helpers/stores.js';

let db: FreshStore;
beforeEach(async () => {
  db = await freshStore();
});
afterEach(() => db.close());

const ONLY_SUBMITTED = { submitted: 1, needs_correction: 0, approved: 0, registered: 0, rejected: 0, deleted: 0 };

describe('registrations at rest', () => {
  it('keeps one open registration per NIK in the database itself, through the blind index', async () => {
    const cipher = new FieldCipher(newRing());
    const store = createStore(db.sql, cipher);
    const [row] = (await seedRegistrations(db.sql, 1, { cipher, statusWeights: ONLY_SUBMITTED })).rows;
    const person = (await db.sql.get<{ id: number }>("INSERT INTO people (lang, created_at) VALUES ('id', 0) RETURNING id"))!.id;
    await expect(
      store.registrations.submit({ reference: 'LD-DUP22', applicantId: person, submitterId: person, channel: 'test', data: { ...row!.data!, fullName: 'Orang Lain' }, regency: 'sukamaju', now: 2 }),
    ).rejects.toThrow(/UNIQUE|unique constraint/);
    expect(await store.registrations.sameNikCount(row!.nik!, -1)).toBe(1);
  });
});
