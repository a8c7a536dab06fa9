import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  hashToken,
  newToken,
  safeEqual,
  validatePassword,
  verifyPassword,
} from '../../src/console/security.js';

describe('password hashing', () => {
  it('hashes with scrypt in the documented format and verifies the right password', async () => {
    const encoded = await hashPassword('correct horse battery');
    expect(encoded).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    const [, , , , salt, hash] = encoded.split('$');
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(64);
    expect(await verifyPassword('correct horse battery', encoded)).toBe(true);
  });

  it('uses a fresh salt each time', async () => {
    expect(await hashPassword('same password!')).not.toBe(await hashPassword('same password!'));
  });

  it('rejects a wrong password', async () => {
    const encoded = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse batterY', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('rejects tampered or malformed hashes without throwing', async () => {
    const encoded = await hashPassword('correct horse battery');
    const parts = encoded.split('$');
    const hash = Buffer.from(parts[5]!, 'base64');
    hash[0] = hash[0]! ^ 1;
    const flipped = [...parts.slice(0, 5), hash.toString('base64')].join('$');
    expect(await verifyPassword('correct horse battery', flipped)).toBe(false);
    const otherSalt = [...parts.slice(0, 4), Buffer.alloc(16).toString('base64'), parts[5]].join('$');
    expect(await verifyPassword('correct horse battery', otherSalt)).toBe(false);
    const otherCost = ['scrypt', '1024', ...parts.slice(2)].join('$');
    expect(await verifyPassword('correct horse battery', otherCost)).toBe(false);
    expect(await verifyPassword('correct horse battery', ['scrypt', '3', ...parts.slice(2)].join('$'))).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plaintext')).toBe(false);
    expect(await verifyPassword('correct horse battery', 'bcrypt$x$y$z$a$b')).toBe(false);
  });

  it('requires at least 10 characters', () => {
    expect(validatePassword('short')).toMatch(/at least 10/);
    expect(validatePassword('123456789')).toBeDefined();
    expect(validatePassword('1234567890')).toBeUndefined();
  });
});

describe('tokens', () => {
  it('makes 32-byte base64url tokens that differ', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(a);
  });

  it('hashes tokens with sha256 hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken(newToken())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compares strings safely', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
