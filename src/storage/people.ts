import type { Sql } from './sql.js';
import type { FieldCipher } from './crypto.js';
import { addressKey } from './addresses.js';
import type { Lang } from '../core/types.js';

export interface Contact {
  personId: number;
  lang: Lang;
  phone: string | null;
  state: string | undefined;
  /** Platform message ids recently handled for this person (newest last). */
  seenIds: string[];
}

/** How many handled message ids are remembered per person: redeliveries come soon after. */
export const SEEN_IDS_KEPT = 50;

/** People, their channel identities and their conversation sessions. */
/**
 * The phone number and the conversation (with its drafts, which hold what people typed: a NIK, an
 * address) are kept encrypted (crypto.ts). A channel address (a WhatsApp JID is a phone number) is
 * found through its blind index and kept sealed (addresses.ts, migration 018).
 */
export function createPeopleStore(sql: Sql, cipher: FieldCipher) {
  const seal = (v: string | null): string | null => cipher.encryptNullable(v);
  const open = (v: string | null): string | null => cipher.decryptNullable(v);
  const byIdentity = (channel: string, key: string) =>
    sql.get<{ person_id: number; lang: Lang; phone: string | null; state: string | null; seen_ids: string | null }>(
      `SELECT i.person_id, p.lang, p.phone, s.state, s.seen_ids
         FROM identities i JOIN people p ON p.id = i.person_id
         LEFT JOIN sessions s ON s.person_id = i.person_id
        WHERE i.channel = ? AND i.external_key = ?`,
      [channel, key],
    );
  const insertPerson = async (lang: string, phone: string | null, now: number): Promise<number> =>
    (await sql.get<{ id: number }>('INSERT INTO people (lang, phone, created_at) VALUES (?, ?, ?) RETURNING id', [lang, phone, now]))!.id;
  const setPhone = (phone: string, personId: number) => sql.run('UPDATE people SET phone = ? WHERE id = ?', [phone, personId]);
  const setPhoneIfMissing = (phone: string, personId: number) =>
    sql.run('UPDATE people SET phone = ? WHERE id = ? AND phone IS NULL', [phone, personId]);
  const identityExists = async (channel: string, key: string): Promise<boolean> =>
    (await sql.get<{ one: number }>('SELECT 1 AS one FROM identities WHERE channel = ? AND external_key = ?', [channel, key])) !== undefined;
  const personOf = (channel: string, key: string) =>
    sql.get<{ person_id: number }>('SELECT person_id FROM identities WHERE channel = ? AND external_key = ?', [channel, key]);
  const hasRecords = async (id: number): Promise<boolean> =>
    (await sql.get<{ one: number }>(
      `SELECT 1 AS one WHERE EXISTS (SELECT 1 FROM registrations WHERE applicant_id = @id OR submitter_id = @id)
          OR EXISTS (SELECT 1 FROM consents WHERE person_id = @id) OR EXISTS (SELECT 1 FROM cadres WHERE person_id = @id)`,
      { id },
    )) !== undefined;
  const deleteSession = (personId: number) => sql.run('DELETE FROM sessions WHERE person_id = ?', [personId]);
  // One HMAC per address a message names (its sender, and on WhatsApp its other form).
  const keyOf = (channel: string, externalId: string): string => addressKey(cipher, channel, externalId);
  const insertIdentity = async (channel: string, externalId: string, key: string, personId: number, now: number): Promise<void> => {
    await sql.run('INSERT INTO identities (channel, external_key, address, person_id, created_at) VALUES (?, ?, ?, ?, ?)', [
      channel,
      key,
      cipher.encrypt(externalId),
      personId,
      now,
    ]);
  };

  return {
    /** The person behind a channel identity, created on first contact. */
    async findOrCreate(
      channel: string,
      externalId: string,
      now: number,
      lang: Lang,
      phone: string | null = null,
      aliases: readonly string[] = [],
    ): Promise<Contact> {
      // The same person may be addressed several ways (WhatsApp: a phone-number JID and a LID).
      const key = keyOf(channel, externalId);
      const aliasKeys = aliases.map((alias) => ({ alias, key: keyOf(channel, alias) }));
      let row = await byIdentity(channel, key);
      if (!row) {
        for (const a of aliasKeys) {
          row = await byIdentity(channel, a.key);
          if (row) {
            await insertIdentity(channel, externalId, key, row.person_id, now);
            break;
          }
        }
      }
      if (row) {
        for (const a of aliasKeys) if (!(await identityExists(channel, a.key))) await insertIdentity(channel, a.alias, a.key, row.person_id, now);
        if (phone && !row.phone) await setPhone(seal(phone)!, row.person_id);
        return {
          personId: row.person_id,
          lang: row.lang,
          phone: open(row.phone) ?? phone,
          state: open(row.state) ?? undefined,
          seenIds: row.seen_ids ? (JSON.parse(row.seen_ids) as string[]) : [],
        };
      }
      const personId = await insertPerson(lang, seal(phone), now);
      await insertIdentity(channel, externalId, key, personId, now);
      for (const a of aliasKeys) if (a.alias !== externalId) await insertIdentity(channel, a.alias, a.key, personId, now);
      return { personId, lang, phone, state: undefined, seenIds: [] };
    },
    /**
     * Records that two addresses on a channel are one person (a LID revealed with its phone number).
     * When each already belongs to a different person, the one with nothing but a conversation is
     * folded into the other; two people with records are left apart (an officer can tell).
     */
    async link(channel: string, a: string, b: string, now: number, phone: string | null = null): Promise<'linked' | 'known' | 'merged' | 'conflict' | 'unknown'> {
      const ka = keyOf(channel, a);
      const kb = keyOf(channel, b);
      const ra = await personOf(channel, ka);
      const rb = await personOf(channel, kb);
      if (!ra && !rb) return 'unknown';
      if (ra && rb) {
        if (ra.person_id === rb.person_id) return 'known';
        const [keep, drop] = (await hasRecords(rb.person_id)) ? [rb.person_id, ra.person_id] : [ra.person_id, rb.person_id];
        if (await hasRecords(drop)) return 'conflict';
        await sql.run('UPDATE identities SET person_id = ? WHERE person_id = ?', [keep, drop]);
        await deleteSession(drop);
        await sql.run('DELETE FROM outbox WHERE person_id = ?', [drop]);
        await sql.run('DELETE FROM people WHERE id = ?', [drop]);
        if (phone) await setPhoneIfMissing(seal(phone)!, keep);
        return 'merged';
      }
      const owner = (ra ?? rb)!.person_id;
      if (ra) await insertIdentity(channel, b, kb, owner, now);
      else await insertIdentity(channel, a, ka, owner, now);
      if (phone) await setPhoneIfMissing(seal(phone)!, owner);
      return 'linked';
    },
    /** Saves the conversation and the ids handled, in one row write. */
    async saveSession(personId: number, state: string, seenIds: readonly string[], now: number): Promise<void> {
      await sql.run(
        `INSERT INTO sessions (person_id, state, seen_ids, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(person_id) DO UPDATE SET state = excluded.state, seen_ids = excluded.seen_ids,
           updated_at = excluded.updated_at`,
        [personId, seal(state)!, JSON.stringify(seenIds.slice(-SEEN_IDS_KEPT)), now],
      );
    },
    async setLanguage(personId: number, lang: Lang): Promise<void> {
      await sql.run('UPDATE people SET lang = ? WHERE id = ?', [lang, personId]);
    },
    /** Where to reach a person: their identities, most recent first. */
    async identities(personId: number): Promise<{ channel: string; externalId: string }[]> {
      const rows = await sql.all<{ channel: string; address: string }>(
        'SELECT channel, address FROM identities WHERE person_id = ? ORDER BY created_at DESC',
        [personId],
      );
      return rows.map((r) => ({ channel: r.channel, externalId: cipher.decrypt(r.address) }));
    },
    /** Proof of consent; `confirmedBy` is the cadre who asked the person, when one did. */
    async recordConsent(personId: number, version: string, at: number, confirmedBy: number | null = null): Promise<void> {
      await sql.run('INSERT INTO consents (person_id, version, given_at, confirmed_by) VALUES (?, ?, ?, ?)', [personId, version, at, confirmedBy]);
    },
    /** A person known only through someone else (a cadre's neighbour), with no channel yet. */
    createPerson: (lang: Lang, phone: string | null, now: number): Promise<number> => insertPerson(lang, seal(phone), now),
    async person(personId: number): Promise<{ lang: Lang; phone: string | null } | undefined> {
      const r = await sql.get<{ lang: Lang; phone: string | null }>('SELECT lang, phone FROM people WHERE id = ?', [personId]);
      return r ? { lang: r.lang, phone: open(r.phone) } : undefined;
    },
    /** A person's stored conversation, for changes that do not come from their own message. */
    async session(personId: number): Promise<{ state: string | undefined; seenIds: string[] }> {
      const row = await sql.get<{ state: string; seen_ids: string }>('SELECT state, seen_ids FROM sessions WHERE person_id = ?', [personId]);
      return { state: open(row?.state ?? null) ?? undefined, seenIds: row ? (JSON.parse(row.seen_ids) as string[]) : [] };
    },
    /** Whether this address on this channel is someone we know. */
    knows: (channel: string, externalId: string): Promise<boolean> => identityExists(channel, keyOf(channel, externalId)),
    /** Ends the conversation of whoever has this address (their draft and place in a flow); false when none. */
    forgetConversation: async (channel: string, externalId: string): Promise<boolean> => {
      const id = (await personOf(channel, keyOf(channel, externalId)))?.person_id;
      return id !== undefined && (await deleteSession(id)).changes > 0;
    },
    async withdrawConsent(personId: number, now: number): Promise<void> {
      await sql.run('UPDATE consents SET withdrawn_at = ? WHERE person_id = ? AND withdrawn_at IS NULL', [now, personId]);
    },
  };
}

export type PeopleStore = ReturnType<typeof createPeopleStore>;
