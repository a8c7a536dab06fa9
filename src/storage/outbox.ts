import type { Sql } from './sql.js';
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
export function createOutboxStore(sql: Sql, cipher: FieldCipher) {
  const columns = 'id, person_id, channel, address, payload, kind, attempts, created_at, registration_id';
  return {
    /** Queues a message; `personId` is null for a chat that is not a person (a group); news names its registration. */
    async add(personId: number | null, channel: string, externalId: string, reply: Reply, now: number, kind = 'reply', registrationId: number | null = null): Promise<number> {
      const key = addressKey(cipher, channel, externalId);
      const row = await sql.get<{ id: number }>(
        `INSERT INTO outbox (person_id, channel, recipient_key, address, payload, kind, created_at, next_attempt_at, registration_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [personId, channel, key, cipher.encrypt(externalId), cipher.encrypt(JSON.stringify(reply)), kind, now, now, registrationId],
      );
      return row!.id;
    },
    /** Unsent messages of one channel that may go now, oldest first (each chat in order, none overtaking a retry). */
    async due(channel: string, now: number, limit = 100): Promise<OutboxMessage[]> {
      // Not a message whose chat has an earlier one waiting for its retry: a chat's messages never overtake each other.
      const rows = await sql.all<Row>(
        `SELECT ${columns} FROM outbox o
          WHERE channel = @channel AND next_attempt_at <= @now
            AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.attempts > 0 AND e.channel = o.channel
                              AND e.recipient_key = o.recipient_key AND e.id < o.id AND e.next_attempt_at > @now)
          ORDER BY id LIMIT @limit`,
        { channel, now, limit },
      );
      return rows.map((r) => toMessage(r, cipher));
    },
    /**
     * Claims unsent messages of one channel that may go now for `holder` until `until`, oldest first,
     * and returns them: each chat in order, none overtaking a retry, none of a chat another live
     * claim is sending to (another process); a claim that ran out is taken over. Claims of one
     * channel are made one at a time (a lock), so two senders never both find a chat free.
     */
    async claim(channel: string, holder: string, now: number, until: number, limit = 100): Promise<OutboxMessage[]> {
      const rows = await sql.transaction(async () => {
        await sql.lockInTransaction(`outbox:${channel}`);
        return sql.all<Row>(
          `UPDATE outbox SET claimed_by = @holder, claimed_until = @until
            WHERE id IN (
              SELECT id FROM outbox o
               WHERE channel = @channel AND next_attempt_at <= @now
                 AND (claimed_until IS NULL OR claimed_until <= @now OR claimed_by = @holder)
                 AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.channel = o.channel AND e.recipient_key = o.recipient_key AND e.id < o.id
                                   AND ((e.attempts > 0 AND e.next_attempt_at > @now) OR (e.claimed_until > @now AND e.claimed_by <> @holder)))
               ORDER BY id LIMIT @limit ${sql.dialect.skipLocked})
           RETURNING ${columns}`,
          { channel, holder, now, until, limit },
        );
      });
      return rows.sort((a, b) => a.id - b.id).map((r) => toMessage(r, cipher));
    },
    /** Gives back every claim of `holder` (a sender stopping: another process need not wait for them to run out). */
    async releaseClaims(holder: string): Promise<void> {
      await sql.run('UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?', [holder]);
    },
    /** Keeps `holder`'s claim on these messages until `until` (a chat still being sent to). */
    async extendClaim(ids: readonly number[], holder: string, until: number): Promise<void> {
      for (const id of ids) await sql.run('UPDATE outbox SET claimed_until = ? WHERE id = ? AND claimed_by = ?', [until, id, holder]);
    },
    /** Unsent messages for one chat that may go now, oldest first (the terminal shows a person only their own). */
    async dueFor(channel: string, externalId: string, now: number, limit = 100): Promise<OutboxMessage[]> {
      const rows = await sql.all<Row>(
        `SELECT ${columns} FROM outbox
          WHERE channel = @channel AND recipient_key = @key AND next_attempt_at <= @now ORDER BY id LIMIT @limit`,
        { channel, key: addressKey(cipher, channel, externalId), now, limit },
      );
      return rows.map((r) => toMessage(r, cipher));
    },
    /** Messages sent as one (merged) leave the queue in one commit: a crash cannot leave part of them to be sent again. */
    async markAllSent(ids: readonly number[]): Promise<void> {
      await sql.run(`DELETE FROM outbox WHERE id IN (SELECT CAST(value AS BIGINT) FROM ${sql.dialect.jsonArrayElements('?')})`, [JSON.stringify(ids)]);
    },
    /** A sent message leaves the queue. */
    async markSent(id: number): Promise<void> {
      await sql.run('DELETE FROM outbox WHERE id = ?', [id]);
    },
    /** Keeps the message for another try later; the error text must not hold personal data. */
    async markFailed(id: number, retryAt: number, error: string): Promise<void> {
      await sql.run('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?', [
        retryAt,
        error.slice(0, 500),
        id,
      ]);
    },
    pendingCount: async (): Promise<number> => (await sql.get<{ n: number }>('SELECT count(*) AS n FROM outbox'))?.n ?? 0,
    /** The newest message's id (0 when the outbox is empty): what a decision queues comes after it. */
    lastId: async (): Promise<number> => (await sql.get<{ id: number | null }>('SELECT max(id) AS id FROM outbox'))?.id ?? 0,
    /**
     * Holds the news about a registration queued after `afterId` (in the caller's transaction: one
     * decision's messages) until `until`: no sender takes it before then (see `due`). Returns how many.
     * Held news: not yet tried, due at the hold's end (a retried row has attempts > 0 and is never taken back).
     */
    hold: async (registrationId: number, afterId: number, until: number): Promise<number> =>
      (
        await sql.run('UPDATE outbox SET next_attempt_at = @until WHERE registration_id = @registrationId AND id > @afterId AND attempts = 0', {
          registrationId,
          afterId,
          until,
        })
      ).changes,
    /** Takes back news still held by `hold(registrationId, afterId, until)` (an undone decision); returns how many. */
    dropHeld: async (registrationId: number, afterId: number, until: number): Promise<number> =>
      (
        await sql.run(
          'DELETE FROM outbox WHERE registration_id = @registrationId AND id > @afterId AND attempts = 0 AND next_attempt_at = @until',
          { registrationId, afterId, until },
        )
      ).changes,
    /** How many messages of that hold are still waiting. */
    heldCount: async (registrationId: number, afterId: number, until: number): Promise<number> =>
      (
        await sql.get<{ n: number }>(
          'SELECT count(*) AS n FROM outbox WHERE registration_id = @registrationId AND id > @afterId AND attempts = 0 AND next_attempt_at = @until',
          { registrationId, afterId, until },
        )
      )?.n ?? 0,
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
