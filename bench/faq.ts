// Free-text matching time per question: the labelled informal questions of test/faq, each matched
// many times against the real knowledge base. Reported as faqP50Ms / faqP99Ms.
import { createFaqMatcher, loadFaqTopics } from '../src/faq/matcher.js';
import { loadLocales } from '../src/i18n.js';
import { LABELLED } from '../test/faq/labelled.js';

/** Matches every labelled question `rounds` times and returns the per-question timings. */
export function runFaqBench(rounds = Number(process.env.BENCH_FAQ_ROUNDS ?? 50)): { faqQuestions: number; faqP50Ms: number; faqP99Ms: number; faqTop1: number } {
  const matcher = createFaqMatcher(loadFaqTopics(loadLocales()));
  const texts = LABELLED.map((l) => l.text);
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
  const answerable = LABELLED.filter((l) => l.topic !== null);
  const top1 = answerable.filter((l) => matcher.match(l.text).topic === l.topic).length / answerable.length;
  return {
    faqQuestions: texts.length,
    faqP50Ms: Math.round(pct(0.5) * 1000) / 1000,
    faqP99Ms: Math.round(pct(0.99) * 1000) / 1000,
    faqTop1: Math.round(top1 * 1000) / 1000,
  };
}
