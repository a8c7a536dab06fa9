import { keyIn } from '../locale-key.js';
import type { FlowDef, RegistrationData, StepDef, StepEnv, Transition } from '../types.js';
import { dateMismatch, sexMismatch } from './registration-checks.js';
import { buildRegistrationFlow, registrationFlow } from './registration.js';
import { REGISTRATION_SCHEMA, type FieldDef } from './registration-schema.js';

/** Fields an officer may ask to correct, in the schema's order. */
export const correctableFields = (schema: readonly FieldDef[] = REGISTRATION_SCHEMA): string[] =>
  schema.filter((f) => f.correctable !== false).map((f) => f.id);

/** Preset answers for a correction: the registration's current data (in the conversation's form) plus what to ask. */
export function correctionAnswers(
  reference: string,
  data: RegistrationData,
  fields: readonly string[],
  schema: readonly FieldDef[] = REGISTRATION_SCHEMA,
): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...data };
  for (const f of schema) if (f.fromData && answers[f.id] !== undefined && answers[f.id] !== null) answers[f.id] = f.fromData(answers[f.id]);
  return { ...answers, _reference: reference, _fields: correctableFields(schema).filter((f) => fields.includes(f)) };
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
        // Which registration holds it is not said: the person correcting may not be its owner.
        if (existing && existing.reference !== env.s.answers._reference) return ['err.nik_taken'];
      }
      return undefined;
    },
    next: (_value, env) => nextField(env, base.id),
  };
}

/** Asks exactly the fields an officer named, then sends the registration back to the queue. */
export function buildCorrectionFlow(schema: readonly FieldDef[] = REGISTRATION_SCHEMA, registration = schema === REGISTRATION_SCHEMA ? registrationFlow : buildRegistrationFlow(schema)): FlowDef {
  const registrationSteps = registration.steps;
  const steps: StepDef[] = correctableFields(schema).map((f) => correctionStep(registrationSteps[f]!));
  return {
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
      confirm: confirmStep(schema, registrationSteps),
    },
  };
}

const confirmStep = (schema: readonly FieldDef[], registrationSteps: Record<string, StepDef>): StepDef => ({
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
    for (const id of fieldsOf(env)) {
      const value = env.s.answers[id];
      const field = schema.find((f) => f.id === id);
      changes[id] = value === '' ? null : field?.toData && value !== undefined && value !== null ? field.toData(value) : value;
    }
    const reference = String(env.s.answers._reference);
    return {
      to: null,
      effects: [{ type: 'submitCorrection', reference, changes: changes as Partial<RegistrationData> }],
      say: [env.t('corr.sent', { reference })],
    };
  },
});

export const correctionFlow: FlowDef = buildCorrectionFlow();
