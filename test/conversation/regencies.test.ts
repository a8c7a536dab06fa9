// Several regencies in one deployment (issue 16): a worker is routed to theirs by the entry point
// they came by (a regency's Telegram link, a WhatsApp number's regency, a cadre's invite) or by
// their answer to "where do you live" (a desa or kecamatan looked up across the regencies, the NIK's
// prefix a hint only), can change it before sending, and everything they do lands in that regency
// with its own settings. A one-regency deployment is asked nothing new.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/app/invites.js';
import { regencyStartPayload } from '../../src/domain/reference.js';
import { loadProgrammeSettings, type ProgrammeSettings } from '../../src/settings.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, seeded, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let dir: string;
let banjar: ProgrammeSettings;
let tanahBumbu: ProgrammeSettings;
let paths: string;
let h: Harness | undefined;

/** The two presets with their data controller filled in (the presets leave it "belum diisi"), so each regency's consent can be told apart. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-regencies-'));
  const write = (file: string, name: string) => {
    const raw = JSON.parse(readFileSync(`data/regencies/${file}`, 'utf8')) as Record<string, unknown> & { dataController: unknown; notStated?: string[] };
    raw.dataController = { name, contact: `ppid@${file.replace('.json', '')}.example` };
    raw.notStated = raw.notStated?.filter((p) => !p.startsWith('dataController'));
    const path = join(dir, file);
    writeFileSync(path, JSON.stringify(raw));
    return path;
  };
  const b = write('banjar.json', 'Diskominfo Kabupaten Banjar');
  const t = write('tanah-bumbu.json', 'Diskominfo Kabupaten Tanah Bumbu');
  banjar = loadProgrammeSettings(b);
  tanahBumbu = loadProgrammeSettings(t);
  paths = `${b},${t}`;
  return () => rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  if (h) await cleanup(h);
  h = undefined;
});

const start = async (env: Record<string, string> = { PROGRAMME_SETTINGS_PATH: paths }) => (h = await startHarness({ env }));
const chat = async (user: string, text: string) => (await h!.say(user, text)).join('\n');
const regencyOf = async (ref: string) => (await dbOf(h!).get<{ regency: string }>('SELECT regency FROM registrations WHERE reference = ?', [ref]))?.regency;
const refIn = (text: string) => /LD-\w{5}/.exec(text)?.[0];

/** The rest of a registration after the regency is known (consent onwards), in that regency's settings; the reference. */
async function finish(user: string, settings: ProgrammeSettings, answers: Record<string, string> = {}): Promise<string> {
  const script = registrationScript({ groupId: String(settings.groups.length), ...answers }, { settings }).slice(1);
  let out = '';
  for (const text of script) out = await chat(user, text);
  const ref = refIn(out);
  expect(ref, out).toBeDefined();
  return ref!;
}

describe('routing by answer', () => {
  it('asks where before the consent, finds a desa typed with filler words and typos, and the registration is that regency\'s', async () => {
    await start();
    const where = await chat('w1', 'daftar');
    expect(where).toContain('Anda tinggal di kabupaten mana?');
    expect(where).toContain('1. Kabupaten Banjar');
    expect(where).toContain('2. Kabupaten Tanah Bumbu');
    // Batulicin is a desa of Tanah Bumbu only; "saya tinggal di desa" is filler.
    const found = await chat('w1', 'saya tinggal di desa batulicin');
    expect(found).toContain('Kabupaten Tanah Bumbu');
    expect(found).toContain('Diskominfo Kabupaten Tanah Bumbu');
    const ref = await finish('w1', tanahBumbu);
    expect(await regencyOf(ref)).toBe('63.10');
  });

  it('a regency picked by number or by name is that regency', async () => {
    await start();
    await chat('w2', 'daftar');
    expect(await chat('w2', 'banjar')).toContain('Diskominfo Kabupaten Banjar');
    const ref = await finish('w2', banjar);
    expect(await regencyOf(ref)).toBe('63.03');
  });

  it('a name found in both regencies asks which one, offering only those', async () => {
    await start();
    await chat('w3', 'daftar');
    const which = await chat('w3', 'Simpang Empat');
    expect(which).toContain('lebih dari satu kabupaten');
    expect(which).toMatch(/1\. Kabupaten Banjar\n2\. Kabupaten Tanah Bumbu/);
    expect(await chat('w3', '2')).toContain('Diskominfo Kabupaten Tanah Bumbu');
  });

  it('a place in no regency served gets a way on, and nothing is lost', async () => {
    await start();
    await chat('w4', 'daftar');
    const miss = await chat('w4', 'Kuala Lumpur');
    expect(miss).toContain('belum menemukan tempat itu');
    expect(miss).toContain('1. Kabupaten Banjar');
    expect(await chat('w4', '1')).toContain('Diskominfo Kabupaten Banjar');
  });

  it('the kecamatan of the typed desa is offered back at the kecamatan question', async () => {
    await start();
    await chat('w5', 'daftar');
    await chat('w5', 'Sungai Tabuk');
    const script = registrationScript({}, { settings: banjar, until: 'kecamatan' }).slice(1);
    let out = '';
    for (const text of script) out = await chat('w5', text);
    expect(out).toContain('Sungai Tabuk');
    expect(out).toMatch(/ok|sama|tetap/i);
  });

  it('asked once: the eligibility check and then the registration do not ask again', async () => {
    await start();
    await chat('w6', 'cek syarat');
    expect(await chat('w6', '2')).not.toContain('kabupaten mana');
    await chat('w6', 'menu');
    expect(await chat('w6', 'daftar')).toContain('Diskominfo Kabupaten Tanah Bumbu');
  });

  it('a question for an officer belongs to the regency the person named', async () => {
    await start();
    await chat('w7', 'tanya petugas');
    await chat('w7', 'banjar');
    await chat('w7', 'kapan kartu saya jadi?');
    expect(await dbOf(h!).all('SELECT regency FROM questions')).toEqual([{ regency: '63.03' }]);
  });
});

describe('reading where people say they live', () => {
  const cases: [string, string | undefined][] = [
    ['tanbu', '63.10'],
    ['sy tinggal di tanbu kak', '63.10'],
    ['kab.tanbu', '63.10'],
    ['tnh bumbu', '63.10'],
    ['simpang empat banjar', '63.03'],
    ['karang intan tanbu', '63.10'],
    ['sy di kec. martapura', '63.03'],
    ['Kampung Baru Tanah Bumbu', '63.10'],
    // Not served (Tanah Laut, Kota Banjarbaru): never a guess.
    ['tala', undefined],
    ['banjarbaru', undefined],
    ['kota banjarbaru', undefined],
    ['tanah laut', undefined],
    // Common words of place names are not read as a typo of one ("Sungkai", "Barut").
    ['sungai', undefined],
    ['barat', undefined],
    ['saya mau daftar', undefined],
  ];
  for (const [typed, key] of cases) {
    it(`"${typed}" is ${key ?? 'no regency served'}`, async () => {
      await start();
      await chat('r', 'cek syarat');
      const reply = await chat('r', typed);
      if (key) {
        expect(reply).toContain(key === '63.03' ? 'Kabupaten Banjar' : 'Kabupaten Tanah Bumbu');
        expect(await dbOf(h!).get('SELECT 1 FROM sessions')).toBeDefined();
        expect(reply).not.toContain('kabupaten mana');
      } else {
        expect(reply).toContain('kabupaten mana');
      }
    });
  }

  const places: [string, string][] = [
    ['saya tinggal di desa sungai lulut kecamatan sungai tabuk kabupaten banjar', 'Desa Sungai Lulut, Kecamatan Sungai Tabuk, Kabupaten Banjar'],
    ['kertak hanyar 2', 'Desa Kertak Hanyar II, Kecamatan Kertak Hanyar, Kabupaten Banjar'],
    ['kampung baru kusan hilir', 'Desa Kampung Baru, Kecamatan Kusan Hilir, Kabupaten Tanah Bumbu'],
    ['Kota Pagatan, Kusan Hilir', 'Desa Kota Pagatan, Kecamatan Kusan Hilir, Kabupaten Tanah Bumbu'],
    // Three kecamatan start with "Kusan", and "Kabupaten Bangka" is not Bangka Barat: a short beginning of names is no answer.
    ['kusan', 'belum menemukan tempat itu'],
    ['kabupaten bangka', 'belum menemukan tempat itu'],
  ];
  for (const [typed, found] of places) {
    it(`"${typed}" is read as ${found}`, async () => {
      await start();
      await chat('p', 'daftar');
      expect(await chat('p', typed)).toContain(found);
    });
  }

  it('"barut" is Barito Utara among the four presets', async () => {
    await start({ PROGRAMME_SETTINGS_PATH: 'data/regencies/banjar.json,data/regencies/bangka-barat.json,data/regencies/tanah-bumbu.json,data/regencies/barito-utara.json' });
    await chat('p', 'cek syarat');
    expect(await chat('p', 'barut')).toContain('Kabupaten Barito Utara');
  });

  it('a number out of the list, "gatau", and "kembali" after "which one" each get a way on; no raw object is shown', async () => {
    await start();
    await chat('r2', 'daftar');
    expect(await chat('r2', '9')).toMatch(/1 (sampai|-) 2|nomor/i);
    expect(await chat('r2', 'gatau')).toContain('KTP');
    await chat('r2', 'simpang empat');
    const back = await chat('r2', 'kembali');
    expect(back).not.toContain('[object');
    expect(back).toContain('kabupaten mana');
  });
});

describe('before the regency is known', () => {
  it("a question about a regency's programme gets a general answer, never the first regency's as if it were theirs", async () => {
    await start();
    await chat('f1', 'halo');
    const answer = await chat('f1', 'perangkat desa dibayar pemkab gak?');
    expect(answer).not.toContain('Banjar');
    expect(answer).toContain('ganti kabupaten');
    const office = await chat('f1', 'nomor telp kantor berapa?');
    expect(office).not.toContain('Banjar');
    expect(office).not.toContain('(-)');
    // Help names every regency's office.
    const help = await chat('f1', 'bantuan');
    expect(help).toContain('Kabupaten Banjar:');
    expect(help).toContain('Kabupaten Tanah Bumbu:');
  });
});

describe('a regency link in the middle of a conversation', () => {
  it("another regency's link at the summary says so and asks the consent again for its controller", async () => {
    await start();
    await chat('l1', 'daftar');
    await chat('l1', 'banjar');
    for (const text of registrationScript({ groupId: '3' }, { settings: banjar, send: false }).slice(1)) await chat('l1', text);
    const moved = await chat('l1', 'Halo Lindung kab_63_10');
    expect(moved).toContain('Sekarang untuk Kabupaten Tanah Bumbu');
    expect(moved).toContain('Diskominfo Kabupaten Tanah Bumbu');
  });

  it("a link of a regency not served is taken out of the text: the rest is read as the person's words", async () => {
    await start();
    const hello = await chat('l2', 'Halo Lindung kab_19_05');
    expect(hello).toContain('Saya Lindung');
    expect(hello).toContain('Kabupaten Banjar dan Kabupaten Tanah Bumbu');
  });
});

/** A registration begun in Tanah Bumbu: asked where, consent given, the name typed. */
async function startedInTanahBumbu(user: string): Promise<void> {
  for (const text of ['daftar', 'tanbu', 'ya', 'Budi Santoso']) await chat(user, text);
}

describe('changing the regency keeps what must be kept', () => {
  const sessionOf = async (user: string) => {
    const { store } = h!.runtime;
    const personId = (await store.people.findOrCreate('test', user, h!.clock.now, 'id', null)).personId;
    return JSON.parse((await store.people.session(personId)).state!) as { regency?: string };
  };

  it('"kembali" at the question asked again leaves the regency they had', async () => {
    await start();
    await startedInTanahBumbu('k1');
    expect(await chat('k1', 'ganti kabupaten')).toContain('kabupaten mana');
    await chat('k1', 'kembali');
    expect((await sessionOf('k1')).regency).toBe('63.10');
  });

  it("another regency's Telegram link over a registration in progress: resumed, it asks that regency's consent first", async () => {
    await start();
    await startedInTanahBumbu('k5');
    await chat('k5', '/start kab_63_03');
    const offer = await chat('k5', 'daftar');
    const resumed = /lanjut/i.test(offer) ? await chat('k5', '1') : offer;
    expect(resumed).toContain('Diskominfo Kabupaten Banjar');
  });

  it("a parked draft resumed in another regency asks that regency's consent first", async () => {
    await start();
    await startedInTanahBumbu('k2');
    await chat('k2', 'menu');
    await chat('k2', 'Halo Lindung kab_63_03');
    const offer = await chat('k2', 'daftar');
    const resumed = /lanjut/i.test(offer) ? await chat('k2', '1') : offer;
    expect(resumed).toContain('Diskominfo Kabupaten Banjar');
  });

  it("an officer's correction is asked in the registration's regency, whatever the person chose since", async () => {
    await start();
    await chat('k3', 'daftar');
    await chat('k3', 'banjar');
    const ref = await finish('k3', banjar);
    await chat('k3', 'ganti kabupaten');
    await chat('k3', 'tanbu');
    await h!.runtime.app.requestCorrection(ref, { fields: ['kecamatan'], note: 'kecamatan salah', officer: 'ana' });
    const asked = await chat('k3', 'halo');
    expect(asked).toContain('Kabupaten Banjar');
    expect(asked).toContain(banjar.areas[0]!.kecamatan);
  });

  it("the eligibility check asks again the village role a change of regency dropped, never a result without it", async () => {
    await start();
    await chat('k4', 'cek syarat');
    await chat('k4', 'tanbu');
    await chat('k4', '3'); // village work
    expect(await chat('k4', 'Anggota BPD')).toContain('umur');
    await chat('k4', 'ganti kabupaten');
    // Banjar has no BPD group: the role is dropped, and asked again before any result.
    expect(await chat('k4', 'banjar')).toContain('umur');
    await chat('k4', '45');
    await chat('k4', '1');
    const role = await chat('k4', '2');
    expect(role).toContain('Perangkat desa');
    expect(role).not.toContain('Yang membayar');
  });
});

describe('a regency no longer served', () => {
  it('a person whose regency was taken out of the deployment is asked again, never silently put in the first', async () => {
    const three = `${paths},data/regencies/bangka-barat.json`;
    h = await startHarness({ env: { PROGRAMME_SETTINGS_PATH: three } });
    await chat('g1', 'cek syarat');
    expect(await chat('g1', 'bangka barat')).toContain('Kabupaten Bangka Barat');
    // The same database again (its file, or its PostgreSQL database), with one regency fewer.
    const dir = join(h.dbPath, '..');
    const databaseUrl = h.databaseUrl;
    await h.close();
    h = await startHarness({ dir, env: { PROGRAMME_SETTINGS_PATH: paths }, ...(databaseUrl ? { databaseUrl } : {}) });
    await chat('g1', 'menu');
    expect(await chat('g1', 'cek syarat')).toContain('kabupaten mana');
    // Its rows keep the name the database knew it by.
    expect(h.runtime.regencies.name('19.05')).toBe('Kabupaten Bangka Barat');
    expect(h.runtime.regencies.name('99.99')).toBe('99.99');
  });
});

describe('changing the regency before sending', () => {
  it('"ganti kabupaten" at the summary asks again, then the consent for the new controller; answers the new regency lacks are dropped and asked before sending', async () => {
    await start();
    await chat('w8', 'daftar');
    await chat('w8', '1');
    const script = registrationScript({ groupId: '3' }, { settings: banjar, send: false }).slice(1);
    let out = '';
    for (const text of script) out = await chat('w8', text);
    expect(out).toContain('Kabupaten: Kabupaten Banjar');
    expect(await chat('w8', 'ganti kabupaten dong')).toContain('Anda tinggal di kabupaten mana?');
    const consent = await chat('w8', 'Tanah Bumbu');
    expect(consent).toContain('Diskominfo Kabupaten Tanah Bumbu');
    const summary = await chat('w8', 'ya');
    expect(summary).toContain('Kabupaten: Kabupaten Tanah Bumbu');
    // Banjar's kecamatan, desa and group are not Tanah Bumbu's: shown as not given (never the old desa), asked at sending.
    expect(summary).toMatch(/Kecamatan: -/);
    expect(summary).toMatch(/Desa\/kelurahan: -/);
    // One "Kirim": each dropped answer is asked in turn (kecamatan, its desa), then the summary again;
    // the self-paying group and its programmes are Tanah Bumbu's too, so they stay.
    expect(summary).toMatch(/Kelompok: Pekerja mandiri/);
    expect(await chat('w8', '1')).toContain(tanahBumbu.areas[0]!.kecamatan);
    expect(await chat('w8', '1')).toContain(tanahBumbu.areas[0]!.desa[0]!);
    const again = await chat('w8', '1');
    expect(again).toContain('Kirim');
    expect(again).toContain(`Kecamatan: ${tanahBumbu.areas[0]!.kecamatan}`);
    let reply = await chat('w8', '1');
    for (let i = 0; i < 2 && !refIn(reply); i++) reply = await chat('w8', '1');
    const ref = refIn(reply);
    expect(ref, reply).toBeDefined();
    expect(await regencyOf(ref!)).toBe('63.10');
    // The consent recorded is the new regency's.
    const version = (await dbOf(h!).get<{ version: string }>('SELECT version FROM consents ORDER BY id DESC LIMIT 1'))!.version;
    expect(version).toBe(tanahBumbu.consentVersion);
  });

  it('"in another regency" at the kecamatan question asks which, then the consent and the kecamatan again, in that regency', async () => {
    await start();
    await chat('w10', 'daftar');
    await chat('w10', '1');
    const script = registrationScript({}, { settings: banjar, until: 'kecamatan' }).slice(1);
    let out = '';
    for (const text of script) out = await chat('w10', text);
    expect(out).toContain('Di kabupaten lain');
    expect(await chat('w10', 'kabupaten lain')).toContain('Anda tidak tinggal di Kabupaten Banjar');
    expect(await chat('w10', '2')).toContain('Diskominfo Kabupaten Tanah Bumbu');
    const kecamatan = await chat('w10', 'ya');
    expect(kecamatan).toContain(`Kecamatan tempat tinggal di Kabupaten Tanah Bumbu`);
    expect(kecamatan).toContain(tanahBumbu.areas[0]!.kecamatan);
  });

  it('"ganti kabupaten" at the menu asks, then back to the menu; a cadre is told theirs follows their village', async () => {
    await start();
    await chat('w11', 'daftar');
    await chat('w11', '1');
    await chat('w11', 'menu');
    expect(await chat('w11', 'ganti kabupaten')).toContain('Anda tinggal di kabupaten mana?');
    expect(await chat('w11', '2')).toContain('Menu utama');
    expect(await chat('w11', 'daftar')).not.toContain('Diskominfo Kabupaten Banjar');
    const invite = await createInvite(h!.runtime.store.cadres, tanahBumbu, { desa: 'Batulicin', role: 'kader', now: h!.clock.now, random: seeded(5) });
    await chat('c2', `/start ${invite.code}`);
    expect(await chat('c2', 'ganti kabupaten')).toContain('mengikuti desa Anda (Kabupaten Tanah Bumbu)');
  });
  it('a NIK issued in the other regency is a hint: said at the summary and checked by the officer, never a block', async () => {
    await start();
    await chat('w9', 'daftar');
    await chat('w9', 'banjar');
    // 63.10 is Tanah Bumbu: this NIK was issued there (invented; district 631001).
    const script = registrationScript({ groupId: '3', nik: '6310011708800007' }, { settings: banjar, send: false }).slice(1);
    let out = '';
    for (const text of script) out = await chat('w9', text);
    expect(out).toContain('NIK ini terbit di Kabupaten Tanah Bumbu');
    const ref = refIn(await chat('w9', '1'))!;
    expect(await regencyOf(ref)).toBe('63.03');
    const checks = (await dbOf(h!).get<{ checks: string }>('SELECT checks FROM registrations WHERE reference = ?', [ref]))!.checks;
    expect(JSON.parse(checks)).toContain('nik_other_regency');
  });
});

describe('routing by entry point', () => {
  it("a regency's Telegram link routes the person; they are not asked", async () => {
    await start();
    const hello = await chat('t1', `/start ${regencyStartPayload('63.10')}`);
    expect(hello).toContain('Kabupaten Tanah Bumbu');
    expect(hello).not.toContain('Kabupaten Banjar');
    expect(await chat('t1', 'daftar')).toContain('Diskominfo Kabupaten Tanah Bumbu');
    const ref = await finish('t1', tanahBumbu);
    expect(await regencyOf(ref)).toBe('63.10');
  });

  it("a WhatsApp number's regency routes the person (the channel names it on each message)", async () => {
    await start();
    const r = await h!.runtime.app.handle({ channel: 'test', externalId: 'wa1', text: 'daftar', regency: '63.03' });
    expect(r.replies.map((x) => x.text).join('\n')).toContain('Diskominfo Kabupaten Banjar');
  });

  it("a regency's WhatsApp click-to-chat text (its tag) routes whoever sends it, and the rest is read as their words", async () => {
    await start();
    const hello = await chat('wa2', 'Halo Lindung kab_63_10');
    expect(hello).toContain('Kabupaten Tanah Bumbu');
    expect(hello).not.toContain('Kabupaten Banjar');
    expect(hello).toContain('Menu utama');
    expect(await chat('wa2', 'daftar')).toContain('Diskominfo Kabupaten Tanah Bumbu');
    // Another regency's link later: they are that regency's now.
    await chat('wa2', 'menu');
    await chat('wa2', 'kab_63_03');
    expect(await chat('wa2', 'daftar')).toContain('Diskominfo Kabupaten Banjar');
  });

  it('a link to a regency the deployment does not serve is ignored: the person is asked', async () => {
    await start();
    await chat('t2', `/start ${regencyStartPayload('19.05')}`);
    expect(await chat('t2', 'daftar')).toContain('Anda tinggal di kabupaten mana?');
  });

  it("a cadre's invite fixes their regency: never asked, and their neighbours' registrations are their village's", async () => {
    await start();
    const invite = await createInvite(h!.runtime.store.cadres, tanahBumbu, { desa: 'Batulicin', role: 'kader', now: h!.clock.now, random: seeded(3) });
    expect(invite.regency).toBe('63.10');
    expect(await chat('c1', `/start ${invite.code}`)).toContain('Batulicin');
    const consent = await chat('c1', '1');
    expect(consent).toContain('Diskominfo Kabupaten Tanah Bumbu');
    expect(consent).not.toContain('kabupaten mana');
  });
});

describe('one regency', () => {
  it('asks nothing about regencies and its rows carry its key', async () => {
    await start({});
    const first = await chat('o1', 'daftar');
    expect(first).not.toContain('kabupaten mana');
    expect(first).toContain('Sebelum mendaftar');
    let out = first;
    for (const text of registrationScript().slice(1)) out = await chat('o1', text);
    expect(out).not.toContain('Kabupaten:');
    expect(await regencyOf(refIn(out)!)).toBe('sukamaju');
  });
});
