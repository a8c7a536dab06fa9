// The end-of-run checks of bench/postgres.ts, from the fake Bot API's record of what each chat
// received and from the database the bot processes wrote. Definitions: bench/README.md
// ("PostgreSQL run").
import Database from 'better-sqlite3';
import pg from 'pg';
import type { FakeTelegram } from '../test/helpers/fake-telegram.js';
import { addressKey } from '../src/storage/addresses.js';
import { FieldCipher, loadKeyRing } from '../src/storage/crypto.js';
import { REF_PATTERN, shape, type Person } from './tg-crowd.js';

export interface RunChecks {
  /** People who miss an expected reply, or do not hold exactly one submitted registration with the code they were told. */
  lost: number;
  /** Expected replies that never came, over all people. */
  missingReplies: number;
  /** People with more than one registration row (by NIK or Telegram identity). */
  doubled: number;
  /** People who received every expected reply, but not in the conversation's order. */
  outOfOrder: number;
  /** Messages still in the inbox and replies still in the outbox once the processes stopped. */
  inboxLeft: number;
  outboxLeft: number;
  /**
   * Replies sent again: identical to the previous reply in the same chat, or the end of it (replies
   * merged into one message, the last of them sent again alone: the sender died between marking them sent).
   */
  duplicates: number;
  /** Of those, the ends of a merged message. */
  repeatedTails: number;
  /** The most replies sent again to one chat. */
  maxDuplicatesInAChat: number;
  /** Other replies that are not one of the expected prompts (e.g. an apology, a question asked again). */
  strayReplies: number;
  /** A few of those (chat, position among its replies, shape), for the report. */
  straySamples: string[];
  /** One failing person's story, for the report. */
  sample?: string;
}

/** Where the processes wrote: a PostgreSQL URL or a SQLite file, and the key file they share. */
export interface RunStore {
  url?: string;
  file?: string;
  keyFile: string;
}

interface RegRow {
  id: number;
  reference: string;
  status: string;
  nik_index: string | null;
  tg_key: string | null;
}

const ROWS_SQL = `SELECT r.id, r.reference, r.status, r.nik_index,
  (SELECT i.external_key FROM identities i WHERE i.person_id = r.applicant_id AND i.channel = 'telegram' LIMIT 1) AS tg_key
  FROM registrations r`;

/** What the database holds: every registration (with its applicant's Telegram key) and what is left in the inbox and outbox. */
async function readStore(store: RunStore): Promise<{ rows: RegRow[]; inbox: number; outbox: number }> {
  if (store.url) {
    const client = new pg.Client({ connectionString: store.url, application_name: 'lindung-bench-check' });
    await client.connect();
    try {
      const rows = (await client.query<RegRow>(ROWS_SQL)).rows.map((r) => ({ ...r, id: Number(r.id) }));
      const count = async (table: string) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
      return { rows, inbox: await count('inbox'), outbox: await count('outbox') };
    } finally {
      await client.end();
    }
  }
  const db = new Database(store.file!, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { rows: db.prepare(ROWS_SQL).all() as RegRow[], inbox: count('inbox'), outbox: count('outbox') };
  } finally {
    db.close();
  }
}

/**
 * Checks every person: the prompts the calibration saw (`expected`, one per turn: the last message of
 * each answer) must all arrive, each after the previous one; exactly one registration, submitted,
 * with the reference code the chat was told last; nothing left in the inbox or outbox.
 */
export async function checkRun(fake: FakeTelegram, people: Person[], expected: string[], store: RunStore): Promise<RunChecks> {
  const cipher = new FieldCipher(loadKeyRing({ path: store.keyFile, create: false }));
  const { rows, inbox, outbox } = await readStore(store);
  const byNik = new Map<string, RegRow[]>();
  const byTg = new Map<string, RegRow[]>();
  for (const r of rows) {
    if (r.nik_index) byNik.set(r.nik_index, [...(byNik.get(r.nik_index) ?? []), r]);
    if (r.tg_key) byTg.set(r.tg_key, [...(byTg.get(r.tg_key) ?? []), r]);
  }
  // One pass over the fake's record: every chat's messages in the order the fake took them.
  const texts = new Map<number, string[]>();
  for (const m of fake.sent()) texts.set(m.chat.id, [...(texts.get(m.chat.id) ?? []), m.text]);
  const out: RunChecks = { lost: 0, missingReplies: 0, doubled: 0, outOfOrder: 0, inboxLeft: inbox, outboxLeft: outbox, duplicates: 0, repeatedTails: 0, maxDuplicatesInAChat: 0, strayReplies: 0, straySamples: [] };
  const want = new Map<string, number>();
  for (const e of expected) want.set(e, (want.get(e) ?? 0) + 1);
  for (const p of people) {
    const all = texts.get(p.chat.id) ?? [];
    const got: string[] = [];
    const before = out.duplicates;
    all.forEach((t, i) => {
      const prev = all[i - 1];
      if (prev === undefined || (t !== prev && !prev.endsWith(`\n\n${t}`))) return void got.push(shape(t, p.names));
      out.duplicates++;
      if (t !== prev) out.repeatedTails++;
    });
    out.maxDuplicatesInAChat = Math.max(out.maxDuplicatesInAChat, out.duplicates - before);
    got.forEach((s, i) => {
      if (want.has(s)) return;
      out.strayReplies++;
      if (out.straySamples.length < 3) out.straySamples.push(`chat ${p.chat.id} reply ${i + 1}: ${JSON.stringify(s.slice(0, 80))}`);
    });
    // In order: the expected prompts are a subsequence of what came (the earliest match is as good as any).
    let k = 0;
    for (const s of got) if (k < expected.length && s === expected[k]) k++;
    let missing = 0;
    if (k < expected.length) {
      const have = new Map<string, number>();
      for (const s of got) have.set(s, (have.get(s) ?? 0) + 1);
      for (const [s, n] of want) missing += Math.max(0, n - (have.get(s) ?? 0));
      if (missing === 0) out.outOfOrder++;
    }
    const mine = new Set([...(byNik.get(cipher.blindIndex('nik', p.nik)) ?? []), ...(byTg.get(addressKey(cipher, 'telegram', String(p.chat.id))) ?? [])]);
    const told = [...all].reverse().find((t) => REF_PATTERN.test(t))?.match(REF_PATTERN)?.[0];
    const [row] = mine;
    const registered = mine.size === 1 && row!.status === 'submitted' && told !== undefined && row!.reference === told;
    if (mine.size > 1) out.doubled++;
    out.missingReplies += missing;
    if (missing > 0 || !registered) out.lost++;
    if ((k < expected.length || !registered) && out.sample === undefined) {
      out.sample =
        `chat ${p.chat.id} (person ${p.index}): ${k}/${expected.length} prompts in order, ${missing} missing; ` +
        `registrations: ${[...mine].map((r) => `${r.reference} ${r.status}`).join(', ') || 'none'}; told ${told ?? 'no code'}\n` +
        `  expected: ${expected.map((e, i) => `${i + 1}:${e.slice(0, 40)}`).join(' | ')}\n` +
        `  received: ${got.map((g, i) => `${i + 1}:${g.slice(0, 40)}`).join(' | ')}`;
    }
  }
  return out;
}
