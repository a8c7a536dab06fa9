import { figures } from '../domain/figures.js';
import { parseIncome } from '../domain/income.js';
import type { FaqMatch, OutOfScope } from '../faq/matcher.js';
import { contributionMessage, TRANSPORT } from './flows/calculator.js';
import { keyIn } from './locale-key.js';
import type { Lang, StepEnv } from './types.js';
import { needsRegency } from './flows/where.js';

/** Knowledge-base topics that act rather than answer. */
export const INTENT_TOPICS: Record<string, 'greeting' | 'thanks' | 'register' | 'status' | 'mydata'> = {
  greeting: 'greeting',
  thanks: 'thanks',
  want_register: 'register',
  check_status: 'status',
  delete_my_data: 'mydata',
};

export type FaqOutcome =
  | { kind: 'answer'; lang: Lang; text: string; topic: string; next?: string }
  | { kind: 'intent'; intent: (typeof INTENT_TOPICS)[string]; lang: Lang }
  | { kind: 'choose'; topics: string[]; lang: Lang }
  | { kind: 'outOfScope'; scope: OutOfScope; lang: Lang }
  | { kind: 'none'; lang: Lang };

const MONEY = /(?:rp\.?\s*)?\d[\d.,]*\s*(?:juta|jt|jta|ribu|rb|rebu|k|million|thousand)\b|rp\.?\s*\d[\d.,]*/i;
const ABOUT_PAYING = /iur|bayar|biaya|premi|setor|contribut|pay|cost|berapa|brp/i;
const TRANSPORT_WORDS = /\b(ojek|ojol|gojek|grab|sopir|supir|driver|angkot|kurir)\b/i;

/** An income written inside a question ("penghasilan saya 2 juta iurannya berapa"). */
export function incomeInText(text: string): number | undefined {
  const m = MONEY.exec(text);
  if (!m) return undefined;
  const r = parseIncome(m[0]);
  return r.ok && r.rupiah > 0 ? r.rupiah : undefined;
}

/** A topic's answer in a language, with every figure filled in from the rates file. */
export function topicAnswer(env: StepEnv, topic: string, lang: Lang): string {
  return topicText(env, topic, 'answer', lang);
}

/** One of a topic's texts (answer, gist, next) with the figures, regency and office filled in. */
export function topicText(env: StepEnv, topic: string, part: 'answer' | 'gist' | 'next', lang: Lang): string {
  const t = env.c.translate(lang);
  const o = env.c.settings.office;
  // Several regencies and the person's not known: not the first regency's facts as if they were theirs.
  if (needsRegency(env.s, env.c)) {
    const generic = { regency: t('where.your_regency'), office: t('where.your_office'), phone: t('where.see_help') };
    const text = t(keyIn('kb.', `${topic}.${part}`), {
      ...figures(env.c.rates, lang),
      ...generic,
      hours: '-',
      address: '',
      inspection: t('where.your_inspection'),
      inspectionPhone: t('where.see_help'),
    });
    const local = Object.values(generic).some((v) => text.includes(v));
    const tidy = text.replace(/ \(-\)/g, '');
    return local && part === 'answer' ? `${tidy}\n\n${t('where.answer_general')}` : tidy;
  }
  return t(keyIn('kb.', `${topic}.${part}`), {
    ...figures(env.c.rates, lang),
    regency: env.c.settings.regency.name,
    office: o.name,
    phone: o.phone,
    hours: o.hours,
    address: o.address,
    inspection: env.c.settings.labourInspection.name,
    inspectionPhone: env.c.settings.labourInspection.phone,
  });
}

/**
 * What to do with free text: answer a topic (computing the contribution when an income is in the
 * question), act on an intent, offer the closest topics when unsure, say plainly that something is
 * not ours, or nothing.
 */
export function consultFaq(env: StepEnv, text: string, match: FaqMatch): FaqOutcome {
  const lang: Lang = match.lang ?? env.s.lang;
  const income = incomeInText(text);
  const aboutPaying = match.found.includes('contribution') || match.found.includes('income');
  // "biaya pemakaman 10 juta": an amount of a benefit, not an income ("dapet 3 juta dari jualan" is).
  const aboutBenefits =
    ['funeral', 'lump_sum', 'periodic', 'sick_pay', 'disability', 'scholarship'].some((c) => match.found.includes(c)) ||
    (match.found.includes('benefit') && match.found.includes('what'));
  // An employee's wage is the employer's business: the BPU calculator would give the wrong figure.
  const employee = match.found.includes('wage');
  if (income !== undefined && aboutPaying && !aboutBenefits && !employee && ABOUT_PAYING.test(text) && !match.outOfScope) {
    const local = { ...env, s: { ...env.s, lang }, t: env.c.translate(lang) };
    const group = TRANSPORT_WORDS.test(text) ? TRANSPORT : (env.c.settings.groups.find((g) => g.kind === 'self_paid')?.id ?? 'mandiri');
    const body = contributionMessage(local, income, group);
    return { kind: 'answer', lang, topic: 'contribution_computed', text: body, next: local.t('faq.computed_next') };
  }
  if (match.outOfScope) return { kind: 'outOfScope', scope: match.outOfScope, lang };
  if (!match.topic) return { kind: 'none', lang };
  if (match.confident) {
    const intent = Object.hasOwn(INTENT_TOPICS, match.topic) ? INTENT_TOPICS[match.topic] : undefined;
    if (intent) return { kind: 'intent', intent, lang };
    return { kind: 'answer', lang, topic: match.topic, text: topicAnswer(env, match.topic, lang), next: topicText(env, match.topic, 'next', lang) };
  }
  const topics = match.candidates.filter((t) => !Object.hasOwn(INTENT_TOPICS, t));
  return topics.length ? { kind: 'choose', topics, lang } : { kind: 'none', lang };
}
