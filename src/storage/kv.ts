import type { Sql } from './sql.js';

/** Small facts the running bot learns (e.g. its Telegram username), read by the command-line tools. */
export function createKvStore(sql: Sql) {
  return {
    get: async (key: string): Promise<string | undefined> => (await sql.get<{ value: string }>('SELECT value FROM kv WHERE key = ?', [key]))?.value,
    set: async (key: string, value: string, now: number): Promise<void> => {
      await sql.run(
        'INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
        [key, value, now],
      );
    },
  };
}

export type KvStore = ReturnType<typeof createKvStore>;

export const TELEGRAM_USERNAME_KEY = 'telegram.username';
