import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ realClock: true });
});
afterEach(() => cleanup(h));

/** `npm run cadre -- invite …` as an officer would run it, on the bot's database. */
async function cadreInvite(dbPath: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/cadre.ts', 'invite', '--desa', 'Mekar Sari', '--role', 'kader'], {
    env: { ...process.env, DATABASE_PATH: dbPath, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code] = await once(child, 'exit');
  return code as number;
}

describe('officers’ commands while the bot works', () => {
  it('a command writing to the database while people chat costs no one a message', async () => {
    const commands = Promise.all([cadreInvite(h.dbPath), cadreInvite(h.dbPath), cadreInvite(h.dbPath)]);
    let done = false;
    void commands.then(() => (done = true));
    const results = [];
    // People keep writing until the commands are done (and a little more).
    for (let i = 0; !done || i < 50; i++) {
      const script = ['halo', '4', '1', 'menu', 'iuran', '1,5 juta'];
      results.push(await h.runtime.app.handle({ channel: 'test', externalId: `u${i % 20}`, text: script[i % script.length]!, messageId: `m${i}` }));
      // Messages come from the network: the bot is busy, not a loop that never lets go of the file.
      await new Promise((r) => setImmediate(r));
      if (i > 20_000) break;
    }
    expect(await commands).toEqual([0, 0, 0]);
    // Nobody got the "something went wrong" apology, and every message was handled.
    const apology = h.runtime.translate('id')('err.internal');
    expect(results.filter((r) => r.replies.some((x) => x.text.includes(apology)))).toEqual([]);
    expect(await h.runtime.store.inbox.count()).toBe(0);
    const invites = h.runtime.db.prepare('SELECT count(*) AS n FROM cadre_invites').get() as { n: number };
    expect(invites.n).toBe(3);
  }, 120_000);
});

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
