// The console's second factor: TOTP (RFC 6238) through the otpauth library, and one-time recovery
// codes for a lost authenticator. Pure helpers plus the one check every code goes through.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { OfficerStore, RecoveryCodeRecord } from '../storage/officers.js';

/**
 * How a TOTP secret is kept in the database: sealed with the store's field cipher (AES-256-GCM,
 * the key ring beside the database), opened only to check a code.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(stored: string): string;
}

/** The name authenticator apps show above the code. */
export const TOTP_ISSUER = 'Lindung';
/** What every authenticator app supports: SHA-1, 6 digits, 30-second steps. */
const TOTP_SHAPE = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

function totp(secret: string, label = 'officer'): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, secret: Secret.fromBase32(secret), ...TOTP_SHAPE });
}

/** A fresh 160-bit secret (RFC 4226's recommendation), base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** The secret as people type it into an app by hand: groups of four. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The time step a 6-digit code belongs to at `now`, allowing one step of clock drift either way;
 * undefined when it is not a valid code. (Whether that step was used already is the caller's.)
 */
export function totpStep(secret: string, code: string, now: number): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const t = totp(secret);
  const delta = t.validate({ token, timestamp: now, window: 1 });
  return delta === null ? undefined : t.counter({ timestamp: now }) + delta;
}

// Recovery codes: 16 characters of Crockford's base32 (80 bits), shown once as XXXX-XXXX-XXXX-XXXX
// and kept only as a salted SHA-256 (enough for 80 random bits; ASVS 2.6.2).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 16;
/** How many recovery codes an officer gets at enrolment. */
export const RECOVERY_CODE_COUNT = 10;

/** Fresh recovery codes, as shown to the officer (once). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(CODE_LENGTH)].map((b) => ALPHABET[b & 31]).join('');
    return chars.replace(/(.{4})(?=.)/g, '$1-');
  });
}

/** A typed recovery code as stored: upper case, no spaces or dashes, O read as 0 and I/L as 1. */
export function normaliseRecoveryCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

function digest(salt: string, code: string): Buffer {
  return createHash('sha256').update(`${salt}:${code}`, 'utf8').digest();
}

/** What the database keeps of a recovery code. */
export function hashRecoveryCode(code: string): { salt: string; hash: string } {
  const salt = randomBytes(16).toString('hex');
  return { salt, hash: digest(salt, normaliseRecoveryCode(code)).toString('hex') };
}

/** The id of the stored code that `code` is, compared in constant time; undefined when none. */
export function matchRecoveryCode(code: string, stored: readonly RecoveryCodeRecord[]): number | undefined {
  const normal = normaliseRecoveryCode(code);
  if (normal.length !== CODE_LENGTH) return undefined;
  let found: number | undefined;
  for (const r of stored) {
    const expected = Buffer.from(r.hash, 'hex');
    const actual = digest(r.salt, normal);
    if (expected.length === actual.length && timingSafeEqual(expected, actual)) found ??= r.id;
  }
  return found;
}

/** Which second factor an officer proved, and (for a recovery code) how many codes are left. */
export type SecondFactorProof = { kind: 'totp' } | { kind: 'recovery_code'; left: number };

/**
 * Checks a code from the officer's authenticator, or one of their recovery codes. A TOTP step is
 * accepted once (a code seen by someone else cannot be replayed), a recovery code once ever.
 */
export async function checkSecondFactor(store: OfficerStore, box: SecretBox, officerId: number, code: string, now: number): Promise<SecondFactorProof | undefined> {
  const record = await store.totp(officerId);
  if (!record) return undefined;
  const step = totpStep(box.open(record.secret), code, now);
  if (step !== undefined) return (await store.acceptTotpStep(officerId, step)) ? { kind: 'totp' } : undefined;
  const id = matchRecoveryCode(code, await store.unusedRecoveryCodes(officerId));
  if (id === undefined || !(await store.useRecoveryCode(id, now))) return undefined;
  return { kind: 'recovery_code', left: (await store.unusedRecoveryCodes(officerId)).length };
}
