import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BufferJSON, initAuthCreds } from '@whiskeysockets/baileys';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSqliteAuthState } from '../../src/channels/whatsapp/auth-state.js';
import { baileysAuthCodec } from '../../src/channels/whatsapp/baileys.js';
import { addressKey, indexAddresses } from '../../src/storage/addresses.js';
import { FieldCipher, newRing } from '../../src/storage/crypto.js';
import { openDatabase } from '../../src/storage/db.js';
import { foundInFiles, phoneForms } from '../helpers/addresses.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), '../../src/storage/migrations');
const PHONE = '6281234567890';
const LID = '123456789012345';
const OTHER = '6281355550001';
const OWN = '6281100000000';
const TG_CHAT = '7351902468';
const PN = `${PHONE}@s.whatsapp.net`;
const SECRETS = [...phoneForms(PHONE), ...phoneForms(OTHER), ...phoneForms(OWN), LID, TG_CHAT];

let dir: string;
let h: Harness | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-old-'));
});
afterEach(async () => {
  if (h) await cleanup(h);
  else rmSync(dir, { recursive: true, force: true });
  h = undefined;
});

/**
 * A database as the last release (migration 015) left it, with chat addresses in clear: the
 * identities, a queued reply and a retried news item, a received message, a sent WhatsApp copy, a
 * question, and a WhatsApp login whose keys are named after a contact's number.
 */
function oldDatabase(path: string, extraIdentities = 0): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  for (const file of readdirSync(MIGRATIONS).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort()) {
    const n = Number(file.slice(0, 3));
    if (n > 15) continue;
    db.exec(readFileSync(join(MIGRATIONS, file), 'utf8'));
    db.pragma(`user_version = ${n}`);
  }
  db.exec(`
    INSERT INTO people (id, lang, phone, created_at) VALUES (1, 'id', '+${PHONE}', 1), (2, 'id', NULL, 1);
    INSERT INTO identities (channel, external_id, person_id, created_at) VALUES
      ('whatsapp', '${PN}', 1, 1), ('whatsapp', '${LID}@lid', 1, 2), ('telegram', '${TG_CHAT}', 2, 1);
    INSERT INTO outbox (person_id, channel, external_id, payload, kind, created_at, next_attempt_at, attempts) VALUES
      (1, 'whatsapp', '${PN}', '{"text":"balasan lama"}', 'reply', 1, 1, 0),
      (NULL, 'whatsapp', '${OTHER}@s.whatsapp.net', '{"text":"kabar"}', 'notification', 1, 1, 1);
    INSERT INTO inbox (channel, external_id, message_id, payload, received_at) VALUES
      ('telegram', '${TG_CHAT}', '77', '{"channel":"telegram","externalId":"${TG_CHAT}","messageId":"77","text":"halo"}', 1);
    INSERT INTO wa_sent (id, jid, outbox_id, message, sent_at, registration_id, person_id) VALUES ('3AOLD', '${PN}', NULL, '{"conversation":"halo"}', 1, NULL, 1);
    INSERT INTO questions (person_id, channel, external_id, text, created_at) VALUES (1, 'whatsapp', '${PN}', 'Kapan?', 1);
    INSERT INTO wa_auth_keys (type, id, value, updated_at) VALUES
      ('session', '${PHONE}.0', '${JSON.stringify(Buffer.from('session record'), BufferJSON.replacer)}', 1),
      ('lid-mapping', '${PHONE}', '"${LID}"', 1),
      ('lid-mapping', '${LID}_reverse', '"${PHONE}"', 1);
  `);
  for (let i = 0; i < extraIdentities; i++) {
    db.prepare("INSERT INTO identities (channel, external_id, person_id, created_at) VALUES ('whatsapp', ?, 2, 3)").run(`628777000${String(i).padStart(4, '0')}@s.whatsapp.net`);
  }
  const creds = JSON.stringify({ ...initAuthCreds(), me: { id: `${OWN}:12@s.whatsapp.net`, name: 'Lindung' } }, BufferJSON.replacer);
  db.prepare('INSERT INTO wa_auth_creds (id, creds, updated_at) VALUES (1, ?, 1)').run(creds);
  db.close();
}

describe('chat addresses an older version kept in clear', () => {
  it('are indexed and sealed at the first start, and everyone is found as before', async () => {
    const path = join(dir, 'test.db');
    oldDatabase(path);
    // What the scan looks for is there before the upgrade.
    expect(foundInFiles(path, [PHONE, LID, TG_CHAT, OTHER, OWN]).length).toBeGreaterThanOrEqual(5);

    h = await startHarness({ dir });
    const { db, store, app } = h.runtime;
    expect(foundInFiles(path, SECRETS)).toEqual([]);
    for (const r of db.prepare('SELECT external_key AS k, address AS a FROM identities').all() as { k: string; a: string }[]) {
      expect(r.k).not.toMatch(/^clear:/);
      expect(r.a.startsWith('enc1:')).toBe(true);
    }
    expect(db.prepare("SELECT count(*) AS n FROM wa_auth_keys WHERE id_key LIKE 'clear:%' OR value NOT LIKE 'enc1:%'").get()).toEqual({ n: 0 });

    // Queued replies go where they went, a chat's order intact (the retried one still holds its chat).
    expect((await store.outbox.due('whatsapp', 10)).map((m) => [m.externalId, m.reply.text])).toEqual([
      [PN, 'balasan lama'],
      [`${OTHER}@s.whatsapp.net`, 'kabar'],
    ]);
    // The waiting message is recognised as the same one if the platform delivers it again.
    expect(db.prepare('SELECT sender_key AS k FROM inbox').get()).toEqual({ k: addressKey(store.cipher, 'telegram', TG_CHAT) });
    expect(await store.inbox.add({ channel: 'telegram', externalId: TG_CHAT, messageId: '77', payload: '{}', now: 2 })).toBeUndefined();
    expect((await store.whatsappSent.sent('3AOLD'))?.jid).toBe(PN);
    expect((await store.questions.byId(1))?.externalId).toBe(PN);
    const auth = await useSqliteAuthState(store.whatsappAuth, baileysAuthCodec);
    expect(await auth.state.keys.get('lid-mapping', [PHONE, `${LID}_reverse`])).toEqual({ [PHONE]: LID, [`${LID}_reverse`]: PHONE });
    expect(Buffer.from((await auth.state.keys.get('session', [`${PHONE}.0`]) as Record<string, Uint8Array>)[`${PHONE}.0`]!).toString()).toBe('session record');
    expect(auth.state.creds.me?.id).toBe(`${OWN}:12@s.whatsapp.net`);

    // People are found by their addresses: the same person writes again, on either address.
    expect((await app.handle({ channel: 'whatsapp', externalId: `${LID}@lid`, text: 'halo' })).personId).toBe(1);
    expect((await app.handle({ channel: 'whatsapp', externalId: PN, text: 'menu' })).personId).toBe(1);
    expect((await app.handle({ channel: 'telegram', externalId: TG_CHAT, text: 'halo' })).personId).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 2 });
    expect((await store.people.identities(1)).map((i) => i.externalId).sort()).toEqual([`${LID}@lid`, PN]);
  });

  it('in batches, each its own transaction, converting every row whatever the batch size', () => {
    const path = join(dir, 'batch.db');
    oldDatabase(path, 7);
    const db = openDatabase(path);
    const cipher = new FieldCipher(newRing());
    try {
      // 10 identities, 2 outbox rows, 1 inbox row, 1 sent copy, 3 login keys.
      expect(indexAddresses(db, cipher, 2)).toBe(17);
      expect(indexAddresses(db, cipher, 2)).toBe(0);
      expect(db.prepare("SELECT count(*) AS n FROM identities WHERE external_key LIKE 'clear:%'").get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM outbox WHERE recipient_key IS NULL').get()).toEqual({ n: 0 });
      const keys = (db.prepare("SELECT external_key AS k FROM identities WHERE channel = 'whatsapp' ORDER BY created_at, k").all() as { k: string }[]).map((r) => r.k);
      expect(keys).toContain(addressKey(cipher, 'whatsapp', PN));
      expect(keys).toContain(addressKey(cipher, 'whatsapp', '6287770000006@s.whatsapp.net'));
    } finally {
      db.close();
    }
  });

  it('an old row that meets one the new version already wrote gives way to it', () => {
    const path = join(dir, 'dup.db');
    oldDatabase(path);
    const db = openDatabase(path);
    const cipher = new FieldCipher(newRing());
    try {
      // The same address, already indexed (for another person) before the conversion ran.
      db.prepare("INSERT INTO identities (channel, external_key, address, person_id, created_at) VALUES ('telegram', ?, ?, 1, 9)").run(
        addressKey(cipher, 'telegram', TG_CHAT),
        cipher.encrypt(TG_CHAT),
      );
      indexAddresses(db, cipher);
      expect(db.prepare("SELECT person_id, created_at FROM identities WHERE channel = 'telegram'").all()).toEqual([{ person_id: 1, created_at: 9 }]);
    } finally {
      db.close();
    }
  });
});
