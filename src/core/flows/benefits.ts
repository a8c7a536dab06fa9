import { figures } from '../../domain/figures.js';
import type { FlowDef, StepEnv } from '../types.js';

const PROGRAMMES = ['jkk', 'jkm', 'jht', 'jp', 'jkp'] as const;

/** The programme picked at the first step (one of the choices above). */
function chosen(env: StepEnv): (typeof PROGRAMMES)[number] {
  return (env.s.answers.programme ?? 'jkk') as (typeof PROGRAMMES)[number];
}

function withFigures(env: StepEnv): Record<string, unknown> {
  return { ...figures(env.c.rates, env.s.lang), regency: env.c.settings.regency.name };
}

/** Benefits of each programme: a short message first, more on request. */
export const benefitsFlow: FlowDef = {
  id: 'benefits',
  start: 'programme',
  steps: {
    programme: {
      id: 'programme',
      prompt: 'benefits.pick',
      choices: ({ t }) => PROGRAMMES.map((p) => ({ value: p, label: t(`benefits.${p}.name`), aliases: [p] })),
      next: () => 'short',
    },
    short: {
      id: 'short',
      prompt: (env) => env.t(`benefits.${chosen(env)}.short`, withFigures(env)),
      choices: ({ t }) => [
        { value: 'more', label: t('benefits.read_more'), aliases: ['lagi', 'lengkap', 'more', 'detail'] },
        { value: 'other', label: t('benefits.other'), aliases: ['lain', 'other'] },
        { value: 'calculator', label: t('benefits.to_calculator'), aliases: ['iuran', 'hitung'] },
      ],
      next: (v) => (v === 'more' ? 'more' : v === 'other' ? 'programme' : { to: null, flow: 'calculator' }),
    },
    more: {
      id: 'more',
      prompt: (env) =>
        `${env.t(`benefits.${chosen(env)}.more`, withFigures(env))}\n\n${env.t('benefits.source', {
          source: env.c.rates[chosen(env)].source,
        })}`,
      choices: ({ t }) => [
        { value: 'other', label: t('benefits.other'), aliases: ['lain', 'other'] },
        { value: 'calculator', label: t('benefits.to_calculator'), aliases: ['iuran', 'hitung'] },
        { value: 'register', label: t('benefits.to_register'), aliases: ['daftar'] },
      ],
      next: (v) =>
        v === 'other' ? 'programme' : { to: null, flow: v === 'register' ? 'registration' : 'calculator' },
    },
  },
};
