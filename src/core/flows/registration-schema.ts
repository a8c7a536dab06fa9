// The registration's fields, declared once. The registration flow (its questions, in this order),
// the summary, the correction flow, the console's detail page and export, the required-or-optional
// rule of each regency and the test answer scripts are all derived from this table. Changing a
// question, or adding a field a regency asks for, is a row here plus its locale keys
// (reg.<id>, regc.<id> for the cadre's voice, reg.field.<id> for its label).
import { computeBpuContribution } from '../../domain/contribution.js';
import { formatDateId, parseDate } from '../../domain/dates.js';
import { ageOn, OLDEST_AGE } from '../../domain/eligibility.js';
import { formatRupiah } from '../../domain/income.js';
import { maskNik, parseNik } from '../../domain/nik.js';
import { maskPhone, normalizePhone } from '../../domain/phone.js';
import type { ProgrammeSettings } from '../../settings.js';
import { keyIn, type KeysUnder } from '../locale-key.js';
import { fundingSource } from './next-step.js';
import type { RegistrationView, StepDef, StepEnv, T, Transition } from '../types.js';
import { areaChoices } from './eligibility.js';
import { askRegencyAgain, several } from './where.js';
import { dateMismatch, nikInfo, sexMismatch } from './registration-checks.js';
import { ageFromBirth, ageOfTypedDate } from './typed-age.js';
import { normalizeText } from '../../domain/normalize.js';
import { incomeAnswer, parseFreeText, parseName, textAnswer, UNSURE } from './util.js';

/** Whether a regency asks a field: always, with "-" allowed for "none", or not at all. */
export type Presence = 'required' | 'optional' | 'off';

/** What the console needs to show a stored value (the detail page and the export). */
export interface ShowContext {
  settings: ProgrammeSettings;
  /** The officers' translator (Indonesian). */
  t: T;
}

export interface FieldDef {
  /** The answer's key in the conversation and in the stored registration. */
  id: string;
  /** The question: prompt, answer or choices, checks and display, like any step (no id, no next). */
  step: Omit<StepDef, 'id' | 'next'>;
  /**
   * After a valid answer: something to say on the way to the next field (`to` left out), the end of
   * the registration (`to: null`), or another step (the where-question). Default: straight on to
   * the next field asked.
   */
  then?: (value: unknown, env: StepEnv) => (Omit<Transition, 'to'> & { to?: string | null }) | undefined;
  /** Asked by default (required), unless the regency's settings say otherwise (see presenceOf). */
  presence?: (settings: ProgrammeSettings) => Presence;
  /** A regency may make it required, optional or off in its settings (`registrationFields`). */
  configurable?: boolean;
  /** From the conversation's answer to the stored value and back (default: the same). */
  toData?: (answer: unknown) => unknown;
  fromData?: (stored: unknown) => unknown;
  /** An officer may ask the person to give it again (default true). */
  correctable?: boolean;
  /** Personal data (UU 27/2022): shown masked in lists, to be encrypted at rest. */
  personal: boolean;
  /** The stored value as an officer reads it in the export (a number stays a number); null for none. */
  show?: (value: unknown, ctx: ShowContext) => string | number | null;
  /** The same on the detail page, when it reads better there than the export's form (a date, an amount). */
  detail?: (value: unknown, ctx: ShowContext) => string;
  /** Its export column (header: its label reg.field.<id>). */
  column: { width: number; text?: boolean };
  /** How a person might answer it, for test scripts and demonstrations (never a real person's data). */
  example: string;
}

/**
 * The question in the right voice: to the person ("Nama lengkap sesuai KTP?") or, for a cadre
 * signing up a neighbour, about the neighbour ("Nama lengkap warga sesuai KTP?").
 */
export function voice(key: KeysUnder<'reg.'> & KeysUnder<'regc.'>, params?: (env: StepEnv) => Record<string, unknown>) {
  return (env: StepEnv): string => env.t(`${env.s.cadre ? 'regc' : 'reg'}.${key}`, params?.(env));
}

/** Replies that leave an optional answer empty (a neighbour without a phone, no mother's name). */
export const SKIP_WORDS = new Set(['-', 'tidak ada', 'tdk ada', 'ga ada', 'gak ada', 'tidak punya', 'lewati', 'skip', 'none', 'no phone']);

const HEIR_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const dmy = (iso: unknown): string | null => {
  const m = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : text(iso);
};

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
  // Who pays, short: the regency, the province (a provincial programme) or the village fund.
  // (Only shown for a funded group; one that checks the social registry is funded once the family is found.)
  const payer = t(keyIn('elig.payer_short.', group?.funded ? fundingSource(group) : 'APBD'));
  if (group?.needsRegistryCheck) {
    // Paid by the government only once the officer found the family in the social registry.
    return { basic: t('reg.prog_basic_registry', { payer }), withJht: t('reg.prog_jht_registry', { jht: formatRupiah(r.jht), payer }) };
  }
  if (group?.funded) {
    return { basic: t('reg.prog_basic_funded', { payer }), withJht: t('reg.prog_jht_funded', { jht: formatRupiah(r.jht) }) };
  }
  return {
    basic: t('reg.prog_basic', { amount: formatRupiah(r.basic) }),
    withJht: t('reg.prog_jht', { amount: formatRupiah(r.withJht) }),
  };
}

/** The regency's working ages as the messages name them: from `min`; above `max` an officer confirms. */
function ageRange(env: StepEnv): { min: number; max: number } {
  const { min, officerReviewAbove } = env.c.settings.ageLimits;
  return { min, max: officerReviewAbove };
}

/** The fields in the order they are asked (and numbered in the summary). */
/**
 * A NIK that already has an open registration. Its own applicant (or the cadre who submitted it)
 * hears its reference and status; anyone else hears only that it cannot be signed up here and whom
 * to call: a typed NIK must not tell a stranger whether, or how, someone registered.
 */
export function duplicateNik(env: { c: StepEnv['c']; s: StepEnv['s']; t: StepEnv['t'] }, existing: RegistrationView): string {
  const own = existing.personId === env.c.person.id || existing.submitterId === env.c.person.id;
  if (!own) return env.t('reg.duplicate_someone_else', { phone: env.c.settings.office.phone });
  return env.t(`${env.s.cadre ? 'regc' : 'reg'}.duplicate_own`, { reference: existing.reference, status: env.t(keyIn('status.', existing.status)), phone: env.c.settings.office.phone });
}

export const REGISTRATION_SCHEMA: readonly FieldDef[] = [
  {
    id: 'fullName',
    step: { about: ['field'], prompt: voice('fullName'), freeText: true, answer: () => textAnswer(parseName), display: (v) => String(v) },
    personal: true,
    column: { width: 28 },
    example: 'Budi Santoso',
  },
  {
    id: 'nik',
    step: {
      about: ['nik'],
      prompt: voice('nik'),
      help: 'help.nik',
      answer: (env) =>
        textAnswer((input) => {
          const r = parseNik(input, { today: env.c.today, isKnownDistrict: env.c.isKnownDistrict });
          return r.ok ? { ok: true, value: r.info.nik } : { ok: false, error: r.error };
        }),
      display: (v) => maskNik(String(v)),
      afterEdit: (_v, env) =>
        dateMismatch(env, env.s.answers.birthDate) ? 'birthDate' : sexMismatch(env, env.s.answers.sex) ? 'sex' : 'summary',
    },
    then: (v, env) => {
      const existing = env.c.store.activeByNik(String(v));
      if (existing) {
        return { to: null, say: [duplicateNik(env, existing)] };
      }
      const info = nikInfo(env, v);
      return info && !info.knownDistrict ? { say: [env.t('reg.nik_unknown_region')] } : undefined;
    },
    personal: true,
    column: { width: 19, text: true },
    example: '6301011708800003',
  },
  {
    id: 'birthPlace',
    step: { prompt: voice('birthPlace'), freeText: true, answer: () => textAnswer(parseFreeText(2, 60)), display: (v) => String(v) },
    personal: true,
    column: { width: 16 },
    example: 'Banjarmasin',
  },
  {
    id: 'birthDate',
    step: {
      about: ['field'],
      prompt: voice('birthDate'),
      answer: (env) =>
        textAnswer((input) => {
          const r = parseDate(input, env.c.today);
          if (r.ok) return { ok: true, value: r.iso };
          // A date no worker can have is answered with the age it gives and the programme's range.
          const range = ageRange(env);
          if (r.error === 'date_future') return { ok: false, error: 'err.date_future', params: range };
          if (r.error === 'date_too_old') return { ok: false, error: 'err.date_too_old', params: { ...range, age: ageOfTypedDate(input, env.c.today) } };
          // Only a year ("1876"): a full date is asked, but an age out of range is said first.
          const born = r.error === 'date_format' ? ageFromBirth(input, env.c.today) : undefined;
          if (born && 'future' in born) return { ok: false, error: 'err.date_future', params: range };
          if (born && born.age < range.min) return { ok: false, error: 'err.dob_too_young', params: { ...range, age: born.age } };
          if (born && born.age > OLDEST_AGE) return { ok: false, error: 'err.date_too_old', params: { ...range, age: born.age } };
          return { ok: false, error: r.error };
        }),
      check: (v, env) => {
        // Below the regency's working age: said plainly, with the range, not taken for the officer to find later.
        const age = ageOn(String(v), env.c.today);
        const range = ageRange(env);
        if (age < range.min) return ['err.dob_too_young', { ...range, age }];
        if (dateMismatch(env, v)) {
          const info = nikInfo(env)!;
          const nikDate = [info.birthDay, info.birthMonth, info.birthYear2].map((n) => String(n).padStart(2, '0')).join('-');
          return ['err.dob_nik_mismatch', { nikDate }];
        }
        return undefined;
      },
      display: (v, env) => formatDateId(String(v), env.s.lang),
      afterEdit: (_v, env) => (sexMismatch(env, env.s.answers.sex) ? 'sex' : 'summary'),
    },
    then: (v, env) => {
      const age = ageOn(String(v), env.c.today);
      const range = ageRange(env);
      if (age > range.max) return { say: [env.t(`${env.s.cadre ? 'regc' : 'reg'}.age_officer`, { ...range, age })] };
      return undefined;
    },
    personal: true,
    show: dmy,
    detail: (v) => formatDateId(String(v), 'id'),
    column: { width: 12 },
    example: '17-08-1980',
  },
  {
    id: 'sex',
    step: {
      prompt: voice('sex'),
      choices: ({ t }) => [
        { value: 'M', label: t('reg.sex_m'), aliases: ['laki', 'pria', 'lk', 'l', 'male', 'cowok'] },
        { value: 'F', label: t('reg.sex_f'), aliases: ['wanita', 'pr', 'p', 'female', 'cewek'] },
      ],
      check: (v, env) => (sexMismatch(env, v) ? ['err.sex_nik_mismatch'] : undefined),
      display: (v, { t }) => t(v === 'F' ? 'reg.sex_f' : 'reg.sex_m'),
    },
    personal: false,
    show: (v) => (v === 'M' ? 'L' : v === 'F' ? 'P' : null),
    detail: (v, { t }) => t(v === 'F' ? 'reg.sex_f' : 'reg.sex_m'),
    column: { width: 8 },
    example: '1',
  },
  {
    id: 'kecamatan',
    step: {
      prompt: voice('kecamatan', ({ c }) => ({ regency: c.settings.regency.name })),
      choices: areaChoices,
      display: (v) => String(v),
      afterEdit: () => 'desa',
      // The desa was one of the old kecamatan's: never kept, never shown beside the new one.
      resets: ['desa'],
    },
    then: (v, env) => {
      if (v !== 'outside') return undefined;
      const { t, c, s } = env;
      // Another regency the deployment serves may be theirs: asked which, then back to this question (the consent again, for its controller).
      if (several(c) && !s.cadre) return { ...askRegencyAgain(env, 'kecamatan'), say: [t('where.outside', { regency: c.settings.regency.name })] };
      return { to: null, say: [t(s.cadre && several(c) ? 'regc.outside_several' : 'reg.outside', { regency: c.settings.regency.name })] };
    },
    personal: false,
    column: { width: 18 },
    example: '1',
  },
  {
    id: 'desa',
    step: {
      prompt: voice('desa', ({ s }) => ({ kecamatan: s.answers.kecamatan })),
      choices: ({ c, s }) =>
        (c.settings.areas.find((a) => a.kecamatan === s.answers.kecamatan)?.desa ?? []).map((d) => ({ value: d, label: d })),
      display: (v) => String(v),
    },
    personal: false,
    column: { width: 18 },
    example: '2',
  },
  {
    id: 'address',
    step: { about: ['field'], prompt: voice('address'), freeText: true, answer: () => textAnswer(parseFreeText(3, 200)), display: (v) => String(v) },
    personal: true,
    column: { width: 36 },
    example: 'Jl. Mawar',
  },
  {
    id: 'phone',
    step: {
      about: ['field'],
      prompt: (env) =>
        env.c.person.phone && !env.s.cadre ? env.t('reg.phone_known', { phone: maskPhone(env.c.person.phone) }) : voice('phone')(env),
      choices: (env) =>
        env.c.person.phone && !env.s.cadre
          ? [{ value: env.c.person.phone, label: env.t('reg.phone_use_this'), aliases: ['ya', 'iya', 'sama'] }]
          : [],
      answer: (env) =>
        textAnswer((input) => {
          // A neighbour may have no phone: the cadre is reached instead.
          if (env.s.cadre && SKIP_WORDS.has(input.toLowerCase())) return { ok: true, value: null };
          const r = normalizePhone(input);
          return r.ok ? { ok: true, value: r.e164 } : { ok: false, error: env.s.cadre ? 'err.phone_optional' : r.error };
        }),
      display: (v, { t }) => (v ? maskPhone(String(v)) : t('reg.not_given')),
    },
    personal: true,
    column: { width: 16, text: true },
    example: '081234567890',
  },
  {
    id: 'occupation',
    step: {
      about: ['which_option'],
      prompt: voice('occupation'),
      choices: ({ c, s }) => c.settings.occupations.map((o) => ({ value: o.id, label: o.label[s.lang] })),
      freeText: true,
      answer: () => textAnswer(parseFreeText(3, 60, 'err.occupation')),
      display: occupationLabel,
    },
    personal: false,
    show: (v, { settings }) => settings.occupations.find((o) => o.id === v)?.label.id ?? text(v),
    column: { width: 22 },
    example: '1',
  },
  {
    id: 'income',
    step: { about: ['income'], prompt: voice('income'), help: 'help.income', answer: incomeAnswer, readsIncome: true, display: (v) => formatRupiah(Number(v)) },
    personal: true,
    show: (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null),
    detail: (v) => formatRupiah(Number(v)),
    column: { width: 14 },
    example: '1,5 juta',
  },
  {
    id: 'groupId',
    step: {
      about: ['which_option'],
      prompt: voice('group'),
      choices: ({ c, s }) => c.settings.groups.map((g) => ({ value: g.id, label: g.label[s.lang], aliases: g.aliases })),
      // "ga tau" (whether the family is in the social registry): which number to pick, and that an officer checks who pays.
      intercept: (text, env) => {
        const i = env.c.settings.groups.findIndex((g) => g.needsRegistryCheck);
        if (i < 0 || !UNSURE.test(normalizeText(text))) return undefined;
        return { to: 'groupId', say: [env.t('reg.group_unsure', { n: i + 1, group: env.c.settings.groups[i]!.label[env.s.lang] })] };
      },
      display: (v, { c, s }) => c.settings.groups.find((g) => g.id === v)?.label[s.lang] ?? String(v),
    },
    personal: false,
    show: (v, { settings }) => settings.groups.find((g) => g.id === v)?.label.id ?? text(v),
    column: { width: 16 },
    example: '7',
  },
  {
    id: 'programmes',
    step: {
      prompt: voice('programmes'),
      choices: (env) => {
        const l = programmeLabels(env);
        return [
          { value: 'JKK+JKM', label: l.basic, aliases: ['jkk jkm', 'dasar', 'basic'] },
          { value: 'JKK+JKM+JHT', label: l.withJht, aliases: ['jht', 'dengan jht', 'with jht'] },
        ];
      },
      display: (v) => String(v).split('+').join(' + '),
    },
    toData: (v) => String(v).split('+'),
    fromData: (v) => (Array.isArray(v) ? v.join('+') : v),
    personal: false,
    show: (v) => (Array.isArray(v) ? v.join('+') : text(v)),
    detail: (v) => (Array.isArray(v) ? v.join(' + ') : String(v)),
    column: { width: 12 },
    example: '1',
  },
  {
    id: 'heirName',
    step: { about: ['heir'], prompt: voice('heirName'), help: 'help.heir', freeText: true, answer: () => textAnswer(parseName), display: (v) => String(v) },
    personal: true,
    column: { width: 24 },
    example: 'Siti',
  },
  {
    id: 'heirRelation',
    step: {
      about: ['heir'],
      prompt: voice('heirRelation'),
      choices: ({ t }) =>
        HEIR_RELATIONS.map((r) => ({ value: r, label: t(`reg.heir.${r}`), aliases: t(`reg.heir_aliases.${r}`).split(',') })),
      display: (v, { t }) => t(keyIn('reg.heir.', String(v))),
    },
    personal: true,
    show: (v, { t }) => (typeof v === 'string' && v ? t(keyIn('reg.heir.', v)) : null),
    column: { width: 16 },
    example: '1',
  },
  {
    id: 'motherName',
    step: {
      prompt: voice('motherName'),
      freeText: true,
      answer: () => textAnswer(parseName),
      display: (v, { t }) => (v ? String(v) : t('reg.not_given')),
    },
    // The old switch still works; `registrationFields.motherName` in the settings overrides it.
    presence: (settings) => (settings.askMotherMaidenName ? 'optional' : 'off'),
    configurable: true,
    personal: true,
    column: { width: 24 },
    example: 'Aminah',
  },
];

/** Whether a regency asks a field: its settings' `registrationFields` (for a configurable field), else the field's default. */
export function presenceOf(field: FieldDef, settings: ProgrammeSettings): Presence {
  const configured = field.configurable ? settings.registrationFields?.[field.id] : undefined;
  return configured ?? field.presence?.(settings) ?? 'required';
}

/** The fields a regency asks, in order (the summary's numbering). */
export function askedFields(schema: readonly FieldDef[], settings: ProgrammeSettings): FieldDef[] {
  return schema.filter((f) => presenceOf(f, settings) !== 'off');
}

/** A field's label as officers read it (the summary's, the detail page's and the export's). */
export const fieldLabel = (t: T, id: string): string => t(keyIn('reg.field.', id));

/** A stored value as an officer reads it in the export. */
export function showValue(field: FieldDef, value: unknown, ctx: ShowContext): string | number | null {
  if (value === undefined || value === null || value === '') return null;
  return field.show ? field.show(value, ctx) : text(value) ?? (typeof value === 'number' ? value : String(value));
}

/** A stored value as an officer reads it on the detail page. */
export function detailValue(field: FieldDef, value: unknown, ctx: ShowContext): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (field.detail) return field.detail(value, ctx);
  const shown = showValue(field, value, ctx);
  return shown === null ? null : String(shown);
}

/** Settings naming a field that is not in the schema, or that a regency may not change: the problems, for a start-up error. */
export function fieldSettingProblems(schema: readonly FieldDef[], settings: ProgrammeSettings): string[] {
  return Object.keys(settings.registrationFields ?? {}).flatMap((id) => {
    const field = schema.find((f) => f.id === id);
    if (!field) return [`registrationFields.${id}: no such field (known: ${schema.map((f) => f.id).join(', ')})`];
    return field.configurable ? [] : [`registrationFields.${id}: this field is always asked`];
  });
}
