import type { Db } from './db.js';
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
export function createPeopleStore(db: Db, cipher: FieldCipher) {
  const seal = (v: string | null): string | null => cipher.encryptNullable(v);
  const open = (v: string | null): string | null => cipher.decryptNullable(v);
  const byIdentity = db.prepare<
    [string, string],
    { person_id: number; lang: Lang; phone: string | null; state: string | null; seen_ids: string | null }
  >(
    `SELECT i.person_id, p.lang, p.phone, s.state, s.seen_ids
       FROM identities i JOIN people p ON p.id = i.person_id
       LEFT JOIN sessions s ON s.person_id = i.person_id
      WHERE i.channel = ? AND i.external_key = ?`,
  );
  const insertPerson = db.prepare<[string, string | null, number]>('INSERT INTO people (lang, phone, created_at) VALUES (?, ?, ?)');
  const insertIdentityRow = db.prepare<[string, string, string, number, number]>(
    'INSERT INTO identities (channel, external_key, address, person_id, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const upsertSession = db.prepare<[number, string, string, number]>(
    `INSERT INTO sessions (person_id, state, seen_ids, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(person_id) DO UPDATE SET state = excluded.state, seen_ids = excluded.seen_ids,
       updated_at = excluded.updated_at`,
  );
  const setLang = db.prepare<[string, number]>('UPDATE people SET lang = ? WHERE id = ?');
  const setPhone = db.prepare<[string, number]>('UPDATE people SET phone = ? WHERE id = ?');
  const setPhoneIfMissing = db.prepare<[string, number]>('UPDATE people SET phone = ? WHERE id = ? AND phone IS NULL');
  const identityExists = db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM identities WHERE channel = ? AND external_key = ?');
  const personOf = db.prepare<[string, string], { person_id: number }>('SELECT person_id FROM identities WHERE channel = ? AND external_key = ?');
  const hasRecords = db.prepare<{ id: number }, { one: number }>(
    `SELECT 1 AS one WHERE EXISTS (SELECT 1 FROM registrations WHERE applicant_id = @id OR submitter_id = @id)
        OR EXISTS (SELECT 1 FROM consents WHERE person_id = @id) OR EXISTS (SELECT 1 FROM cadres WHERE person_id = @id)`,
  );
  const moveIdentities = db.prepare<[number, number]>('UPDATE identities SET person_id = ? WHERE person_id = ?');
  const deleteSession = db.prepare<[number]>('DELETE FROM sessions WHERE person_id = ?');
  const deleteOutbox = db.prepare<[number]>('DELETE FROM outbox WHERE person_id = ?');
  const deletePerson = db.prepare<[number]>('DELETE FROM people WHERE id = ?');
  const identitiesOf = db.prepare<[number], { channel: string; address: string }>(
    'SELECT channel, address FROM identities WHERE person_id = ? ORDER BY created_at DESC',
  );
  const insertConsent = db.prepare<[number, string, number, number | null]>(
    'INSERT INTO consents (person_id, version, given_at, confirmed_by) VALUES (?, ?, ?, ?)',
  );
  const personById = db.prepare<[number], { lang: Lang; phone: string | null }>('SELECT lang, phone FROM people WHERE id = ?');
  const sessionOf = db.prepare<[number], { state: string; seen_ids: string }>('SELECT state, seen_ids FROM sessions WHERE person_id = ?');
  const withdrawConsents = db.prepare<[number, number]>(
    'UPDATE consents SET withdrawn_at = ? WHERE person_id = ? AND withdrawn_at IS NULL',
  );
  // One HMAC per address a message names (its sender, and on WhatsApp its other form).
  const keyOf = (channel: string, externalId: string): string => addressKey(cipher, channel, externalId);
  const insertIdentity = (channel: string, externalId: string, key: string, personId: number, now: number): void =>
    void insertIdentityRow.run(channel, key, cipher.encrypt(externalId), personId, now);

  return {
    /** The person behind a channel identity, created on first contact. */
    findOrCreate(
      channel: string,
      externalId: string,
      now: number,
      lang: Lang,
      phone: string | null = null,
      aliases: readonly string[] = [],
    ): Contact {
      // The same person may be addressed several ways (WhatsApp: a phone-number JID and a LID).
      const key = keyOf(channel, externalId);
      const aliasKeys = aliases.map((alias) => ({ alias, key: keyOf(channel, alias) }));
      let row = byIdentity.get(channel, key);
      if (!row) {
        for (const a of aliasKeys) {
          row = byIdentity.get(channel, a.key);
          if (row) {
            insertIdentity(channel, externalId, key, row.person_id, now);
            break;
          }
        }
      }
      if (row) {
        for (const a of aliasKeys) if (!identityExists.get(channel, a.key)) insertIdentity(channel, a.alias, a.key, row.person_id, now);
        if (phone && !row.phone) setPhone.run(seal(phone)!, row.person_id);
        return {
          personId: row.person_id,
          lang: row.lang,
          phone: open(row.phone) ?? phone,
          state: open(row.state) ?? undefined,
          seenIds: row.seen_ids ? (JSON.parse(row.seen_ids) as string[]) : [],
        };
      }
      const personId = Number(insertPerson.run(lang, seal(phone), now).lastInsertRowid);
      insertIdentity(channel, externalId, key, personId, now);
      for (const a of aliasKeys) if (a.alias !== externalId) insertIdentity(channel, a.alias, a.key, personId, now);
      return { personId, lang, phone, state: undefined, seenIds: [] };
    },
    /**
     * Records that two addresses on a channel are one person (a LID revealed with its phone number).
     * When each already belongs to a different person, the one with nothing but a conversation is
     * folded into the other; two people with records are left apart (an officer can tell).
     */
    link(channel: string, a: string, b: string, now: number, phone: string | null = null): 'linked' | 'known' | 'merged' | 'conflict' | 'unknown' {
      const ka = keyOf(channel, a);
      const kb = keyOf(channel, b);
      const ra = personOf.get(channel, ka);
      const rb = personOf.get(channel, kb);
      if (!ra && !rb) return 'unknown';
      if (ra && rb) {
        if (ra.person_id === rb.person_id) return 'known';
        const [keep, drop] = hasRecords.get({ id: rb.person_id }) ? [rb.person_id, ra.person_id] : [ra.person_id, rb.person_id];
        if (hasRecords.get({ id: drop })) return 'conflict';
        moveIdentities.run(keep, drop);
        deleteSession.run(drop);
        deleteOutbox.run(drop);
        deletePerson.run(drop);
        if (phone) setPhoneIfMissing.run(seal(phone)!, keep);
        return 'merged';
      }
      const owner = (ra ?? rb)!.person_id;
      if (ra) insertIdentity(channel, b, kb, owner, now);
      else insertIdentity(channel, a, ka, owner, now);
      if (phone) setPhoneIfMissing.run(seal(phone)!, owner);
      return 'linked';
    },
    /** Saves the conversation and the ids handled, in one row write. */
    saveSession(personId: number, state: string, seenIds: readonly string[], now: number): void {
      upsertSession.run(personId, seal(state)!, JSON.stringify(seenIds.slice(-SEEN_IDS_KEPT)), now);
    },
    setLanguage(personId: number, lang: Lang): void {
      setLang.run(lang, personId);
    },
    /** Where to reach a person: their identities, most recent first. */
    identities(personId: number): { channel: string; externalId: string }[] {
      return identitiesOf.all(personId).map((r) => ({ channel: r.channel, externalId: cipher.decrypt(r.address) }));
    },
    /** Proof of consent; `confirmedBy` is the cadre who asked the person, when one did. */
    recordConsent(personId: number, version: string, at: number, confirmedBy: number | null = null): void {
      insertConsent.run(personId, version, at, confirmedBy);
    },
    /** A person known only through someone else (a cadre's neighbour), with no channel yet. */
    createPerson(lang: Lang, phone: string | null, now: number): number {
      return Number(insertPerson.run(lang, seal(phone), now).lastInsertRowid);
    },
    person(personId: number): { lang: Lang; phone: string | null } | undefined {
      const r = personById.get(personId);
      return r ? { lang: r.lang, phone: open(r.phone) } : undefined;
    },
    /** A person's stored conversation, for changes that do not come from their own message. */
    session(personId: number): { state: string | undefined; seenIds: string[] } {
      const row = sessionOf.get(personId);
      return { state: open(row?.state ?? null) ?? undefined, seenIds: row ? (JSON.parse(row.seen_ids) as string[]) : [] };
    },
    /** Whether this address on this channel is someone we know. */
    knows: (channel: string, externalId: string): boolean => identityExists.get(channel, keyOf(channel, externalId)) !== undefined,
    /** Ends the conversation of whoever has this address (their draft and place in a flow); false when none. */
    forgetConversation: (channel: string, externalId: string): boolean => {
      const id = personOf.get(channel, keyOf(channel, externalId))?.person_id;
      return id !== undefined && deleteSession.run(id).changes > 0;
    },
    withdrawConsent(personId: number, now: number): void {
      withdrawConsents.run(now, personId);
    },
  };
}

export type PeopleStore = ReturnType<typeof createPeopleStore>;
