import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Login throttling: per username and per client address within a sliding window. */
export const LOGIN_LIMITS = { maxPerUser: 5, maxPerAddress: 20, windowMs: 15 * 60_000 } as const;

/** The shortest password we accept (officers handle personal data). */
export const MIN_PASSWORD_LENGTH = 10;

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 64;
// Enough for N=16384, r=8 (16 MiB) with headroom; bounds the cost of a tampered stored hash.
const MAXMEM = 64 * 1024 * 1024;

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** The longest password we accept (a passphrase fits; a megabyte does not reach scrypt). */
export const MAX_PASSWORD_LENGTH = 1024;

/** English reason a password is unacceptable (for the CLI), or undefined when it is fine. */
export function validatePassword(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return undefined;
}

/** Slow salted hash for storage: scrypt$N$r$p$<salt b64>$<hash b64>. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Checks a password against a stored hash in constant time; malformed hashes simply fail. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![n, r, p].every((x) => Number.isSafeInteger(x) && x > 0)) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (salt.length === 0 || expected.length < 16 || expected.length > 256) return false;
  try {
    const actual = await scryptAsync(password, salt, expected.length, { N: n, r, p, maxmem: MAXMEM });
    return timingSafeEqual(actual, expected);
  } catch {
    return false; // impossible parameters in a tampered hash
  }
}

let dummy: Promise<string> | undefined;

/** A throwaway hash to verify against when the username is unknown, so timing reveals nothing. */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('base64'));
  return dummy;
}

/** A fresh unguessable token for session cookies and CSRF fields. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores instead of the session token (a DB leak gives no usable cookie). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time string equality (hashes first, so lengths don't leak either). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}
