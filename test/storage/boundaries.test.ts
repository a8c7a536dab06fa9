import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { seedRegistrations } from '../helpers/seed.js';

const SRC = 'src';
const ONLY_SUBMITTED = { submitted: 1, needs_correction: 0, approved: 0, registered: 0, rejected: 0, deleted: 0 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Files outside src/storage, with their text. */
const outsideStorage = sourceFiles(SRC)
  .map((path) => relative(SRC, path).split('\\').join('/'))
  .filter((path) => !path.startsWith('storage/'))
  .map((path) => ({ path, text: readFileSync(join(SRC, path), 'utf8') }));

describe('storage owns SQL', () => {
  it('finds the source files it checks', () => {
    expect(outsideStorage.length).toBeGreaterThan(50);
    expect(outsideStorage.some((f) => f.path === 'console/registration-routes.tsx')).toBe(true);
  });

  it('no SQL statement, prepare, exec, pragma or raw transaction outside src/storage', () => {
    const sql = /\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b/;
    const handle = /\.(prepare|pragma)\(|\bdb\.(exec|transaction)\(/;
    const offenders = outsideStorage.filter((f) => sql.test(f.text) || handle.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('the raw database handle reaches only the wiring (runtime and the command-line tools)', () => {
    const importsDb = outsideStorage.filter((f) => /from '[./]+storage\/db\.js'/.test(f.text)).map((f) => f.path);
    expect(importsDb.sort()).toEqual(['cli/keys.ts', 'runtime.ts']);
  });

  it('domain/ is the bottom layer: it imports nothing from core, app, storage, console or channels', () => {
    const upward = outsideStorage
      .filter((f) => f.path.startsWith('domain/'))
      .filter((f) => /from '\.\.\/(core|app|storage|console|channels|faq)\//.test(f.text))
      .map((f) => f.path);
    expect(upward).toEqual([]);
  });

  it('channels only send what they are given: no outbox of their own (the terminal chat and the simulator, which print in turn, aside)', () => {
    const own = outsideStorage
      .filter((f) => f.path.startsWith('channels/') && f.path !== 'channels/terminal.ts')
      .filter((f) => /createOutboxSender|app\.outbox\b|\.sender\.kick/.test(f.text))
      .map((f) => f.path);
    expect(own).toEqual([]);
  });

  it('Baileys is loaded only by the WhatsApp channel', () => {
    const baileys = outsideStorage.filter((f) => f.text.includes("'@whiskeysockets/baileys'")).map((f) => f.path);
    expect(baileys.every((p) => p.startsWith('channels/whatsapp/'))).toBe(true);
    expect(sourceFiles(join(SRC, 'storage')).filter((p) => readFileSync(p, 'utf8').includes('@whiskeysockets/baileys'))).toEqual([]);
  });

  it('at run time only channels/whatsapp/baileys.ts loads Baileys; the rest of the channel imports its types', () => {
    // Every import of Baileys that is not `import type` (and any dynamic import) loads it.
    const loads = outsideStorage
      .filter((f) => /import\s+(?!type\b)[^;]*?from\s+'@whiskeysockets\/baileys'|import\(\s*'@whiskeysockets\/baileys'/.test(f.text))
      .map((f) => f.path);
    expect(loads).toEqual(['channels/whatsapp/baileys.ts']);
    const typed = outsideStorage.filter((f) => /import\s+type\s[^;]*?from\s+'@whiskeysockets\/baileys'/.test(f.text)).map((f) => f.path);
    expect(typed).toEqual(expect.arrayContaining(['channels/whatsapp/channel.ts', 'channels/whatsapp/auth-state.ts']));
  });
});

describe("an officer's decision and its audit entry", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => cleanup(h));

  const count = (sql: string) => dbOf(h).count(sql);

  it('are written together', async () => {
    const [row] = (await seedRegistrations(h, 1, { cipher: h.runtime.store.cipher, statusWeights: ONLY_SUBMITTED })).rows;
    const officer = await h.runtime.store.officers.add({ username: 'ana', passwordHash: 'x', role: 'officer', now: h.clock.now });
    await h.runtime.app.changeStatus(row!.reference, { to: 'approved', actor: { kind: 'officer', id: 'ana' } }, { officerId: officer.id, action: 'approve' });
    const audit = await dbOf(h).all('SELECT officer_id, action, registration_id FROM audit_log');
    expect(audit).toEqual([{ officer_id: officer.id, action: 'approve', registration_id: row!.id }]);
    expect((await h.runtime.store.registrations.record(row!.reference))?.status).toBe('approved');
  });

  it('are rolled back together when the audit entry cannot be written', async () => {
    const [row] = (await seedRegistrations(h, 1, { cipher: h.runtime.store.cipher, statusWeights: ONLY_SUBMITTED })).rows;
    const events = await count('SELECT count(*) AS n FROM registration_events');
    const outbox = await count('SELECT count(*) AS n FROM outbox');
    // No officer 999: the audit row breaks its foreign key, so the decision must not stand either.
    await expect(
      h.runtime.app.changeStatus(row!.reference, { to: 'rejected', actor: { kind: 'officer', id: 'ghost' }, note: 'x' }, { officerId: 999, action: 'reject' }),
    ).rejects.toThrow();
    expect((await h.runtime.store.registrations.record(row!.reference))?.status).toBe('submitted');
    expect(await count('SELECT count(*) AS n FROM registration_events')).toBe(events);
    expect(await count('SELECT count(*) AS n FROM outbox')).toBe(outbox);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(0);
  });

  it('a correction request and its audit entry are rolled back together too', async () => {
    const [row] = (await seedRegistrations(h, 1, { cipher: h.runtime.store.cipher, statusWeights: ONLY_SUBMITTED })).rows;
    await expect(
      h.runtime.app.requestCorrection(row!.reference, { fields: ['address'], note: 'Alamat kurang lengkap', officer: 'ghost' }, { officerId: 999, action: 'request_correction' }),
    ).rejects.toThrow();
    expect((await h.runtime.store.registrations.record(row!.reference))?.status).toBe('submitted');
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(0);
  });
});
