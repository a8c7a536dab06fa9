// Traps: the messages real people send that a menu bot gets wrong. Each case runs the whole app on a
// real SQLite file and checks the reply text or the stored session, so each one can fail.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLocales } from '../../src/i18n.js';
import { loadRates } from '../../src/domain/rates.js';
import { topicAnswer, topicText } from '../../src/core/faq.js';
import { addressKey } from '../../src/storage/addresses.js';
import type { Lang, Session } from '../../src/core/types.js';
import { keyIn, type LocaleKey } from '../../src/core/locale-key.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

/** How the person registering here answers (the other fields: their examples), as in test/faq/outcome.ts. */
const ANSWERS = { fullName: 'budi santoso', address: 'Jl. Mawar RT 03', phone: '0812-3456-7890', heirName: 'Siti Aminah' };
/** The messages that bring a fresh person to a registration field's question. */
const regTo = (field: string) => registrationScript(ANSWERS, { until: field });
/** Another valid NIK with the same birth date, for a person whose registration is already sent. */
const NIK_OWNER = '6301011708800011';

const t = (key: LocaleKey, params?: Record<string, unknown>, lang: Lang = 'id') => h.runtime.translate(lang)(key, params);
const ERR_CHOICE = /pilihan itu tidak ada|that choice does not exist/i;
const BACK = 'Kembali ke pertanyaan tadi';

/** Sends each message in turn; returns the last one's replies, joined. */
async function chat(user: string, ...texts: string[]): Promise<string> {
  let last: string[] = [];
  for (const text of texts) last = await h.say(user, text);
  return last.join('\n');
}

async function state(user: string): Promise<Session> {
  const row = (await dbOf(h).get<{ state: string }>("SELECT s.state FROM sessions s JOIN identities i ON i.person_id = s.person_id WHERE i.channel = 'test' AND i.external_key = ?", [addressKey(h.runtime.store.cipher, 'test', user)]))!;
  return JSON.parse(h.runtime.store.cipher.decrypt(row.state)) as Session;
}

const rates = loadRates('data/rates.json');
/** One of a knowledge-base topic's texts exactly as the bot words it, figures filled in. */
function kbText(topic: string, part: 'answer' | 'gist', lang: Lang = 'id'): string {
  const env = { s: { lang } as Session, t: h.runtime.translate(lang), c: { translate: h.runtime.translate, settings: h.runtime.settings, rates } } as never;
  return part === 'answer' ? topicAnswer(env, topic, lang) : topicText(env, topic, part, lang);
}
const answerOf = (topic: string, lang: Lang = 'id') => kbText(topic, 'answer', lang);
const gistOf = (topic: string) => kbText(topic, 'gist');
/** The first line of the consent text: registration has started. */
const consentHeading = () => t('reg.consent').split('\n')[0]!;
const KB_TOPICS = Object.keys(loadLocales().id.kb as Record<string, unknown>);

/** The part of a reply before the flow's question is asked again. */
const answerPart = (out: string) => out.split(BACK)[0]!;

/** Sends a whole registration and returns its reference code. */
async function submitRegistration(user: string, nik = NIK_OWNER): Promise<string> {
  const script = registrationScript({ ...ANSWERS, nik });
  const done = await chat(user, ...script);
  const ref = /LD-[2-9A-HJKMNP-Z]{5}/.exec(done)?.[0];
  expect(ref, done).toBeDefined();
  return ref!;
}

interface Place {
  path: string[];
  flow: string;
  step: string;
  /** The locale key of the question asked at this place. */
  prompt: LocaleKey;
  /** A valid answer and the question that follows it. */
  answer?: [string, LocaleKey];
}
const PLACES: Record<string, Place> = {
  'calculator.income': { path: ['2'], flow: 'calculator', step: 'income', prompt: 'calc.income', answer: ['1,5 juta', 'calc.group'] },
  'calculator.after': { path: ['2', '1,5 juta', '1'], flow: 'calculator', step: 'after', prompt: 'calc.after' },
  'eligibility.work': { path: ['3'], flow: 'eligibility', step: 'work', prompt: 'elig.work', answer: ['1', 'elig.age'] },
  'eligibility.age': { path: ['3', '1'], flow: 'eligibility', step: 'age', prompt: 'elig.age' },
  'registration.fullName': { path: regTo('fullName'), flow: 'registration', step: 'fullName', prompt: 'reg.fullName', answer: ['Budi Santoso', 'reg.nik'] },
  'registration.nik': { path: regTo('nik'), flow: 'registration', step: 'nik', prompt: 'reg.nik', answer: [NIK_MALE, 'reg.birthPlace'] },
  'registration.birthDate': { path: regTo('birthDate'), flow: 'registration', step: 'birthDate', prompt: 'reg.birthDate', answer: ['17-08-1980', 'reg.sex'] },
  'registration.address': { path: regTo('address'), flow: 'registration', step: 'address', prompt: 'reg.address', answer: ['Jl. Mawar RT 03', 'reg.phone'] },
  'registration.phone': { path: regTo('phone'), flow: 'registration', step: 'phone', prompt: 'reg.phone', answer: ['0812-3456-7890', 'reg.occupation'] },
  'registration.occupation': { path: regTo('occupation'), flow: 'registration', step: 'occupation', prompt: 'reg.occupation', answer: ['1', 'reg.income'] },
  'registration.income': { path: regTo('income'), flow: 'registration', step: 'income', prompt: 'reg.income', answer: ['1,5 juta', 'reg.group'] },
  'registration.heirName': { path: regTo('heirName'), flow: 'registration', step: 'heirName', prompt: 'reg.heirName', answer: ['Siti Aminah', 'reg.heirRelation'] },
  'registration.heirRelation': { path: regTo('heirRelation'), flow: 'registration', step: 'heirRelation', prompt: 'reg.heirRelation' },
};

describe('1. menu words inside sentences go to the reader', () => {
  it('"biaya penguburan dapet brp" answers the funeral part of JKM, not the calculator', async () => {
    const out = await chat('u', 'halo', 'biaya penguburan dapet brp');
    expect(out).toContain('Biaya pemakaman Rp10 juta');
    expect(out).not.toContain(t('calc.income'));
    expect((await state('u')).flow).toBe('menu');
  });

  it('"pendaftaran sy udh diproses blm" shows the person\'s status, not a new registration', async () => {
    const ref = await submitRegistration('u');
    const out = await chat('u', 'menu', 'pendaftaran sy udh diproses blm');
    expect(out).toContain(ref);
    expect(out).toContain(t('status.submitted'));
    expect(out).not.toContain(consentHeading());
    expect((await state('u')).flow).toBe('status');
  });

  it('"kader boleh daftarin tetangga?" answers registering others', async () => {
    const out = await chat('u', 'halo', 'kader boleh daftarin tetangga?');
    expect(out).toContain(answerOf('register_other'));
    expect(out).not.toContain(consentHeading());
    expect((await state('u')).flow).toBe('menu');
  });

  it.each<[string, string, LocaleKey]>([
    ['2', 'calculator', 'calc.income'],
    ['hitung iuran', 'calculator', 'calc.income'],
    ['daftar', 'registration', 'reg.consent'],
    ['pendaftran', 'registration', 'reg.consent'],
  ])('exact menu input "%s" still opens its flow', async (text, flow, prompt) => {
    const out = await chat('u', 'halo', text);
    expect((await state('u')).flow).toBe(flow);
    expect(out).toContain(prompt === 'reg.consent' ? consentHeading() : t(prompt));
  });
});

describe('2. programme × aspect', () => {
  it.each([
    ['jkm itu apa sih', 'jkm', 'id', 'Rp42 juta'],
    ['iuran jkk brp persen', 'contribution_jkk', 'id', '1%'],
    ['jkm manfaatnya apa', 'jkm', 'id', 'Rp42 juta'],
    ['what do i get from jkm', 'jkm', 'en', 'Rp42 million'],
    ['meninggal krn kecelakaan kerja dapet brp', 'jkk', 'id', '48 x'],
  ] as const)('"%s" answers %s', async (text, topic, lang, figure) => {
    const out = await chat('u', 'halo', text);
    expect(out).toContain(answerOf(topic, lang));
    expect(out).toContain(figure);
    expect((await state('u')).flow).toBe('menu');
  });
});

describe('3. never a dead end', () => {
  async function unsure(user: string, text: string) {
    const replies = await h.replies(user, text);
    const last = replies.at(-1)!;
    expect(last.text).toContain(t('nav.pending_faq'));
    const topics = ((await state(user)).pending as { topics: string[] }).topics;
    return { last, topics };
  }

  it('an unsure question ("klaim") offers 2–3 numbered topics, each with its one-line gist', async () => {
    await chat('u', 'halo');
    const { last, topics } = await unsure('u', 'klaim');
    expect(last.choices!.length).toBeGreaterThanOrEqual(2);
    expect(last.choices!.length).toBeLessThanOrEqual(3);
    last.choices!.forEach((c, i) => {
      expect(c.key).toBe(String(i + 1));
      expect(c.label).toBe(gistOf(topics[i]!));
      expect(c.label).not.toContain('\n');
    });
  });

  it('picking "1" answers that topic, then the menu', async () => {
    await chat('u', 'halo');
    const { topics } = await unsure('u', 'klaim');
    const out = await chat('u', '1');
    expect(out).toContain(answerOf(topics[0]!));
    expect(out).toContain(t('menu.prompt'));
    expect((await state('u')).pending).toBeNull();
  });

  it.each([
    ['daftar', 'registration', () => consentHeading()],
    ['iuran jkk brp persen', 'menu', () => answerOf('contribution_jkk')],
    ['menu', 'menu', () => t('menu.prompt')],
    ['LD-7K3Q9', 'menu', () => t('status.not_found', { reference: 'LD-7K3Q9' })],
    ['status LD-7K3Q9 gmn', 'menu', () => t('status.not_found', { reference: 'LD-7K3Q9' })],
    ['cek status', 'status', () => t('status.none')],
    ['daftar dong mas', 'registration', () => consentHeading()],
    ['cek status kak', 'status', () => t('status.none')],
  ] as const)('after the list at the menu, "%s" is acted on', async (text, flow, expected) => {
    await chat('u', 'halo');
    await unsure('u', 'klaim');
    const out = await chat('u', text);
    expect(out).not.toMatch(ERR_CHOICE);
    expect(out).toContain(expected());
    expect((await state('u')).flow).toBe(flow);
  });

  // At the birth date: a step with no topic of its own, so "klaim gmn?" stays an unsure question about claims.
  const BIRTH_DATE = regTo('birthDate');
  const kept = { fullName: 'Budi Santoso', nik: NIK_MALE, birthPlace: 'Banjarmasin' };

  it('inside registration: "1" after the list answers and asks the birth date again, nothing lost', async () => {
    await chat('u', ...BIRTH_DATE);
    const { topics } = await unsure('u', 'klaim gmn?');
    const out = await chat('u', '1');
    expect(out).toContain(answerOf(topics[0]!));
    expect(out).toContain(BACK);
    expect(out).toContain(t('reg.birthDate'));
    expect(await state('u')).toMatchObject({ flow: 'registration', step: 'birthDate', pending: null, answers: kept });
  });

  it.each<[string, LocaleKey]>([
    ['daftar', 'reg.birthDate'],
    ['iuran jkk brp persen', 'reg.birthDate'],
    ['LD-7K3Q9', 'reg.birthDate'],
    ['17-08-1980', 'reg.sex'],
  ])('inside registration: "%s" after the list is acted on', async (text, next) => {
    await chat('u', ...BIRTH_DATE);
    await unsure('u', 'klaim gmn?');
    const out = await chat('u', text);
    expect(out).not.toMatch(ERR_CHOICE);
    expect(out).toContain(t(next));
    if (text.startsWith('LD-')) expect(out).toContain(t('status.not_found', { reference: 'LD-7K3Q9' }));
    if (text.startsWith('iuran')) expect(out).toContain(answerOf('contribution_jkk'));
    expect((await state('u')).flow).toBe('registration');
    expect((await state('u')).answers).toMatchObject(kept);
  });

  it('inside registration: "menu" after the list leaves with the draft kept and offered back', async () => {
    await chat('u', ...BIRTH_DATE);
    await unsure('u', 'klaim gmn?');
    expect(await chat('u', 'menu')).toContain(t('menu.prompt'));
    expect(await chat('u', '4')).toContain(t('nav.pending_draft', { flow: t('flows.registration') }));
    expect(await chat('u', '1')).toContain(t('reg.birthDate'));
    expect((await state('u')).answers).toMatchObject(kept);
  });

  const OFF_TOPIC = [
    ['pinjaman kur gmn', 'loan'],
    ['cuaca besok', 'general'],
    ['klaim bpjs kesehatan gimana', 'kesehatan'],
    ['bansos pkh kapan cair', 'bansos'],
  ] as const;

  it.each(OFF_TOPIC)('off-topic "%s" at the menu gets "not ours" (%s) and the menu, no BPJS TK answer', async (text, scope) => {
    const out = await chat('u', 'halo', text);
    expect(out).toContain(t(`faq.out_of_scope.${scope}`));
    expect(out).toContain(t('menu.prompt'));
    for (const topic of KB_TOPICS) expect(out).not.toContain(answerOf(topic));
    expect((await state('u')).flow).toBe('menu');
  });

  it.each(OFF_TOPIC)('off-topic "%s" at the NIK gets "not ours" (%s) and the NIK question again', async (text, scope) => {
    await chat('u', ...regTo('nik'));
    const out = await chat('u', text);
    expect(out).toContain(t(`faq.out_of_scope.${scope}`));
    expect(out).toContain(BACK);
    expect(out).toContain(t('reg.nik'));
    for (const topic of KB_TOPICS) expect(out).not.toContain(answerOf(topic));
    expect(await state('u')).toMatchObject({ flow: 'registration', step: 'nik', answers: { fullName: 'Budi Santoso' } });
  });
  it.each([
    ['pas hujan sy jatuh dr motor waktu narik, dapet jkk?', 'jkk'],
    ['banjir kemarin sy luka pas kerja, ditanggung jkk ga', 'jkk'],
  ])('weather in a story does not hide a named programme: "%s" is answered with %s', async (text, topic) => {
    const out = await chat('u', 'halo', text);
    expect(out).toContain(answerOf(topic));
    for (const scope of ['general', 'kesehatan', 'loan'] as const) expect(out).not.toContain(t(`faq.out_of_scope.${scope}`));
  });
});

describe('4. global intents work in every flow', () => {
  const where = Object.entries(PLACES).filter(([name]) =>
    ['calculator.income', 'calculator.after', 'eligibility.work', 'eligibility.age', 'registration.fullName', 'registration.nik', 'registration.address', 'registration.income', 'registration.heirName', 'registration.heirRelation'].includes(name),
  );

  /** The registration draft is offered back from the menu and continues at the same question. */
  async function draftOfferedBack(user: string, place: Place, answers: Record<string, unknown>) {
    await chat(user, 'menu');
    expect(await chat(user, '4')).toContain(t('nav.pending_draft', { flow: t('flows.registration') }));
    expect(await chat(user, '1')).toContain(t(place.prompt));
    expect(await state(user)).toMatchObject({ flow: 'registration', step: place.step });
    expect((await state(user)).answers).toEqual(answers);
  }

  describe.each(where)('at %s', (_name, place) => {
    const inRegistration = place.flow === 'registration';

    it.each(['mau daftar', 'daftar'])('"%s" starts (or stays in) registration', async (text) => {
      await chat('u', ...place.path);
      const before = (await state('u')).answers;
      const out = await chat('u', text);
      expect(out).not.toMatch(ERR_CHOICE);
      expect((await state('u')).flow).toBe('registration');
      if (inRegistration) {
        expect(out).toContain(t(place.prompt));
        expect((await state('u')).step).toBe(place.step);
        expect((await state('u')).answers).toEqual(before);
      } else {
        expect(out).toContain(consentHeading());
        expect((await state('u')).step).toBe('consent');
      }
    });

    it('"cek status" shows status (in Indonesian)', async () => {
      await chat('u', ...place.path);
      const before = (await state('u')).answers;
      const out = await chat('u', 'cek status');
      expect(out).toContain(t('status.none'));
      expect(await state('u')).toMatchObject({ flow: 'status', lang: 'id' });
      if (inRegistration) await draftOfferedBack('u', place, before);
    });

    it('"data saya" opens my data', async () => {
      await chat('u', ...place.path);
      const before = (await state('u')).answers;
      const out = await chat('u', 'data saya');
      expect(out).toContain(t('mydata.none'));
      expect((await state('u')).flow).toBe('mydata');
      if (inRegistration) {
        expect(out).toContain(t('mydata.draft'));
        await draftOfferedBack('u', place, before);
      }
    });

    it('"menu" goes to the menu (keeping a registration draft)', async () => {
      await chat('u', ...place.path);
      const before = (await state('u')).answers;
      expect(await chat('u', 'menu')).toContain(t('menu.prompt'));
      expect((await state('u')).flow).toBe('menu');
      if (inRegistration) {
        expect(await chat('u', '4')).toContain(t('nav.pending_draft', { flow: t('flows.registration') }));
        expect(await chat('u', '1')).toContain(t(place.prompt));
        expect((await state('u')).answers).toEqual(before);
      }
    });

    it('"bantuan" gives help and the same question', async () => {
      await chat('u', ...place.path);
      const before = await state('u');
      const out = await chat('u', 'bantuan');
      expect(out).toContain(t('help.commands'));
      expect(out).toContain(t(place.prompt));
      expect(await state('u')).toMatchObject({ flow: place.flow, step: place.step, answers: before.answers });
    });

    it('"batal" asks to confirm; "2" goes on with the same question', async () => {
      await chat('u', ...place.path);
      const before = await state('u');
      expect(await chat('u', 'batal')).toContain(t('nav.pending_confirmCancel', { flow: t(keyIn('flows.', place.flow)) }));
      expect(await chat('u', '2')).toContain(t(place.prompt));
      expect(await state('u')).toMatchObject({ flow: place.flow, step: place.step, answers: before.answers, pending: null });
    });

    it('"bahasa" then "2" asks the same question in English', async () => {
      await chat('u', ...place.path);
      expect(await chat('u', 'bahasa')).toContain(t('nav.pending_language'));
      expect(await chat('u', '2')).toContain(t(place.prompt, undefined, 'en'));
      expect(await state('u')).toMatchObject({ flow: place.flow, step: place.step, lang: 'en' });
    });

    it('someone else\'s reference code ("status LD-XXXXX gmn") is not found, and the question comes back', async () => {
      const ref = await submitRegistration('owner');
      await chat('u', ...place.path);
      const before = await state('u');
      const out = await chat('u', `status ${ref} gmn`);
      expect(out).toContain(t('status.not_found', { reference: ref }));
      expect(out).not.toContain('Budi Santoso');
      expect(out).toContain(t(place.prompt));
      expect(await state('u')).toMatchObject({ flow: place.flow, step: place.step, answers: before.answers });
    });
  });

  it.each(['calculator.income', 'eligibility.age', 'registration.nik'])('the person\'s own reference code at %s shows its status, then the question again', async (name) => {
    const place = PLACES[name]!;
    const ref = await submitRegistration('u');
    await chat('u', 'menu', ...place.path);
    const out = await chat('u', `status ${ref} gmn`);
    expect(out).toContain(ref);
    expect(out).toContain(t('status.submitted'));
    expect(out).toContain(BACK);
    expect(out).toContain(t(place.prompt));
    expect(await state('u')).toMatchObject({ flow: place.flow, step: place.step });
  });
});

describe('5. a question mid-flow is answered and the same question asked again', () => {
  const QUESTIONS: [string, string][] = [
    ['iurannya berapa?', 'bpu_contribution'],
    ['kalau meninggal keluarga dapat apa?', 'jkm'],
    ['penghasilan saya 2 juta iurannya berapa?', 'computed'],
  ];
  const cases = Object.entries(PLACES)
    .flatMap(([name, place]) => QUESTIONS.map(([q, topic]) => [name, q, topic, place] as const));

  it.each(cases)('at %s: "%s"', async (_name, question, topic, place) => {
    await chat('u', ...place.path);
    const before = await state('u');
    const out = await chat('u', question);
    const answer = answerPart(out);
    if (topic === 'computed') expect(answer).toContain('dihitung dari Rp2.000.000');
    else expect(answer).toContain(answerOf(topic));
    expect(answer).not.toMatch(/balas \d|reply \d/i);
    expect(out).toContain(BACK);
    expect(out.split(BACK)[1]).toContain(t(place.prompt));
    const after = await state('u');
    expect(after).toMatchObject({ flow: place.flow, step: place.step, pending: null });
    expect(after.answers).toEqual(before.answers);
    if (place.answer) {
      const [value, next] = place.answer;
      expect(await chat('u', value)).toContain(t(next));
    }
  });

  const placesFor = (names: string[]) => Object.entries(PLACES).filter(([name]) => names.includes(name));

  it.each(placesFor(['eligibility.work', 'registration.birthDate', 'registration.address', 'registration.phone', 'registration.occupation']))('at %s: "klaim gmn?" is about claims, not about the question being asked', async (_name, place) => {
    await chat('u', ...place.path);
    const before = await state('u');
    const out = await chat('u', 'klaim gmn?');
    expect(out).not.toMatch(ERR_CHOICE);
    const after = await state('u');
    if (after.pending?.kind === 'faq') {
      expect(after.pending.topics).toEqual(expect.arrayContaining(['claim_jkm', 'claim_jkk']));
      expect(await chat('u', '1')).toContain(t(place.prompt));
    } else {
      expect([answerOf('claim_jkm'), answerOf('claim_jkk')].some((a) => out.includes(a)), out).toBe(true);
      expect(out.split(BACK)[1]).toContain(t(place.prompt));
    }
    expect(await state('u')).toMatchObject({ flow: place.flow, step: place.step, answers: before.answers });
  });

  it.each(
    placesFor(['calculator.income', 'calculator.after', 'eligibility.work', 'eligibility.age', 'registration.birthDate', 'registration.address', 'registration.phone', 'registration.occupation', 'registration.income']),
  )('at %s: "what is jkk?" is answered about JKK, in English, and the question asked again', async (_name, place) => {
    await chat('u', ...place.path);
    const before = await state('u');
    const out = await chat('u', 'what is jkk?');
    const back = t('faq.back_to_question', undefined, 'en');
    expect(out).toContain(answerOf('jkk', 'en'));
    expect(out.split(back)[0]).not.toMatch(/balas \d|reply \d/i);
    expect(out.split(back)[1]).toContain(t(place.prompt, undefined, 'en'));
    expect(await state('u')).toMatchObject({ flow: place.flow, step: place.step, answers: before.answers, lang: 'en' });
  });

  it('"ahli waris itu siapa" at the heir\'s name is answered, not saved as the name', async () => {
    await chat('u', ...PLACES['registration.heirName']!.path);
    const out = await chat('u', 'ahli waris itu siapa');
    expect(answerPart(out)).toContain(answerOf('heirs'));
    expect(out).toContain(t('reg.heirName'));
    expect((await state('u')).step).toBe('heirName');
    expect((await state('u')).answers.heirName).toBeUndefined();
    expect(await chat('u', 'Siti Aminah')).toContain(t('reg.heirRelation'));
    expect((await state('u')).answers.heirName).toBe('Siti Aminah');
  });

  it('an address with "Apa" in it is taken as the address', async () => {
    await chat('u', ...PLACES['registration.address']!.path);
    const out = await chat('u', 'Jl. Kenanga Gg. Apa Saja RT 2');
    expect(out).toContain(t('reg.phone'));
    expect(out).not.toContain(BACK);
    expect((await state('u')).answers.address).toBe('Jl. Kenanga Gg. Apa Saja RT 2');
  });

  it('"Siti Aminah" is taken as the full name', async () => {
    await chat('u', ...PLACES['registration.fullName']!.path);
    expect(await chat('u', 'Siti Aminah')).toContain(t('reg.nik'));
    expect((await state('u')).answers.fullName).toBe('Siti Aminah');
  });
});

describe('6. income in people\'s words', () => {
  /** Sends the last income messages, then group 7 (self-paid), and returns the calculator's result. */
  async function calculatorResult(user: string, ...incomeMessages: string[]) {
    await chat(user, ...incomeMessages);
    expect((await state(user)).step).toBe('group');
    return chat(user, '7');
  }

  it('calculator: "sehari 100rb" is shown as 26 days, Rp2.600.000, and asks to confirm; "1" uses it', async () => {
    const out = await chat('u', '2', 'sehari 100rb');
    expect(out).toContain('Rp100.000');
    expect(out).toContain('26');
    expect(out).toContain('Rp2.600.000');
    expect(out).toContain(`1. ${t('income.use', { amount: 'Rp2.600.000' })}`);
    expect((await state('u')).pending).toMatchObject({ kind: 'income', value: 2600000 });
    expect(await calculatorResult('u', '1')).toContain('dihitung dari Rp2.600.000');
  });

  it.each(['2', 'tidak'])('calculator: "%s" at the confirmation asks for a monthly figure', async (no) => {
    const out = await chat('u', '2', 'sehari 100rb', no);
    expect(out).toContain(t('income.type_monthly'));
    expect(await state('u')).toMatchObject({ flow: 'calculator', step: 'income', pending: null });
    expect(await calculatorResult('u', '2 juta')).toContain('dihitung dari Rp2.000.000');
  });

  it('calculator: "2-3 juta" proposes the midpoint Rp2.500.000', async () => {
    const out = await chat('u', '2', '2-3 juta');
    expect(out).toContain('Rp2.000.000');
    expect(out).toContain('Rp3.000.000');
    expect(out).toContain('Rp2.500.000');
    expect((await state('u')).pending).toMatchObject({ kind: 'income', value: 2500000 });
    expect(await calculatorResult('u', '1')).toContain('dihitung dari Rp2.500.000');
  });

  it.each([
    ['sejuta', 'Rp1.000.000'],
    ['satu setengah juta', 'Rp1.500.000'],
    ['dua jutaan', 'Rp2.000.000'],
    ['3 juta lebih', 'Rp3.000.000'],
  ])('calculator: "%s" is taken directly as %s', async (text, amount) => {
    const result = await calculatorResult('u', '2', text);
    expect(result).toContain(`dihitung dari ${amount}`);
  });

  it.each(['ga tentu', 'ga tau'])('calculator: "%s" explains the Rp1.000.000 basis and how to estimate, and offers to use it', async (text) => {
    const out = await chat('u', '2', text);
    expect(out).toContain('Rp1.000.000');
    expect(out).toContain('26');
    expect(out).toContain(`1. ${t('income.use', { amount: 'Rp1.000.000' })}`);
    expect((await state('u')).pending).toMatchObject({ kind: 'income', value: 1000000 });
    expect(await calculatorResult('u', '1')).toContain('dihitung dari Rp1.000.000');
  });

  it('calculator: a plain amount typed at the confirmation is taken', async () => {
    expect(await calculatorResult('u', '2', 'sehari 100rb', '1,8 juta')).toContain('dihitung dari Rp1.800.000');
  });

  describe('registration (state.answers.income)', () => {
    const at = regTo('income');
    const income = async () => (await state('u')).answers.income;

    it('"sehari 100rb" is confirmed, "1" stores Rp2.600.000', async () => {
      const out = await chat('u', ...at, 'sehari 100rb');
      expect(out).toContain('Rp2.600.000');
      expect(out).toContain('26');
      expect(await income()).toBeUndefined();
      expect(await chat('u', '1')).toContain(t('reg.group'));
      expect(await income()).toBe(2600000);
    });

    it.each(['2', 'tidak'])('"%s" at the confirmation asks for a monthly figure, which is stored', async (no) => {
      expect(await chat('u', ...at, 'sehari 100rb', no)).toContain(t('income.type_monthly'));
      expect(await state('u')).toMatchObject({ step: 'income', pending: null });
      expect(await income()).toBeUndefined();
      expect(await chat('u', '2 juta')).toContain(t('reg.group'));
      expect(await income()).toBe(2000000);
    });

    it('"2-3 juta" then "1" stores the midpoint', async () => {
      expect(await chat('u', ...at, '2-3 juta')).toContain('Rp2.500.000');
      await chat('u', '1');
      expect(await income()).toBe(2500000);
    });

    it.each([
      ['sejuta', 1000000],
      ['satu setengah juta', 1500000],
      ['dua jutaan', 2000000],
      ['3 juta lebih', 3000000],
    ])('"%s" is stored directly as %d', async (text, amount) => {
      expect(await chat('u', ...at, text)).toContain(t('reg.group'));
      expect(await income()).toBe(amount);
    });

    it.each(['ga tentu', 'ga tau'])('"%s" explains the minimum; "1" stores Rp1.000.000', async (text) => {
      const out = await chat('u', ...at, text);
      expect(out).toContain('Rp1.000.000');
      expect(await income()).toBeUndefined();
      await chat('u', '1');
      expect(await income()).toBe(1000000);
    });

    it('a plain amount typed at the confirmation is stored', async () => {
      await chat('u', ...at, 'ga tentu');
      expect(await chat('u', '1,2 juta')).toContain(t('reg.group'));
      expect(await income()).toBe(1200000);
    });
  });
});

describe('7. English in, English out', () => {
  it('an English question in "my data" is answered in English', async () => {
    await chat('u', 'halo', '6');
    const out = await chat('u', 'how do I delete my data?');
    expect(out).toMatch(/delete/i);
    expect(out).toMatch(/consent/i);
    expect(out).not.toContain('Hapus pendaftaran');
    expect(out).not.toContain('Belum ada data');
    expect((await state('u')).lang).toBe('en');
  });

  it('an English question at the menu switches the replies to English', async () => {
    const out = await chat('u', 'halo', 'what is jkk?');
    expect(out).toContain(answerOf('jkk', 'en'));
    expect(out).toContain(t('menu.prompt', undefined, 'en'));
    expect((await state('u')).lang).toBe('en');
    expect(await chat('u', '2')).toContain(t('calc.income', undefined, 'en'));
  });
});

describe('8. after the calculator\'s result', () => {
  it('"mau daftar" starts registration', async () => {
    const result = await chat('u', '2', '1,5 juta', '7');
    expect(result).toContain(t('calc.to_register'));
    const out = await chat('u', 'mau daftar');
    expect(out).toContain(consentHeading());
    expect(await state('u')).toMatchObject({ flow: 'registration', step: 'consent' });
  });
});

describe('9. officers teach the bot', () => {
  const officer = () =>
    h.runtime.store.officers.add({ username: 'budi', passwordHash: 'not-used-here', role: 'officer', now: h.clock.now });

  it('"resep rendang enak" taught as out of scope gets the not-ours reply', async () => {
    const { id } = await officer();
    await h.runtime.app.teach('resep rendang enak', null, id);
    const out = await chat('u', 'halo', 'resep rendang enak');
    expect(out).toContain(t('faq.out_of_scope.general'));
    for (const topic of KB_TOPICS) expect(out).not.toContain(answerOf(topic));
  });

  it('a phrase it did not understand ("gorengan"), taught as out of scope, gets the not-ours reply', async () => {
    await chat('u', 'halo');
    const first = await chat('u', 'gorengan');
    expect(first).not.toContain(t('faq.out_of_scope.general'));
    expect(first).toContain(t('faq.not_understood'));
    const { id } = await officer();
    await h.runtime.app.teach('gorengan', null, id);
    expect(await chat('u', 'gorengan')).toContain(t('faq.out_of_scope.general'));
  });

  it('a phrase it did not understand ("astek"), taught as "kpj", gets the KPJ answer', async () => {
    await chat('u', 'halo');
    const first = await chat('u', 'astek');
    expect(first).not.toContain(answerOf('kpj'));
    expect(first).toContain(t('faq.not_understood'));
    const { id } = await officer();
    await h.runtime.app.teach('astek', 'kpj', id);
    expect(await chat('u', 'astek')).toContain(answerOf('kpj'));
  });
});

describe('10. restored traps', () => {
  const placesFor = (names: string[]) => Object.entries(PLACES).filter(([name]) => names.includes(name));
  /** The question of a place in either language (a reply may have switched to English). */
  const promptIn = (out: string, key: LocaleKey) => [t(key), t(key, undefined, 'en')].some((p) => out.includes(p));
  /** The part of a reply after the "back to the question" line, in either language. */
  const afterBack = (out: string) => {
    const marker = [BACK, t('faq.back_to_question', undefined, 'en')].find((b) => out.includes(b));
    return marker === undefined ? undefined : out.split(marker)[1];
  };

  it('"syarat ikut bpjs tk apa" answers who can join', async () => {
    const out = await chat('u', 'halo', 'syarat ikut bpjs tk apa');
    expect(out).toContain(answerOf('who_can_join'));
    expect((await state('u')).flow).toBe('menu');
  });

  describe('while the income confirmation waits (registration)', () => {
    const at = regTo('income');
    /** The confirmation's question line: "Pakai Rp2.600.000?". */
    const confirm = () => t('income.confirm_converted', { calc: '', amount: 'Rp2.600.000' }).split('\n').at(-1)!;
    const notFound = () => t('status.not_found', { reference: 'LD-7K3Q9' });

    async function waiting(user: string) {
      const out = await chat(user, ...at, 'sehari 100rb');
      expect(out).toContain(confirm());
      return (await state(user)).answers;
    }

    it.each([
      ['daftar', null],
      ['mau daftar', null],
      ['LD-7K3Q9', 'not_found'],
      ['status LD-7K3Q9 gmn', 'not_found'],
    ] as const)('"%s" is acted on, then "Pakai Rp2.600.000?" again, nothing lost', async (text, extra) => {
      const before = await waiting('u');
      const out = await chat('u', text);
      expect(out).not.toMatch(ERR_CHOICE);
      if (extra === 'not_found') expect(out).toContain(notFound());
      expect(out).toContain(confirm());
      expect(await state('u')).toMatchObject({ flow: 'registration', step: 'income' });
      expect((await state('u')).answers).toEqual(before);
      expect(await chat('u', '1')).toContain(t('reg.group'));
      expect((await state('u')).answers.income).toBe(2600000);
    });

    it.each([
      ['data saya', 'mydata', () => t('mydata.none')],
      ['cek status', 'status', () => t('status.none')],
    ] as const)('"%s" is acted on (in Indonesian), the registration parked as a draft and offered back', async (text, flow, expected) => {
      const before = await waiting('u');
      const out = await chat('u', text);
      expect(out).not.toMatch(ERR_CHOICE);
      expect(out).toContain(expected());
      if (flow === 'mydata') expect(out).toContain(t('mydata.draft'));
      expect(await state('u')).toMatchObject({ flow, lang: 'id' });
      await chat('u', 'menu');
      expect(await chat('u', '4')).toContain(t('nav.pending_draft', { flow: t('flows.registration') }));
      const back = await chat('u', '1');
      expect(back.includes(t('reg.income')) || back.includes(confirm()), back).toBe(true);
      expect(await state('u')).toMatchObject({ flow: 'registration', step: 'income' });
      expect((await state('u')).answers).toEqual(before);
    });
  });

  it.each(
    placesFor(['calculator.income', 'calculator.after', 'eligibility.age', 'registration.fullName', 'registration.nik', 'registration.income', 'registration.heirName', 'registration.heirRelation']),
  )('at %s: "klaim gmn?" gets the claims answer or a list of claim topics, then the same question', async (_name, place) => {
    const claims = ['claim_jkk', 'claim_jkm', 'claim_jht'];
    await chat('u', ...place.path);
    const before = await state('u');
    const out = await chat('u', 'klaim gmn?');
    expect(out).not.toMatch(ERR_CHOICE);
    const after = await state('u');
    if (after.pending?.kind === 'faq') {
      expect(after.pending.topics.length, out).toBeGreaterThanOrEqual(2);
      for (const topic of after.pending.topics) expect(claims, out).toContain(topic);
      const picked = await chat('u', '1');
      expect(picked).toContain(answerOf(after.pending.topics[0]!));
      expect(afterBack(picked)).toContain(t(place.prompt));
    } else {
      expect(claims.some((c) => out.includes(answerOf(c))), out).toBe(true);
      expect(afterBack(out), out).toContain(t(place.prompt));
    }
    expect(await state('u')).toMatchObject({ flow: place.flow, step: place.step, answers: before.answers });
  });

  it.each(placesFor(['registration.fullName', 'registration.nik', 'registration.heirName', 'registration.heirRelation']))(
    'at %s: "what is jkk?" gets the English JKK answer, then the question again',
    async (_name, place) => {
      await chat('u', ...place.path);
      const before = await state('u');
      const out = await chat('u', 'what is jkk?');
      expect(out).toContain(answerOf('jkk', 'en'));
      const rest = afterBack(out);
      expect(rest, out).toBeDefined();
      expect(promptIn(rest!, place.prompt), out).toBe(true);
      expect(await state('u')).toMatchObject({ flow: place.flow, step: place.step, answers: before.answers });
    },
  );

  it.each(placesFor(['registration.heirName', 'registration.heirRelation']))(
    'at %s: "kalau meninggal keluarga dapat apa?" gets JKM\'s breakdown, not the heirs answer',
    async (_name, place) => {
      await chat('u', ...place.path);
      const before = await state('u');
      const out = await chat('u', 'kalau meninggal keluarga dapat apa?');
      expect(answerPart(out)).toContain(answerOf('jkm'));
      expect(out).not.toContain(answerOf('heirs'));
      expect(afterBack(out), out).toContain(t(place.prompt));
      expect(await state('u')).toMatchObject({ flow: place.flow, step: place.step, answers: before.answers });
    },
  );

  it('"bantuan" at the calculator\'s result gives the result step\'s help, not the income help', async () => {
    await chat('u', ...PLACES['calculator.after']!.path);
    const out = await chat('u', 'bantuan');
    expect(out).toContain(t('help.calc_after'));
    expect(out).not.toContain(t('help.calculator'));
    expect(await state('u')).toMatchObject({ flow: 'calculator', step: 'after' });
  });

  describe('follow-ups at the menu', () => {
    it('"cara daftar gmn" then "kalo yg buat istri?" answers registering others', async () => {
      expect(await chat('u', 'halo', 'cara daftar gmn')).toContain(answerOf('how_register'));
      const out = await chat('u', 'kalo yg buat istri?');
      expect(out).toContain(answerOf('register_other'));
      expect((await state('u')).flow).toBe('menu');
    });

    it('"jkm dapet brp" then "kalo buat anak?" is about children', async () => {
      expect(await chat('u', 'halo', 'jkm dapet brp')).toContain(answerOf('jkm'));
      const out = await chat('u', 'kalo buat anak?');
      expect([answerOf('jkm_scholarship'), answerOf('jkm')].some((a) => out.includes(a)), out).toBe(true);
      expect((await state('u')).flow).toBe('menu');
    });

    it.each(['cuaca besok', 'menu'])('after "%s" in between, "kalo yg buat istri?" is read on its own', async (between) => {
      expect(await chat('u', 'halo', 'cara daftar gmn')).toContain(answerOf('how_register'));
      const out = await chat('u', between, 'kalo yg buat istri?');
      expect(out).not.toContain(answerOf('register_other'));
    });
  });

  it.each([
    ['registration.fullName', 'Dana Putri', 'fullName'],
    ['registration.heirName', 'Dana Putri', 'heirName'],
    ['registration.heirName', 'Ahli Waris', 'heirName'],
    ['registration.address', 'Jl. Pemakaman No. 3', 'address'],
  ] as const)('at %s: "%s" is taken as the answer', async (name, text, field) => {
    const place = PLACES[name]!;
    await chat('u', ...place.path);
    const out = await chat('u', text);
    expect(out).toContain(t(place.answer![1]));
    expect(out).not.toContain(BACK);
    expect((await state('u')).answers[field]).toBe(text);
  });
});
