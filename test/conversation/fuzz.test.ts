/**
 * Property-based ("fuzz") tests of the whole conversation stack: real runtime, real SQLite file.
 *
 * 1. Whatever people type, every message gets at least one sensible reply (no crash, no apology for an
 *    internal error, no "undefined"/"NaN"/"[object Object]"/"{{", no raw locale key, no unmasked NIK).
 * 2. Noise (help, language switches, garbage, leaving for the menu and resuming the draft, a long pause)
 *    never changes an answer already given in a registration.
 * 3. Closing and reopening the runtime at any point of a registration (with the platform redelivering
 *    the last message) still ends in exactly one submitted registration.
 *
 * Sized for CI; LINDUNG_FUZZ_SCALE searches harder, LINDUNG_FUZZ_SEED replays a failure (test/helpers/fuzz.ts).
 *
 * Regressions it found and now guards: "constructor" found Object.prototype in the command table and
 * got no reply; a harmless command ("bantuan", "bahasa", "halo") at the "continue your unfinished
 * registration?" question started a new registration over the draft.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HandleResult } from '../../src/app/app.js';
import { parseCommand } from '../../src/core/commands.js';
import { parseName } from '../../src/core/flows/util.js';
import type { Reply, Session } from '../../src/core/types.js';
import { normalizeText } from '../../src/domain/normalize.js';
import { addressKey } from '../../src/storage/addresses.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, NIK_MALE, NIK_UNKNOWN_REGION, startHarness, testStore, type Harness } from '../helpers/harness.js';
import { fuzzOptions, fuzzTimeout } from '../helpers/fuzz.js';
import { registrationScript } from '../helpers/registration.js';

const CHANNEL = 'test';
const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const LOCALES = {
  id: JSON.parse(readFileSync(new URL('../../locales/id.json', import.meta.url), 'utf8')) as Record<string, any>,
  en: JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8')) as Record<string, any>,
};
const INTERNAL_ERRORS: string[] = [LOCALES.id.err.internal, LOCALES.en.err.internal];
/** A locale key that i18next could not resolve comes back verbatim, e.g. "reg.field.nik". */
const RAW_KEY = new RegExp(`\\b(?:${Object.keys(LOCALES.id).join('|')})\\.[a-z_]+(?:\\.[a-z_]+)*`);
const FORBIDDEN = ['undefined', 'NaN', '[object Object]', '{{'];
/**
 * How the person's own full copy of their data begins ("Data saya" → "Salinan lengkap"): it shows the
 * NIK in full on purpose (right of access; test/conversation/access-copy.test.ts), so the unmasked-NIK
 * check skips the replies to a message that asked for it.
 */
const OWN_COPY_TITLES = [LOCALES.id.access.title, LOCALES.en.access.title].map((title: string) => title.split('{{')[0]!);

function send(h: Harness, user: string, text: string, messageId?: string): Promise<HandleResult> {
  return h.runtime.app.handleNow({ channel: CHANNEL, externalId: user, text, messageId });
}

/** Every text the person sees: the message and its numbered choices. */
function rendered(r: Reply): string {
  return [r.text, ...(r.choices ?? []).map((c) => `${c.key}. ${c.label}`)].join('\n');
}

async function sessionOf(h: Harness, user: string): Promise<Session> {
  const row = await dbOf(h).get<{ state: string }>(`SELECT s.state FROM sessions s JOIN identities i ON i.person_id = s.person_id
        WHERE i.channel = ? AND i.external_key = ?`, [CHANNEL, addressKey(h.runtime.store.cipher, CHANNEL, user)]);
  if (!row) throw new Error(`no session for ${user}`);
  return JSON.parse(h.runtime.store.cipher.decrypt(row.state)) as Session;
}

/** String values anywhere in `v`, except under a key named "nik" (the one field that must be masked). */
function nonNikStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) nonNikStrings(x, out);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) if (k !== 'nik') nonNikStrings(x, out);
  }
  return out;
}

/**
 * Everything stored that the person typed into a free-text field (address, birth place, occupation…):
 * the bot may legitimately show such text back, even if it happens to be a NIK.
 */
async function storedFreeText(h: Harness): Promise<string[]> {
  const sessions = await dbOf(h).all<{ state: string }>('SELECT state FROM sessions ORDER BY person_id');
  const regs = await dbOf(h).all<{ data: string | null }>('SELECT data FROM registrations');
  return [
    ...sessions.flatMap((r) => nonNikStrings(JSON.parse(h.runtime.store.cipher.decrypt(r.state)))),
    ...regs.flatMap((r) => (r.data ? nonNikStrings(JSON.parse(h.runtime.store.cipher.decrypt(r.data))) : [])),
  ];
}

/** The forms in which a typed text may come back as an echoed answer. */
function echoForms(text: string): string[] {
  const trimmed = text.trim().slice(0, 1000);
  const collapsed = trimmed.replace(/\s+/g, ' ').trim();
  const name = parseName(trimmed);
  return [trimmed, collapsed, ...(name.ok ? [name.value] : [])].filter((s) => s.length > 0);
}

/** True when a text holds something no reply of the bot's own may contain. */
function suspicious(text: string): boolean {
  return FORBIDDEN.some((bad) => text.includes(bad)) || RAW_KEY.test(text);
}

/**
 * The reply without the person's own words shown back (a typed "{{name}}" address is fine in the
 * summary). Only echoes that are themselves suspicious are removed, so the rest of the reply is
 * checked intact.
 */
function withoutEchoes(reply: string, echoes: readonly string[]): string {
  let out = reply;
  // Longest first so a short echo does not break up a longer one.
  const forms = [...new Set(echoes)].filter(suspicious).sort((a, b) => b.length - a.length);
  for (const f of forms) out = out.split(f).join('');
  return out;
}

/**
 * fast-check options for a property that takes a fresh harness per run: on PostgreSQL (a database
 * made and dropped per run, a round trip per statement: several times slower) a fifth of the runs,
 * inside the same timeout; the project "sqlite" searches at the full size.
 */
function harnessRuns(ciRuns: number): ReturnType<typeof fuzzOptions> {
  return fuzzOptions(testStore() === 'postgres' ? Math.ceil(ciRuns / 5) : ciRuns);
}

/** Runs `fn` on a fresh harness and always removes it, also when a property fails. */
async function withHarness<T>(fn: (h: Harness) => Promise<T> | T): Promise<T> {
  const h = await startHarness();
  try {
    return await fn(h);
  } finally {
    await cleanup(h);
  }
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const MENU_NUMBERS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const COMMANDS = [
  'menu', 'kembali', 'batal', 'bantuan', 'bahasa', 'english', 'indonesia', 'ya', 'tidak', 'ok', 'ubah 3', 'ubah 99',
  'halo', '?', 'ubah', 'kirim', 'lanjut', 'baru', 'hapus', 'daftar', 'Menu Utama', 'BATAL!!', ' kembali ',
];
/** Answers from the registration script, with NIK and date spellings people really use. */
const SCRIPT_ANSWERS = [
  'budi santoso', 'Siti Aminah', 'Banjarmasin', '17-08-1980', '17 Agustus 1980', '17/05/1985', '1', '2',
  'laki-laki', 'perempuan', 'gunung sari', 'mekar sari', 'Jl. Mawar RT 03', 'Dusun II', '0812-3456-7890',
  '+62 812 3456 7890', 'tukang kayu', '1,5 juta', '2 jt', '7', 'perangkat desa', 'istri', '-', 'LD-ABCDE',
];
const NIKS = [NIK_MALE, NIK_FEMALE, NIK_UNKNOWN_REGION];
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🇮🇩', '❤️', '🙏', '1️⃣', '⁉️', '🏳️‍🌈'];
const SQL_ISH = [
  "'; DROP TABLE sessions; --",
  "Robert'); DROP TABLE registrations;--",
  "1' OR '1'='1",
  '" OR ""="',
  '%; SELECT * FROM people',
  'NULL',
  '\\x00\\x1a',
];
const HTML_ISH = [
  '<script>alert(1)</script>',
  '<b>Budi</b>',
  '<img src=x onerror=alert(1)>',
  '{{name}}',
  '{{reference}} {{phone}}',
  '$t(err.internal)',
  '%s %d %%',
  '__proto__',
  'toString',
  'hasOwnProperty',
  '${process.exit(1)}',
  '*tebal* _miring_ ~coret~ ```kode```',
];
/** A NIK built from its parts (district 630101, birth date, serial), written with or without separators. */
const generatedNik = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    female: fc.boolean(),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 50, max: 99 }),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .map(({ day, female, month, year, serial }) => {
    const p2 = (n: number) => String(n).padStart(2, '0');
    return `630101${p2(female ? day + 40 : day)}${p2(month)}${p2(year)}${String(serial).padStart(4, '0')}`;
  });
const nikTyped = fc
  .tuple(fc.oneof(fc.constantFrom(...NIKS), generatedNik), fc.constantFrom('', ' ', '.', '-'))
  .map(([nik, sep]) => (sep ? nik.match(/.{4}/g)!.join(sep) : nik));

const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u2003'), minLength: 1, maxLength: 20 });
const longText = fc.oneof(
  fc.tuple(fc.integer({ min: 1000, max: 5000 }), fc.constantFrom('a', 'Budi ', '9', '😀', ' ', '{{', 'ﷺ')).map(([n, s]) => s.repeat(Math.ceil(n / s.length)).slice(0, n)),
  fc.string({ unit: 'grapheme', minLength: 1000, maxLength: 5000 }),
);

const message: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.constantFrom(...MENU_NUMBERS) },
    { weight: 3, arbitrary: fc.constantFrom(...COMMANDS) },
    { weight: 5, arbitrary: fc.constantFrom(...SCRIPT_ANSWERS) },
    { weight: 2, arbitrary: nikTyped },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...EMOJI), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
    { weight: 1, arbitrary: longText },
    { weight: 1, arbitrary: whitespace },
    { weight: 1, arbitrary: fc.constantFrom(...SQL_ISH, ...HTML_ISH) },
    { weight: 1, arbitrary: fc.constantFrom('constructor', 'Constructor!', '__proto__', 'toString') },
  );

/** The registration script after the menu, for a NIK; the summary comes after the last answer. */
function scriptFor(name: string, nik: string): string[] {
  const [dob, sex] = nik === NIK_FEMALE ? ['17-05-1985', '2'] : ['17-08-1980', '1'];
  const answers = { fullName: name, nik, birthDate: dob, sex, address: 'Jl. Mawar RT 03', phone: '0812-3456-7890', heirName: 'Siti Aminah' };
  return registrationScript(answers, { send: false });
}
const NAMES = ['budi santoso', 'Siti Aminah', 'ni luh putu ayu', "Muh. Rizky O'Neil", 'Ahmad-Yani', 'Élodie Ñúñez'];

/**
 * Actions of a random conversation: a message, a pause (a long one makes the bot ask "continue or start
 * over?"), or a few correct answers to whatever is being asked, so random runs also get deep into the
 * registration (summary, submission, duplicates, "data saya").
 */
type Action =
  | { kind: 'say'; user: string; text: string }
  | { kind: 'sleep'; ms: number }
  | { kind: 'answer'; user: string; count: number; name: string; nik: string };

/** A correct answer to the current question, read from the stored session (an oracle for the fuzzer). */
function correctAnswer(s: Session, name: string, nik: string): string {
  if (s.pending) return s.pending.kind === 'confirmCancel' ? '2' : '1';
  if (s.flow === 'menu') return '4';
  if (s.flow !== 'registration') return '1';
  const given = typeof s.answers.nik === 'string' ? s.answers.nik : nik;
  const day = Number(given.slice(6, 8));
  const dob = `${String(day > 40 ? day - 40 : day).padStart(2, '0')}-${given.slice(8, 10)}-19${given.slice(10, 12)}`;
  const answers: Record<string, string> = {
    consent: 'ya', fullName: name, nik, birthPlace: 'Banjarmasin', birthDate: dob, sex: day > 40 ? '2' : '1',
    kecamatan: '1', desa: '2', address: 'Jl. Mawar RT 03', phone: '0812-3456-7890', occupation: '1',
    income: '1,5 juta', groupId: '7', programmes: '1', heirName: 'Siti Aminah', heirRelation: '1',
    motherName: '-', summary: '1', editPick: '2',
  };
  return answers[s.step] ?? '1';
}

const actions: fc.Arbitrary<Action[]> = fc
  .array(
    fc.oneof(
      { weight: 30, arbitrary: fc.record({ kind: fc.constant('say' as const), user: fc.constantFrom('a', 'a', 'a', 'b'), text: message }) },
      {
        weight: 6,
        arbitrary: fc.record({
          kind: fc.constant('answer' as const),
          user: fc.constantFrom('a', 'a', 'b'),
          count: fc.integer({ min: 1, max: 20 }),
          name: fc.constantFrom(...NAMES),
          nik: nikTyped,
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('sleep' as const), ms: fc.constantFrom(60_000, DAY_MS + 1) }) },
    ),
    { minLength: 1, maxLength: 40 },
  );

/** Turns the actions into at most 40 messages, choosing the oracle's answers as the session goes. */
async function* messagesOf(h: Harness, list: Action[]): AsyncGenerator<{ user: string; text: string }> {
  let n = 0;
  for (const a of list) {
    if (a.kind === 'sleep') {
      h.clock.now += a.ms;
      continue;
    }
    const count = a.kind === 'say' ? 1 : a.count;
    for (let i = 0; i < count; i++) {
      if (n++ >= 40) return;
      yield { user: a.user, text: a.kind === 'say' ? a.text : correctAnswer(await sessionOrNew(h, a.user), a.name, a.nik) };
    }
  }
}

async function sessionOrNew(h: Harness, user: string): Promise<Session> {
  try {
    return await sessionOf(h, user);
  } catch {
    return { flow: 'menu', step: 'main', answers: {}, pending: null } as unknown as Session;
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Never throws, always answers
// ---------------------------------------------------------------------------------------------

describe('fuzz: every message gets a sensible reply', () => {
  it('never throws, always answers, never shows a placeholder, raw key or unmasked NIK', async () => {
    await fc.assert(
      fc.asyncProperty(actions, async (actions) =>
        withHarness(async (h) => {
          const sent: string[] = [];
          for await (const a of messagesOf(h, actions)) {
            sent.push(a.text);
            const result = await send(h, a.user, a.text);
            const replies = result.replies;
            expect(replies.length, `no reply to ${JSON.stringify(a.text)}`).toBeGreaterThan(0);
            const free = await storedFreeText(h);
            const ownCopy = replies.some((r) => OWN_COPY_TITLES.some((title) => r.text.startsWith(title)));
            for (const r of replies) {
              expect(r.text.trim().length, 'empty reply').toBeGreaterThan(0);
              const text = rendered(r);
              expect(INTERNAL_ERRORS, `internal error on ${JSON.stringify(a.text)}`).not.toContain(r.text);
              const own = withoutEchoes(text, [...sent.flatMap(echoForms), ...free]);
              for (const bad of FORBIDDEN) expect(own, `reply to ${JSON.stringify(a.text)}`).not.toContain(bad);
              expect(own, `raw locale key in reply to ${JSON.stringify(a.text)}`).not.toMatch(RAW_KEY);
              for (const typed of ownCopy ? [] : sent) {
                const digits = typed.replace(/[\s.\-]/g, '');
                if (!/^\d{16}$/.test(digits) || !text.includes(digits)) continue;
                // Allowed only when the person typed it into a free-text field that is shown back.
                expect(free.some((s) => s.includes(digits)), `unmasked NIK in reply to ${JSON.stringify(a.text)}`).toBe(true);
              }
            }
          }
          // Nothing typed damaged the database: its tables are still there, and readable.
          const tables = await dbOf(h).count(
            h.runtime.store.sql.dialect.name === 'sqlite'
              ? "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'"
              : 'SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()',
          );
          expect(tables).toBeGreaterThan(0);
          await expect(dbOf(h).count('sessions')).resolves.toBeGreaterThanOrEqual(0);
        }),
      ),
      harnessRuns(150),
    );
    // A few seconds on a quiet 2-core machine, several times that while it is busy (LINDUNG_FUZZ_SCALE: see helpers/fuzz.ts).
  }, fuzzTimeout(120_000));
});

// ---------------------------------------------------------------------------------------------
// 2. Never loses an answer already given
// ---------------------------------------------------------------------------------------------

/**
 * Text that can never be an answer that matters here: no Latin letters or digits once normalised
 * (so it matches no choice, alias, command, date, NIK or "ubah N"), never a command. It may still be
 * accepted by a free-text question ahead (birth place, address), which changes no earlier answer.
 */
const garbage = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: fc.constantFrom('!', '?', '.', '…', '😀', '🙏', 'ы', 'ж', '中', '文', 'ح', ' ', '\n', '<', '>', "'", '{', '}'), minLength: 1, maxLength: 20 }),
    fc.constantFrom(...EMOJI, "'; DROP TABLE sessions; --".replace(/[a-z]/gi, ''), '<<<>>>', '{{}}', 'Привет', '你好', 'مرحبا'),
  )
  .filter((t) => !/[a-z0-9]/.test(normalizeText(t)) && !/[0-9]/.test(t) && parseCommand(t) === undefined);

/**
 * One piece of noise; each leaves the person back in the registration. While "continue your
 * unfinished registration?" is asked, harmless commands keep that question open.
 */
const atOffer: fc.Arbitrary<readonly string[]> = fc.oneof(
  garbage.map((g) => [g]),
  fc.constantFrom(['bantuan'], ['halo'], ['english'], ['indonesia'], ['?'], ['bahasa', '1'], ['bahasa', '2']),
);
const noise: fc.Arbitrary<readonly string[]> = fc.oneof(
  fc.constant(['bantuan']),
  fc.constant(['?']),
  fc.constant(['halo']),
  fc.constantFrom(['bahasa', '1'], ['bahasa', '2'], ['english'], ['indonesia'], ['bahasa', 'English']),
  garbage.map((g) => [g]),
  fc.constant(['SLEEP']),
  fc
    .tuple(fc.constantFrom('menu', '0', 'Menu utama'), fc.array(garbage, { maxLength: 2 }), fc.array(atOffer, { maxLength: 3 }), fc.constantFrom('1', 'lanjut', 'continue'))
    .map(([menu, atMenu, offer, resume]) => [menu, ...atMenu, '4', ...offer.flat(), resume]),
);

describe('fuzz: noise never loses an answer', () => {
  it('keeps every answer given in a registration through help, language, garbage, menu and resume', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...NAMES),
        fc.constantFrom(...NIKS),
        fc.integer({ min: 4, max: scriptFor(NAMES[0]!, NIK_MALE).length }), // at least up to the NIK, at most to the summary
        fc.array(noise, { minLength: 1, maxLength: 12 }),
        async (name, nik, prefixLength, noises) =>
          withHarness(async (h) => {
            const user = 'p';
            for (const text of scriptFor(name, nik).slice(0, prefixLength)) await send(h, user, text);
            const given = (await sessionOf(h, user)).answers;
            // The fixed prefix really registered the name and NIK.
            expect(given.fullName).toBe((parseName(name) as { value: string }).value);
            expect(given.nik).toBe(nik);

            const keptAnswers = (s: Session): Record<string, unknown> | undefined =>
              s.answers.fullName !== undefined ? s.answers : s.drafts.registration?.answers;
            for (const piece of noises) {
              for (const text of piece) {
                if (text === 'SLEEP') {
                  h.clock.now += DAY_MS + 1;
                  continue;
                }
                const r = await send(h, user, text);
                expect(r.replies.length).toBeGreaterThan(0);
                // Mid-piece the answers may be parked as a draft, but they are somewhere.
                const kept = keptAnswers(await sessionOf(h, user));
                expect(kept, `after ${JSON.stringify(text)}`).toBeDefined();
                for (const [k, v] of Object.entries(given)) expect(kept![k], `${k} after ${JSON.stringify(text)}`).toEqual(v);
              }
              // After each whole piece the person is back in the registration with the answers in hand.
              const s = await sessionOf(h, user);
              expect(s.flow, `flow after ${JSON.stringify(piece)}`).toBe('registration');
              for (const [k, v] of Object.entries(given)) expect(s.answers[k], `${k} after ${JSON.stringify(piece)}`).toEqual(v);
            }
          }),
      ),
      harnessRuns(100),
    );
    // A few seconds on a quiet 2-core machine, several times that while it is busy (LINDUNG_FUZZ_SCALE: see helpers/fuzz.ts).
  }, fuzzTimeout(120_000));
});

// ---------------------------------------------------------------------------------------------
// 3. Restart safety
// ---------------------------------------------------------------------------------------------

describe('fuzz: restarts never lose or duplicate a registration', () => {
  it('ends with exactly one submitted registration wherever the runtime is reopened', async () => {
    const script = (nik: string) => ['halo', ...scriptFor('budi santoso', nik), '1'];
    const length = script(NIK_MALE).length;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(NIK_MALE, NIK_FEMALE),
        fc.uniqueArray(fc.integer({ min: 0, max: length }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (nik, splits, redeliver) => {
          let h = await startHarness();
          try {
            const user = 'r';
            const messages = script(nik);
            let last: HandleResult | undefined;
            for (let i = 0; i <= messages.length; i++) {
              if (splits.includes(i)) {
                const before = await dbOf(h).all('SELECT state FROM sessions ORDER BY person_id');
                h = await h.reopen();
                expect(await dbOf(h).all('SELECT state FROM sessions ORDER BY person_id')).toEqual(before);
                if (redeliver && i > 0) {
                  // The platform redelivers the last message after the restart: it is ignored.
                  const again = await send(h, user, messages[i - 1]!, `m${i - 1}`);
                  expect(again.duplicate).toBe(true);
                  expect(again.replies).toEqual([]);
                  expect(await dbOf(h).all('SELECT state FROM sessions ORDER BY person_id')).toEqual(before);
                }
              }
              if (i === messages.length) break;
              last = await send(h, user, messages[i]!, `m${i}`);
              expect(last.duplicate).toBe(false);
              expect(INTERNAL_ERRORS).not.toContain(last.replies[0]?.text);
            }
            const rows = await dbOf(h).all<{
              reference: string;
              status: string;
              nik_index: string;
            }>('SELECT reference, status, nik_index FROM registrations');
            expect(rows).toHaveLength(1);
            expect(rows[0]).toMatchObject({ status: 'submitted', nik_index: h.runtime.store.cipher.blindIndex('nik', nik) });
            expect(last!.replies.map((r) => r.text).join('\n')).toContain(rows[0]!.reference);
            const events = await dbOf(h).all('SELECT action FROM registration_events');
            expect(events).toEqual([{ action: 'submitted' }]);
            expect(await dbOf(h).get('SELECT count(*) AS n FROM consents')).toEqual({ n: 1 });
            const s = await sessionOf(h, user);
            expect([s.flow, s.answers, s.drafts, s.pending]).toEqual(['menu', {}, {}, null]);
          } finally {
            await cleanup(h);
          }
        },
      ),
      harnessRuns(60),
    );
    // A few seconds on a quiet 2-core machine, several times that while it is busy (LINDUNG_FUZZ_SCALE: see helpers/fuzz.ts).
  }, fuzzTimeout(120_000));
});
