import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldCipher, newRing } from '../../src/storage/crypto.js';
import { createPeopleStore } from '../../src/storage/people.js';
import { freshStore, type FreshStore } from '../helpers/stores.js';

let db: FreshStore;
beforeEach(async () => {
  db = await freshStore();
});
afterEach(() => db.close());

const LID = '123456789012345@lid';
const PN = '6281234567890@s.whatsapp.net';

describe('identities', () => {
  it('finds the same person by any alias and records the missing ones', async () => {
    const people = createPeopleStore(db.sql, new FieldCipher(newRing()));
    const a = await people.findOrCreate('whatsapp', LID, 1, 'id');
    const b = await people.findOrCreate('whatsapp', PN, 2, 'id', '+6281234567890', [LID]);
    expect(b.personId).toBe(a.personId);
    expect(b.phone).toBe('+6281234567890');
    expect((await people.findOrCreate('whatsapp', LID, 3, 'id')).personId).toBe(a.personId);
    expect((await people.identities(a.personId)).map((i) => i.externalId).sort()).toEqual([LID, PN].sort());
  });

  it('links a revealed pair, and folds a person with nothing but a conversation into the other', async () => {
    const people = createPeopleStore(db.sql, new FieldCipher(newRing()));
    const a = await people.findOrCreate('whatsapp', LID, 1, 'id');
    await people.saveSession(a.personId, '{}', [], 1);
    expect(await people.link('whatsapp', LID, PN, 2, '+6281234567890')).toBe('linked');
    expect((await people.findOrCreate('whatsapp', PN, 3, 'id')).personId).toBe(a.personId);
    expect((await people.person(a.personId))?.phone).toBe('+6281234567890');
    expect(await people.link('whatsapp', PN, LID, 4)).toBe('known');

    const other = await people.findOrCreate('whatsapp', '999@lid', 5, 'id');
    const pn2 = await people.findOrCreate('whatsapp', '62899@s.whatsapp.net', 6, 'id');
    await people.recordConsent(pn2.personId, 'v1', 6);
    expect(await people.link('whatsapp', '999@lid', '62899@s.whatsapp.net', 7)).toBe('merged');
    expect((await people.findOrCreate('whatsapp', '999@lid', 8, 'id')).personId).toBe(pn2.personId);
    expect(await people.person(other.personId)).toBeUndefined();
  });

  it('leaves two people with records apart', async () => {
    const people = createPeopleStore(db.sql, new FieldCipher(newRing()));
    const a = await people.findOrCreate('whatsapp', LID, 1, 'id');
    const b = await people.findOrCreate('whatsapp', PN, 1, 'id');
    await people.recordConsent(a.personId, 'v1', 1);
    await people.recordConsent(b.personId, 'v1', 1);
    expect(await people.link('whatsapp', LID, PN, 2)).toBe('conflict');
  });
});
