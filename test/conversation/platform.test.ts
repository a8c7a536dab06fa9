import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createApp } from '../../src/app/app.js';
import { workerFlows } from '../../src/core/flows/index.js';
import { loadRates } from '../../src/domain/rates.js';
import { createTranslator } from '../../src/i18n.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

const count = (sql: string) => dbOf(h).count(sql);
const stateOf = async () => JSON.parse(h.runtime.store.cipher.decrypt((await dbOf(h).get<{ state: string }>('SELECT state FROM sessions'))!.state));

describe('delivery guarantees', () => {
  it('ignores a repeated inbound message id', async () => {
    await h.say('u', '4', 'm1');
    const before = await count('SELECT count(*) AS n FROM outbox');
    const again = await h.runtime.app.handle({ channel: 'test', externalId: 'u', text: '4', messageId: 'm1' });
    expect(again.duplicate).toBe(true);
    expect(again.replies).toEqual([]);
    expect(await count('SELECT count(*) AS n FROM outbox')).toBe(before);
    expect((await stateOf()).step).toBe('consent');
  });

  it('handles two messages that arrive together in order', async () => {
    await h.say('u', 'halo');
    const [a, b, c] = await Promise.all(
      registrationScript({ fullName: 'Budi Santoso' }, { until: 'nik' }).map((text, i) => h.replies('u', text, `x${i + 1}`)),
    );
    expect(a![0]!.text).toContain('Sebelum mendaftar');
    expect(b![0]!.text).toContain('Nama lengkap');
    expect(c![0]!.text).toContain('NIK');
    expect((await stateOf()).answers.fullName).toBe('Budi Santoso');
  });

  it('writes every reply to the outbox in the same transaction as the session', async () => {
    const r = await h.runtime.app.handle({ channel: 'test', externalId: 'u', text: '4' });
    const rows = await dbOf(h).all<{ id: number; payload: string }>('SELECT id, payload FROM outbox ORDER BY id');
    expect(rows.map((x) => x.id)).toEqual(r.outboxIds);
    expect(JSON.parse(h.runtime.store.cipher.decrypt(rows[0]!.payload)).text).toBe(r.replies[0]!.text);
  });

  it('a new process on the same database continues a registration mid-way', async () => {
    for (const text of registrationScript({ fullName: 'Budi Santoso', nik: NIK_MALE, birthPlace: 'Banjarmasin' }, { until: 'birthDate' })) await h.say('u', text);
    h = await h.reopen();
    expect((await h.say('u', '17-08-1980')).join('\n')).toContain('Jenis kelamin');
    expect((await stateOf()).answers).toMatchObject({ fullName: 'Budi Santoso', nik: NIK_MALE, birthPlace: 'Banjarmasin' });
  });

  it('offers to continue or start over after more than a day of silence, unless the message simply answers the question', async () => {
    for (const text of registrationScript({ fullName: 'Budi Santoso' }, { until: 'nik' })) await h.say('u', text);
    h.clock.now += 25 * 3600_000;
    expect((await h.say('u', 'halo lagi')).join('\n')).toContain('Selamat datang kembali');
    expect((await h.say('u', '1')).join('\n')).toContain('NIK');
    h.clock.now += 25 * 3600_000;
    // Picking up where they left off: the answer is taken, nothing to ask.
    expect((await h.say('u', '6301011708800003')).join('\n')).toContain('Tempat lahir');
    expect((await stateOf()).answers.nik).toBe('6301011708800003');
    await h.say('u', 'kembali');
    h.clock.now += 25 * 3600_000;
    await h.say('u', 'x');
    const restart = (await h.say('u', '2')).join('\n');
    expect(restart).toContain('Sebelum mendaftar');
    expect((await stateOf()).answers.fullName).toBeUndefined();
  });

  it('turns a failure inside handling into an apology and keeps the previous state', async () => {
    const broken = createApp({
      store: h.runtime.store,
      flows: {
        ...workerFlows,
        menu: { ...workerFlows.menu!, steps: { main: { ...workerFlows.menu!.steps.main!, next: () => { throw new Error('boom'); } } } },
      },
      settings: loadProgrammeSettings('data/programme.example.json'),
      rates: loadRates('data/rates.json'),
      translate: createTranslator(),
      isKnownDistrict: () => true,
      logger: pino({ level: 'silent' }),
      timeZone: 'Asia/Makassar',
    });
    await h.say('u', 'halo');
    const before = await stateOf();
    const r = await broken.handleNow({ channel: 'test', externalId: 'u', text: '2', messageId: 'b1' });
    expect(r.replies[0]!.text).toContain('ada gangguan');
    expect(await stateOf()).toEqual(before);
    // The failed message id is not remembered, so a redelivery is handled again.
    expect((await h.say('u', '2', 'b1')).join('\n')).toContain('penghasilan');
  });
});

describe('other flows', () => {
  it('benefits: short message, then more with its legal source', async () => {
    await h.say('u', '1');
    const short = (await h.say('u', 'jkm')).join('\n');
    expect(short).toContain('Rp42 juta');
    const more = (await h.say('u', '1')).join('\n');
    expect(more).toContain('Rp20 juta');
    expect(more).toContain('24 x Rp500.000');
    expect(more).toContain('PP 44/2015');
    await h.say('u', '1');
    expect((await h.say('u', '4')).join('\n')).toContain('pekerja mandiri tidak bisa ikut JP');
  });

  it('calculator: informal income, floor, and a regency-paid group', async () => {
    await h.say('u', '2');
    await h.say('u', '800rb');
    const low = (await h.say('u', 'mandiri')).join('\n');
    expect(low).toContain('JKK + JKM = Rp16.800');
    expect(low).toContain('Dengan JHT = Rp36.800');
    expect(low).toContain('dihitung Rp1 juta');
    expect(low).toContain('belum pasti');
    await h.say('u', '2');
    await h.say('u', '2,5 jt');
    const funded = (await h.say('u', 'kader posyandu')).join('\n');
    expect(funded).toContain('Rp25.000');
    expect(funded).toContain('membayar JKK + JKM untuk Kader posyandu');
    expect(funded).not.toContain('belum pasti');
  });

  it('eligibility: a wage worker is told the employer must register them', async () => {
    for (const text of ['3', '1', '30', '1']) await h.say('u', text);
    const out = (await h.say('u', 'tidak')).join('\n');
    expect(out).toContain('Pemberi kerja Anda yang wajib mendaftarkan');
    expect(out).toContain('Pengawas Ketenagakerjaan');
  });

  it('eligibility: above the age limit goes to an officer', async () => {
    for (const text of ['3', '2', 'tidak', '70', '2']) await h.say('u', text);
    const out = (await h.say('u', 'tidak')).join('\n');
    expect(out).toContain('Petugas perlu memeriksa');
    expect(out).toContain('di atas 65');
  });
});

describe('choices', () => {
  it('understands stretched chat spellings and typos of labels', async () => {
    await h.say('u', 'daftr');
    expect((await h.say('u', 'yaaa')).join('\n')).toContain('Nama lengkap');
    await h.say('u', 'menu');
    expect((await h.say('u', 'HITUNG IURAN')).join('\n')).toContain('penghasilan');
  });
});
