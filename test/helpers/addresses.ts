import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pino } from 'pino';
import { expect } from 'vitest';
import { baileysAuthCodec } from '../../src/channels/whatsapp/baileys.js';
import { createWhatsAppChannel, type WhatsAppChannel } from '../../src/channels/whatsapp/channel.js';
import { fakeSocketFactory, type FakeSocket } from './fake-baileys.js';
import type { Sql } from '../../src/storage/sql.js';
import type { Harness } from './harness.js';

/** Every way a phone number is commonly written (digits with country code 62): 628…, 08…, +628…, 8…, and spaced/dashed. */
export function phoneForms(e164Digits: string): string[] {
  const nsn = e164Digits.slice(2);
  const local = `0${nsn}`;
  const grouped = (sep: string) => [local.slice(0, 4), local.slice(4, 8), local.slice(8)].join(sep);
  return [e164Digits, local, `+${e164Digits}`, nsn, grouped(' '), grouped('-')];
}

/** Which of `secrets` appear in the raw bytes of the database file and its WAL (as read from disk). */
export function foundInFiles(dbPath: string, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of [dbPath, `${dbPath}-wal`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const s of secrets) if (bytes.includes(Buffer.from(s, 'utf8'))) found.push(`${basename(file)}: ${s}`);
  }
  return found;
}

/**
 * Which of `secrets` any column of any table holds (as `table.column: secret`), read through the
 * store's port: every value of every text or binary column, as anyone who can read the database
 * (a dump, a read-only role, a copy of it) would. On PostgreSQL this is what "at rest" can mean for
 * us: the server's own files (row versions not vacuumed yet, its WAL) are not ours to read; on
 * SQLite foundInFiles reads the file and its WAL themselves.
 */
export async function foundInTables(sql: Sql, secrets: readonly string[]): Promise<string[]> {
  // Every column, numbers too: a chat id kept as a number would be in clear all the same.
  const columns =
    sql.dialect.name === 'postgres'
      ? await sql.all<{ t: string; c: string }>(
          `SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c
             JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name, c.column_name`,
        )
      : await sql.all<{ t: string; c: string }>(
          `SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' ORDER BY m.name, p.name`,
        );
  expect(columns.length, 'the columns to read').toBeGreaterThan(20);
  const needles = secrets.map((s) => Buffer.from(s, 'utf8'));
  const found = new Set<string>();
  for (const { t, c } of columns) {
    for (const { v } of await sql.all<{ v: unknown }>(`SELECT "${c}" AS v FROM "${t}" WHERE "${c}" IS NOT NULL`)) {
      const bytes = Buffer.isBuffer(v) ? v : Buffer.from(typeof v === 'object' ? JSON.stringify(v) : String(v), 'utf8');
      needles.forEach((needle, i) => {
        if (bytes.includes(needle)) found.add(`${t}.${c}: ${secrets[i]}`);
      });
    }
  }
  return [...found];
}

/** Polls `pred` until it holds (a condition, not a delay: a slow machine only waits longer). */
export async function until(pred: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A WhatsApp channel's options for tests: the fake socket, no QR or code shown, no send pacing, quick retries. */
export function fastWhatsAppOptions(h: Harness, factory: ReturnType<typeof fakeSocketFactory>) {
  return {
    app: h.runtime.app,
    logger: pino({ level: 'silent' }),
    makeSocket: factory.make,
    authCodec: baileysAuthCodec,
    showQr: () => undefined,
    showPairingCode: () => undefined,
    rate: { perChatMs: 0, globalPerMinute: 60_000, jitterMs: 0 },
    backoff: { firstMs: 5, maxMs: 20 },
    senderPollMs: 20,
  };
}

/** A WhatsApp channel on the harness's app over a fake Baileys socket, attached and open. */
export async function startWhatsApp(h: Harness): Promise<{ channel: WhatsAppChannel; sock: () => FakeSocket }> {
  const factory = fakeSocketFactory({ emitOwnEvents: false });
  const channel = createWhatsAppChannel(fastWhatsAppOptions(h, factory));
  h.runtime.app.attach(channel);
  // Resolves once the login is read and the socket made (not opened: the fake opens it now).
  await channel.start();
  factory.last().open();
  return { channel, sock: () => factory.last() };
}
