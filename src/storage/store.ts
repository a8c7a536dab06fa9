// Everything the app, the console and the channels read or write, behind one object: the only
// way to the database outside src/storage (no SQL anywhere else). A change that spans several
// repositories (a decision and its audit entry) runs inside `transaction`.
import type { Sql } from './sql.js';
import type { FieldCipher } from './crypto.js';
import { createAccessLog } from './access-log.js';
import { createCadreStore } from './cadres.js';
import { createErasureStore } from './erasure.js';
import { createFaqPhrasingStore } from './faq-phrasings.js';
import { createInboxStore } from './inbox.js';
import { createKvStore } from './kv.js';
import { createLeaseStore } from './leases.js';
import { createOfficerStore } from './officers.js';
import { createOutboxStore } from './outbox.js';
import { createPeopleStore } from './people.js';
import { createQuestionStore } from './questions.js';
import { createQueueQueries } from './queue.js';
import { createRegistrationStore } from './registrations.js';
import { createRegencyStore } from './regencies.js';
import { createRetentionStore } from './retention.js';
import { createStats } from './stats.js';
import { createWhatsAppAuthStore } from './whatsapp-auth.js';
import { createWhatsAppSentStore } from './whatsapp-sent.js';
import { createWithdrawalStore } from './withdrawals.js';

export function createStore(sql: Sql, cipher: FieldCipher) {
  return {
    /** The storage port (sql.ts): which database, its dialect, and raw statements for tools and tests. */
    sql,
    /**
     * Runs `fn` in one transaction (inside another one it becomes a savepoint): every store call it
     * makes belongs to it (sql.ts). On SQLite it takes the write lock when it begins (BEGIN
     * IMMEDIATE): another process writing makes it wait (busy_timeout) instead of failing.
     */
    transaction: <R>(fn: () => Promise<R>): Promise<R> => sql.transaction(fn),
    /** `fn` as a function that always runs in one transaction. */
    transactional:
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>): ((...args: A) => Promise<R>) =>
      (...args: A): Promise<R> =>
        sql.transaction(() => fn(...args)),
    people: createPeopleStore(sql, cipher),
    registrations: createRegistrationStore(sql, cipher),
    /** The regencies served and known (migration 024). */
    regencies: createRegencyStore(sql),
    /** Seals and opens personal values at rest (crypto.ts). */
    cipher,
    inbox: createInboxStore(sql, cipher),
    erasure: createErasureStore(sql, cipher),
    outbox: createOutboxStore(sql, cipher),
    cadres: createCadreStore(sql),
    officers: createOfficerStore(sql),
    phrasings: createFaqPhrasingStore(sql),
    questions: createQuestionStore(sql, cipher),
    kv: createKvStore(sql),
    queue: createQueueQueries(sql, cipher),
    stats: createStats(sql),
    retention: createRetentionStore(sql, cipher),
    whatsappAuth: createWhatsAppAuthStore(sql, cipher),
    whatsappSent: createWhatsAppSentStore(sql, cipher),
    leases: createLeaseStore(sql),
    /** The right of access: consents, questions and who saw a registration, for a person's copy; cadres' one-time codes. */
    accessLog: createAccessLog(sql, cipher),
    /** Consents withdrawn after approval, and officers' decisions on them (migration 017). */
    withdrawals: createWithdrawalStore(sql),
    close: (): Promise<void> => sql.close(),
  };
}

export type Store = ReturnType<typeof createStore>;
