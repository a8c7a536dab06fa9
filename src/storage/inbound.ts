import type { Db } from './db.js';

/** Remembers handled platform message ids so a redelivered message is ignored. */
export function createInboundStore(db: Db) {
  const insert = db.prepare<[string, string, number]>(
    'INSERT OR IGNORE INTO inbound_seen (channel, message_id, at) VALUES (?, ?, ?)',
  );
  const prune = db.prepare<[number]>('DELETE FROM inbound_seen WHERE at < ?');
  return {
    /** True the first time an id is seen; false for a repeat. */
    markSeen(channel: string, messageId: string, now: number): boolean {
      return insert.run(channel, messageId, now).changes === 1;
    },
    prune(before: number): number {
      return prune.run(before).changes;
    },
  };
}

export type InboundStore = ReturnType<typeof createInboundStore>;
