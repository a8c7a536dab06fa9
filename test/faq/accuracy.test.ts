import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaqMatcher, loadFaqTopics } from '../../src/faq/matcher.js';
import { maskDigits } from '../../src/domain/normalize.js';
import { informalWords } from '../../src/faq/normalize.js';
import { loadLocales } from '../../src/i18n.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { HELDOUT, TUNING } from './sets.js';
import type { LabelledMessage } from './labelled-types.js';
import { createOutcomeReader } from './outcome.js';

const resources = loadLocales();
const topics = loadFaqTopics(resources);
const matcher = createFaqMatcher(topics);

describe('knowledge base and labelled sets', () => {
  it('has at least 50 topics, each with a title, keywords, answer, gist and next step in both languages', () => {
    expect(topics.length).toBeGreaterThanOrEqual(50);
  });

  it('the labelled sets name only known topics, cover every topic, and hold at least 500 messages', () => {
    const ids = new Set([...topics.map((t) => t.id), 'out_of_scope']);
    const unknown = [...TUNING, ...HELDOUT].flatMap((l) => (Array.isArray(l.topic) ? l.topic : [l.topic])).filter((t) => t !== null && !ids.has(t));
    expect(unknown).toEqual([]);
    const covered = new Set(TUNING.flatMap((l) => (Array.isArray(l.topic) ? l.topic : [l.topic])));
    expect(topics.map((t) => t.id).filter((t) => !covered.has(t))).toEqual([]);
    expect(TUNING.length + HELDOUT.length).toBeGreaterThanOrEqual(500);
    expect(HELDOUT.length).toBeGreaterThanOrEqual(250);
  });

  it('no held-out message is also a tuning message', () => {
    const tuning = new Set(TUNING.map((l) => informalWords(l.text).join(' ')));
    expect(HELDOUT.filter((l) => tuning.has(informalWords(l.text).join(' '))).map((l) => l.text)).toEqual([]);
  });
});

// Every message goes through the real app (front door, reader, flows, a real SQLite file), first
// messages at the menu and mid-flow ones at their step, and the reply is checked for the right fact.
describe('what the bot answers, measured on whole conversations', () => {
  let h: Harness;
  const results = new Map<string, { right: number; total: number; wrongConfident: string[]; misses: string[] }>();
  beforeAll(async () => {
    h = await startHarness();
    const reader = createOutcomeReader(h);
    for (const [name, set] of [['tuning', TUNING], ['heldout', HELDOUT]] as [string, LabelledMessage[]][]) {
      const r = { right: 0, total: set.length, wrongConfident: [] as string[], misses: [] as string[] };
      for (const m of set) {
        const o = await reader.run(m);
        if (reader.right(m, o)) r.right++;
        else r.misses.push(`${m.step ?? 'menu'}: ${m.text} -> ${o.got} (want ${String(m.topic)})`);
        if (reader.wrongConfident(m, o)) r.wrongConfident.push(name === 'tuning' ? `${m.text} -> ${o.got}` : '(held out)');
      }
      results.set(name, r);
    }
  }, 120_000);
  afterAll(() => cleanup(h));

  it('answers at least 90% of the tuning messages with the right fact', () => {
    const r = results.get('tuning')!;
    const accuracy = r.right / r.total;
    console.log(`tuning: ${r.right}/${r.total} = ${(accuracy * 100).toFixed(1)}%`);
    if (accuracy < 0.9) console.log(r.misses.join('\n'));
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('answers the held-out messages with the right fact at least as often as measured when this was built', () => {
    const r = results.get('heldout')!;
    const accuracy = r.right / r.total;
    // Misses are not printed: we do not tune on this set.
    console.log(`held-out: ${r.right}/${r.total} = ${(accuracy * 100).toFixed(1)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(HELDOUT_FLOOR);
  });

  it('never answers an off-topic or vague message with a confident answer or an action', () => {
    expect(results.get('tuning')!.wrongConfident).toEqual([]);
    expect(results.get('heldout')!.wrongConfident.length).toBeLessThanOrEqual(HELDOUT_WRONG_CONFIDENT_CEILING);
  });
});

/** What the held-out part measured when this was last built (README): a regression floor, not the goal (90%). */
const HELDOUT_FLOOR = 0.9;
const HELDOUT_WRONG_CONFIDENT_CEILING = 0;

describe('the reader on its own', () => {
  it('steps aside for a short "how do I write it" at a question about a field, so the step shows its own example', () => {
    expect(matcher.match('format tanggalnya gimana', ['field']).confident).toBe(false);
    expect(matcher.match('format tanggalnya gimana', ['field']).topic).toBeNull();
    // Why it is asked, or a longer question about it, is still answered.
    expect(matcher.match('kenapa harus nama lengkap', ['field']).topic).toBe('data_use');
    expect(matcher.match('tanggal lahirnya ditulis gimana ya kak, pakai garis miring?', ['field']).topic).toBe('documents');
  });

  it('answers English questions in English', () => {
    const english = TUNING.filter((l) => l.lang === 'en' && l.topic && !l.step);
    expect(english.length).toBeGreaterThan(5);
    const wrong = english.filter((l) => matcher.match(l.text).lang !== 'en').map((l) => l.text);
    expect(wrong.length / english.length).toBeLessThan(0.1);
  });
});

describe('normalising chat writing', () => {
  it.each([
    ['gmn cara daftar bpjs tk', ['bagaimana', 'cara', 'daftar', 'bpjs', 'ketenagakerjaan']],
    ['brpaaa iurannya sebulan??', ['berapa', 'iuran', 'sebulan']],
    ['klo meninggal dpt apa', ['kalau', 'meninggal', 'dapat', 'apa']],
    ['ga punya KTP gmn', ['tidak', 'punya', 'ktp', 'bagaimana']],
    ['2 jt per bln', ['2', 'juta', 'per', 'bulan']],
  ])('%s', (text, words) => {
    expect(informalWords(text)).toEqual(words);
  });

  it('masks digit runs that could be a NIK or a phone number', () => {
    expect(maskDigits('nik saya 6301011708800003 hp 0812-3456-7890 umur 45')).toBe('nik saya [angka] hp [angka] umur 45');
  });
});
