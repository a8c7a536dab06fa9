import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldCipher, KeyError, loadKeyRing, newRing, serializeRing } from '../../src/storage/crypto.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('field encryption', () => {
  it('round-trips any text, differently each time, and refuses a changed byte', () => {
    const c = new FieldCipher(newRing());
    for (const plain of ['6301011708800003', '', 'Jl. Mawar No. 5, RT 01/RW 02 — Désa Ñ 🌾', 'x'.repeat(5000)]) {
      const a = c.encrypt(plain);
      expect(a).not.toContain(plain || '\u0000');
      expect(c.encrypt(plain)).not.toBe(a);
      expect(c.decrypt(a)).toBe(plain);
    }
    const stored = c.encrypt('6301011708800003');
    const raw = Buffer.from(stored.split(':')[2]!, 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => c.decrypt(`enc1:1:${raw.toString('base64')}`)).toThrow();
    // A value stored before encryption comes back as it is.
    expect(c.decrypt('plain old value')).toBe('plain old value');
  });

  it('decrypts with an older key after a rotation, encrypts with the new one', () => {
    const ring = newRing();
    const before = new FieldCipher(ring);
    const old = before.encrypt('081234567890');
    const rotated = { ...ring, keys: new Map(ring.keys).set(2, Buffer.alloc(32, 7)), current: 2 };
    const after = new FieldCipher(rotated);
    expect(after.decrypt(old)).toBe('081234567890');
    expect(after.needsRewrap(old)).toBe(true);
    expect(after.encrypt('x').startsWith('enc1:2:')).toBe(true);
    expect(after.needsRewrap(after.encrypt('x'))).toBe(false);
    // Without the old key the old value cannot be read.
    const lost = new FieldCipher({ ...rotated, keys: new Map([[2, rotated.keys.get(2)!]]) });
    expect(() => lost.decrypt(old)).toThrow(KeyError);
  });

  it('blind indexes: equal for equal values, per kind, and keyed', () => {
    const ring = newRing();
    const c = new FieldCipher(ring);
    expect(c.blindIndex('nik', '6301011708800003')).toBe(new FieldCipher(ring).blindIndex('nik', '6301011708800003'));
    expect(c.blindIndex('nik', '6301011708800003')).not.toBe(c.blindIndex('nik', '6301011708800004'));
    expect(c.blindIndex('nik', '6281234567890')).not.toBe(c.blindIndex('phone', '6281234567890'));
    expect(new FieldCipher(newRing()).blindIndex('nik', '6301011708800003')).not.toBe(c.blindIndex('nik', '6301011708800003'));
    expect(c.blindIndex('nik', '6301011708800003')).not.toContain('6301011708800003');
  });
});

describe('the key ring', () => {
  it('is created on first start as a file only its owner can read, and read back the same', () => {
    const path = join(dir, 'sub', 'lindung.key');
    const ring = loadKeyRing({ path, create: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'sub')).mode & 0o777).toBe(0o700);
    const again = loadKeyRing({ path, create: true });
    expect(serializeRing(again)).toBe(serializeRing(ring));
    expect(readFileSync(path, 'utf8')).toContain('"current": 1');
  });

  it('comes from LINDUNG_KEYS when set, and a damaged or missing ring stops with a clear error', () => {
    const ring = newRing();
    expect(serializeRing(loadKeyRing({ envValue: serializeRing(ring), path: join(dir, 'none'), create: true }))).toBe(serializeRing(ring));
    expect(() => loadKeyRing({ envValue: 'not json', path: join(dir, 'none'), create: true })).toThrow(KeyError);
    expect(() => loadKeyRing({ path: join(dir, 'missing.key'), create: false })).toThrow(/no key file/);
  });
});
