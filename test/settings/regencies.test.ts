// The regencies a deployment serves (src/regencies.ts, migration 024): several settings files, each
// validated at start, keyed by the regency's official code; rows from before belong to the first;
// settings read again without a restart (all valid, or none taken); each regency's retention.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/app/retention.js';
import { runDoctor } from '../../src/ops/doctor.js';
import { ConfigError } from '../../src/config.js';
import { parseRegencyPayload, regencyStartPayload } from '../../src/domain/reference.js';
import { RegencyRegistry, regencyKey, settingsPaths } from '../../src/regencies.js';
import { loadProgrammeSettings, SettingsError } from '../../src/settings.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { seedRegistrations } from '../helpers/seed.js';

const BANJAR = 'data/regencies/banjar.json';
const TANAH_BUMBU = 'data/regencies/tanah-bumbu.json';
const EXAMPLE = 'data/programme.example.json';

let dir: string | undefined;
let h: Harness | undefined;
afterEach(async () => {
  if (h) await cleanup(h);
  if (dir) rmSync(dir, { recursive: true, force: true });
  h = dir = undefined;
});
const tmp = () => (dir = mkdtempSync(join(tmpdir(), 'lindung-regencies-')));

describe('the registry', () => {
  it('keys each regency by its official code, or its short name without one; the first is the default', () => {
    const r = RegencyRegistry.load([BANJAR, TANAH_BUMBU, EXAMPLE]);
    expect(r.keys).toEqual(['63.03', '63.10', 'sukamaju']);
    expect(r.default.key).toBe('63.03');
    expect(r.several).toBe(true);
    expect(r.get('63.10').regency.name).toBe('Kabupaten Tanah Bumbu');
    // Unknown or missing: the default regency's.
    expect(r.get('99.99').regency.name).toBe('Kabupaten Banjar');
    expect(r.get(undefined).regency.name).toBe('Kabupaten Banjar');
    expect(regencyKey(loadProgrammeSettings(EXAMPLE))).toBe('sukamaju');
  });

  it('the four real presets run together: four regencies with their own codes and targets', () => {
    const r = RegencyRegistry.load(['data/regencies/banjar.json', 'data/regencies/bangka-barat.json', 'data/regencies/tanah-bumbu.json', 'data/regencies/barito-utara.json']);
    expect(r.keys).toEqual(['63.03', '19.05', '63.10', '62.05']);
    expect(r.get('63.03').coverageTarget?.count).toBe(15_000);
    expect(r.get('63.03').coverageTarget?.coveredBefore).toBe(13_251);
    // Barito Utara's cost is a reported figure: the report does not say which period it covers.
    expect(r.get('62.05').figures?.['reported.cost']?.value).toBe(4_972_965_376);
    expect(r.get('62.05').budget).toBeUndefined();
  });

  it('npm run doctor checks each file, says what each still lacks, and a channel regency not served', async () => {
    const d = tmp();
    const findings = (await runDoctor({
      env: { DATABASE_PATH: join(d, 'none.db'), PROGRAMME_SETTINGS_PATH: `${BANJAR},${TANAH_BUMBU}`, WHATSAPP_REGENCY: '19.05' },
      now: Date.now(),
      freeBytes: () => 50 * 1024 ** 3,
    })).filter((f) => f.topic === 'programme settings');
    const lines = findings.map((f) => `${f.status} ${f.detail}`);
    expect(lines).toContainEqual(expect.stringMatching(/^OK data\/regencies\/banjar\.json: Kabupaten Banjar \(63\.03\)/));
    expect(lines).toContainEqual(expect.stringMatching(/^OK data\/regencies\/tanah-bumbu\.json: Kabupaten Tanah Bumbu \(63\.10\)/));
    expect(lines).toContainEqual(expect.stringMatching(/^WARN data\/regencies\/banjar\.json: \d+ setting\(s\) no source states yet \(.*office/));
    expect(lines).toContainEqual(expect.stringMatching(/^FAIL WHATSAPP_REGENCY=19\.05 is not a regency served \(63\.03, 63\.10\)/));
  });

  it('PROGRAMME_SETTINGS_PATH lists files separated by commas, spaces allowed', () => {
    expect(settingsPaths(` ${BANJAR} , ${TANAH_BUMBU},`)).toEqual([BANJAR, TANAH_BUMBU]);
  });

  it('refuses the same regency twice and names every broken file at once', () => {
    expect(() => RegencyRegistry.load([BANJAR, BANJAR])).toThrow(/63\.03 \(Kabupaten Banjar\) is already served by data\/regencies\/banjar\.json/);
    const d = tmp();
    writeFileSync(join(d, 'a.json'), '{"regency": 1}');
    writeFileSync(join(d, 'b.json'), 'not json');
    let message = '';
    try {
      RegencyRegistry.load([join(d, 'a.json'), BANJAR, join(d, 'b.json')]);
    } catch (err) {
      expect(err).toBeInstanceOf(SettingsError);
      message = (err as Error).message;
    }
    expect(message).toContain('a.json');
    expect(message).toContain('b.json');
  });

  it('reloads: a valid change is used at once; a broken file or a changed code leaves the settings in use', () => {
    const d = tmp();
    const path = join(d, 'banjar.json');
    const raw = JSON.parse(readFileSync(BANJAR, 'utf8')) as { office: { phone: string }; regency: { code: string } };
    writeFileSync(path, JSON.stringify(raw));
    const r = RegencyRegistry.load([path, TANAH_BUMBU]);
    const before = r.get('63.03').office.phone;

    expect(r.reload()).toEqual({ ok: true, changed: [], errors: [] });
    raw.office.phone = '0511-4700000';
    writeFileSync(path, JSON.stringify(raw));
    expect(r.reload()).toEqual({ ok: true, changed: ['63.03'], errors: [] });
    expect(r.get('63.03').office.phone).toBe('0511-4700000');

    writeFileSync(path, '{ broken');
    const broken = r.reload();
    expect(broken.ok).toBe(false);
    expect(broken.errors.join('\n')).toContain(path);
    expect(r.get('63.03').office.phone).toBe('0511-4700000');

    raw.regency.code = '63.04';
    writeFileSync(path, JSON.stringify(raw));
    const moved = r.reload();
    expect(moved.ok).toBe(false);
    expect(moved.errors[0]).toContain('restart');
    expect(r.keys).toEqual(['63.03', '63.10']);
    expect(before).not.toBe('0511-4700000');
  });

  it("a regency's Telegram link payload round-trips, and only names a regency", () => {
    expect(regencyStartPayload('63.03')).toBe('kab_63_03');
    expect(parseRegencyPayload('kab_63_03')).toBe('63.03');
    expect(parseRegencyPayload('kab_sukamaju')).toBe('sukamaju');
    expect(parseRegencyPayload('KDR-7K3Q9X')).toBeUndefined();
    expect(parseRegencyPayload('kab_')).toBeUndefined();
  });
});

describe('in the database', () => {
  it('rows written before regencies existed are the first regency\'s at the next start; the served ones are recorded', async () => {
    const env = { PROGRAMME_SETTINGS_PATH: `${BANJAR},${TANAH_BUMBU}` };
    h = await startHarness({ env });
    await seedRegistrations(h, 20, { cipher: h.runtime.store.cipher, cadres: 2, settings: loadProgrammeSettings(BANJAR) });
    // As migration 024 leaves an older database: no regency yet.
    for (const table of ['registrations', 'cadre_invites', 'cadres']) await dbOf(h).run(`UPDATE ${table} SET regency = ''`);
    h = await h.reopen();
    const counts = (table: string) => dbOf(h!).all(`SELECT regency, count(*) AS n FROM ${table} GROUP BY regency ORDER BY regency`);
    expect(await counts('registrations')).toEqual([{ regency: '63.03', n: 20 }]);
    expect(await counts('cadres')).toEqual([{ regency: '63.03', n: 2 }]);
    expect(await counts('cadre_invites')).toEqual([{ regency: '63.03', n: 2 }]);
    expect(await dbOf(h).all('SELECT key, name FROM regencies ORDER BY key')).toEqual([
      { key: '63.03', name: 'Kabupaten Banjar' },
      { key: '63.10', name: 'Kabupaten Tanah Bumbu' },
    ]);
  });

  it('in a one-regency deployment every row is its own, whatever key it was written under', async () => {
    h = await startHarness();
    await seedRegistrations(h, 5, { cipher: h.runtime.store.cipher, cadres: 1 });
    await dbOf(h).run("UPDATE registrations SET regency = 'old-name'");
    h = await h.reopen();
    expect(await dbOf(h).all('SELECT DISTINCT regency FROM registrations')).toEqual([{ regency: 'sukamaju' }]);
  });

  it("a channel's regency must be one served", async () => {
    await expect(startHarness({ env: { PROGRAMME_SETTINGS_PATH: `${BANJAR},${TANAH_BUMBU}`, WHATSAPP_REGENCY: '19.05' } })).rejects.toThrow(ConfigError);
  });

  it('each regency keeps rejected registrations for its own period', async () => {
    const d = tmp();
    const edit = (file: string, days: number) => {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as { retentionDays: { rejected: number } };
      raw.retentionDays.rejected = days;
      const out = join(d, file.split('/').pop()!);
      writeFileSync(out, JSON.stringify(raw));
      return out;
    };
    const short = edit(BANJAR, 10);
    const long = edit(TANAH_BUMBU, 100);
    h = await startHarness({ env: { PROGRAMME_SETTINGS_PATH: `${short},${long}` } });
    const db = dbOf(h);
    await seedRegistrations(h, 6, { cipher: h.runtime.store.cipher, statusWeights: { submitted: 0, needs_correction: 0, approved: 0, registered: 0, deleted: 0, rejected: 1 }, cadres: 0 });
    // Half of them Tanah Bumbu's; all rejected 30 days ago.
    await db.run("UPDATE registrations SET regency = CASE WHEN id % 2 = 0 THEN '63.10' ELSE '63.03' END, updated_at = ?", [h.clock.now - 30 * 86_400_000]);
    const result = await purgeExpired(h.runtime.store, h.runtime.regencies, h.clock.now);
    expect(result.rejected).toBe(3);
    expect(await db.all("SELECT regency, count(*) AS n FROM registrations WHERE data IS NOT NULL GROUP BY regency ORDER BY regency")).toEqual([{ regency: '63.10', n: 3 }]);
  });

  it('settings reloaded while running answer the next message, with no restart', async () => {
    const d = tmp();
    const path = join(d, 'programme.json');
    const raw = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { office: { phone: string } };
    writeFileSync(path, JSON.stringify(raw));
    h = await startHarness({ env: { PROGRAMME_SETTINGS_PATH: path } });
    expect((await h.say('p', 'bantuan')).join('\n')).toContain(raw.office.phone);
    raw.office.phone = '0800-1111-2222';
    writeFileSync(path, JSON.stringify(raw));
    expect(h.runtime.regencies.reload().ok).toBe(true);
    expect((await h.say('p', 'bantuan')).join('\n')).toContain('0800-1111-2222');
  });

  it("an officer's answer to a question is audited under the question's regency", async () => {
    h = await startHarness({ env: { PROGRAMME_SETTINGS_PATH: `${BANJAR},${TANAH_BUMBU}` } });
    const officer = await h.runtime.store.officers.add({ username: 'kanwil', passwordHash: 'x', role: 'admin', now: h.clock.now });
    const person = (await h.runtime.store.people.findOrCreate('test', 'q1', h.clock.now, 'id', null)).personId;
    const id = await h.runtime.store.transaction(() => h!.runtime.app.questions.ask(person, 'test', 'q1', 'kapan kartu saya jadi?', h!.clock.now, '63.10'));
    await h.runtime.app.questions.answer(id, officer.id, 'Minggu depan');
    expect(await dbOf(h).get("SELECT regency FROM audit_log WHERE action = 'answer_question'")).toEqual({ regency: '63.10' });
  });
});
