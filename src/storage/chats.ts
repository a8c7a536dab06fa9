import type { Db } from './db.js';

/** Per chat: the message that carries the current buttons, so older keyboards can be removed. */
export function createChatStore(db: Db) {
  const get = db.prepare<[string, string], { keyboard_message_id: string | null }>(
    'SELECT keyboard_message_id FROM channel_chats WHERE channel = ? AND external_id = ?',
  );
  const set = db.prepare<[string, string, string | null, number]>(
    `INSERT INTO channel_chats (channel, external_id, keyboard_message_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(channel, external_id) DO UPDATE SET keyboard_message_id = excluded.keyboard_message_id,
       updated_at = excluded.updated_at`,
  );
  return {
    keyboardMessage: (channel: string, externalId: string): string | null => get.get(channel, externalId)?.keyboard_message_id ?? null,
    setKeyboardMessage: (channel: string, externalId: string, messageId: string | null, now: number): void =>
      void set.run(channel, externalId, messageId, now),
  };
}

export type ChatStore = ReturnType<typeof createChatStore>;
