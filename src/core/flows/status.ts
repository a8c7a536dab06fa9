import { formatDateId } from '../../domain/dates.js';
import { parseReference } from '../../domain/reference.js';
import type { FlowDef, RegistrationView, StepEnv } from '../types.js';
import { askedCorrections } from './correction.js';
import { nextStepLines } from './next-step.js';
import { settingsOf } from './where.js';

function dateOf(ms: number, env: StepEnv): string {
  return formatDateId(new Date(ms + 7 * 3600_000).toISOString().slice(0, 10), env.s.lang);
}

/** One registration's status line, with the officer's note when there is one. */
export function statusLine(r: RegistrationView, env: StepEnv): string {
  const { t } = env;
  let line = t('status.line', {
    reference: r.reference,
    status: t(`status.${r.status}`),
    name: r.data?.fullName ?? '-',
    date: dateOf(r.createdAt, env),
  });
  if (r.officerNote) line += `\n${t('status.note', { note: r.officerNote })}`;
  // The same next step the decision's message gave: how to pay, the KPJ, what to correct, what to do after a no.
  const next = nextStepLines(
    { status: r.status, data: r.data, kpj: r.kpj, reason: r.rejectReason, hasNote: !!r.officerNote, correctionFields: r.correctionFields },
    { t, lang: env.s.lang, settings: settingsOf(env.c, r), rates: env.c.rates, today: env.c.today, brief: true },
  );
  return next.length ? `${line}\n${next.join('\n')}` : line;
}

/** The status of a reference the person typed, only when it is one of theirs. */
export function statusOfReference(reference: string, env: StepEnv): string {
  const r = env.c.store.byReference(reference);
  // Only the applicant, or the cadre who submitted it, may see a registration.
  const mine = r && r.status !== 'deleted' && (r.personId === env.c.person.id || r.submitterId === env.c.person.id);
  return mine ? statusLine(r, env) : env.t('status.not_found', { reference });
}

function visible(env: StepEnv): RegistrationView[] {
  return env.c.store.registrationsOf(env.c.person.id).filter((r) => r.status !== 'deleted');
}

/** "Cek status": every registration of the person, newest first, or one by its reference. */
export const statusFlow: FlowDef = {
  id: 'status',
  start: 'list',
  steps: {
    list: {
      id: 'list',
      prompt: (env) => {
        const regs = visible(env);
        if (regs.length === 0) return env.t('status.none');
        const shown = regs.slice(0, 5).map((r) => statusLine(r, env));
        const more = regs.length > 5 ? `\n\n${env.t('status.more', { count: regs.length - 5 })}` : '';
        return `${env.t('status.header')}\n\n${shown.join('\n\n')}${more}\n\n${env.t('status.by_reference')}`;
      },
      intercept: (text, env) => {
        const ref = parseReference(text);
        return ref ? { to: 'list', say: [statusOfReference(ref, env)] } : undefined;
      },
      choices: (env) => [
        { value: 'register', label: env.t('status.to_register'), aliases: ['daftar'] },
        { value: 'mydata', label: env.t('menu.mydata'), aliases: ['data saya', 'hapus'] },
        // Offered here until done, like in the menu.
        ...(askedCorrections(env).length
          ? [{ value: 'correction', label: env.t('status.to_correct'), aliases: ['perbaiki', 'perbaikan', 'koreksi'] }]
          : []),
      ],
      next: (v) => ({ to: null, flow: v === 'register' ? 'registration' : v === 'correction' ? 'correction' : 'mydata' }),
    },
  },
};
