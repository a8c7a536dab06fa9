// The question reader: time per question (every labelled message matched many times against the
// real knowledge base, faqP50Ms / faqP99Ms), and how often whole conversations get the right fact
// on the tuning part and on the held-out part (faqTuningAccuracy / faqHeldoutAccuracy), measured
// through the real app exactly as test/faq/accuracy.test.ts does.
import { createFaqMatcher, loadFaqTopics } from '../src/faq/matcher.js';
import { loadLocales } from '../src/i18n.js';
import { cleanup, startHarness } from '../test/helpers/harness.js';
import { DEV } from '../test/faq/dev.js';
import { DEV2 } from '../test/faq/dev2.js';
import { DEV3 } from '../test/faq/dev3.js';
import { DEV4 } from '../test/faq/dev4.js';
import { DEV5 } from '../test/faq/dev5.js';
import { DEV6 } from '../test/faq/dev6.js';
import { DEV7 } from '../test/faq/dev7.js';
import { DEV8 } from '../test/faq/dev8.js';
import { DEV9 } from '../test/faq/dev9.js';
import { DEV10 } from '../test/faq/dev10.js';
import { DEV11 } from '../test/faq/dev11.js';
import { DEV12 } from '../test/faq/dev12.js';
import { DEV13 } from '../test/faq/dev13.js';
import { DEV14 } from '../test/faq/dev14.js';
import { HELDOUT } from '../test/faq/heldout.js';
import { LABELLED } from '../test/faq/labelled.js';
import type { LabelledMessage } from '../test/faq/labelled-types.js';
import { createOutcomeReader } from '../test/faq/outcome.js';

const TUNING = [...LABELLED, ...DEV, ...DEV2, ...DEV3, ...DEV4, ...DEV5, ...DEV6, ...DEV7, ...DEV8, ...DEV9, ...DEV10, ...DEV11, ...DEV12, ...DEV13, ...DEV14];

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
    cleanup(h);
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
