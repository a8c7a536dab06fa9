// Everything the app, the console and the channels read or write, behind one object: the only
// way to the database outside src/storage (no SQL anywhere else). A change that spans several
// repositories (a decision and its audit entry) runs inside `transaction`.
import type { Db } from './db.js';
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

export function createStore(db: Db, cipher: FieldCipher) {
  return {
    /**
     * Runs `fn` in one transaction (inside another one it becomes a savepoint). Every transaction
     * takes the write lock when it begins (BEGIN IMMEDIATE): another process writing (an officer's
     * command, a second bot) makes it wait (busy_timeout) instead of failing with "database is
     * locked" when a read would have to turn into a write.
     */
    transaction: <R>(fn: () => R): R => db.transaction(fn).immediate(),
    /** `fn` as a function that always runs in one transaction (for a hot path: wrapped once). */
    transactional: <A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) => {
      const tx = db.transaction(fn);
      return (...args: A): R => tx.immediate(...args);
    },
    people: createPeopleStore(db, cipher),
    registrations: createRegistrationStore(db, cipher),
    /** The regencies served and known (migration 024). */
    regencies: createRegencyStore(db),
    /** Seals and opens personal values at rest (crypto.ts). */
    cipher,
    inbox: createInboxStore(db, cipher),
    erasure: createErasureStore(db, cipher),
    outbox: createOutboxStore(db, cipher),
    cadres: createCadreStore(db),
    officers: createOfficerStore(db),
    phrasings: createFaqPhrasingStore(db),
    questions: createQuestionStore(db, cipher),
    kv: createKvStore(db),
    queue: createQueueQueries(db, cipher),
    stats: createStats(db),
    retention: createRetentionStore(db, cipher),
    whatsappAuth: createWhatsAppAuthStore(db, cipher),
    whatsappSent: createWhatsAppSentStore(db, cipher),
    leases: createLeaseStore(db),
    /** The right of access: consents, questions and who saw a registration, for a person's copy; cadres' one-time codes. */
    accessLog: createAccessLog(db, cipher),
    /** Consents withdrawn after approval, and officers' decisions on them (migration 017). */
    withdrawals: createWithdrawalStore(db),
    close: (): void => {
      db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
