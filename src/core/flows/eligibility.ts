import { evaluateEligibility, OLDEST_AGE, type EligibilityAnswers, type EligibilityOutcome } from '../../domain/eligibility.js';
import { keyIn } from '../locale-key.js';
import type { FlowDef, StepEnv } from '../types.js';
import { ageFromBirth } from './typed-age.js';
import { payerWords } from './next-step.js';
import { textAnswer, yesNoUnsure } from './util.js';
import { askRegencyAgain, several, whereSteps } from './where.js';

/** An age as typed: "45", "45 th", "45thn.", "umur 45", "usia saya 45 tahun", "45 TAHUN". */
export function parseAge(text: string): number | undefined {
  const m = /^(?:(?:umur|usia|umurnya|usianya)\s+)?(?:(?:saya|sy|aku|ku)\s+)?(?:(?:sudah|udah|udh|sdh)\s+)?(\d{1,3})\s*(?:th|thn|tahun|taun|thun|years?(?:\s+old)?|yrs?|yo)?\.?$/i.exec(text.trim().replace(/\s+/g, ' '));
  return m ? Number(m[1]) : undefined;
}

/** Kecamatan choices of the regency plus "outside the regency". */
export function areaChoices({ c, t }: StepEnv) {
  return [
    ...c.settings.areas.map((a) => ({ value: a.kecamatan, label: a.kecamatan })),
    several(c)
      ? { value: 'outside', label: t('elig.outside_several', { regency: c.settings.regency.shortName }), aliases: ['luar', 'outside', 'lainnya', 'kabupaten lain', 'kab lain'] }
      : { value: 'outside', label: t('elig.outside', { regency: c.settings.regency.shortName }), aliases: ['luar', 'outside', 'lainnya'] },
  ];
}

function outcomeMessage(env: StepEnv, o: EligibilityOutcome): string {
  const { c, t, s } = env;
  const office = c.settings.office;
  // Who funds the group, in the same words as "who pays" below (the regency, the village fund or the province).
  const payer = o.kind === 'register' ? payerWords(t, o.payer, o.group, c.settings) : c.settings.regency.name;
  const reasons = o.reasons
    .map((r) => `• ${t(keyIn('elig.reason.', r), { min: c.settings.ageLimits.min, max: c.settings.ageLimits.officerReviewAbove, regency: c.settings.regency.name, payer })}`)
    .join('\n');
  const common = { reasons, office: office.name, phone: office.phone, hours: office.hours, address: office.address };
  switch (o.kind) {
    case 'register':
      return t('elig.outcome.register', {
        ...common,
        // Not knowing about the registry: the group holds only if the family is in it, which an officer checks.
        group: o.payer === 'check' ? t('elig.group_if_listed', { group: o.group.label[s.lang] }) : o.group.label[s.lang],
        programmes: o.programmes.join(' + '),
        payer: payerWords(t, o.payer, o.group, c.settings),
        cover: o.programmes.map((p) => t(keyIn('elig.cover.', p))).join(', '),
      });
    case 'employer':
      return t('elig.outcome.employer', {
        ...common,
        inspection: c.settings.labourInspection.name,
        inspectionPhone: c.settings.labourInspection.phone,
      });
    case 'covered':
      return t('elig.outcome.covered', common);
    case 'officer':
      return t('elig.outcome.officer', common);
  }
}

/** "Can I join, and who pays?": a few questions and an outcome with reasons. */
export const eligibilityFlow: FlowDef = {
  id: 'eligibility',
  start: 'where',
  steps: {
    ...Object.fromEntries(whereSteps('work').map((st) => [st.id, st])),
    work: {
      id: 'work',
      about: ['which_option'],
      prompt: 'elig.work',
      choices: ({ t }) => [
        { value: 'wage', label: t('elig.work_wage'), aliases: ['karyawan', 'buruh pabrik', 'pegawai', 'gaji', 'employee'] },
        { value: 'own', label: t('elig.work_own'), aliases: ['mandiri', 'usaha sendiri', 'petani', 'nelayan', 'pedagang', 'ojek'] },
        { value: 'village', label: t('elig.work_village'), aliases: ['perangkat', 'rt', 'rw', 'bpd', 'kader', 'lkd'] },
      ],
      next: (v) => (v === 'village' ? 'role' : v === 'own' ? 'registry' : 'age'),
    },
    role: {
      id: 'role',
      about: ['which_option'],
      prompt: 'elig.role',
      choices: ({ c, s }) =>
        c.settings.groups
          .filter((g) => g.kind === 'village_role')
          .map((g) => ({ value: g.id, label: g.label[s.lang], aliases: g.aliases })),
      next: () => 'age',
    },
    registry: {
      id: 'registry',
      prompt: 'elig.registry',
      choices: yesNoUnsure,
      next: () => 'age',
    },
    age: {
      id: 'age',
      about: ['age'],
      prompt: 'elig.age',
      answer: ({ c }) =>
        textAnswer((text) => {
          const { min, officerReviewAbove: max } = c.settings.ageLimits;
          // An age, or else a birth year or date ("1980", "lahir 17-08-1980"), which gives one.
          const born = parseAge(text) === undefined ? ageFromBirth(text, c.today) : undefined;
          if (born && 'future' in born) return { ok: false, error: 'err.age_future', params: { when: born.future, min, max } };
          const n = born ? born.age : parseAge(text);
          if (n === undefined) return { ok: false, error: 'err.age' };
          // Too young to join is said as such; an impossible age is a typing mistake; both with the range.
          if (n < min) return { ok: false, error: 'err.age_too_young', params: { age: n, min, max } };
          if (n > OLDEST_AGE) return { ok: false, error: 'err.age_impossible', params: { age: n, min, max } };
          return { ok: true, value: n };
        }),
      display: (v) => String(v),
      next: () => 'area',
    },
    area: {
      id: 'area',
      prompt: 'elig.area',
      promptParams: ({ c }) => ({ regency: c.settings.regency.name }),
      choices: areaChoices,
      // Outside this regency but in another the deployment serves: asked which, then this question again.
      next: (v, env) =>
        v === 'outside' && several(env.c) && !env.s.cadre ? { ...askRegencyAgain(env, 'area'), say: [env.t('where.outside', { regency: env.c.settings.regency.name })] } : 'member',
    },
    member: {
      id: 'member',
      prompt: 'elig.member',
      choices: yesNoUnsure,
      next: (_v, env) => {
        const a = env.s.answers;
        // An answer a change of regency dropped (the village role, the kecamatan) is asked again first.
        if (a.work === 'village' && a.role === undefined) return 'role';
        if (a.area === undefined) return 'area';
        const answers: EligibilityAnswers = {
          work: a.work as EligibilityAnswers['work'],
          roleGroupId: a.work === 'village' ? String(a.role) : undefined,
          inRegistry: a.work === 'own' ? (a.registry as EligibilityAnswers['inRegistry']) : undefined,
          age: Number(a.age),
          area: String(a.area),
          member: a.member as EligibilityAnswers['member'],
        };
        const outcome = evaluateEligibility(answers, env.c.settings, (g) => env.c.store.groupCount(g, env.c.regency ?? ''));
        env.s.answers.outcome = outcome.kind;
        return { to: 'after', say: [outcomeMessage(env, outcome)] };
      },
    },
    after: {
      id: 'after',
      prompt: 'elig.after',
      choices: ({ s, t }) => [
        ...(s.answers.outcome === 'register' || s.answers.outcome === 'officer'
          ? [{ value: 'register', label: t('elig.to_register'), aliases: ['daftar'] }]
          : []),
        { value: 'calculator', label: t('elig.to_calculator'), aliases: ['iuran', 'hitung'] },
        { value: 'again', label: t('elig.again'), aliases: ['ulang', 'lagi'] },
      ],
      next: (v) => (v === 'again' ? 'work' : { to: null, flow: String(v) }),
    },
  },
};
