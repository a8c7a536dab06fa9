// The storage port itself (src/storage/sql.ts), on both databases: the same calls must give the same
// answers on SQLite and PostgreSQL, or a repository written once would behave differently on each.
// The tables used are the app's own (kv, people, sessions, inbox), so the schema is exercised too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { postgresSql, toPostgres } from '../../src/storage/postgres.js';
import type { Sql } from '../../src/storage/sql.js';
import { sqliteSql } from '../../src/storage/sqlite.js';
import { freshPostgres, pgAvailable, type FreshPostgres } from '../helpers/postgres.js';

interface Opened {
  sql: Sql;
  close(): Promise<void>;
}

/** A promise and the function that settles it: lets a test hold a transaction open as long as it likes. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Whether `p` has settled after every callback already queued has run (no timer involved). */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

const values = async (sql: Sql): Promise<string[]> => (await sql.all<{ key: string }>('SELECT key FROM kv ORDER BY key')).map((r) => r.key);
const put = (sql: Sql, key: string, value = 'v', at = 1): Promise<unknown> =>
  sql.run('INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?)', [key, value, at]);

function portSuite(open: () => Promise<Opened>): void {
  let opened: Opened;
  let sql: Sql;
  beforeEach(async () => {
    opened = await open();
    sql = opened.sql;
  });
  afterEach(() => opened.close());

  it('binds positional parameters and named ones, a name used twice being one value', async () => {
    await sql.run('INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?)', ['a', 'one', 5]);
    await sql.run('INSERT INTO kv (key, value, updated_at) VALUES (@key, @value, @at)', { key: 'b', value: 'two', at: 6 });
    const changed = await sql.run('UPDATE kv SET value = @value, updated_at = @at WHERE key = @key AND updated_at < @at', { key: 'b', value: 'three', at: 7 });
    expect(changed.changes).toBe(1);
    expect(await sql.get('SELECT key, value, updated_at FROM kv WHERE key = @k OR value = @k', { k: 'b' })).toEqual({ key: 'b', value: 'three', updated_at: 7 });
    expect(await sql.all('SELECT key FROM kv WHERE updated_at > ? ORDER BY key', [4])).toEqual([{ key: 'a' }, { key: 'b' }]);
    expect(await sql.get('SELECT key FROM kv WHERE key = ?', ['nobody'])).toBeUndefined();
  });

  it('leaves ? and @ alone inside quoted text and comments', async () => {
    await sql.run(`INSERT INTO kv (key, value, updated_at) VALUES ('what?', 'mail@example.org ? ''@x''', ?)`, [1]);
    const row = await sql.get<{ value: string }>(
      `SELECT "value" -- the officer's note? @ignored
         FROM kv /* is it? @no */ WHERE key = 'what?' AND updated_at = @at`,
      { at: 1 },
    );
    expect(row?.value).toBe("mail@example.org ? '@x'");
  });

  it('gives the new id back with RETURNING, as a number', async () => {
    const first = await sql.get<{ id: number }>("INSERT INTO people (lang, created_at) VALUES ('id', ?) RETURNING id", [1]);
    const second = await sql.get<{ id: number }>("INSERT INTO people (lang, created_at) VALUES ('en', ?) RETURNING id", [2]);
    expect(typeof first?.id).toBe('number');
    expect(second!.id).toBeGreaterThan(first!.id);
    expect(await sql.get('SELECT lang FROM people WHERE id = ?', [second!.id])).toEqual({ lang: 'en' });
  });

  it('ignores a duplicate with ON CONFLICT DO NOTHING (a partial unique index too)', async () => {
    const add = 'INSERT INTO inbox (channel, sender_key, message_id, payload, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id';
    const first = await sql.get<{ id: number }>(add, ['telegram', 'k1', 'm1', 'x', 1]);
    expect(first?.id).toBeTypeOf('number');
    expect(await sql.get(add, ['telegram', 'k1', 'm1', 'y', 2])).toBeUndefined();
    // No message id: never a duplicate (the index covers rows with one only).
    expect(await sql.get(add, ['telegram', 'k1', null, 'z', 3])).toBeDefined();
    expect(await sql.get(add, ['telegram', 'k1', null, 'z', 3])).toBeDefined();
    const ignored = await sql.run('INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING', ['k', 'v', 1]);
    const again = await sql.run('INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING', ['k', 'w', 2]);
    expect([ignored.changes, again.changes]).toEqual([1, 0]);
    expect(await sql.get<{ n: number }>('SELECT count(*) AS n FROM inbox')).toEqual({ n: 3 });
  });

  it('rolls a transaction back when its function throws, and passes the error on', async () => {
    await put(sql, 'before');
    const failed = sql.transaction(async () => {
      await put(sql, 'inside');
      expect(sql.inTransaction()).toBe(true);
      throw new Error('no');
    });
    await expect(failed).rejects.toThrow('no');
    expect(sql.inTransaction()).toBe(false);
    expect(await values(sql)).toEqual(['before']);
    expect(await sql.transaction(async () => (await put(sql, 'after'), 'result'))).toBe('result');
    expect(await values(sql)).toEqual(['after', 'before']);
  });

  it('makes a nested transaction a savepoint: its failure, caught, keeps the outer writes', async () => {
    await sql.transaction(async () => {
      await put(sql, 'outer-1');
      await expect(
        sql.transaction(async () => {
          await put(sql, 'inner');
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
      await sql.transaction(async () => put(sql, 'inner-kept'));
      await put(sql, 'outer-2');
    });
    expect(await values(sql)).toEqual(['inner-kept', 'outer-1', 'outer-2']);
  });

  it('keeps a call from outside an open transaction out of it', async () => {
    const hold = gate();
    const entered = gate();
    const tx = sql.transaction(async () => {
      await put(sql, 'inside');
      entered.open();
      await hold.promise;
      throw new Error('rolled back');
    });
    await entered.promise;
    let outsideRead: Promise<{ key: string }[]>;
    let outsideWrite: Promise<unknown>;
    try {
      if (sql.dialect.name === 'sqlite') {
        // One connection: a call waits for the transaction to end rather than landing inside it.
        outsideRead = sql.all<{ key: string }>('SELECT key FROM kv');
        outsideWrite = put(sql, 'outside');
        expect(await settled(outsideRead)).toBe(false);
        expect(await settled(outsideWrite)).toBe(false);
      } else {
        // Another connection: it does not see the uncommitted row, and its write commits on its own.
        outsideRead = sql.all<{ key: string }>('SELECT key FROM kv');
        expect(await outsideRead).toEqual([]);
        outsideWrite = put(sql, 'outside');
        await outsideWrite;
      }
    } finally {
      hold.open();
    }
    await expect(tx).rejects.toThrow('rolled back');
    await outsideWrite;
    expect((await outsideRead).map((r) => r.key)).not.toContain('inside');
    expect(await values(sql)).toEqual(['outside']);
  });

  it('gives the same answers for the dialect words', async () => {
    const person = await sql.get<{ id: number }>("INSERT INTO people (lang, created_at) VALUES ('id', 1) RETURNING id");
    await sql.run('INSERT INTO sessions (person_id, state, seen_ids, updated_at) VALUES (?, ?, ?, ?)', [person!.id, '{}', '["m2","m1","m3"]', 1]);
    const { jsonArrayElements, ilike, position } = sql.dialect;
    expect(
      await sql.all(`SELECT value FROM sessions s, ${jsonArrayElements('s.seen_ids')} WHERE s.person_id = ? ORDER BY value`, [person!.id]),
    ).toEqual([{ value: 'm1' }, { value: 'm2' }, { value: 'm3' }]);
    expect(
      await sql.get(`SELECT count(*) AS n FROM sessions s, ${jsonArrayElements('s.seen_ids')} WHERE value = ?`, ['m3']),
    ).toEqual({ n: 1 });
    await put(sql, 'greeting', 'Hello World');
    expect(await sql.get(`SELECT count(*) AS n FROM kv WHERE value ${ilike} ?`, ['hello w%'])).toEqual({ n: 1 });
    expect(await sql.get(`SELECT count(*) AS n FROM kv WHERE value ${ilike} ?`, ['%WORLD'])).toEqual({ n: 1 });
    expect(await sql.get(`SELECT count(*) AS n FROM kv WHERE value ${ilike} ?`, ['xhello%'])).toEqual({ n: 0 });
    expect(
      await sql.get(`SELECT ${position('value', '?')} AS found, ${position('value', '?')} AS absent FROM kv WHERE key = ?`, ['World', 'moon', 'greeting']),
    ).toEqual({ found: 7, absent: 0 });
  });

  it('gives integers back as JS numbers (counts, ids, values above 2^31)', async () => {
    const big = 2 ** 40 + 3;
    const ms = 1_767_225_600_000;
    await put(sql, 'big', 'v', big);
    await put(sql, 'ms', 'v', ms);
    const person = await sql.get<{ id: number }>("INSERT INTO people (id, lang, created_at) VALUES (?, 'id', ?) RETURNING id", [3_000_000_000, ms]);
    expect(person).toEqual({ id: 3_000_000_000 });
    expect(await sql.get('SELECT updated_at FROM kv WHERE key = ?', ['big'])).toEqual({ updated_at: big });
    expect(await sql.get('SELECT count(*) AS n, max(updated_at) AS top, sum(updated_at) AS total, min(updated_at) + 1 AS next FROM kv')).toEqual({
      n: 2,
      top: ms,
      total: big + ms,
      next: big + 1,
    });
    expect(await sql.get('SELECT id, created_at FROM people')).toEqual({ id: 3_000_000_000, created_at: ms });
  });

  it('runs several statements at once with exec', async () => {
    await sql.exec("INSERT INTO kv (key, value, updated_at) VALUES ('x', 'is it?', 1); INSERT INTO kv (key, value, updated_at) VALUES ('y', '@y', 2);");
    expect(await values(sql)).toEqual(['x', 'y']);
  });
}

describe('the port on SQLite', () => {
  portSuite(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindung-port-'));
    const sql = sqliteSql(openDatabase(join(dir, 'port.db')));
    return {
      sql,
      async close() {
        await sql.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

describe.skipIf(!pgAvailable())('the port on PostgreSQL', () => {
  portSuite(async () => {
    const db = await freshPostgres();
    return { sql: db.sql, close: () => db.drop() };
  });

  describe('locks and connections', () => {
    let db: FreshPostgres;
    beforeEach(async () => {
      db = await freshPostgres();
    });
    afterEach(() => db.drop());

    /** Waits until `n` transactions wait for an advisory lock in this database (another connection asks). */
    async function waitersAtLeast(n: number): Promise<void> {
      for (;;) {
        const row = await db.sql.get<{ n: number }>(
          "SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND NOT l.granted AND a.datname = current_database()",
        );
        if (row!.n >= n) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }

    it('lockInTransaction makes two transactions on one key run one after the other', async () => {
      const { sql } = db;
      const order: string[] = [];
      const hold = gate();
      const locked = gate();
      const first = sql.transaction(async () => {
        await sql.lockInTransaction('person:1');
        order.push('first locked');
        locked.open();
        await hold.promise;
        await put(sql, 'first');
        order.push('first done');
      });
      await locked.promise;
      const second = sql.transaction(async () => {
        await sql.lockInTransaction('person:1');
        order.push('second locked');
        // The first one's write is committed before the second one holds the lock.
        order.push(`second sees ${(await values(sql)).join(',')}`);
      });
      // Another key is not held up by either.
      await sql.transaction(async () => {
        await sql.lockInTransaction('person:2');
        order.push('other key');
      });
      await waitersAtLeast(1);
      expect(order).toEqual(['first locked', 'other key']);
      hold.open();
      await Promise.all([first, second]);
      expect(order).toEqual(['first locked', 'other key', 'first done', 'second locked', 'second sees first']);
    });

    it('refuses lockInTransaction outside a transaction', async () => {
      await expect(db.sql.lockInTransaction('person:1')).rejects.toThrow(/outside a transaction/);
    });

    it('runs the statements of concurrent transactions on their own connections', async () => {
      const { sql } = db;
      const inserted = gate();
      const read = gate();
      let [insertedCount, readCount] = [0, 0];
      const tx = (key: string) =>
        sql.transaction(async () => {
          await put(sql, key);
          if (++insertedCount === 2) inserted.open();
          await inserted.promise;
          // Each sees its own row and not the other's (both still uncommitted).
          const seen = await values(sql);
          if (++readCount === 2) read.open();
          await read.promise;
          return seen;
        });
      expect(await Promise.all([tx('a'), tx('b')])).toEqual([['a'], ['b']]);
      expect(await values(sql)).toEqual(['a', 'b']);
    });

    it('a second port on the same database (another process) sees only what is committed', async () => {
      const other = postgresSql({ connectionString: db.url, poolSize: 2 });
      try {
        const hold = gate();
        const entered = gate();
        const tx = db.sql.transaction(async () => {
          await put(db.sql, 'pending');
          entered.open();
          await hold.promise;
        });
        await entered.promise;
        expect(await values(other)).toEqual([]);
        hold.open();
        await tx;
        expect(await values(other)).toEqual(['pending']);
      } finally {
        await other.close();
      }
    });
  });
});

describe('toPostgres', () => {
  it('numbers positional parameters and gives each name one number', () => {
    expect(toPostgres('SELECT ? , ? FROM t WHERE a = ?')).toEqual({ text: 'SELECT $1 , $2 FROM t WHERE a = $3', names: null });
    expect(toPostgres('UPDATE t SET a = @a, b = @b WHERE a <> @a')).toEqual({ text: 'UPDATE t SET a = $1, b = $2 WHERE a <> $1', names: ['a', 'b'] });
  });

  it('copies quoted text, comments and dollar-quoted bodies as they are', () => {
    const sql = `SELECT 'a?''@b', "c?" -- d's? @e\n, ? /* f? @g */, $$ h? @i $$, $fn$ ' ? $fn$, x::int, $1`;
    expect(toPostgres(sql).text).toBe(`SELECT 'a?''@b', "c?" -- d's? @e\n, $1 /* f? @g */, $$ h? @i $$, $fn$ ' ? $fn$, x::int, $1`);
  });
});
