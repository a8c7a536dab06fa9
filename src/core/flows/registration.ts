import { computeBpuContribution } from '../../domain/contribution.js';
import { formatDateId, parseDate } from '../../domain/dates.js';
import { ageOn } from '../../domain/eligibility.js';
import { formatRupiah } from '../../domain/income.js';
import { maskNik, parseNik } from '../../domain/nik.js';
import { maskPhone, normalizePhone } from '../../domain/phone.js';
import { keyIn, type KeysUnder } from '../locale-key.js';
import type { FlowDef, StepDef, StepEnv } from '../types.js';
import { parseReference } from '../../domain/reference.js';
import { areaChoices } from './eligibility.js';
import { statusOfReference } from './status.js';
import { dateMismatch, nikInfo, sexMismatch } from './registration-checks.js';
import { summarySteps } from './registration-summary.js';
import { incomeAnswer, parseFreeText, parseName, textAnswer, yesNo } from './util.js';

const HEIR_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;

/**
 * The question in the right voice: to the person ("Nama lengkap sesuai KTP?") or, for a cadre
 * signing up a neighbour, about the neighbour ("Nama lengkap warga sesuai KTP?").
 */
export function voice(key: KeysUnder<'reg.'> & KeysUnder<'regc.'>, params?: (env: StepEnv) => Record<string, unknown>) {
  return (env: StepEnv): string => env.t(`${env.s.cadre ? 'regc' : 'reg'}.${key}`, params?.(env));
}

/** Replies that leave an optional answer empty (a neighbour without a phone). */
const SKIP_WORDS = new Set(['-', 'tidak ada', 'tdk ada', 'ga ada', 'gak ada', 'tidak punya', 'lewati', 'skip', 'none', 'no phone']);

function occupationLabel(v: unknown, env: StepEnv): string {
  const o = env.c.settings.occupations.find((x) => x.id === v);
  return o ? o.label[env.s.lang] : String(v);
}

/** The regency's price for the chosen programmes, shown on the programme choice. */
function programmeLabels(env: StepEnv) {
  const { c, s, t } = env;
  const group = c.settings.groups.find((g) => g.id === s.answers.groupId);
  const occupation = c.settings.occupations.find((o) => o.id === s.answers.occupation);
  const r = computeBpuContribution(c.rates, {
    income: Number(s.answers.income ?? 0),
    date: c.today,
    transport: !!occupation?.transport,
    governmentPays: !!group?.funded,
  });
  if (group?.funded) {
    return { basic: t('reg.prog_basic_funded'), withJht: t('reg.prog_jht_funded', { jht: formatRupiah(r.jht) }) };
  }
  return {
    basic: t('reg.prog_basic', { amount: formatRupiah(r.basic) }),
    withJht: t('reg.prog_jht', { amount: formatRupiah(r.withJht) }),
  };
}

const steps: StepDef[] = [
  {
    id: 'consent',
    prompt: voice('consent', ({ c }) => ({
      controller: c.settings.dataController.name,
      contact: c.settings.dataController.contact,
      days: c.settings.retentionDays.rejected,
      draftDays: c.settings.retentionDays.draft,
    })),
    choices: (env) => yesNo(env, env.s.cadre ? 'regc.consent_yes' : 'reg.consent_yes', env.s.cadre ? 'regc.consent_no' : 'reg.consent_no'),
    next: (v, { c, t, s }) => {
      if (v !== 'yes') return { to: null, say: [t(s.cadre ? 'regc.consent_declined' : 'reg.consent_declined')] };
      s.answers.consentAt = new Date(c.now).toISOString();
      s.answers.consentVersion = c.settings.consentVersion;
      // A cadre confirms for the neighbour: that consent is recorded with the neighbour at submission.
      if (s.cadre) return 'fullName';
      return { to: 'fullName', effects: [{ type: 'recordConsent', version: c.settings.consentVersion }] };
    },
  },
  {
    id: 'fullName',
    about: ['field'],
    prompt: voice('fullName'),
    freeText: true,
    answer: () => textAnswer(parseName),
    display: (v) => String(v),
    next: () => 'nik',
  },
  {
    id: 'nik',
    about: ['nik'],
    prompt: voice('nik'),
    help: 'help.nik',
    answer: (env) =>
      textAnswer((text) => {
        const r = parseNik(text, { today: env.c.today, isKnownDistrict: env.c.isKnownDistrict });
        return r.ok ? { ok: true, value: r.info.nik } : { ok: false, error: r.error };
      }),
    display: (v) => maskNik(String(v)),
    next: (v, env) => {
      const existing = env.c.store.activeByNik(String(v));
      if (existing) {
        const own = existing.personId === env.c.person.id || existing.submitterId === env.c.person.id;
        return {
          to: null,
          say: [
            env.t(own ? `${env.s.cadre ? 'regc' : 'reg'}.duplicate_own` : 'reg.duplicate_someone_else', {
              reference: existing.reference,
              status: env.t(`status.${existing.status}`),
              phone: env.c.settings.office.phone,
            }),
          ],
        };
      }
      const info = nikInfo(env, v);
      const say = info && !info.knownDistrict ? [env.t('reg.nik_unknown_region')] : undefined;
      return say ? { to: 'birthPlace', say } : 'birthPlace';
    },
    afterEdit: (_v, env) =>
      dateMismatch(env, env.s.answers.birthDate) ? 'birthDate' : sexMismatch(env, env.s.answers.sex) ? 'sex' : 'summary',
  },
  {
    id: 'birthPlace',
    prompt: voice('birthPlace'),
    freeText: true,
    answer: () => textAnswer(parseFreeText(2, 60)),
    display: (v) => String(v),
    next: () => 'birthDate',
  },
  {
    id: 'birthDate',
    about: ['field'],
    prompt: voice('birthDate'),
    answer: (env) =>
      textAnswer((text) => {
        const r = parseDate(text, env.c.today);
        return r.ok ? { ok: true, value: r.iso } : { ok: false, error: r.error };
      }),
    check: (v, env) => {
      if (!dateMismatch(env, v)) return undefined;
      const info = nikInfo(env)!;
      return ['err.dob_nik_mismatch', { nikDate: `${String(info.birthDay).padStart(2, '0')}-${String(info.birthMonth).padStart(2, '0')}-${String(info.birthYear2).padStart(2, '0')}` }];
    },
    display: (v, env) => formatDateId(String(v), env.s.lang),
    afterEdit: (_v, env) => (sexMismatch(env, env.s.answers.sex) ? 'sex' : 'summary'),
    next: (v, env) => {
      const age = ageOn(String(v), env.c.today);
      const limits = env.c.settings.ageLimits;
      if (age > limits.officerReviewAbove || age < limits.min) {
        return { to: 'sex', say: [env.t(`${env.s.cadre ? 'regc' : 'reg'}.age_officer`, { age })] };
      }
      return 'sex';
    },
  },
  {
    id: 'sex',
    prompt: voice('sex'),
    choices: ({ t }) => [
      { value: 'M', label: t('reg.sex_m'), aliases: ['laki', 'pria', 'lk', 'l', 'male', 'cowok'] },
      { value: 'F', label: t('reg.sex_f'), aliases: ['wanita', 'pr', 'p', 'female', 'cewek'] },
    ],
    check: (v, env) => (sexMismatch(env, v) ? ['err.sex_nik_mismatch'] : undefined),
    display: (v, { t }) => t(v === 'F' ? 'reg.sex_f' : 'reg.sex_m'),
    next: () => 'kecamatan',
  },
  {
    id: 'kecamatan',
    prompt: voice('kecamatan', ({ c }) => ({ regency: c.settings.regency.name })),
    choices: areaChoices,
    display: (v) => String(v),
    next: (v, { t, c }) =>
      v === 'outside'
        ? { to: null, say: [t('reg.outside', { regency: c.settings.regency.name })] }
        : 'desa',
    afterEdit: () => 'desa',
  },
  {
    id: 'desa',
    prompt: voice('desa', ({ s }) => ({ kecamatan: s.answers.kecamatan })),
    choices: ({ c, s }) =>
      (c.settings.areas.find((a) => a.kecamatan === s.answers.kecamatan)?.desa ?? []).map((d) => ({ value: d, label: d })),
    display: (v) => String(v),
    next: () => 'address',
  },
  {
    id: 'address',
    about: ['field'],
    prompt: voice('address'),
    freeText: true,
    answer: () => textAnswer(parseFreeText(3, 200)),
    display: (v) => String(v),
    next: () => 'phone',
  },
  {
    id: 'phone',
    about: ['field'],
    prompt: (env) =>
      env.c.person.phone && !env.s.cadre
        ? env.t('reg.phone_known', { phone: maskPhone(env.c.person.phone) })
        : voice('phone')(env),
    choices: (env) =>
      env.c.person.phone && !env.s.cadre
        ? [{ value: env.c.person.phone, label: env.t('reg.phone_use_this'), aliases: ['ya', 'iya', 'sama'] }]
        : [],
    answer: (env) =>
      textAnswer((text) => {
        // A neighbour may have no phone: the cadre is reached instead.
        if (env.s.cadre && SKIP_WORDS.has(text.toLowerCase())) return { ok: true, value: null };
        const r = normalizePhone(text);
        return r.ok ? { ok: true, value: r.e164 } : { ok: false, error: env.s.cadre ? 'err.phone_optional' : r.error };
      }),
    display: (v, { t }) => (v ? maskPhone(String(v)) : t('reg.not_given')),
    next: () => 'occupation',
  },
  {
    id: 'occupation',
    about: ['which_option'],
    prompt: voice('occupation'),
    choices: ({ c, s }) => c.settings.occupations.map((o) => ({ value: o.id, label: o.label[s.lang] })),
    freeText: true,
    answer: () => textAnswer(parseFreeText(3, 60, 'err.occupation')),
    display: occupationLabel,
    next: () => 'income',
  },
  {
    id: 'income',
    about: ['income'],
    prompt: voice('income'),
    help: 'help.income',
    answer: incomeAnswer,
    readsIncome: true,
    display: (v) => formatRupiah(Number(v)),
    next: () => 'groupId',
  },
  {
    id: 'groupId',
    about: ['which_option'],
    prompt: voice('group'),
    choices: ({ c, s }) => c.settings.groups.map((g) => ({ value: g.id, label: g.label[s.lang], aliases: g.aliases })),
    display: (v, { c, s }) => c.settings.groups.find((g) => g.id === v)?.label[s.lang] ?? String(v),
    next: () => 'programmes',
  },
  {
    id: 'programmes',
    prompt: voice('programmes'),
    choices: (env) => {
      const l = programmeLabels(env);
      return [
        { value: 'JKK+JKM', label: l.basic, aliases: ['jkk jkm', 'dasar', 'basic'] },
        { value: 'JKK+JKM+JHT', label: l.withJht, aliases: ['jht', 'dengan jht', 'with jht'] },
      ];
    },
    display: (v) => String(v).split('+').join(' + '),
    next: () => 'heirName',
  },
  {
    id: 'heirName',
    about: ['heir'],
    prompt: voice('heirName'),
    help: 'help.heir',
    freeText: true,
    answer: () => textAnswer(parseName),
    display: (v) => String(v),
    next: () => 'heirRelation',
  },
  {
    id: 'heirRelation',
    about: ['heir'],
    prompt: voice('heirRelation'),
    choices: ({ t }) =>
      HEIR_RELATIONS.map((r) => ({ value: r, label: t(`reg.heir.${r}`), aliases: t(`reg.heir_aliases.${r}`).split(',') })),
    display: (v, { t }) => t(keyIn('reg.heir.', String(v))),
    next: () => 'motherName',
  },
  {
    id: 'motherName',
    prompt: voice('motherName'),
    skip: ({ c }) => !c.settings.askMotherMaidenName,
    freeText: true,
    answer: () => textAnswer((text) => (text === '-' ? { ok: true, value: '' } : parseName(text))),
    display: (v, { t }) => (v ? String(v) : t('reg.not_given')),
    next: () => 'summary',
  },
  ...summarySteps(() => registrationFlow.steps),
  {
    id: 'nextNeighbour',
    prompt: 'regc.next_prompt',
    intercept: (text, env) => {
      const ref = parseReference(text);
      return ref ? { to: 'nextNeighbour', say: [statusOfReference(ref, env)] } : undefined;
    },
    choices: ({ t }) => [
      { value: 'next', label: t('regc.next_neighbour'), aliases: ['lanjut', 'berikutnya', 'next', 'daftar'] },
      { value: 'list', label: t('cadre.menu.neighbours'), aliases: ['warga', 'daftar warga'] },
    ],
    next: (v) => ({ to: null, flow: v === 'next' ? 'registration' : 'neighbours' }),
  },
];

/** Pre-registration: consent first, then each field with its own check, then a numbered summary. */
export const registrationFlow: FlowDef = {
  id: 'registration',
  start: 'consent',
  keepsDraft: true,
  summaryStep: 'summary',
  steps: Object.fromEntries(steps.map((st) => [st.id, st])),
};
