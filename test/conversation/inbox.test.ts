import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressKey } from '../../src/storage/addresses.js';
import { postgresSql } from '../../src/storage/postgres.js';
import type { Sql } from '../../src/storage/sql.js';
import { sqliteSql } from '../../src/storage/sqlite.js';
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

/** A connection of its own to the harness's database, as another process opens it (the file, or the URL on PostgreSQL). */
function anotherConnection(hh: Harness): Sql {
  return hh.databaseUrl ? postgresSql({ connectionString: hh.databaseUrl }) : sqliteSql(new Database(hh.dbPath, { readonly: true }));
}

describe('the inbox: what was received is never lost', () => {
  it('has a message handled and committed before receive() returns: another process sees it (one commit per batch)', async () => {
    const other = anotherConnection(h);
    try {
      const [done] = await h.runtime.app.receive([{ channel: 'test', externalId: 'a', text: 'halo', messageId: 'm1' }]);
      // Already committed for another connection: the reply is queued, nothing waits.
      expect((await other.get<{ n: number }>('SELECT count(*) AS n FROM outbox'))!.n).toBeGreaterThan(0);
      expect((await other.get<{ n: number }>('SELECT count(*) AS n FROM inbox'))!.n).toBe(0);
      await done;
    } finally {
      await other.close();
    }
    expect((await outboxTexts(h, 'a')).join('\n')).toContain('Lindung');
  });

  it('handles at the next start what a crash left in the inbox, each person in order', async () => {
    // What a process that died right after keeping these leaves behind.
    const keep = (externalId: string, text: string, messageId: string) =>
      h.runtime.store.inbox.add({ channel: 'test', externalId, messageId, payload: JSON.stringify({ channel: 'test', externalId, text, messageId }), now: 1 });
    await keep('a', 'halo', 'a1');
    await keep('b', 'halo', 'b1');
    await keep('a', 'iuran', 'a2');
    h = await h.reopen();
    expect(await h.runtime.store.inbox.count()).toBe(3);
    expect(await h.runtime.app.recoverInbox()).toBe(3);
    expect(await h.runtime.store.inbox.count()).toBe(0);
    const a = await outboxTexts(h, 'a');
    expect(a[0]).toContain('Lindung');
    // The second message was read after the first: it answers the contribution question.
    expect(a.at(-1)).toMatch(/penghasilan/i);
    expect((await outboxTexts(h, 'b'))[0]).toContain('Lindung');
    // Telegram may deliver the same updates again after the restart: nothing is done twice.
    const again = await Promise.all(await h.runtime.app.receive([{ channel: 'test', externalId: 'a', text: 'halo', messageId: 'a1' }]));
    expect(again[0]!.duplicate).toBe(true);
    expect(await outboxTexts(h, 'a')).toEqual(a);
  });

  it('keeps one row for a message delivered twice while it waits', async () => {
    const keep = () =>
      h.runtime.store.inbox.add({ channel: 'test', externalId: 'a', messageId: 'x1', payload: JSON.stringify({ channel: 'test', externalId: 'a', text: 'halo', messageId: 'x1' }), now: 1 });
    expect(await keep()).toBeGreaterThan(0);
    expect(await keep()).toBeUndefined();
    expect(await h.runtime.store.inbox.count()).toBe(1);
    expect(await h.runtime.app.recoverInbox()).toBe(1);
    expect((await outboxTexts(h, 'a')).filter((t) => t.includes('Saya Lindung'))).toHaveLength(1);
  });
});
