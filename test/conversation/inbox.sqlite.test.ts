// The inbox on SQLite's file itself: a second connection opened on the file sees the commit
// (inbox.test.ts checks the same through the store's port, on both stores).
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressKey } from '../../src/storage/addresses.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const outboxTexts = async (hh: Harness, user: string) =>
  (await dbOf(hh).all<{ payload: string }>('SELECT payload FROM outbox WHERE recipient_key = ? ORDER BY id', [addressKey(hh.runtime.store.cipher, 'test', user)])).map(
    (r) => (JSON.parse(hh.runtime.store.cipher.decrypt(r.payload)) as { text: string }).text,
  );

describe('the inbox: what was received is never lost', () => {
  it('has a message handled and committed before receive() returns (one commit per batch)', async () => {
    const other = new Database(h.dbPath, { readonly: true });
    const count = (sql: string) => (other.prepare(sql).get() as { n: number }).n;
    const [done] = await h.runtime.app.receive([{ channel: 'test', externalId: 'a', text: 'halo', messageId: 'm1' }]);
    // Already on disk for another connection: the reply is queued, nothing waits.
    expect(count('SELECT count(*) AS n FROM outbox')).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM inbox')).toBe(0);
    await done;
    other.close();
    expect((await outboxTexts(h, 'a')).join('\n')).toContain('Lindung');
  });
});
