import { parseNik } from '../../domain/nik.js';
import { ageOn } from '../../domain/eligibility.js';
import type { RegistrationData, StepDef, StepEnv, Transition } from '../types.js';
import { dateMismatch, sexMismatch } from './registration-checks.js';
import { textAnswer } from './util.js';

/** The registration's fields in summary order (their numbers in "ubah N"); officers may ask to correct any. */
export const REGISTRATION_FIELDS = [
  'fullName', 'nik', 'birthPlace', 'birthDate', 'sex', 'kecamatan', 'desa', 'address', 'phone',
  'occupation', 'income', 'groupId', 'programmes', 'heirName', 'heirRelation', 'motherName',
] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

/** The numbered fields of the summary; the mother's name only when the regency asks for it. */
export function summaryFields(env: StepEnv): RegistrationField[] {
  return REGISTRATION_FIELDS.filter((f) => f !== 'motherName' || env.c.settings.askMotherMaidenName);
}

function fieldLines(env: StepEnv, steps: Record<string, StepDef>): string {
  return summaryFields(env)
    .map((f, i) => {
      const step = steps[f];
      const v = env.s.answers[f];
      const shown = v === undefined ? '-' : step?.display ? step.display(v, env) : String(v);
      return `${i + 1}. ${env.t(`reg.field.${f}`)}: ${shown}`;
    })
    .join('\n');
}


/** Jumps to one field's question; answering it returns to the summary. */
function editField(env: StepEnv, n: number): Transition | undefined {
  const field = summaryFields(env)[n - 1];
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
  const group = c.settings.groups.find((g) => g.id === s.answers.groupId);
  if (group?.needsRegistryCheck) checks.push('registry_check');
  if (group?.quota !== undefined && c.store.groupCount(group.id) >= group.quota) checks.push('quota_full');
  return checks;
}

/** Sends the registration: re-checks the NIK inside the same transaction, then queues it. */
export function submitTransition(env: StepEnv): Transition {
  const { c, s, t } = env;
  const submittedBy = s.cadre ? 'cadre' : 'self';
  const a = s.answers;
  const missing = summaryFields(env).find((f) => f !== 'motherName' && a[f] === undefined);
  if (missing) return { to: missing };
  // The steps already cross-check these; this guards a path that skipped one (e.g. a resumed draft).
  if (dateMismatch(env, a.birthDate)) return { to: 'birthDate', say: [t('err.dob_recheck')] };
  if (sexMismatch(env, a.sex)) return { to: 'sex', say: [t('err.dob_recheck')] };
  const existing = c.store.activeByNik(String(a.nik));
  if (existing) {
    return {
      to: null,
      say: [t(`${s.cadre ? 'regc' : 'reg'}.duplicate_own`, { reference: existing.reference, status: t(`status.${existing.status}`), phone: c.settings.office.phone })],
    };
  }
  const data: RegistrationData = {
    fullName: String(a.fullName),
    nik: String(a.nik),
    birthPlace: String(a.birthPlace),
    birthDate: String(a.birthDate),
    sex: a.sex === 'F' ? 'F' : 'M',
    kecamatan: String(a.kecamatan),
    desa: String(a.desa),
    address: String(a.address),
    phone: a.phone ? String(a.phone) : null,
    occupation: String(a.occupation),
    income: Number(a.income),
    groupId: String(a.groupId),
    programmes: String(a.programmes).split('+'),
    heirName: String(a.heirName),
    heirRelation: String(a.heirRelation),
    motherName: a.motherName ? String(a.motherName) : null,
    consentVersion: String(a.consentVersion ?? c.settings.consentVersion),
    consentAt: String(a.consentAt ?? new Date(c.now).toISOString()),
    submittedBy,
    consentBy: submittedBy === 'cadre' ? 'cadre' : 'applicant',
    checks: automaticChecks(env),
  };
  const reference = c.newReference();
  const params = { reference, name: data.fullName, office: c.settings.office.name, phone: c.settings.office.phone };
  const effects = [{ type: 'submitRegistration' as const, reference, data }];
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
export function summarySteps(steps: () => Record<string, StepDef>): StepDef[] {
  return [summaryStep(steps), editPickStep];
}

const summaryStep = (steps: () => Record<string, StepDef>): StepDef => ({
  id: 'summary',
  prompt: (env) => env.t(env.s.cadre ? 'regc.summary' : 'reg.summary', { fields: fieldLines(env, steps()) }),
  intercept: (text, env) => {
    const m = EDIT.exec(text.trim());
    return m ? editField(env, Number(m[2])) : undefined;
  },
  choices: ({ t }) => [
    { value: 'send', label: t('reg.send'), aliases: ['kirim', 'send', 'submit', 'ya', 'ok'] },
    { value: 'edit', label: t('reg.edit'), aliases: ['ubah', 'ganti', 'edit', 'perbaiki'] },
  ],
  next: (v, env) => (v === 'send' ? submitTransition(env) : 'editPick'),
});

/** Which number to fix, when the person chose "Ubah" without a number. */
const editPickStep: StepDef = {
  id: 'editPick',
  prompt: 'reg.edit_pick',
  promptParams: (env) => ({ max: summaryFields(env).length }),
  answer: (env) =>
    textAnswer((text) => {
      const n = Number(text.replace(/^(ubah|ganti|edit|no\.?|nomor)\s*/i, ''));
      const max = summaryFields(env).length;
      return Number.isInteger(n) && n >= 1 && n <= max ? { ok: true, value: n } : { ok: false, error: 'err.edit_pick', params: { max } };
    }),
  next: (v, env) => editField(env, Number(v)) ?? 'summary',
};
