import type { Db } from './db.js';
import type { FieldCipher } from './crypto.js';
import { addressKey } from './addresses.js';
import type { Reply } from '../core/types.js';

export interface OutboxMessage {
  id: number;
  personId: number | null;
  channel: string;
  externalId: string;
  reply: Reply;
  kind: string;
  attempts: number;
  createdAt: number;
  /** The registration this message is news about (a decision, a correction request), if any. */
  registrationId: number | null;
}

interface Row {
  id: number;
  person_id: number | null;
  channel: string;
  address: string;
  payload: string;
  kind: string;
  attempts: number;
  created_at: number;
  registration_id: number | null;
}

const toMessage = (r: Row, cipher: FieldCipher): OutboxMessage => ({
  id: r.id,
  personId: r.person_id,
  channel: r.channel,
  externalId: cipher.decrypt(r.address),
  reply: JSON.parse(cipher.decrypt(r.payload)) as Reply,
  kind: r.kind,
  attempts: r.attempts,
  createdAt: r.created_at,
  registrationId: r.registration_id,
});

/** Replies waiting to be sent; channels take them after the commit that wrote them. */
/**
 * What is sent is kept encrypted until it is sent (a summary repeats a NIK, an address), and so is
 * where it goes (a WhatsApp address is a phone number); a chat's order keys on the address's blind
 * index (addresses.ts).
 */
export function createOutboxStore(db: Db, cipher: FieldCipher) {
  const insert = db.prepare<[number | null, string, string, string, string, string, number, number, number | null]>(
    `INSERT INTO outbox (person_id, channel, recipient_key, address, payload, kind, created_at, next_attempt_at, registration_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Not a message whose chat has an earlier one waiting for its retry: a chat's messages never overtake each other.
  const due = db.prepare<{ channel: string; now: number; limit: number }, Row>(
    `SELECT id, person_id, channel, address, payload, kind, attempts, created_at, registration_id FROM outbox o
      WHERE channel = @channel AND next_attempt_at <= @now
        AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.attempts > 0 AND e.channel = o.channel
                          AND e.recipient_key = o.recipient_key AND e.id < o.id AND e.next_attempt_at > @now)
      ORDER BY id LIMIT @limit`,
  );
  const remove = db.prepare<[number]>('DELETE FROM outbox WHERE id = ?');
  const markFailed = db.prepare<[number, string, number]>(
    'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?',
  );
  const pending = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox');

  return {
    /** Queues a message; `personId` is null for a chat that is not a person (a group); news names its registration. */
    add(personId: number | null, channel: string, externalId: string, reply: Reply, now: number, kind = 'reply', registrationId: number | null = null): number {
      const key = addressKey(cipher, channel, externalId);
      const row = insert.run(personId, channel, key, cipher.encrypt(externalId), cipher.encrypt(JSON.stringify(reply)), kind, now, now, registrationId);
      return Number(row.lastInsertRowid);
    },
    /** Unsent messages of one channel that may go now, oldest first (each chat in order, none overtaking a retry). */
    due(channel: string, now: number, limit = 100): OutboxMessage[] {
      return due.all({ channel, now, limit }).map((r) => toMessage(r, cipher));
    },
    /** A sent message leaves the queue. */
    markSent(id: number): void {
      remove.run(id);
    },
    /** Keeps the message for another try later; the error text must not hold personal data. */
    markFailed(id: number, retryAt: number, error: string): void {
      markFailed.run(retryAt, error.slice(0, 500), id);
    },
    pendingCount: (): number => pending.get()?.n ?? 0,
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
