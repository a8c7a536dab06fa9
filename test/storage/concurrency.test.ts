import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ realClock: true });
});
afterEach(() => cleanup(h));

/** The environment a process needs to open the harness's database (its file, or its PostgreSQL database). */
const databaseEnv = (hh: Harness) => ({ DATABASE_PATH: hh.dbPath, ...(hh.databaseUrl ? { DATABASE_URL: hh.databaseUrl } : {}) });

/** `npm run cadre -- invite …` as an officer would run it, on the bot's database. */
async function cadreInvite(hh: Harness): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/cadre.ts', 'invite', '--desa', 'Mekar Sari', '--role', 'kader'], {
    env: { ...process.env, ...databaseEnv(hh), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code] = await once(child, 'exit');
  return code as number;
}

describe('officers’ commands while the bot works', () => {
  it('a command writing to the database while people chat costs no one a message', async () => {
    const commands = Promise.all([cadreInvite(h), cadreInvite(h), cadreInvite(h)]);
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
    expect(await dbOf(h).count('cadre_invites')).toBe(3);
  }, 120_000);
});

describe('another process writing all the time through the store', () => {
  it('never costs the bot a message', async () => {
    // A second process of the product's own kind (its port, on either store) committing small writes as fast as it can.
    const writer = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { loadConfig } = await import('./src/config.ts');
         const { openStore } = await import('./src/storage/open.ts');
         const { sql } = await openStore(loadConfig(process.env), { busyTimeoutMs: 30000 });
         for (let i = 0; i < 3000; i++) {
           await sql.transaction(async () => {
             await sql.get('SELECT count(*) AS n FROM kv');
             await sql.run('INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at', ['load' + (i % 50), String(i), i]);
           });
         }
         await sql.close();`,
      ],
      { env: { ...process.env, ...databaseEnv(h), LOG_LEVEL: 'silent' }, stdio: ['ignore', 'ignore', 'inherit'] },
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
    expect(await dbOf(h).count("SELECT count(*) AS n FROM kv WHERE key LIKE 'load%'")).toBe(50);
  }, 120_000);
});
