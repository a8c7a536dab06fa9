import { randomBytes } from 'node:crypto';
import { addTransactionCapability, Curve, makeCacheableSignalKeyStore, proto } from '@whiskeysockets/baileys';
import type { SignalDataSet, SignalKeyStore } from '@whiskeysockets/baileys';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSqliteAuthState as authStateOf } from '../../src/channels/whatsapp/auth-state.js';
import { baileysAuthCodec } from '../../src/channels/whatsapp/baileys.js';
import { createWhatsAppAuthStore } from '../../src/storage/whatsapp-auth.js';
import { FieldCipher, newRing } from '../../src/storage/crypto.js';
import type { Sql } from '../../src/storage/sql.js';
import { freshStore, type FreshStore } from '../helpers/stores.js';

/** One key ring for the whole file: a restart reads the login with the keys it was sealed with. */
const cipher = new FieldCipher(newRing());
/** The channel's auth state over the stored login on `sql` (the project's store). */
const useSqliteAuthState = (sql: Sql, opts: { clock?: () => number } = {}) => authStateOf(createWhatsAppAuthStore(sql, cipher), baileysAuthCodec, opts);

let db: FreshStore;
let clockNow = 1_000;
const clock = () => clockNow;

beforeEach(async () => {
  db = await freshStore({ cipher });
  clockNow = 1_000;
});
afterEach(() => db.close());

/** Closes the database and opens it again, like a process restart. */
async function restart() {
  await db.reopen();
  return useSqliteAuthState(db.sql, { clock });
}

function expectBytes(actual: unknown, expected: Uint8Array) {
  expect(Buffer.isBuffer(actual)).toBe(true);
  expect(actual).toBeInstanceOf(Uint8Array);
  expect(Buffer.compare(actual as Buffer, Buffer.from(expected))).toBe(0);
}

const countKeys = async () => (await db.sql.get<{ n: number }>('SELECT count(*) AS n FROM wa_auth_keys'))!.n;

// Realistic ids and values, shaped as Baileys 7 writes them.
const PN_USER = '6281234567890';
const LID_USER = '123456789012345';
const GROUP = '120363025246125486@g.us';
const preKey = Curve.generateKeyPair();
const session = randomBytes(1200);
const senderKey = Buffer.from(JSON.stringify([{ senderKeyId: 1234, senderChainKey: { iteration: 0, seed: 'c2VlZA==' } }]), 'utf-8');
const identityKey = new Uint8Array(randomBytes(33)); // libsignal hands over a Uint8Array, not a Buffer
const syncKey = proto.Message.AppStateSyncKeyData.decode(
  proto.Message.AppStateSyncKeyData.encode({
    keyData: randomBytes(32),
    fingerprint: { rawId: 987654, currentIndex: 2, deviceIndexes: [0, 1, 7] },
    timestamp: 1712345678901,
  }).finish(),
);
const SYNC_KEY_ID = 'AAAAAGSv'; // base64 of the key id bytes
const macA = randomBytes(32);
const macB = randomBytes(32);
const ltHash = { version: 42, hash: randomBytes(128), indexValueMap: { '0abc+/Q==': { valueMac: macA }, 'Zm9vYmFy': { valueMac: macB } } };
const tcToken = randomBytes(24);
const tcIndex = Buffer.from(JSON.stringify([`${PN_USER}@s.whatsapp.net`]));

const everyType: SignalDataSet = {
  'pre-key': { '1': preKey },
  session: { [`${LID_USER}_1.0`]: session },
  'sender-key': { [`${GROUP}::${LID_USER}_1::0`]: senderKey },
  'sender-key-memory': { [GROUP]: { [`${PN_USER}:0@s.whatsapp.net`]: true, [`${LID_USER}:2@lid`]: true } },
  'app-state-sync-key': { [SYNC_KEY_ID]: syncKey },
  'app-state-sync-version': { regular_high: ltHash },
  'lid-mapping': { [PN_USER]: LID_USER, [`${LID_USER}_reverse`]: PN_USER },
  'device-list': { [PN_USER]: ['0', '1', '23'] },
  tctoken: {
    [`${PN_USER}@s.whatsapp.net`]: { token: tcToken, timestamp: '1712345678', senderTimestamp: 1712345000 },
    __index: { token: tcIndex, timestamp: '0' },
  },
  'identity-key': { [`${LID_USER}_1.0`]: identityKey },
};

async function expectEveryType(keys: SignalKeyStore) {
  const pk = (await keys.get('pre-key', ['1']))['1']!;
  expectBytes(pk.public, preKey.public);
  expectBytes(pk.private, preKey.private);

  expectBytes((await keys.get('session', [`${LID_USER}_1.0`]))[`${LID_USER}_1.0`], session);
  const sk = (await keys.get('sender-key', [`${GROUP}::${LID_USER}_1::0`]))[`${GROUP}::${LID_USER}_1::0`];
  expectBytes(sk, senderKey);
  expectBytes((await keys.get('identity-key', [`${LID_USER}_1.0`]))[`${LID_USER}_1.0`], identityKey);

  // Digit-led jid keys must stay an object (BufferJSON.reviver turns all-numeric-key maps of numbers into Buffers).
  expect((await keys.get('sender-key-memory', [GROUP]))[GROUP]).toEqual({ [`${PN_USER}:0@s.whatsapp.net`]: true, [`${LID_USER}:2@lid`]: true });

  const ask = (await keys.get('app-state-sync-key', [SYNC_KEY_ID]))[SYNC_KEY_ID]!;
  expect(ask).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
  expectBytes(ask.keyData, syncKey.keyData!);
  expect(ask.fingerprint).toBeInstanceOf(proto.Message.AppStateSyncKeyFingerprint);
  expect(ask.fingerprint).toMatchObject({ rawId: 987654, currentIndex: 2, deviceIndexes: [0, 1, 7] });
  expect(String(ask.timestamp)).toBe('1712345678901');

  const lt = (await keys.get('app-state-sync-version', ['regular_high'])).regular_high!;
  expect(lt.version).toBe(42);
  expectBytes(lt.hash, ltHash.hash);
  expect(Object.keys(lt.indexValueMap).sort()).toEqual(['0abc+/Q==', 'Zm9vYmFy']);
  expectBytes(lt.indexValueMap['0abc+/Q==']!.valueMac, macA);
  expectBytes(lt.indexValueMap['Zm9vYmFy']!.valueMac, macB);

  expect(await keys.get('lid-mapping', [PN_USER, `${LID_USER}_reverse`])).toEqual({ [PN_USER]: LID_USER, [`${LID_USER}_reverse`]: PN_USER });
  expect((await keys.get('device-list', [PN_USER]))[PN_USER]).toEqual(['0', '1', '23']);

  const tc = await keys.get('tctoken', [`${PN_USER}@s.whatsapp.net`, '__index']);
  expectBytes(tc[`${PN_USER}@s.whatsapp.net`]!.token, tcToken);
  expect(tc[`${PN_USER}@s.whatsapp.net`]).toMatchObject({ timestamp: '1712345678', senderTimestamp: 1712345000 });
  expectBytes(tc.__index!.token, tcIndex);
}

describe('useSqliteAuthState keys', () => {
  it('round-trips every key type, and everything survives a restart', async () => {
    const { state } = await useSqliteAuthState(db.sql, { clock });
    await state.keys.set(everyType);
    expect(await countKeys()).toBe(12);
    await expectEveryType(state.keys);

    const again = await restart();
    await expectEveryType(again.state.keys);
  });

  it('returns null for ids it does not hold, and commits before set resolves', async () => {
    const { state } = await useSqliteAuthState(db.sql, { clock });
    await state.keys.set({ session: { 'a.0': Buffer.from([1, 2]) } });
    expect(await countKeys()).toBe(1);
    expect(await state.keys.get('session', ['a.0', 'missing.0'])).toEqual({ 'a.0': Buffer.from([1, 2]), 'missing.0': null });
    expect(await state.keys.get('session', [])).toEqual({});
  });

  it('overwrites, and deletes on null/undefined, in the same call as writes', async () => {
    const { state } = await useSqliteAuthState(db.sql, { clock });
    await state.keys.set({ 'pre-key': { '1': preKey, '2': preKey, '3': preKey }, session: { 's.0': Buffer.from([1]) } });
    clockNow = 2_000;
    await state.keys.set({
      'pre-key': { '1': null, '2': undefined as never, '4': preKey },
      session: { 's.0': Buffer.from([9, 9]) },
    });
    const pk = await state.keys.get('pre-key', ['1', '2', '3', '4']);
    expect(pk['1']).toBeNull();
    expect(pk['2']).toBeNull();
    expectBytes(pk['3']!.public, preKey.public);
    expectBytes(pk['4']!.private, preKey.private);
    const sessions = await db.sql.all<{ value: string; updated_at: number }>("SELECT value, updated_at FROM wa_auth_keys WHERE type = 'session'");
    expect(sessions.map((r) => ({ value: cipher.decrypt(r.value), updated_at: r.updated_at }))).toEqual([
      { value: JSON.stringify({ type: 'Buffer', data: Buffer.from([9, 9]).toString('base64') }), updated_at: 2_000 },
    ]);

    const again = await restart();
    expect(await again.state.keys.get('pre-key', ['1', '3'])).toMatchObject({ '1': null, '3': { public: preKey.public } });
    expectBytes((await again.state.keys.get('session', ['s.0']))['s.0'], Buffer.from([9, 9]));
  });

  it('writes nothing of a set() call when one value cannot be serialised', async () => {
    const { state } = await useSqliteAuthState(db.sql, { clock });
    await state.keys.set({ session: { 'keep.0': Buffer.from([7]) } });
    const bad = { session: { 'keep.0': null, 'new.0': Buffer.from([1]) }, 'device-list': { [PN_USER]: ['0'] }, tctoken: { x: { token: tcToken, senderTimestamp: 10n } } };
    await expect(state.keys.set(bad as unknown as SignalDataSet)).rejects.toThrow(/BigInt/);
    expect(await countKeys()).toBe(1);
    expectBytes((await state.keys.get('session', ['keep.0']))['keep.0'], Buffer.from([7]));
    expect(await state.keys.get('device-list', [PN_USER])).toEqual({ [PN_USER]: null });
  });

  it("works under Baileys' own cache and transaction wrappers", async () => {
    const logger = pino({ level: 'silent' });
    const { state } = await useSqliteAuthState(db.sql, { clock });
    const keys = addTransactionCapability(makeCacheableSignalKeyStore(state.keys, logger), logger, { maxCommitRetries: 1, delayBetweenTriesMs: 0 });
    await keys.transaction(async () => {
      expect(await keys.get('lid-mapping', [PN_USER])).toEqual({});
      await keys.set({ 'lid-mapping': { [PN_USER]: LID_USER, [`${LID_USER}_reverse`]: PN_USER } });
    }, `${PN_USER}@s.whatsapp.net`); // not a key-type name: Baileys' tx mutex for 'lid-mapping' would deadlock the get above
    const fresh = await restart();
    expect(await fresh.state.keys.get('lid-mapping', [PN_USER, `${LID_USER}_reverse`])).toEqual({ [PN_USER]: LID_USER, [`${LID_USER}_reverse`]: PN_USER });
  });
});

describe('useSqliteAuthState creds', () => {
  it('starts with fresh creds and writes nothing until saveCreds', async () => {
    const { state, hasCreds } = await useSqliteAuthState(db.sql, { clock });
    expect(await hasCreds()).toBe(false);
    expect(state.creds.registered).toBe(false);
    expect(Buffer.isBuffer(state.creds.noiseKey.private)).toBe(true);
    expect(await db.sql.get('SELECT count(*) AS n FROM wa_auth_creds')).toEqual({ n: 0 });
  });

  it('saves the current creds (Buffers included) and reads them back after a restart', async () => {
    const auth = await useSqliteAuthState(db.sql, { clock });
    // What Baileys' creds.update handler does to the creds object before the app calls saveCreds.
    Object.assign(auth.state.creds, {
      me: { id: `${PN_USER}:12@s.whatsapp.net`, lid: `${LID_USER}:12@lid`, name: 'Lindung' },
      registered: true,
      nextPreKeyId: 31,
      routingInfo: Buffer.from([8, 8, 8, 1]),
    });
    await auth.saveCreds();
    expect(await auth.hasCreds()).toBe(true);
    const before = auth.state.creds;

    const again = await restart();
    expect(await again.hasCreds()).toBe(true);
    const c = again.state.creds;
    expectBytes(c.noiseKey.private, before.noiseKey.private);
    expectBytes(c.noiseKey.public, before.noiseKey.public);
    expectBytes(c.pairingEphemeralKeyPair.private, before.pairingEphemeralKeyPair.private);
    expectBytes(c.signedIdentityKey.private, before.signedIdentityKey.private);
    expectBytes(c.signedPreKey.signature, before.signedPreKey.signature);
    expectBytes(c.signedPreKey.keyPair.public, before.signedPreKey.keyPair.public);
    expectBytes(c.routingInfo, Buffer.from([8, 8, 8, 1]));
    expect(c).toMatchObject({ registrationId: before.registrationId, advSecretKey: before.advSecretKey, registered: true, nextPreKeyId: 31, me: before.me });
    expect(c.signedPreKey.keyId).toBe(1);
  });

  it('clear() removes creds and keys and starts fresh creds for a new pairing', async () => {
    const auth = await useSqliteAuthState(db.sql, { clock });
    await auth.state.keys.set(everyType);
    auth.state.creds.registered = true;
    await auth.saveCreds();
    const old = auth.state.creds;

    await auth.clear();
    expect(await auth.hasCreds()).toBe(false);
    expect(await countKeys()).toBe(0);
    expect(await auth.state.keys.get('lid-mapping', [PN_USER])).toEqual({ [PN_USER]: null });
    expect(auth.state.creds).not.toBe(old);
    expect(auth.state.creds.registered).toBe(false);
    expect(Buffer.compare(auth.state.creds.noiseKey.private, old.noiseKey.private)).not.toBe(0);

    // A late update on the old object must not leak into the new pairing.
    old.registered = true;
    await auth.saveCreds();
    const again = await restart();
    expect(again.state.creds.registered).toBe(false);
    expectBytes(again.state.creds.noiseKey.private, auth.state.creds.noiseKey.private);
  });
});
