import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-modes-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const mode = (p: string) => statSync(p).mode & 0o777;

describe('database files', () => {
  it('are made for their owner only: the folder 0700, the database, -wal and -shm 0600', () => {
    const path = join(dir, 'data', 'lindung.db');
    const db = openDatabase(path);
    db.prepare("INSERT INTO kv (key, value, updated_at) VALUES ('x', 'y', 1)").run();
    expect(mode(join(dir, 'data'))).toBe(0o700);
    for (const f of [path, `${path}-wal`, `${path}-shm`]) expect(mode(f)).toBe(0o600);
    db.close();
  });

  it("narrows an older install's files", () => {
    const path = join(dir, 'old.db');
    writeFileSync(path, '', { mode: 0o644 });
    const db = openDatabase(path);
    expect(mode(path)).toBe(0o600);
    db.close();
  });
});
