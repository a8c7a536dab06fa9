// The question reader: time per question (every labelled message matched many times against the
// real knowledge base, faqP50Ms / faqP99Ms), and how often whole conversations get the right fact
// on the tuning part and on the held-out part (faqTuningAccuracy / faqHeldoutAccuracy), measured
// through the real app exactly as test/faq/accuracy.test.ts does.
import { createFaqMatcher, loadFaqTopics } from '../src/faq/matcher.js';
import { loadLocales } from '../src/i18n.js';
import { cleanup, startHarness } from '../test/helpers/harness.js';
import { HELDOUT, TUNING } from '../test/faq/sets.js';
import type { LabelledMessage } from '../test/faq/labelled-types.js';
import { createOutcomeReader } from '../test/faq/outcome.js';

/** Share of messages answered with the right fact, and confident answers to off-topic ones. */
async function measure(set: LabelledMessage[]): Promise<{ accuracy: number; wrongConfident: number }> {
  const h = await startHarness();
  try {
    const reader = createOutcomeReader(h);
    let right = 0;
    let wrongConfident = 0;
    for (const m of set) {
      const o = await reader.run(m);
      if (reader.right(m, o)) right++;
      if (reader.wrongConfident(m, o)) wrongConfident++;
    }
    return { accuracy: Math.round((right / set.length) * 1000) / 1000, wrongConfident };
  } finally {
    await cleanup(h);
  }
}

/** Matches every labelled message `rounds` times and returns the timings and both accuracies. */
export async function runFaqBench(rounds = Number(process.env.BENCH_FAQ_ROUNDS ?? 50)) {
  const matcher = createFaqMatcher(loadFaqTopics(loadLocales()));
  const texts = [...TUNING, ...HELDOUT].map((l) => l.text);
  for (const text of texts) matcher.match(text); // warm-up
  const times = new Float64Array(texts.length * rounds);
  let k = 0;
  for (let r = 0; r < rounds; r++) {
    for (const text of texts) {
      const t0 = process.hrtime.bigint();
      matcher.match(text);
      times[k++] = Number(process.hrtime.bigint() - t0) / 1e6;
    }
  }
  times.sort();
  const pct = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const tuning = await measure(TUNING);
  const heldout = await measure(HELDOUT);
  return {
    faqQuestions: texts.length,
    faqP50Ms: Math.round(pct(0.5) * 1000) / 1000,
    faqP99Ms: Math.round(pct(0.99) * 1000) / 1000,
    faqTuningAccuracy: tuning.accuracy,
    faqHeldoutAccuracy: heldout.accuracy,
    faqHeldoutWrongConfident: heldout.wrongConfident,
  };
}
