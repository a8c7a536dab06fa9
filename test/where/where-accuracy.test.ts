// How well "Anda tinggal di kabupaten mana?" is understood (issue 16), measured end to end on two
// labelled sets written apart from the matcher (test/where/README.md): each answer is sent to a bot
// serving the four preset regencies, at the question, and the regency the person ends up with is
// compared with the label. Picking a served regency for a place that is not served, or the wrong one,
// is the worst outcome ("wrong"); asking which of two is acceptable; the list again is a miss.
// The held-out set is only ever measured here: never tuned on.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';

interface Labelled {
  text: string;
  regency: string | null;
  note?: string;
}

const load = (name: string) => JSON.parse(readFileSync(`test/where/${name}.json`, 'utf8')) as Labelled[];
const FOUR = ['banjar', 'bangka-barat', 'tanah-bumbu', 'barito-utara'].map((f) => `data/regencies/${f}.json`).join(',');

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { PROGRAMME_SETTINGS_PATH: FOUR } });
}, 60_000);
afterAll(() => cleanup(h));

type Outcome = 'right' | 'asked' | 'missed' | 'wrong';

/** Sends `text` at the where-question (a person of its own) and says how it went. */
async function outcome(item: Labelled, user: string): Promise<Outcome> {
  await h.say(user, 'cek syarat');
  const reply = (await h.say(user, item.text)).join('\n');
  const { store } = h.runtime;
  const personId = (await store.people.findOrCreate('test', user, h.clock.now, 'id', null)).personId;
  const regency = (JSON.parse((await store.people.session(personId)).state!) as { regency?: string }).regency;
  if (regency !== undefined) return regency === item.regency ? 'right' : 'wrong';
  if (item.regency !== null && /lebih dari satu kabupaten/.test(reply)) return 'asked';
  return item.regency === null ? 'right' : 'missed';
}

async function measure(name: string) {
  const set = load(name);
  const counts: Record<Outcome, number> = { right: 0, asked: 0, missed: 0, wrong: 0 };
  const misses: string[] = [];
  for (const [i, item] of set.entries()) {
    const o = await outcome(item, `${name}-${i}`);
    counts[o]++;
    if (o !== 'right') misses.push(`${o}: ${JSON.stringify(item.text)} (label ${item.regency})`);
  }
  const accuracy = counts.right / set.length;
  console.log(`[where] ${name}: ${set.length} answers, accuracy ${accuracy.toFixed(3)}, asked ${counts.asked}, missed ${counts.missed}, wrong ${counts.wrong}`);
  return { set, counts, accuracy, misses };
}

describe('where people say they live', () => {
  it('the tuning set', async () => {
    const r = await measure('where-tuning');
    expect(r.set.length).toBeGreaterThanOrEqual(100);
    expect(r.accuracy, r.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(r.counts.wrong, r.misses.join("\n")).toBeLessThanOrEqual(0);
  });

  it('the held-out set (measured, never tuned on)', async () => {
    const r = await measure('where-heldout');
    expect(r.set.length).toBeGreaterThanOrEqual(100);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(r.counts.wrong).toBeLessThanOrEqual(4);
  });
});
