import type { Db } from './db.js';
import type { Sql } from './sql.js';
import type { FieldCipher } from './crypto.js';
import { maskNik } from '../domain/nik.js';
import { searchKind } from '../domain/queue-filter.js';

/** Every column that holds personal values encrypted (crypto.ts): table, its key, the column. */
export const SEALED_COLUMNS = [
  { table: 'people', key: 'id', column: 'phone' },
  { table: 'sessions', key: 'person_id', column: 'state' },
  { table: 'outbox', key: 'id', column: 'payload' },
  { table: 'inbox', key: 'id', column: 'payload' },
  { table: 'questions', key: 'id', column: 'text' },
  { table: 'wa_sent', key: 'id', column: 'message' },
  // Chat addresses (a WhatsApp address is a phone number) and the WhatsApp login (migration 018).
  { table: 'identities', key: 'external_key', column: 'address' },
  { table: 'outbox', key: 'id', column: 'address' },
  { table: 'wa_sent', key: 'id', column: 'jid' },
  { table: 'questions', key: 'id', column: 'address' },
  { table: 'wa_auth_creds', key: 'id', column: 'creds' },
  { table: 'wa_auth_keys', key: 'rowid', column: 'value' },
  { table: 'registrations', key: 'id', column: 'data' },
  { table: 'registrations', key: 'id', column: 'officer_note' },
  { table: 'registration_events', key: 'id', column: 'detail' },
  { table: 'questions', key: 'id', column: 'answer' },
  { table: 'officers', key: 'id', column: 'totp_secret' },
  { table: 'officer_sessions', key: 'token_hash', column: 'pending_totp_secret' },
] as const;

/** The kv entry that says every registration has its blind indexes (as of migration 020). */
const INDEXED_KEY = 'registrations.indexed';
const INDEXED_AT = '020';

/**
 * Registrations an older version stored with the NIK in clear (before migration 016) or without a
 * phone index (before 020): each gets its NIK's and phone's blind indexes, the masked NIK and the
 * check codes, its form and note sealed, and the clear `nik` emptied. In batches, each its own
 * transaction. Returns how many rows were rewritten.
 */
export function indexRegistrations(db: Db, cipher: FieldCipher, batch = 500, now = Date.now()): number {
  // Once done, every later row is written indexed: the check (a scan of the table) is not repeated at each start.
  const done = db.prepare<[string], { value: string }>('SELECT value FROM kv WHERE key = ?');
  if (done.get(INDEXED_KEY)?.value === INDEXED_AT) return 0;
  const select = db.prepare<[number], { id: number; nik: string | null; data: string | null; officer_note: string | null }>(
    `SELECT id, nik, data, officer_note FROM registrations
      WHERE nik IS NOT NULL OR (phone_index IS NULL AND data IS NOT NULL) ORDER BY id LIMIT ?`,
  );
  const update = db.prepare(
    `UPDATE registrations SET nik = NULL, nik_index = @nikIndex, nik_masked = @nikMasked, phone_index = @phoneIndex,
       checks = @checks, data = @data, officer_note = @note WHERE id = @id`,
  );
  const step = db.transaction((): number => {
    const rows = select.all(batch);
    for (const r of rows) {
      const plain = r.data === null ? null : cipher.decrypt(r.data);
      let form: { nik?: unknown; phone?: unknown; checks?: unknown } = {};
      try {
        form = plain === null ? {} : (JSON.parse(plain) as typeof form);
      } catch {
        form = {};
      }
      const nik = typeof form.nik === 'string' ? form.nik : r.nik;
      const codes = Array.isArray(form.checks) ? form.checks.filter((c): c is string => typeof c === 'string') : [];
      update.run({
        id: r.id,
        nikIndex: nik === null ? null : cipher.blindIndex('nik', nik),
        nikMasked: nik === null ? null : maskNik(nik),
        phoneIndex: plain === null ? null : typeof form.phone === 'string' && form.phone ? cipher.blindIndex('phone', form.phone) : '',
        checks: codes.length ? JSON.stringify(codes) : null,
        data: plain === null ? null : cipher.needsRewrap(r.data!) ? cipher.encrypt(plain) : r.data,
        note: r.officer_note === null ? null : cipher.needsRewrap(r.officer_note) ? cipher.encrypt(cipher.decrypt(r.officer_note)) : r.officer_note,
      });
    }
    return rows.length;
  });
  let rewritten = 0;
  for (;;) {
    const n = step.immediate();
    rewritten += n;
    if (n < batch) break;
  }
  db.prepare('INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
    INDEXED_KEY,
    INDEXED_AT,
    now,
  );
  return rewritten;
}

/**
 * Re-encrypts every sealed value that is not encrypted with the current key: values an older
 * version stored in clear (at the first start after the upgrade), and values under an older key
 * (after `npm run keys -- rotate`). In batches, each its own transaction, so the bot can work in
 * between. Returns how many values were rewritten.
 */
export function resealAll(db: Db, cipher: FieldCipher, batch = 500): number {
  let rewritten = 0;
  for (const { table, key, column } of SEALED_COLUMNS) {
    // Only the values that need it are read (at every start this finds none, without decrypting anything).
    const select = db.prepare<[string, unknown, number], { k: unknown; v: string }>(
      `SELECT ${key} AS k, ${column} AS v FROM ${table}
        WHERE ${column} IS NOT NULL AND ${column} NOT LIKE ? AND ${key} > ? ORDER BY ${key} LIMIT ?`,
    );
    const update = db.prepare<[string, unknown]>(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`);
    const step = db.transaction((after: unknown): { last: unknown; n: number; done: boolean } => {
      const rows = select.all(`${cipher.currentPrefix}%`, after, batch);
      let n = 0;
      for (const r of rows) {
        if (!cipher.needsRewrap(r.v)) continue;
        update.run(cipher.encrypt(cipher.decrypt(r.v)), r.k);
        n++;
      }
      return { last: rows.at(-1)?.k, n, done: rows.length < batch };
    });
    // -1 comes before every key: integers, and text (wa_sent's message ids), which SQLite sorts after numbers.
    let after: unknown = -1;
    for (;;) {
      const r = step.immediate(after);
      rewritten += r.n;
      if (r.done || r.last === undefined) break;
      after = r.last;
    }
  }
  return rewritten;
}

const AUDIT_SCRUBBED = 'audit.searches_scrubbed';

/** A searched-for NIK or phone number as the audit now keeps it; any other value unchanged. */
function scrubSearches(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubSearches);
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? value.replace(/\d{16}/g, '[NIK]') : value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const kind = k === 'q' && typeof v === 'string' ? searchKind(v).kind : undefined;
    out[k] = kind === 'nik' ? '[NIK]' : kind === 'phone' ? '[HP]' : scrubSearches(v);
  }
  return out;
}

/**
 * Audit entries an older version wrote with a NIK or phone number searched for as typed (an
 * export's filter): rewritten once, as the audit keeps searches now. Returns how many changed.
 */
export function scrubAuditSearches(db: Db, now = Date.now()): number {
  if (db.prepare<[string], { one: number }>('SELECT 1 AS one FROM kv WHERE key = ?').get(AUDIT_SCRUBBED)) return 0;
  const rows = db.prepare<[], { id: number; detail: string }>('SELECT id, detail FROM audit_log WHERE detail IS NOT NULL').all();
  const update = db.prepare<[string, number]>('UPDATE audit_log SET detail = ? WHERE id = ?');
  return db.transaction((): number => {
    let n = 0;
    for (const r of rows) {
      let detail: unknown;
      try {
        detail = JSON.parse(r.detail);
      } catch {
        detail = r.detail;
      }
      const scrubbed = JSON.stringify(scrubSearches(detail));
      if (scrubbed !== r.detail && scrubbed !== JSON.stringify(detail)) {
        update.run(scrubbed, r.id);
        n++;
      }
    }
    db.prepare('INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?)').run(AUDIT_SCRUBBED, '1', now);
    return n;
  }).immediate();
}

/**
 * One value some key encrypted, if the database holds any: a database written before it recorded a
 * check value of its keys (key-ring.ts) is recognised as encrypted by it.
 */
export function sampleSealed(db: Db): string | undefined {
  for (const { table, column } of SEALED_COLUMNS) {
    const row = db.prepare<[], { v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} LIKE 'enc1:%' LIMIT 1`).get();
    if (row) return row.v;
  }
  return undefined;
}

/** `sampleSealed` through the storage port (either database). */
export async function sampleSealedAsync(sql: Sql): Promise<string | undefined> {
  for (const { table, column } of SEALED_COLUMNS) {
    const row = await sql.get<{ v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} LIKE 'enc1:%' LIMIT 1`);
    if (row) return row.v;
  }
  return undefined;
}

/** How many stored values each key encrypts, per sealed column ('clear' for values not encrypted). */
export function keyUsage(db: Db): { at: string; counts: Record<string, number> }[] {
  return SEALED_COLUMNS.map(({ table, column }) => {
    const rows = db.prepare<[], { v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`).all();
    const counts: Record<string, number> = {};
    for (const { v } of rows) {
      const key = v.startsWith('enc1:') ? `key ${v.slice(5, v.indexOf(':', 5))}` : 'clear';
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return { at: `${table}.${column}`, counts };
  });
}
