import { z } from 'zod';
import { parseReference } from '../../domain/reference.js';
import type { FlowDef, StepDef, StepEnv, Transition } from '../types.js';
import { askedFields, presenceOf, REGISTRATION_SCHEMA, SKIP_WORDS, voice, type FieldDef } from './registration-schema.js';
import { summarySteps } from './registration-summary.js';
import { statusOfReference } from './status.js';
import { yesNo } from './util.js';
import { whereSteps } from './where.js';

export { voice } from './registration-schema.js';

/**
 * One field's step: its question from the schema, then on to the next field the regency asks
 * (or the summary), saying what the field has to say on the way. An optional field takes "-".
 */
function fieldStep(schema: readonly FieldDef[], field: FieldDef): StepDef {
  const after = (env: StepEnv): string => {
    const asked = askedFields(schema, env.c.settings);
    const i = asked.findIndex((f) => f.id === field.id);
    return asked[i + 1]?.id ?? 'summary';
  };
  const optional = (env: StepEnv) => presenceOf(field, env.c.settings) === 'optional';
  const baseAnswer = field.step.answer;
  return {
    ...field.step,
    id: field.id,
    skip: (env) => presenceOf(field, env.c.settings) === 'off' || (field.step.skip?.(env) ?? false),
    // "-" (or "tidak ada") leaves an optional field empty; anything else goes through its own check.
    answer: baseAnswer
      ? (env) => (optional(env) ? orNone(baseAnswer(env)) : baseAnswer(env))
      : undefined,
    next: (value, env): Transition | string | null => {
      const extra = field.then?.(value, env);
      if (!extra) return after(env);
      return { ...extra, to: extra.to === null ? null : (extra.to ?? after(env)) };
    },
  };
}

/** An optional field's answer: a skip word is "" (none), anything else goes through the field's own check. */
function orNone(base: z.ZodType<unknown>): z.ZodType<unknown> {
  return z.string().transform((text, ctx) => {
    if (SKIP_WORDS.has(text.trim().toLowerCase())) return '';
    const r = base.safeParse(text);
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, params: (issue as { params?: Record<string, unknown> }).params });
    }
    return z.NEVER;
  });
}

/** The registration flow for a schema (the app's is REGISTRATION_SCHEMA; tests may add a field). */
export function buildRegistrationFlow(schema: readonly FieldDef[] = REGISTRATION_SCHEMA): FlowDef {
  const steps: StepDef[] = [
  // Which regency first: the consent names its data controller.
  ...whereSteps('consent'),
  {
    id: 'consent',
    prompt: voice('consent', ({ c }) => ({
      controller: c.settings.dataController.name,
      contact: c.settings.dataController.contact,
      days: c.settings.retentionDays.rejected,
      draftDays: c.settings.retentionDays.draft,
    })),
    choices: (env) => yesNo(env, env.s.cadre ? 'regc.consent_yes' : 'reg.consent_yes', env.s.cadre ? 'regc.consent_no' : 'reg.consent_no'),
    next: (v, env) => {
      const { c, t, s } = env;
      if (v !== 'yes') return { to: null, say: [t(s.cadre ? 'regc.consent_declined' : 'reg.consent_declined')] };
      s.answers.consentAt = new Date(c.now).toISOString();
      s.answers.consentVersion = c.settings.consentVersion;
      // Asked again after a change of regency (its own data controller): back to where they were.
      const after = s.answers._afterConsent as string | undefined;
      delete s.answers._afterConsent;
      // A cadre confirms for the neighbour: that consent is recorded with the neighbour at submission.
      const first = after ?? askedFields(schema, env.c.settings)[0]?.id ?? 'summary';
      if (s.cadre) return first;
      return { to: first, effects: [{ type: 'recordConsent', version: c.settings.consentVersion }] };
    },
  },
    ...schema.map((f) => fieldStep(schema, f)),
    ...summarySteps(() => flow.steps, schema),
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
  const flow: FlowDef = {
    id: 'registration',
    start: 'where',
    keepsDraft: true,
    summaryStep: 'summary',
    steps: Object.fromEntries(steps.map((st) => [st.id, st])),
  };
  return flow;
}

/** Pre-registration: consent first, then each field of the schema with its own check, then a numbered summary. */
export const registrationFlow: FlowDef = buildRegistrationFlow();
