import { parseNik } from '../../domain/nik.js';
import { ageOn } from '../../domain/eligibility.js';
import type { RegistrationData, StepDef, StepEnv, Transition } from '../types.js';
import { dateMismatch, sexMismatch } from './registration-checks.js';
import { textAnswer } from './util.js';
import { stillOffered } from '../navigation.js';
import { regencyLine, regencyOfNik } from './where.js';
import { askedFields, duplicateNik, fieldLabel, presenceOf, REGISTRATION_SCHEMA, type FieldDef } from './registration-schema.js';

/** The numbered fields of the summary: the ones the regency asks, in the schema's order. */
export function summaryFields(env: StepEnv, schema: readonly FieldDef[] = REGISTRATION_SCHEMA): string[] {
  return askedFields(schema, env.c.settings).map((f) => f.id);
}

function fieldLines(env: StepEnv, steps: Record<string, StepDef>, schema: readonly FieldDef[]): string {
  return summaryFields(env, schema)
    .map((f, i) => {
      const step = steps[f];
      const v = env.s.answers[f];
      // An answer that is no longer one of its question's choices (a desa of another kecamatan) is not shown as if it were.
      const shown = v === undefined || (step && !stillOffered(step, step.choices?.(env) ?? [], v)) ? '-' : step?.display ? step.display(v, env) : String(v);
      return `${i + 1}. ${fieldLabel(env.t, f)}: ${shown}`;
    })
    .join('\n');
}


/** Jumps to one field's question; answering it returns to the summary. */
function editField(env: StepEnv, n: number, schema: readonly FieldDef[]): Transition | undefined {
  const field = summaryFields(env, schema)[n - 1];
  if (!field) return undefined;
  env.s.editing = true;
  return { to: field };
}

/** Automatic checks the officer sees beside the record. */
function automaticChecks(env: StepEnv): string[] {
  const { c, s } = env;
  const checks: string[] = [];
  const nik = parseNik(String(s.answers.nik), { today: c.today, isKnownDistrict: c.isKnownDistrict });
  if (nik.ok && !nik.info.knownDistrict) checks.push('unknown_region');
  const age = ageOn(String(s.answers.birthDate), c.today);
  if (age > c.settings.ageLimits.officerReviewAbove) checks.push('age_above_limit');
  if (age < c.settings.ageLimits.min) checks.push('age_below_min');
  // The NIK was issued in another regency the deployment serves: the officer checks where they live (people move).
  const nikRegency = regencyOfNik(s.answers.nik, c.regencies);
  if (nikRegency && c.regency && nikRegency.key !== c.regency) checks.push('nik_other_regency');
  const group = c.settings.groups.find((g) => g.id === s.answers.groupId);
  if (group?.needsRegistryCheck) checks.push('registry_check');
  if (group?.quota !== undefined && c.store.groupCount(group.id, c.regency ?? '') >= group.quota) checks.push('quota_full');
  return checks;
}

/** The first field the regency asks that has no answer it could take (required and not given, or no longer one of its choices). */
function missingField(env: StepEnv, schema: readonly FieldDef[]): FieldDef | undefined {
  const { c, s } = env;
  const a = s.answers;
  return askedFields(schema, c.settings).find(
    (f) => (presenceOf(f, c.settings) === 'required' && a[f.id] === undefined) || (a[f.id] !== undefined && !stillOffered(f.step, f.step.choices?.(env) ?? [], a[f.id])),
  );
}

/** Sends the registration: re-checks the NIK inside the same transaction, then queues it. */
export function submitTransition(env: StepEnv, schema: readonly FieldDef[] = REGISTRATION_SCHEMA): Transition {
  const { c, s, t } = env;
  const submittedBy = s.cadre ? 'cadre' : 'self';
  const a = s.answers;
  const missing = missingField(env, schema);
  // The consent was given for another regency's controller (a draft from before a change of regency): asked again first.
  if (c.regencies && c.regencies.length > 1 && a.consentAt === undefined) {
    a._afterConsent = 'summary';
    return { to: 'consent' };
  }
  if (missing) {
    // Answered, it comes back here (like "ubah N"): the rest was already given. While sending,
    // the summary passes itself by until nothing is missing (several fields dropped by a change of regency).
    s.editing = true;
    a._sending = true;
    return { to: missing.id };
  }
  delete a._sending;
  // The steps already cross-check these; this guards a path that skipped one (e.g. a resumed draft).
  if (dateMismatch(env, a.birthDate)) return { to: 'birthDate', say: [t('err.dob_recheck')] };
  if (sexMismatch(env, a.sex)) return { to: 'sex', say: [t('err.dob_recheck')] };
  const existing = c.store.activeByNik(String(a.nik));
  if (existing) return { to: null, say: [duplicateNik(env, existing)] };
  // Every field the schema declares (one the regency does not ask is null), then the submission's own facts.
  const fields: Record<string, unknown> = {};
  for (const f of schema) {
    const v = a[f.id];
    fields[f.id] = v === undefined || v === '' ? null : f.toData ? f.toData(v) : v;
  }
  const data = {
    ...fields,
    consentVersion: String(a.consentVersion ?? c.settings.consentVersion),
    consentAt: String(a.consentAt ?? new Date(c.now).toISOString()),
    submittedBy,
    consentBy: submittedBy === 'cadre' ? 'cadre' : 'applicant',
    checks: automaticChecks(env),
  } as RegistrationData;
  const reference = c.newReference();
  const params = { reference, name: data.fullName, office: c.settings.office.name, phone: c.settings.office.phone };
  const effects = [{ type: 'submitRegistration' as const, reference, data, regency: c.regency ?? '' }];
  if (submittedBy === 'cadre') {
    // Straight on to the next neighbour: nothing of this one stays in the session.
    return { to: 'nextNeighbour', effects, say: [t('regc.submitted', params)], fresh: true };
  }
  return { to: null, effects, say: [t('reg.submitted', params)] };
}

const EDIT = /^(ubah|ganti|edit|change|perbaiki|koreksi)\s*(?:no\.?|nomor|number)?\s*(\d{1,2})$/i;

/**
 * The numbered summary (send, or fix any one field: "ubah 3") and the "which number?" step.
 * `steps` gives the flow's steps so the summary shows each answer the way its question does.
 */
export function summarySteps(steps: () => Record<string, StepDef>, schema: readonly FieldDef[] = REGISTRATION_SCHEMA): StepDef[] {
  return [summaryStep(steps, schema), editPickStep(schema)];
}

const summaryStep = (steps: () => Record<string, StepDef>, schema: readonly FieldDef[]): StepDef => ({
  id: 'summary',
  // "Kirim" found fields missing: each is asked in turn, and the summary comes back once all are given.
  skip: (env) => env.s.answers._sending === true && missingField(env, schema) !== undefined,
  prompt: (env) => {
    const summary = env.t(env.s.cadre ? 'regc.summary' : 'reg.summary', { fields: fieldLines(env, steps(), schema) });
    const where = regencyLine(env);
    return where ? `${where}\n\n${summary}` : summary;
  },
  intercept: (text, env) => {
    const m = EDIT.exec(text.trim());
    return m ? editField(env, Number(m[2]), schema) : undefined;
  },
  choices: ({ t }) => [
    { value: 'send', label: t('reg.send'), aliases: ['kirim', 'send', 'submit', 'ya', 'ok'] },
    { value: 'edit', label: t('reg.edit'), aliases: ['ubah', 'ganti', 'edit', 'perbaiki'] },
  ],
  next: (v, env) => {
    if (v === undefined && env.s.answers._sending === true) return submitTransition(env, schema);
    delete env.s.answers._sending;
    return v === 'send' ? submitTransition(env, schema) : 'editPick';
  },
});

/** Which number to fix, when the person chose "Ubah" without a number. */
const editPickStep = (schema: readonly FieldDef[]): StepDef => ({
  id: 'editPick',
  prompt: 'reg.edit_pick',
  promptParams: (env) => ({ max: summaryFields(env, schema).length }),
  answer: (env) =>
    textAnswer((text) => {
      const n = Number(text.replace(/^(ubah|ganti|edit|no\.?|nomor)\s*/i, ''));
      const max = summaryFields(env, schema).length;
      return Number.isInteger(n) && n >= 1 && n <= max ? { ok: true, value: n } : { ok: false, error: 'err.edit_pick', params: { max } };
    }),
  next: (v, env) => editField(env, Number(v), schema) ?? 'summary',
});
