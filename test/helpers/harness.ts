import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import type { Reply } from '../../src/core/types.js';
import { freshDatabaseFile } from './template-db.js';
import { freshPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The store the harnesses of a vitest project use (vitest.config.ts): the project "postgres" provides 'postgres'. */
    lindungStore: 'sqlite' | 'postgres';
  }
}

/**
 * The store this test's harnesses use: in the vitest project "postgres" every harness gets a fresh
 * PostgreSQL database (DATABASE_URL) instead of a SQLite file; outside vitest, LINDUNG_TEST_STORE.
 */
export function testStore(): 'sqlite' | 'postgres' {
  let provided: 'sqlite' | 'postgres' | undefined;
  try {
    provided = inject('lindungStore');
  } catch {
    provided = undefined; // not under vitest
  }
  return (provided ?? process.env.LINDUNG_TEST_STORE) === 'postgres' ? 'postgres' : 'sqlite';
}

/** 2026-11-22 09:00 WITA, a fixed "now" so dates and discounts are repeatable. */
export const NOW = Date.UTC(2026, 10, 22, 1, 0, 0);

/** A seeded pseudo-random source (mulberry32), for repeatable reference codes. */
export function seeded(seed = 42): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Harness {
  runtime: Runtime;
  /** The SQLite file (on PostgreSQL: a path in the harness's folder that is never created). */
  dbPath: string;
  /** The PostgreSQL database's URL when the harness runs on PostgreSQL. */
  databaseUrl?: string;
  clock: { now: number };
  /** Sends one message as `user` and returns the replies' texts with their choices rendered. */
  say(user: string, text: string, messageId?: string): Promise<string[]>;
  replies(user: string, text: string, messageId?: string): Promise<Reply[]>;
  close(): Promise<void>;
  reopen(): Promise<Harness>;
}

/**
 * A real runtime on a fresh SQLite file in a temp folder (a copy of the run's migrated template,
 * test/helpers/template-db.ts; a database already in `opts.dir` is opened as it is).
 */
export async function startHarness(
  opts: {
    dir?: string;
    seed?: number;
    realClock?: boolean;
    /** More settings, as environment variables. */
    env?: Record<string, string>;
    /** On PostgreSQL: the database to open again (reopen); else a fresh one is made. */
    databaseUrl?: string;
  } = {},
): Promise<Harness> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'lindung-'));
  const dbPath = join(dir, 'test.db');
  const clock = { now: NOW };
  let databaseUrl = opts.databaseUrl;
  const store = testStore();
  if (store === 'postgres' && !databaseUrl) {
    const fresh = await freshPostgres({ bare: true });
    databaseUrl = fresh.url;
    dropsByUrl.set(fresh.url, fresh.drop);
  } else if (store === 'sqlite') {
    freshDatabaseFile(dbPath);
  }
  // SQLITE_SYNCHRONOUS=NORMAL: a commit is not flushed to the disk before the reply (what FULL adds
  // is surviving a power cut, which no test can show); FULL made each message wait for the disk,
  // slowly and unevenly on a shared machine. A test may still pass FULL in `opts.env`.
  const env = { SQLITE_SYNCHRONOUS: 'NORMAL', ...opts.env, DATABASE_PATH: dbPath, LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const runtime = await createRuntime(loadConfig(env), {
    logger: pino({ level: 'silent' }),
    // Channel tests run real timers (retries, throttling): they need the real clock.
    clock: opts.realClock ? Date.now : () => clock.now,
    random: seeded(opts.seed ?? 42),
  });
  const replies = async (user: string, text: string, messageId?: string) => {
    const r = await runtime.app.handle({ channel: 'test', externalId: user, text, messageId });
    return r.replies;
  };
  const h: Harness = {
    runtime,
    dbPath,
    ...(databaseUrl ? { databaseUrl } : {}),
    clock,
    replies,
    say: async (user, text, messageId) =>
      (await replies(user, text, messageId)).map((r) =>
        [r.text, ...(r.choices ?? []).map((c) => `${c.key}. ${c.label}`)].join('\n'),
      ),
    close: () => runtime.close(),
    reopen: async () => {
      await runtime.close();
      const next = await startHarness({ ...opts, dir, seed: (opts.seed ?? 42) + 1, ...(databaseUrl ? { databaseUrl } : {}) });
      next.clock.now = clock.now;
      return next;
    },
  };
  return h;
}

/** The PostgreSQL databases the harnesses made, by URL: dropped by cleanup. */
const dropsByUrl = new Map<string, () => Promise<void>>();

/** Removes a harness's temp folder (and its PostgreSQL database). */
export async function cleanup(h: Harness): Promise<void> {
  await h.close();
  rmSync(join(h.dbPath, '..'), { recursive: true, force: true });
  const drop = h.databaseUrl ? dropsByUrl.get(h.databaseUrl) : undefined;
  if (drop) {
    dropsByUrl.delete(h.databaseUrl!);
    await drop();
  }
}

/** Invented test NIKs (district 630101 exists in the region list; 999999 does not). */
export const NIK_MALE = '6301011708800003'; // 17-08-1980, man
export const NIK_FEMALE = '6301015705850012'; // 17-05-1985, woman (day + 40)
export const NIK_UNKNOWN_REGION = '9999991708800004';
