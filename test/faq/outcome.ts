// Runs labelled messages through the real app (a real SQLite file, the whole front door and
// reader) and names what the bot did with each: which knowledge-base answer it gave, whether it
// said "not ours", acted on an intent, or was unsure. Used by the accuracy test and the bench.
import type { Harness } from '../helpers/harness.js';
import { addressKey } from '../../src/storage/addresses.js';
import { loadRates } from '../../src/domain/rates.js';
import { loadLocales } from '../../src/i18n.js';
import { topicAnswer } from '../../src/core/faq.js';
import type { Lang, Session } from '../../src/core/types.js';
import type { LabelledMessage, ConversationStep } from './labelled-types.js';
import { registrationScript } from '../helpers/registration.js';

/** How the person registering answers (the other fields: their examples). */
const ANSWERS = { fullName: 'budi santoso', address: 'Jl. Mawar RT 03', phone: '0812-3456-7890', heirName: 'Siti Aminah' };
/** The messages that bring a fresh person to a registration field's question. */
const regTo = (field: string) => registrationScript(ANSWERS, { until: field });
const PATHS: Record<ConversationStep, string[]> = {
  'calculator.income': ['2'],
  'calculator.after': ['2', '1,5 juta', '1'],
  'eligibility.work': ['3'],
  'eligibility.age': ['3', '1'],
  'registration.fullName': regTo('fullName'),
  'registration.nik': regTo('nik'),
  'registration.birthDate': regTo('birthDate'),
  'registration.address': regTo('address'),
  'registration.phone': regTo('phone'),
  'registration.occupation': regTo('occupation'),
  'registration.income': regTo('income'),
  'registration.heirName': regTo('heirName'),
  'registration.heirRelation': regTo('heirRelation'),
};

/** What the bot did with one message. */
export interface Outcome {
  /** A knowledge-base topic answered, 'out_of_scope', an intent's topic, 'contribution_computed', or null (unsure, menu, error). */
  got: string | null;
  /** The flow and step the person is at afterwards. */
  at: string;
  replies: string;
}

const INTENT_FLOWS: Record<string, string> = { registration: 'want_register', status: 'check_status', neighbours: 'check_status', mydata: 'delete_my_data' };
const CONTRIBUTION_TOPICS = ['bpu_contribution', 'contribution_jkk', 'contribution_jkm', 'jht_optional', 'discount', 'income_declare', 'free_contribution'];

export function createOutcomeReader(h: Harness) {
  const rates = loadRates('data/rates.json');
  const translate = h.runtime.translate;
  const settings = h.runtime.settings;
  const kb = Object.keys(loadLocales().id.kb as Record<string, unknown>);
  const env = (lang: Lang) => ({
    s: { lang } as Session,
    t: translate(lang),
    c: { translate, settings, rates } as never,
  });
  // Each topic's answer text in both languages, longest first so a topic never hides inside another.
  const answers: { topic: string; text: string }[] = [];
  for (const topic of kb) for (const lang of ['id', 'en'] as const) answers.push({ topic, text: topicAnswer(env(lang), topic, lang) });
  answers.sort((a, b) => b.text.length - a.text.length);
  const outOfScope: string[] = [];
  for (const lang of ['id', 'en'] as const) {
    const t = translate(lang);
    for (const k of ['general', 'kesehatan', 'bansos', 'loan', 'prakerja', 'job', 'tax'] as const) outOfScope.push(t(`faq.out_of_scope.${k}`));
  }
  const outOfScopeKesehatan = [translate('id')('faq.out_of_scope.kesehatan'), translate('en')('faq.out_of_scope.kesehatan')];
  const thanks = [translate('id')('faq.thanks'), translate('en')('faq.thanks')];
  const helpTexts = [translate('id')('help.commands'), translate('en')('help.commands')];
  const incomeUnknown = (['id', 'en'] as const).map((l) => translate(l)('income.confirm_unknown', { min: '\u0000' }).split('\u0000')[0]!);
  const intro = (lang: Lang) => translate(lang)('menu.intro', { regency: settings.regency.name }).split('\n')[0]!;
  let n = 0;

  function sessionOf(user: string): Session | undefined {
    const row = h.runtime.db
      .prepare("SELECT s.state FROM sessions s JOIN identities i ON i.person_id = s.person_id WHERE i.channel = 'test' AND i.external_key = ?")
      .get(addressKey(h.runtime.store.cipher, 'test', user)) as { state: string } | undefined;
    return row ? (JSON.parse(h.runtime.store.cipher.decrypt(row.state)) as Session) : undefined;
  }

  return {
    async run(m: LabelledMessage): Promise<Outcome> {
      const user = `eval-${++n}`;
      for (const step of m.step ? PATHS[m.step] : []) await h.say(user, step);
      const before = sessionOf(user);
      const replies = (await h.say(user, m.text)).join('\n');
      const after = sessionOf(user)!;
      const at = `${after.flow}.${after.step}`;
      let got: string | null = null;
      const hit = answers.find((a) => replies.includes(a.text));
      // The help command's reply (which names the office) is help, not an answer.
      if (helpTexts.some((t) => replies.includes(t))) got = null;
      else if (hit) got = hit.topic;
      else if (outOfScope.some((t) => replies.includes(t))) got = outOfScopeKesehatan.some((t) => replies.includes(t)) ? 'out_of_scope:kesehatan' : 'out_of_scope';
      else if (/JKK \+ JKM = Rp|JKK \+ JKM \+ JHT|With JHT = Rp|Dengan JHT = Rp/.test(replies)) got = 'contribution_computed';
      else if (after.flow !== (before?.flow ?? 'menu') && INTENT_FLOWS[after.flow]) got = INTENT_FLOWS[after.flow]!;
      else if (after.pending?.kind === 'draft' && INTENT_FLOWS[after.pending.flow]) got = INTENT_FLOWS[after.pending.flow]!;
      else if (thanks.some((t) => replies.includes(t))) got = 'thanks';
      // "Don't know" at an income question: the minimum basis and how to estimate (the income_declare facts).
      else if (incomeUnknown.some((t) => replies.includes(t))) got = 'income_declare';
      else if (!m.step && (replies.includes(intro('id')) || replies.includes(intro('en'))) && !after.pending) got = 'greeting';
      return { got, at, replies };
    },
    /** True when the outcome is the right fact for the label. */
    right(m: LabelledMessage, o: Outcome): boolean {
      const want = Array.isArray(m.topic) ? m.topic : [m.topic];
      if (want.includes(o.got as string)) return true;
      // "That is BPJS Kesehatan's, ask them there" is the fact for a question labelled as either.
      if (o.got === 'out_of_scope:kesehatan') return want.includes('out_of_scope') || want.includes('kesehatan');
      if (o.got === 'contribution_computed') return want.some((w) => w !== null && CONTRIBUTION_TOPICS.includes(w));
      if (want.includes(null)) return o.got === null || o.got.startsWith('out_of_scope') || o.got === 'greeting';
      return false;
    },
    /** A confident answer (or an action) to a message that should have had none. */
    wrongConfident(m: LabelledMessage, o: Outcome): boolean {
      const want = Array.isArray(m.topic) ? m.topic : [m.topic];
      const offTopic = want.includes('out_of_scope') || want.includes(null);
      return offTopic && !this.right(m, o) && o.got !== null && !o.got.startsWith('out_of_scope');
    },
  };
}
