import { keyIn } from '../locale-key.js';
import type { ChoiceDef, FlowDef, RegistrationData, RegistrationView, StepDef, StepEnv, Transition } from '../types.js';
import { dateMismatch, sexMismatch } from './registration-checks.js';
import { buildRegistrationFlow, registrationFlow } from './registration.js';
import { askedFields, REGISTRATION_SCHEMA, type FieldDef } from './registration-schema.js';
import { beingDecided, beingDecidedNotice } from './untold.js';
import { textAnswer } from './util.js';
import { moveToRegencyOf } from './where.js';

/** Statuses whose data the person (or their cadre) may still correct from the chat (storage/registrations.ts correct). */
const correctableStatus = (status: string) => status === 'submitted' || status === 'needs_correction';

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

/** A person's own registrations offered for a correction at most: one phone screen of choices. */
const OWN_LIMIT = 9;

/** What a person can correct from the chat now. */
export interface CorrectionTargets {
  /** An officer asked (needs_correction): offered from the menu and the status until it is done. */
  asked: RegistrationView[];
  /** Their own (or their neighbours') registrations no officer decided on yet: correctable at will. */
  own: RegistrationView[];
  /** Approved or registered: changed by an officer only (the data is in BPJS's system, or going there). */
  decided: RegistrationView[];
}

/**
 * The registrations this person may correct now: the ones an officer asked about, then the ones
 * not decided yet. A correction this very message sent is left out (the store shows it once the
 * message is committed).
 */
export function correctionTargets(env: StepEnv): CorrectionTargets {
  const { store, person } = env.c;
  const sent = sentNow(env);
  const asked = askedCorrections(env);
  const seen = new Set<string>();
  const mine = [...store.registrationsOf(person.id), ...store.registrationsBySubmitter(person.id, 0, OWN_LIMIT).rows].filter((r) => {
    if (!r.data || seen.has(r.reference)) return false;
    seen.add(r.reference);
    return true;
  });
  return {
    asked,
    own: mine.filter((r) => r.status === 'submitted' && !sent.has(r.reference)).slice(0, OWN_LIMIT),
    decided: mine.filter((r) => r.status === 'approved' || r.status === 'registered'),
  };
}

/** References whose correction this very message sent. */
function sentNow(env: StepEnv): Set<string> {
  return new Set((env.effects ?? []).flatMap((e) => (e.type === 'submitCorrection' ? [e.reference] : [])));
}

/** Only the corrections an officer asked for (the menu and the status offer them: one indexed query, usually empty). */
export function askedCorrections(env: StepEnv): RegistrationView[] {
  const sent = sentNow(env);
  return env.c.store.awaitingCorrection(env.c.person.id).filter((r) => r.data && !sent.has(r.reference));
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

/** The fields a person may pick to correct: the ones the regency asks that may be corrected. */
function pickable(env: StepEnv, schema: readonly FieldDef[]): string[] {
  const correctable = correctableFields(schema);
  return askedFields(schema, env.c.settings)
    .map((f) => f.id)
    .filter((id) => correctable.includes(id));
}

/**
 * Opens one registration for correcting: its data becomes the answers, then the fields an officer
 * asked for, or (the person's own correction) the list of fields to pick from.
 */
function open(env: StepEnv, r: RegistrationView, schema: readonly FieldDef[]): string | Transition {
  // An officer has just decided on it, and the person has not been told yet: after its news.
  if (beingDecided([r], correctableStatus).length) return { to: null, say: [beingDecidedNotice([r], env)] };
  const asked = r.status === 'needs_correction' ? (r.correctionFields ?? []) : [];
  moveToRegencyOf(env, r);
  env.s.answers = correctionAnswers(r.reference, r.data!, asked, schema);
  return fieldsOf(env)[0] ?? 'pickFields';
}

/**
 * Where a correction starts: an officer's request (preset by the app, or looked up here), a choice
 * between several, the person's own registration, or why there is nothing to correct here.
 */
function entry(env: StepEnv, schema: readonly FieldDef[]): Transition | string {
  if (env.s.answers._reference) {
    // An officer's request, preset by the app: asked in its registration's regency (its kecamatan, desa, groups).
    const r = env.c.store.byReference(String(env.s.answers._reference));
    if (r) moveToRegencyOf(env, r);
    return fieldsOf(env)[0] ?? 'pickFields';
  }
  const { asked, own, decided } = correctionTargets(env);
  if (asked.length === 1) return open(env, asked[0]!, schema);
  if (asked.length > 1 || own.length > 1) return 'choose';
  if (own.length === 1) return open(env, own[0]!, schema);
  const { t, c } = env;
  if (decided.length) {
    // Its data is being (or was) entered in BPJS's own system: an officer changes it there and here.
    const references = decided.map((r) => r.reference).join(', ');
    return { to: null, flow: 'question', say: [t('corr.decided', { references, phone: c.settings.office.phone })] };
  }
  return { to: null, say: [t('corr.nothing')] };
}

/** What a choice of registration reads like: its code, the name and where it stands. */
function registrationChoice(r: RegistrationView, env: StepEnv): ChoiceDef {
  return { value: r.reference, label: `${r.reference} · ${r.data!.fullName} (${env.t(keyIn('status.', r.status))})` };
}

/** "2", "2 5", "2, 5 dan 7": the numbers of the fields to correct. */
function pickAnswer(env: StepEnv, schema: readonly FieldDef[]) {
  return textAnswer((text) => {
    const fields = pickable(env, schema);
    const numbers = text.match(/\d+/g)?.map(Number) ?? [];
    const rest = text.replace(/\d+/g, ' ').replace(/\b(dan|and|no|nomor|ubah|ganti|perbaiki|yang|sama)\b/gi, ' ').replace(/[\s,.&+/;-]+/g, '');
    if (numbers.length === 0 || rest !== '' || numbers.some((n) => n < 1 || n > fields.length)) {
      return { ok: false, error: 'err.choice', params: { max: fields.length } };
    }
    return { ok: true, value: fields.filter((_f, i) => numbers.includes(i + 1)) };
  });
}

/** Asks exactly the fields an officer named, or the ones the person picks, then sends the registration back to the queue. */
export function buildCorrectionFlow(schema: readonly FieldDef[] = REGISTRATION_SCHEMA, registration = schema === REGISTRATION_SCHEMA ? registrationFlow : buildRegistrationFlow(schema)): FlowDef {
  const registrationSteps = registration.steps;
  const steps: StepDef[] = correctableFields(schema).map((f) => correctionStep(registrationSteps[f]!));
  const shown = (env: StepEnv, f: string): string => {
    const v = env.s.answers[f];
    const step = registrationSteps[f];
    return v === undefined || v === null || v === '' ? env.t('reg.not_given') : step?.display ? step.display(v, env) : String(v);
  };
  return {
    id: 'correction',
    start: 'begin',
    steps: {
      ...Object.fromEntries(steps.map((st) => [st.id, st])),
      begin: {
        id: 'begin',
        prompt: 'corr.begin',
        skip: () => true,
        next: (_v, env) => entry(env, schema),
      },
      choose: {
        id: 'choose',
        prompt: (env) => env.t(correctionTargets(env).asked.length ? 'corr.choose_asked' : 'corr.choose'),
        choices: (env) => {
          const { asked, own } = correctionTargets(env);
          return (asked.length ? asked : own).map((r) => registrationChoice(r, env));
        },
        next: (v, env) => {
          const r = env.c.store.byReference(String(v));
          return r?.data ? open(env, r, schema) : 'choose';
        },
      },
      pickFields: {
        id: 'pickFields',
        prompt: 'corr.pick_fields',
        promptParams: (env) => ({ reference: env.s.answers._reference }),
        choices: (env) => pickable(env, schema).map((f) => ({ value: f, label: `${env.t(keyIn('reg.field.', f))}: ${shown(env, f)}` })),
        answer: (env) => pickAnswer(env, schema),
        next: (v, env) => {
          const picked = Array.isArray(v) ? (v as string[]) : [String(v)];
          env.s.answers._fields = picked;
          return picked[0] ?? 'pickFields';
        },
      },
      confirm: confirmStep(schema, shown),
    },
  };
}

const confirmStep = (schema: readonly FieldDef[], shown: (env: StepEnv, f: string) => string): StepDef => ({
  id: 'confirm',
  prompt: (env) => {
    const lines = fieldsOf(env).map((f) => `• ${env.t(keyIn('reg.field.', f))}: ${shown(env, f)}`);
    return env.t('corr.confirm', { reference: env.s.answers._reference, fields: lines.join('\n') });
  },
  choices: ({ t }) => [
    { value: 'send', label: t('corr.send'), aliases: ['kirim', 'send', 'ya'] },
    { value: 'again', label: t('corr.again'), aliases: ['ulang', 'ubah', 'again'] },
  ],
  next: (v, env): Transition => {
    if (v === 'again') return { to: fieldsOf(env)[0] ?? 'confirm' };
    const reference = String(env.s.answers._reference);
    // Decided on while this was being answered (approved, rejected): not changed behind the officer's back.
    const now = env.c.store.byReference(reference);
    const mine = now && (now.personId === env.c.person.id || now.submitterId === env.c.person.id);
    if (now && mine && beingDecided([now], correctableStatus).length) return { to: null, say: [beingDecidedNotice([now], env)] };
    if (!now?.data || !mine || (now.status !== 'needs_correction' && now.status !== 'submitted')) {
      const status = now && mine ? env.t(keyIn('status.', now.status)) : '-';
      return { to: null, say: [env.t('corr.too_late', { reference, status, phone: env.c.settings.office.phone })] };
    }
    const changes: Record<string, unknown> = {};
    for (const id of fieldsOf(env)) {
      const value = env.s.answers[id];
      const field = schema.find((f) => f.id === id);
      changes[id] = value === '' ? null : field?.toData && value !== undefined && value !== null ? field.toData(value) : value;
    }
    return {
      to: null,
      effects: [{ type: 'submitCorrection', reference, changes: changes as Partial<RegistrationData> }],
      say: [env.t('corr.sent', { reference })],
    };
  },
});

export const correctionFlow: FlowDef = buildCorrectionFlow();
