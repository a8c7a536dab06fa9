import { formatDateId } from '../../domain/dates.js';
import { maskNik } from '../../domain/nik.js';
import { maskPhone } from '../../domain/phone.js';
import { DELETABLE_STATUSES, type FlowDef, type RegistrationView, type StepEnv } from '../types.js';
import { copyMessages } from './access-chat.js';
import { yesNo } from './util.js';

function stored(env: StepEnv): RegistrationView[] {
  return env.c.store.registrationsOf(env.c.person.id).filter((r) => r.status !== 'deleted' && r.data);
}

function deletable(env: StepEnv): RegistrationView[] {
  return stored(env).filter((r) => DELETABLE_STATUSES.includes(r.status));
}

/** What is stored about one registration, NIK and phone masked. */
function recordText(r: RegistrationView, env: StepEnv): string {
  const d = r.data!;
  return env.t('mydata.record', {
    reference: r.reference,
    status: env.t(`status.${r.status}`),
    name: d.fullName,
    nik: maskNik(d.nik),
    birth: `${d.birthPlace}, ${formatDateId(d.birthDate, env.s.lang)}`,
    place: `${d.address}, ${d.desa}, ${d.kecamatan}`,
    phone: d.phone ? maskPhone(d.phone) : '-',
    heir: d.heirName,
    consent: formatDateId(d.consentAt.slice(0, 10), env.s.lang),
    version: d.consentVersion,
  });
}

/** "Data saya": see what is stored, delete a registration not yet approved, withdraw consent. */
export const mydataFlow: FlowDef = {
  id: 'mydata',
  start: 'overview',
  steps: {
    overview: {
      id: 'overview',
      prompt: (env) => {
        const regs = stored(env);
        const draft = env.s.drafts.registration ? `\n\n${env.t('mydata.draft')}` : '';
        const body = regs.length ? regs.map((r) => recordText(r, env)).join('\n\n') : env.t('mydata.none');
        return `${body}${draft}\n\n${env.t('mydata.rights', {
          controller: env.c.settings.dataController.name,
          contact: env.c.settings.dataController.contact,
          hours: env.c.rates.dataRights.answerWithinHours,
        })}`;
      },
      choices: ({ t }) => [
        { value: 'delete', label: t('mydata.delete'), aliases: ['hapus', 'delete'] },
        { value: 'withdraw', label: t('mydata.withdraw'), aliases: ['tarik', 'withdraw', 'cabut'] },
        { value: 'copy', label: t('access.menu'), aliases: ['salinan', 'salinan lengkap', 'copy', 'unduh', 'download'] },
        // Here, in the chat: no address to write to from a cheap phone (see correction.ts for what can be changed when).
        { value: 'correct', label: t('mydata.correct'), aliases: ['perbaiki', 'perbaiki data', 'ubah', 'ubah data', 'koreksi', 'ganti data'] },
      ],
      next: (v, env) => {
        if (v === 'correct') return { to: null, flow: 'correction' };
        if (v === 'withdraw') return 'confirmWithdraw';
        if (v === 'copy') {
          // Their own chat: everything in full, the NIK and phone too (they typed them here themselves).
          const report = env.c.store.accessReport(env.c.person.id);
          // A cadre's draft is a neighbour's data, not theirs: left out.
          const draft = env.s.cadre ? null : (env.s.drafts.registration?.answers ?? null);
          const say = copyMessages(env, report, { audience: 'self', full: true, draft });
          return { to: null, say, effects: [{ type: 'recordAccessCopy', personId: env.c.person.id, by: 'applicant' }] };
        }
        if (deletable(env).length === 0) return { to: 'overview', say: [env.t('mydata.nothing_to_delete')] };
        return 'pickDelete';
      },
    },
    pickDelete: {
      id: 'pickDelete',
      prompt: 'mydata.pick_delete',
      choices: (env) => deletable(env).map((r) => ({ value: r.reference, label: `${r.reference} · ${r.data!.fullName}` })),
      next: () => 'confirmDelete',
    },
    confirmDelete: {
      id: 'confirmDelete',
      prompt: 'mydata.confirm_delete',
      promptParams: ({ s }) => ({ reference: s.answers.pickDelete }),
      choices: (env) => yesNo(env, 'mydata.yes_delete', 'common.no_keep'),
      next: (v, env) => {
        if (v !== 'yes') return { to: null, say: [env.t('mydata.kept')] };
        const reference = String(env.s.answers.pickDelete);
        return { to: null, effects: [{ type: 'deleteRegistration', reference }], say: [env.t('mydata.deleted', { reference })] };
      },
    },
    confirmWithdraw: {
      id: 'confirmWithdraw',
      prompt: 'mydata.confirm_withdraw',
      choices: (env) => yesNo(env, 'mydata.yes_withdraw', 'common.no_keep'),
      next: (v, env) => {
        if (v !== 'yes') return { to: null, say: [env.t('mydata.kept')] };
        const kept = stored(env).filter((r) => !DELETABLE_STATUSES.includes(r.status));
        const say = [env.t('mydata.withdrawn')];
        if (kept.length) say.push(env.t('mydata.withdrawn_kept', { count: kept.length, references: kept.map((r) => r.reference).join(', '), phone: env.c.settings.office.phone }));
        return { to: null, effects: [{ type: 'withdrawConsent' }], say, dropDrafts: true };
      },
    },
  },
};
