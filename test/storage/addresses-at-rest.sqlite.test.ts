// Chat addresses at rest in the SQLite file's and its WAL's own bytes, while running, after a
// checkpoint and once closed (the conversations: addresses-chats.ts), and a key rotation, which
// re-encrypts the SQLite file (`npm run keys` refuses with DATABASE_URL: src/cli/keys.ts). Every
// column of every table, on both stores, and the rest of the addresses' behaviour: addresses-at-rest.test.ts.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSqliteAuthState } from '../../src/channels/whatsapp/auth-state.js';
import { baileysAuthCodec } from '../../src/channels/whatsapp/baileys.js';
import { SEALED_COLUMNS } from '../../src/storage/at-rest.js';
import { foundInFiles, startWhatsApp } from '../helpers/addresses.js';
import { dbOf } from '../helpers/db.js';
import { lidJid, pnJid } from '../helpers/fake-baileys.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { closeChannels, converseEverywhere, leaveWaiting, LID, OTHER, OWN, PHONE, say as sayOn, SECRETS, writeLoginKeys, type OpenChannels } from './addresses-chats.js';

let h: Harness;
const open: OpenChannels = {};
beforeEach(async () => {
  h = await startHarness({ realClock: true });
});
afterEach(async () => {
  await closeChannels(open);
  await cleanup(h);
});

/** Writes from WhatsApp and waits for an answer containing `expect` (addresses-chats.ts). */
const say = (from: string, text: string, expect: string, opts: { senderPn?: string } = {}) => sayOn(h, open, from, text, expect, opts);

describe('chat addresses at rest', () => {
  it('after WhatsApp and Telegram conversations, no phone number or chat id is in the database file or its WAL', async () => {
    await converseEverywhere(h, open);

    // While running (what was written is still in the WAL), after a checkpoint, and once closed.
    expect(statSync(`${h.dbPath}-wal`).size).toBeGreaterThan(0);
    expect(foundInFiles(h.dbPath, SECRETS)).toEqual([]);
    await h.runtime.store.erasure.compact();
    expect(statSync(`${h.dbPath}-wal`).size).toBe(0);
    expect(foundInFiles(h.dbPath, SECRETS)).toEqual([]);
    await closeChannels(open);
    await h.close();
    expect(foundInFiles(h.dbPath, SECRETS)).toEqual([]);
  }, 60_000);

  it('a key rotation encrypts the addresses again and keeps every lookup working (the index key stays)', async () => {
    const wa = (open.wa = await startWhatsApp(h));
    await say(lidJid(LID), 'halo', 'Saya Lindung', { senderPn: PHONE });
    await h.runtime.app.handle({ channel: 'whatsapp', externalId: pnJid(PHONE), text: 'tanya petugas' });
    await h.runtime.app.handle({ channel: 'whatsapp', externalId: pnJid(PHONE), text: 'Kapan kartu saya jadi?' });
    await writeLoginKeys(h);
    const waiting = await leaveWaiting(h, pnJid(OTHER));
    const sentId = wa.sock().sent[0]!.id;
    const keys = async () => ({
      identities: await dbOf(h).all('SELECT external_key AS k FROM identities ORDER BY 1'),
      outbox: await dbOf(h).all('SELECT recipient_key AS k FROM outbox ORDER BY 1'),
      inbox: await dbOf(h).all('SELECT sender_key AS k FROM inbox ORDER BY 1'),
      sent: await dbOf(h).all('SELECT jid_key AS k FROM wa_sent ORDER BY 1'),
      login: await dbOf(h).all('SELECT id_key AS k FROM wa_auth_keys ORDER BY 1'),
    });
    const before = await keys();

    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', 'rotate'], {
      env: { ...process.env, DATABASE_PATH: h.dbPath, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    // Every sealed value, the addresses and the login among them, is under the new key; the indexes did not change.
    for (const { table, column } of SEALED_COLUMNS) {
      for (const { v } of await dbOf(h).all<{ v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`)) {
        // The prefix only (which key), never the value, in a failure's message.
        expect(v.slice(0, v.indexOf(':', 5) + 1), `${table}.${column}`).toBe('enc1:2:');
      }
    }
    expect(await keys()).toEqual(before);

    const check = async (hh: Harness) => {
      const s = hh.runtime.store;
      expect(await s.people.knows('whatsapp', pnJid(PHONE))).toBe(true);
      expect(await s.people.knows('whatsapp', lidJid(LID))).toBe(true);
      const auth = await useSqliteAuthState(s.whatsappAuth, baileysAuthCodec);
      expect(await auth.state.keys.get('lid-mapping', [PHONE, `${LID}_reverse`])).toEqual({ [PHONE]: LID, [`${LID}_reverse`]: PHONE });
      expect(Buffer.from((await auth.state.keys.get('session', [`${PHONE}.0`]) as Record<string, Uint8Array>)[`${PHONE}.0`]!).toString()).toBe('session record');
      expect(JSON.parse((await s.whatsappAuth.creds())!).me.id).toContain(OWN);
      expect((await s.outbox.due('whatsapp', Date.now() + 7200_000)).find((m) => m.id === waiting)?.externalId).toBe(pnJid(OTHER));
      expect((await s.whatsappSent.sent(sentId))?.jid).toBe(lidJid(LID));
      const externalIds: (string | undefined)[] = [];
      for (const q of await s.questions.open(10)) externalIds.push((await s.questions.byId(q.id))?.externalId);
      expect(externalIds).toEqual([pnJid(PHONE)]);
    };
    // The running bot reads the new ring when it meets a value under the new key, and finds everyone as before.
    await check(h);
    expect(await say(pnJid(PHONE), 'menu', 'Menu utama')).toContain('Menu utama');
    expect(await dbOf(h).count('people')).toBe(1);
    await closeChannels(open);
    // And so does the next start.
    h = await h.reopen();
    await check(h);
  }, 60_000);
});
