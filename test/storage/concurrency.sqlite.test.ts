// A second process on the bot's SQLite file, writing all the time with better-sqlite3 itself: the
// bot waits for SQLite's one write lock (busy_timeout), never fails a message. The same through the
// store's port, on both stores: concurrency.test.ts.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ realClock: true });
});
afterEach(() => cleanup(h));

describe('another process writing all the time', () => {
  it('makes the bot wait for the lock, never fail a message', async () => {
    // A second process committing small writes as fast as it can (heavier than any officer's command).
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(process.argv[1], { timeout: 30000 });
         const put = db.prepare("INSERT OR REPLACE INTO kv (key, value, updated_at) VALUES (?, ?, ?)");
         const tx = db.transaction((i) => { db.prepare('SELECT count(*) FROM kv').get(); put.run('load' + (i % 50), String(i), i); });
         for (let i = 0; i < 3000; i++) tx.immediate(i);
         db.close();`,
        h.dbPath,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    let done = false;
    const exited = once(writer, 'exit').then(([code]) => {
      done = true;
      return code as number;
    });
    const results = [];
    for (let i = 0; !done || i < 50; i++) {
      results.push(await h.runtime.app.handle({ channel: 'test', externalId: `w${i % 20}`, text: i % 2 ? 'menu' : 'halo', messageId: `w${i}` }));
      await new Promise((r) => setImmediate(r));
      if (i > 50_000) break;
    }
    expect(await exited).toBe(0);
    const apology = h.runtime.translate('id')('err.internal');
    expect(results.filter((r) => r.replies.some((x) => x.text.includes(apology)))).toEqual([]);
    expect(await h.runtime.store.inbox.count()).toBe(0);
  }, 120_000);
});
