import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Personal values at rest: AES-256-GCM per value, and keyed blind indexes (HMAC-SHA256) where a
 * value must be found or kept unique without being stored (a NIK, a phone number).
 *
 * Keys live in a key ring: numbered data keys (the newest encrypts, every one still decrypts, so a
 * rotation can re-encrypt step by step) and one index key (blind indexes must stay comparable, so it
 * changes only with a full re-index). The ring comes from LINDUNG_KEYS (its JSON, for a secret store)
 * or from a key file created with mode 0600 on first start.
 */

export interface KeyRing {
  /** The data key that encrypts new values. */
  current: number;
  /** Data keys by number (32 bytes each). */
  keys: Map<number, Buffer>;
  /** The blind-index key (32 bytes). */
  index: Buffer;
}

interface KeyFile {
  version: 1;
  current: number;
  keys: { id: number; key: string }[];
  index: string;
}

const PREFIX = 'enc1:';

export class KeyError extends Error {
  override name = 'KeyError';
}

function parseRing(text: string, where: string): KeyRing {
  let file: KeyFile;
  try {
    file = JSON.parse(text) as KeyFile;
  } catch {
    throw new KeyError(`${where} is not a Lindung key file (JSON)`);
  }
  const keys = new Map<number, Buffer>();
  for (const k of file.keys ?? []) {
    const key = Buffer.from(k.key, 'base64');
    if (!Number.isInteger(k.id) || k.id < 1 || key.length !== 32) throw new KeyError(`${where}: key ${k.id} is not a 32-byte key`);
    keys.set(k.id, key);
  }
  const index = Buffer.from(file.index ?? '', 'base64');
  if (!keys.has(file.current) || index.length !== 32) throw new KeyError(`${where}: the current key or the index key is missing`);
  return { current: file.current, keys, index };
}

export function serializeRing(ring: KeyRing): string {
  const file: KeyFile = {
    version: 1,
    current: ring.current,
    keys: [...ring.keys].map(([id, key]) => ({ id, key: key.toString('base64') })),
    index: ring.index.toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A new ring: one data key and an index key, from the system's random source. */
export function newRing(): KeyRing {
  return { current: 1, keys: new Map([[1, randomBytes(32)]]), index: randomBytes(32) };
}

/** Writes a key file readable by its owner only (0600), replacing any file atomically. */
export function writeKeyFile(path: string, ring: KeyRing): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, serializeRing(ring), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/**
 * The key ring: from `envValue` (LINDUNG_KEYS) when set, else from the key file, which is created
 * (0600) when it does not exist yet and `create` is true.
 */
export function loadKeyRing(opts: { envValue?: string; path: string; create: boolean }): KeyRing {
  if (opts.envValue) return parseRing(opts.envValue, 'LINDUNG_KEYS');
  if (!existsSync(opts.path)) {
    if (!opts.create) throw new KeyError(`no key file at ${opts.path}`);
    const ring = newRing();
    writeKeyFile(opts.path, ring);
    return ring;
  }
  return parseRing(readFileSync(opts.path, 'utf8'), opts.path);
}

/** Encrypts and decrypts single values, and makes blind indexes, with one key ring. */
export class FieldCipher {
  private readonly indexKeys = new Map<string, Buffer>();

  /**
   * `reload` reads the key ring again: a value under a key this process does not know yet (another
   * process ran `npm run keys -- rotate`) makes it pick up the new ring, and encrypt with it from then on.
   */
  constructor(
    private ring: KeyRing,
    private readonly reload?: () => KeyRing,
  ) {}

  /** `enc1:<key>:<iv|tag|ciphertext, base64>`; the same value encrypts differently every time. */
  encrypt(plain: string): string {
    const id = this.ring.current;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.ring.keys.get(id)!, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** The value back; a value stored before encryption (no prefix) is returned as it is. */
  decrypt(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const sep = stored.indexOf(':', PREFIX.length);
    const id = Number(stored.slice(PREFIX.length, sep));
    if (!this.ring.keys.has(id) && this.reload) {
      const fresh = this.reload();
      // The index key never changes with a rotation: blind indexes stay comparable.
      if (fresh.index.equals(this.ring.index)) this.ring = fresh;
    }
    const key = this.ring.keys.get(id);
    if (!key) throw new KeyError(`the value was encrypted with key ${id}, which is not in the key ring`);
    const raw = Buffer.from(stored.slice(sep + 1), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  encryptNullable(plain: string | null | undefined): string | null {
    return plain === null || plain === undefined ? null : this.encrypt(plain);
  }

  decryptNullable(stored: string | null | undefined): string | null {
    return stored === null || stored === undefined ? null : this.decrypt(stored);
  }

  /** What every value encrypted with the current key starts with. */
  get currentPrefix(): string {
    return `${PREFIX}${this.ring.current}:`;
  }

  /** Whether a stored value is encrypted with a key other than the current one (or not at all). */
  needsRewrap(stored: string): boolean {
    return !stored.startsWith(`${PREFIX}${this.ring.current}:`);
  }

  /**
   * A keyed blind index: equal values (after `normalize`) give equal indexes, and nothing about
   * the value can be learnt without the key. One sub-key per kind, so a NIK index never matches a
   * phone index.
   */
  blindIndex(kind: 'nik' | 'phone' | 'address' | 'whatsapp-key', value: string): string {
    let key = this.indexKeys.get(kind);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.ring.index, Buffer.alloc(0), `lindung blind index ${kind}`, 32));
      this.indexKeys.set(kind, key);
    }
    return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
  }
}
