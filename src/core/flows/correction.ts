import { keyIn } from '../locale-key.js';
import type { FlowDef, RegistrationData, StepDef, StepEnv, Transition } from '../types.js';
import { dateMismatch, sexMismatch } from './registration-checks.js';
import { registrationFlow } from './registration.js';
import { REGISTRATION_FIELDS } from './registration-summary.js';

/** Fields an officer may ask to correct: every field of the summary. */
export const CORRECTABLE_FIELDS = REGISTRATION_FIELDS;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** Preset answers for a correction: the registration's current data plus what to ask. */
export function correctionAnswers(reference: string, data: RegistrationData, fields: readonly string[]): Record<string, unknown> {
  const ordered = CORRECTABLE_FIELDS.filter((f) => fields.includes(f));
  return {
    ...data,
    programmes: data.programmes.join('+'),
    _reference: reference,
    _fields: ordered,
  };
}

function fieldsOf(env: StepEnv): string[] {
  return (env.s.answers._fields as string[] | undefined) ?? [];
}

/** The next field to ask; a changed kecamatan brings its desa, a changed NIK a mismatched birth date or sex. */
function nextField(env: StepEnv, current: string): string {
  const fields = fieldsOf(env);
  const add = (f: string) => {
    if (!fields.includes(f)) fields.splice(fields.indexOf(current) + 1, 0, f);
  };
  if (current === 'kecamatan') add('desa');
  if (current === 'nik' || current === 'birthDate') {
    if (sexMismatch(env, env.s.answers.sex)) add('sex');
    if (dateMismatch(env, env.s.answers.birthDate)) add('birthDate');
  }
  env.s.answers._fields = fields;
  return fields[fields.indexOf(current) + 1] ?? 'confirm';
}

/** A registration step reused for a correction: same question and checks, then the next named field. */
function correctionStep(base: StepDef): StepDef {
  return {
    ...base,
    afterEdit: undefined,
    check: (value, env) => {
      const own = base.check?.(value, env);
      if (own) return own;
      if (base.id === 'kecamatan' && value === 'outside') return ['err.outside_correction'];
      if (base.id === 'nik') {
        const existing = env.c.store.activeByNik(String(value));
        if (existing && existing.reference !== env.s.answers._reference) return ['err.nik_taken', { reference: existing.reference }];
      }
      return undefined;
    },
    next: (_value, env) => nextField(env, base.id),
  };
}

const registrationSteps = registrationFlow.steps;
const steps: StepDef[] = CORRECTABLE_FIELDS.map((f) => correctionStep(registrationSteps[f]!));

const confirm: StepDef = {
  id: 'confirm',
  prompt: (env) => {
    const lines = fieldsOf(env).map((f) => {
      const step = registrationSteps[f];
      const v = env.s.answers[f];
      const shown = v === undefined || v === null ? env.t('reg.not_given') : step?.display ? step.display(v, env) : String(v);
      return `• ${env.t(keyIn('reg.field.', f))}: ${shown}`;
    });
    return env.t('corr.confirm', { reference: env.s.answers._reference, fields: lines.join('\n') });
  },
  choices: ({ t }) => [
    { value: 'send', label: t('corr.send'), aliases: ['kirim', 'send', 'ya'] },
    { value: 'again', label: t('corr.again'), aliases: ['ulang', 'ubah', 'again'] },
  ],
  next: (v, env): Transition => {
    if (v === 'again') return { to: fieldsOf(env)[0] ?? 'confirm' };
    const changes: Record<string, unknown> = {};
    for (const f of fieldsOf(env)) {
      const value = env.s.answers[f];
      changes[f] = f === 'programmes' ? String(value).split('+') : value;
    }
    const reference = String(env.s.answers._reference);
    return {
      to: null,
      effects: [{ type: 'submitCorrection', reference, changes: changes as Partial<RegistrationData> }],
      say: [env.t('corr.sent', { reference })],
    };
  },
};

/** Asks exactly the fields an officer named, then sends the registration back to the queue. */
export const correctionFlow: FlowDef = {
  id: 'correction',
  start: 'begin',
  steps: {
    ...Object.fromEntries(steps.map((st) => [st.id, st])),
    begin: {
      id: 'begin',
      prompt: 'corr.begin',
      skip: () => true,
      next: (_v, env) => fieldsOf(env)[0] ?? 'confirm',
    },
    confirm,
  },
};
