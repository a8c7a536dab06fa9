import type { Db } from './db.js';
import type { FieldCipher } from './crypto.js';

/** Every column that holds personal values encrypted (crypto.ts): table, its key, the column. */
export const SEALED_COLUMNS = [
  { table: 'people', key: 'id', column: 'phone' },
  { table: 'sessions', key: 'person_id', column: 'state' },
  { table: 'outbox', key: 'id', column: 'payload' },
  { table: 'inbox', key: 'id', column: 'payload' },
  { table: 'questions', key: 'id', column: 'text' },
  { table: 'wa_sent', key: 'id', column: 'message' },
] as const;

/**
 * Re-encrypts every sealed value that is not encrypted with the current key: values an older
 * version stored in clear (at the first start after the upgrade), and values under an older key
 * (after `npm run keys -- rotate`). In batches, each its own transaction, so the bot can work in
 * between. Returns how many values were rewritten.
 */
export function resealAll(db: Db, cipher: FieldCipher, batch = 500): number {
  let rewritten = 0;
  for (const { table, key, column } of SEALED_COLUMNS) {
    // Only the values that need it are read (at every start this finds none, without decrypting anything).
    const select = db.prepare<[string, unknown, number], { k: unknown; v: string }>(
      `SELECT ${key} AS k, ${column} AS v FROM ${table}
        WHERE ${column} IS NOT NULL AND ${column} NOT LIKE ? AND ${key} > ? ORDER BY ${key} LIMIT ?`,
    );
    const update = db.prepare<[string, unknown]>(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`);
    const step = db.transaction((after: unknown): { last: unknown; n: number; done: boolean } => {
      const rows = select.all(`${cipher.currentPrefix}%`, after, batch);
      let n = 0;
      for (const r of rows) {
        if (!cipher.needsRewrap(r.v)) continue;
        update.run(cipher.encrypt(cipher.decrypt(r.v)), r.k);
        n++;
      }
      return { last: rows.at(-1)?.k, n, done: rows.length < batch };
    });
    // -1 comes before every key: integers, and text (wa_sent's message ids), which SQLite sorts after numbers.
    let after: unknown = -1;
    for (;;) {
      const r = step.immediate(after);
      rewritten += r.n;
      if (r.done || r.last === undefined) break;
      after = r.last;
    }
  }
  return rewritten;
}

/** How many stored values each key encrypts, per sealed column ('clear' for values not encrypted). */
export function keyUsage(db: Db): { at: string; counts: Record<string, number> }[] {
  return SEALED_COLUMNS.map(({ table, column }) => {
    const rows = db.prepare<[], { v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`).all();
    const counts: Record<string, number> = {};
    for (const { v } of rows) {
      const key = v.startsWith('enc1:') ? `key ${v.slice(5, v.indexOf(':', 5))}` : 'clear';
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return { at: `${table}.${column}`, counts };
  });
}
