import type { Db } from './db.js';

/** Small facts the running bot learns (e.g. its Telegram username), read by the command-line tools. */
export function createKvStore(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM kv WHERE key = ?');
  const set = db.prepare<[string, string, number]>(
    'INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  return {
    get: (key: string): string | undefined => get.get(key)?.value,
    set: (key: string, value: string, now: number): void => void set.run(key, value, now),
  };
}

export type KvStore = ReturnType<typeof createKvStore>;

export const TELEGRAM_USERNAME_KEY = 'telegram.username';
