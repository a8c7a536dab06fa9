import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldCipher, newRing } from '../../src/storage/crypto.js';
import { createOutboxStore } from '../../src/storage/outbox.js';
import { freshStore, type FreshStore } from '../helpers/stores.js';

let db: FreshStore;
beforeEach(async () => {
  db = await freshStore();
});
afterEach(() => db.close());

describe('outbox', () => {
  it("never lets a chat's later message overtake one waiting for a retry", async () => {
    const outbox = createOutboxStore(db.sql, new FieldCipher(newRing()));
    const a1 = await outbox.add(null, 'sms', 'a', { text: 'a1' }, 100);
    const a2 = await outbox.add(null, 'sms', 'a', { text: 'a2' }, 100);
    const b1 = await outbox.add(null, 'sms', 'b', { text: 'b1' }, 100);
    const other = await outbox.add(null, 'web', 'a', { text: 'web' }, 100);
    expect((await outbox.due('sms', 100)).map((m) => m.id)).toEqual([a1, a2, b1]);
    await outbox.markFailed(a1, 200, 'busy');
    // a2 waits behind a1; b1 and another channel's chat of the same id do not.
    expect((await outbox.due('sms', 150)).map((m) => m.id)).toEqual([b1]);
    expect((await outbox.due('web', 150)).map((m) => m.id)).toEqual([other]);
    expect((await outbox.due('sms', 200)).map((m) => m.id)).toEqual([a1, a2, b1]);
    await outbox.markSent(a1);
    expect((await outbox.due('sms', 150)).map((m) => m.id)).toEqual([a2, b1]);
  });
});
