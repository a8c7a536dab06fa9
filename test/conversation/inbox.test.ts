import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const outboxTexts = (hh: Harness, user: string) =>
  (hh.runtime.db.prepare('SELECT payload FROM outbox WHERE external_id = ? ORDER BY id').all(user) as { payload: string }[]).map(
    (r) => (JSON.parse(hh.runtime.store.cipher.decrypt(r.payload)) as { text: string }).text,
  );

describe('the inbox: what was received is never lost', () => {
  it('commits a message before receive() returns, and removes it in the transaction that handles it', async () => {
    const other = new Database(h.dbPath, { readonly: true });
    const [done] = h.runtime.app.receive([{ channel: 'test', externalId: 'a', text: 'halo', messageId: 'm1' }]);
    // Committed already: another connection to the file sees it.
    expect((other.prepare('SELECT count(*) AS n FROM inbox').get() as { n: number }).n).toBe(1);
    await done;
    expect((other.prepare('SELECT count(*) AS n FROM inbox').get() as { n: number }).n).toBe(0);
    other.close();
    expect(outboxTexts(h, 'a').join('\n')).toContain('Lindung');
  });

  it('handles at the next start what a crash left unhandled, each person in order', async () => {
    const app = h.runtime.app;
    app.receive([
      { channel: 'test', externalId: 'a', text: 'halo', messageId: 'a1' },
      { channel: 'test', externalId: 'b', text: 'halo', messageId: 'b1' },
      { channel: 'test', externalId: 'a', text: 'iuran', messageId: 'a2' },
    ]);
    // The process dies before handling anything (the database goes away under the queued work).
    h.close();
    await new Promise((r) => setTimeout(r, 20));
    h = await h.reopen();
    expect(h.runtime.store.inbox.count()).toBe(3);
    expect(h.runtime.app.recoverInbox()).toBe(3);
    expect(h.runtime.store.inbox.count()).toBe(0);
    const a = outboxTexts(h, 'a');
    expect(a[0]).toContain('Lindung');
    // The second message was read after the first: it answers the contribution question.
    expect(a.at(-1)).toMatch(/penghasilan/i);
    expect(outboxTexts(h, 'b')[0]).toContain('Lindung');
    // Telegram may deliver the same updates again after the restart: nothing is done twice.
    const again = await Promise.all(h.runtime.app.receive([{ channel: 'test', externalId: 'a', text: 'halo', messageId: 'a1' }]));
    expect(again[0]!.duplicate).toBe(true);
    expect(outboxTexts(h, 'a')).toEqual(a);
  });

  it('keeps one row for a message delivered twice while it waits', async () => {
    const app = h.runtime.app;
    const first = app.receive([{ channel: 'test', externalId: 'a', text: 'halo', messageId: 'x1' }]);
    const second = app.receive([{ channel: 'test', externalId: 'a', text: 'halo', messageId: 'x1' }]);
    expect(h.runtime.store.inbox.count()).toBe(1);
    const [r1, r2] = [await first[0]!, await second[0]!];
    expect(r1.duplicate).toBe(false);
    expect(r2.duplicate).toBe(true);
    expect(outboxTexts(h, 'a').filter((t) => t.includes('Lindung'))).toHaveLength(1);
  });
});
