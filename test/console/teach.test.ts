import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phrasingKey } from '../../src/faq/learned.js';
import { client, startConsole } from '../helpers/console.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { loginAdmin } from './second-factor-helpers.js';

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

const db = () => dbOf(h);
/** Stores an unmatched question the way the bot does (digits already masked). */
const unmatched = (text: string, lang = 'id') =>
  db().run("INSERT INTO faq_unmatched (text, lang, channel, created_at) VALUES (?, ?, 'test', ?)", [text, lang, h.clock.now]);
const unmatchedTexts = async () => (await db().all<{ text: string }>('SELECT text FROM faq_unmatched ORDER BY id')).map((r) => r.text);
const phrasings = () => db().all<{ key: string; topic: string | null; taughtBy: number }>('SELECT key, topic, taught_by AS "taughtBy" FROM faq_phrasings ORDER BY key');
const audits = (action: string) => db().all<{ officerId: number; detail: string }>('SELECT officer_id AS "officerId", detail FROM audit_log WHERE action = ? ORDER BY id', [action]);
const location = (res: Response) => res.headers.get('location') ?? '';

async function loggedIn(username = 'budi') {
  const c = client(con.web);
  // Admins enrol a second factor before anything else.
  if (username === 'ana') await loginAdmin(c, username, h.clock.now);
  else await c.login(username);
  await c.get('/questions');
  return c;
}

describe('console: teaching the bot from the Questions page', () => {
  it('needs a logged-in officer and the CSRF token', async () => {
    await unmatched('kapan jht bisa dicairkan');
    const anon = client(con.web);
    await anon.get('/login');
    expect((await anon.post('/questions/teach', { text: 'kapan jht bisa dicairkan', topic: 'claim_jht' })).status).toBe(401);
    const c = await loggedIn();
    expect((await c.post('/questions/teach', { text: 'kapan jht bisa dicairkan', topic: 'claim_jht' }, { csrf: null })).status).toBe(403);
    expect((await c.post('/questions/teach', { text: 'kapan jht bisa dicairkan', topic: 'claim_jht' }, { csrf: 'forged' })).status).toBe(403);
    expect(await phrasings()).toEqual([]);
    expect(h.runtime.app.learned.size).toBe(0);
    expect(await unmatchedTexts()).toEqual(['kapan jht bisa dicairkan']);
  });

  it('offers topic titles (not ids, no small talk) then out of scope, and teaches a phrasing: stored, audited, unmatched rows gone, used at once', async () => {
    await unmatched('Kapan JHT bisa dicairkan [angka]');
    await unmatched('kapan jht bisa dicairkan');
    await unmatched('resep rendang [angka]');
    const c = client(con.web);
    await c.login('budi');
    const page = (await c.get('/questions')).html;
    const t = h.runtime.translate('id');
    const options = [...page.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].slice(0, h.runtime.app.teachableTopics.length + 2);
    expect(options[0]).toEqual(expect.arrayContaining(['', 'Pilih jawaban…']));
    expect(options.at(-1)![2]).toBe('Di luar cakupan Lindung');
    const titles = options.slice(1, -1).map((o) => o[2]!);
    expect(titles).toContain(t('kb.claim_jht.title'));
    expect(titles).not.toContain(t('kb.greeting.title'));
    expect(titles).not.toContain(t('kb.thanks.title'));
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'id')));
    for (const title of titles) expect(title).not.toMatch(/^kb\.|_/);
    expect(page).toContain('Ajari');

    const budi = (await con.officers.byUsername('budi'))!;
    const res = await c.post('/questions/teach', { text: 'kapan jht bisa dicairkan [angka]', topic: 'claim_jht' });
    expect(res.status).toBe(303);
    expect(location(res)).toBe('/questions?ok=taught');
    const key = phrasingKey('kapan jht bisa dicairkan');
    expect(await phrasings()).toEqual([{ key, topic: 'claim_jht', taughtBy: budi.id }]);
    expect(await audits('teach_phrasing')).toEqual([{ officerId: budi.id, detail: JSON.stringify({ topic: 'claim_jht' }) }]);
    expect(await unmatchedTexts()).toEqual(['resep rendang [angka]']);

    const learned = h.runtime.app.learned;
    expect(learned.lookup('Kapan JHT bisa dicairkan?')).toBe('claim_jht');
    expect(learned.lookup('KAPAAAN jht bisaaa dicairkan 081234567890')).toBe('claim_jht');
    expect(learned.lookup(`kapan jht ${NIK_MALE} bisa dicairkan`)).toBe('claim_jht');
    expect(learned.lookup('kapan jkm bisa dicairkan')).toBeUndefined();

    const after = (await c.get('/questions?ok=taught')).html;
    expect(after).toContain('Terima kasih. Bot kini menjawab');
    expect(after).toContain('Yang sudah diajarkan');
    expect(after).toContain(key);
    expect(after).toContain(t('kb.claim_jht.title'));
    expect(after).not.toContain('>claim_jht<');
    expect(after).toContain('budi');
  });

  it('teaches "out of scope" as a null topic', async () => {
    await h.say('x', 'halo');
    await h.say('x', 'resep rendang 081234567890');
    const c = await loggedIn();
    const page = (await c.get('/questions')).html;
    const text = /name="text" value="([^"]*rendang[^"]*)"/.exec(page)![1]!;
    expect(text).not.toMatch(/\d/);
    const res = await c.post('/questions/teach', { text, topic: '-' });
    expect(location(res)).toBe('/questions?ok=taught_out_of_scope');
    expect(await phrasings()).toMatchObject([{ key: phrasingKey('resep rendang'), topic: null }]);
    expect((await audits('teach_phrasing')).map((a) => JSON.parse(a.detail))).toEqual([{ topic: null }]);
    expect(h.runtime.app.learned.lookup('Resep rendang 0812 3456 7890?')).toBeNull();
    expect((await unmatchedTexts()).filter((x) => x.includes('rendang'))).toEqual([]);
    const after = (await c.get('/questions?ok=taught_out_of_scope')).html;
    expect(after).toContain(`<td>${phrasingKey('resep rendang')}</td><td>Di luar cakupan Lindung</td>`);
  });

  it('refuses an unknown topic, small talk, no choice, or a text with nothing left, with a friendly message and nothing stored', async () => {
    await unmatched('kapan jht bisa dicairkan');
    const c = await loggedIn();
    for (const [topic, err] of [
      ['no_such_topic', 'unknown_topic'],
      ['greeting', 'unknown_topic'],
      ['thanks', 'unknown_topic'],
      ['', 'choose_topic'],
    ] as const) {
      const res = await c.post('/questions/teach', { text: 'kapan jht bisa dicairkan', topic });
      expect({ topic, to: location(res) }).toEqual({ topic, to: `/questions?err=${err}` });
    }
    expect(location(await c.post('/questions/teach', { text: `${NIK_MALE} ?!`, topic: 'nik' }))).toBe('/questions?err=empty_phrasing');
    expect(await phrasings()).toEqual([]);
    expect(await audits('teach_phrasing')).toEqual([]);
    expect(h.runtime.app.learned.size).toBe(0);
    expect(await unmatchedTexts()).toEqual(['kapan jht bisa dicairkan']);
    const { res, html } = await c.get('/questions?err=unknown_topic');
    expect(res.status).toBe(200);
    expect(html).toContain('Jawaban itu tidak dikenal. Pilih dari daftar.');
    expect(html).not.toContain('console.questions');
  });

  it('forgets a taught phrasing (audited); forgetting it again says so', async () => {
    const c = await loggedIn('ana');
    await c.post('/questions/teach', { text: 'iuran bpu sebulan brp', topic: 'bpu_contribution' });
    const key = phrasingKey('iuran bpu sebulan brp');
    expect(h.runtime.app.learned.lookup('Iuran BPU sebulan berapa')).toBe('bpu_contribution');
    const page = (await c.get('/questions')).html;
    expect(page).toContain(`name="key" value="${key}"`);
    expect(page).toContain('Lupakan');
    const res = await c.post('/questions/forget', { key });
    expect(location(res)).toBe('/questions?ok=forgotten');
    expect(await phrasings()).toEqual([]);
    expect(h.runtime.app.learned.lookup('Iuran BPU sebulan berapa')).toBeUndefined();
    expect(await audits('forget_phrasing')).toEqual([{ officerId: (await con.officers.byUsername('ana'))!.id, detail: JSON.stringify({ topic: 'bpu_contribution' }) }]);
    expect(location(await c.post('/questions/forget', { key }))).toBe('/questions?err=not_taught');
    expect(await audits('forget_phrasing')).toHaveLength(1);
    expect((await c.get('/questions?ok=forgotten')).html).toContain('Belum ada yang diajarkan.');
  });

  it('re-teaching the same phrasing replaces its topic', async () => {
    const c = await loggedIn();
    await c.post('/questions/teach', { text: 'kartu peserta hilang', topic: 'kpj' });
    await c.post('/questions/teach', { text: 'Kartu peserta HILANG', topic: '-' });
    expect(await phrasings()).toMatchObject([{ key: phrasingKey('kartu peserta hilang'), topic: null }]);
    expect(h.runtime.app.learned.lookup('kartu peserta hilang')).toBeNull();
  });

  it('keeps what was taught across a restart (a new runtime on the same database file)', async () => {
    const c = await loggedIn();
    await c.post('/questions/teach', { text: 'kapan jht bisa dicairkan', topic: 'claim_jht' });
    await c.post('/questions/teach', { text: 'resep rendang', topic: '-' });
    h = await h.reopen();
    expect(h.runtime.app.learned.size).toBe(2);
    expect(h.runtime.app.learned.lookup('KAPAN JHT BISA DICAIRKAN')).toBe('claim_jht');
    expect(h.runtime.app.learned.lookup('resep rendang')).toBeNull();
  });

  it('never keeps a 16-digit number in the taught phrasings or the audit', async () => {
    await unmatched(`nik saya ${NIK_MALE} sudah terdaftar belum`);
    const c = await loggedIn();
    const res = await c.post('/questions/teach', { text: `NIK saya ${NIK_MALE} sudah terdaftar belum?`, topic: 'already_member' });
    expect(location(res)).toBe('/questions?ok=taught');
    const [stored] = await phrasings();
    expect(stored!.key).toBe(phrasingKey('nik saya sudah terdaftar belum'));
    expect(stored!.key).not.toMatch(/\d/);
    // Every text column the feature writes (timestamps aside).
    const texts = [
      ...(await db().all<{ key: string; topic: string }>('SELECT key, topic FROM faq_phrasings')).flatMap((r) => [r.key, r.topic]),
      ...(await db().all<{ detail: string | null }>('SELECT detail FROM audit_log')).map((r) => r.detail ?? ''),
    ].join('\n');
    expect(texts).not.toContain('6301');
    expect(texts).not.toMatch(/\d{4}/);
    // The raw question is gone too.
    expect(await unmatchedTexts()).toEqual([]);
  });
});
