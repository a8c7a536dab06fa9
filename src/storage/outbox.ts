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
  // One chat's due messages (the terminal shows a person only their own).
  const dueFor = db.prepare<{ channel: string; key: string; now: number; limit: number }, Row>(
    `SELECT id, person_id, channel, address, payload, kind, attempts, created_at, registration_id FROM outbox
      WHERE channel = @channel AND recipient_key = @key AND next_attempt_at <= @now ORDER BY id LIMIT @limit`,
  );
  const markFailed = db.prepare<[number, string, number]>(
    'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?',
  );
  const pending = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox');
  const lastId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM outbox');
  // Held news: not yet tried, due at the hold's end (a retried row has attempts > 0 and is never taken back).
  const hold = db.prepare<{ registrationId: number; afterId: number; until: number }>(
    'UPDATE outbox SET next_attempt_at = @until WHERE registration_id = @registrationId AND id > @afterId AND attempts = 0',
  );
  const dropHeld = db.prepare<{ registrationId: number; afterId: number; until: number }>(
    'DELETE FROM outbox WHERE registration_id = @registrationId AND id > @afterId AND attempts = 0 AND next_attempt_at = @until',
  );
  const heldCount = db.prepare<{ registrationId: number; afterId: number; until: number }, { n: number }>(
    'SELECT count(*) AS n FROM outbox WHERE registration_id = @registrationId AND id > @afterId AND attempts = 0 AND next_attempt_at = @until',
  );

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
    /** Unsent messages for one chat that may go now, oldest first. */
    dueFor(channel: string, externalId: string, now: number, limit = 100): OutboxMessage[] {
      const rows = dueFor.all({ channel, key: addressKey(cipher, channel, externalId), now, limit });
      return rows.map((r) => toMessage(r, cipher));
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
    /** The newest message's id (0 when the outbox is empty): what a decision queues comes after it. */
    lastId: (): number => lastId.get()?.id ?? 0,
    /**
     * Holds the news about a registration queued after `afterId` (in the caller's transaction: one
     * decision's messages) until `until`: no sender takes it before then (see `due`). Returns how many.
     */
    hold: (registrationId: number, afterId: number, until: number): number => hold.run({ registrationId, afterId, until }).changes,
    /** Takes back news still held by `hold(registrationId, afterId, until)` (an undone decision); returns how many. */
    dropHeld: (registrationId: number, afterId: number, until: number): number => dropHeld.run({ registrationId, afterId, until }).changes,
    /** How many messages of that hold are still waiting. */
    heldCount: (registrationId: number, afterId: number, until: number): number => heldCount.get({ registrationId, afterId, until })?.n ?? 0,
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
