import { formatDateId } from '../../domain/dates.js';
import { maskNik } from '../../domain/nik.js';
import { maskPhone } from '../../domain/phone.js';
import { DELETABLE_STATUSES, type ChoiceDef, type FlowDef, type RegistrationStatus, type RegistrationView, type StepEnv } from '../types.js';
import { copyMessages } from './access-chat.js';
import { correctionTargets } from './correction.js';
import { beingDecided, beingDecidedNotice } from './untold.js';
import { yesNo } from './util.js';
import { needsRegency, settingsOf } from './where.js';

/** The person deletes these themself, at once (storage/registrations.ts deleteByApplicant). */
const deletableStatus = (status: RegistrationStatus) => DELETABLE_STATUSES.includes(status);
/**
 * Approved or registered: BPJS may already cover the person, so withdrawing consent does not erase
 * it at once but asks an officer to review it (storage/erasure.ts, storage/withdrawals.ts).
 */
const reviewedStatus = (status: RegistrationStatus) => status === 'approved' || status === 'registered';

function stored(env: StepEnv): RegistrationView[] {
  return env.c.store.registrationsOf(env.c.person.id).filter((r) => r.status !== 'deleted' && r.data);
}

function deletable(env: StepEnv): RegistrationView[] {
  return stored(env).filter((r) => deletableStatus(r.status));
}

function reviewed(env: StepEnv): RegistrationView[] {
  return stored(env).filter((r) => reviewedStatus(r.status));
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

/** How a correction is had from here: in the chat, by asking an officer (approved ones), or none at all. */
function fixKind(env: StepEnv): 'here' | 'officer' | null {
  const targets = correctionTargets(env);
  if (targets.asked.length + targets.own.length > 0) return 'here';
  return targets.decided.length ? 'officer' : null;
}

/**
 * What "Data saya" offers, worded as it will happen for the registrations this person has: delete
 * only when one can be deleted at once; withdrawing consent says when an officer reviews the rest;
 * correcting says when an officer makes the change. Nothing is offered that could do nothing.
 */
function overviewChoices(env: StepEnv): ChoiceDef[] {
  const { t } = env;
  const canDelete = deletable(env).length > 0;
  // Without a delete of its own, "hapus" asks for the deletion that can be had: withdrawing consent.
  const deleteWords = canDelete ? [] : ['hapus', 'hapus data', 'delete'];
  const fix = fixKind(env);
  return [
    ...(canDelete ? [{ value: 'delete', label: t('mydata.delete'), aliases: ['hapus', 'delete'] }] : []),
    {
      value: 'withdraw',
      label: t(reviewed(env).length ? 'mydata.withdraw_review' : 'mydata.withdraw'),
      aliases: ['tarik', 'withdraw', 'cabut', 'tarik persetujuan', ...deleteWords],
    },
    { value: 'copy', label: t('access.menu'), aliases: ['salinan', 'salinan lengkap', 'copy', 'unduh', 'download'] },
    // Here, in the chat: no address to write to from a cheap phone (see correction.ts for what can be changed when).
    ...(fix
      ? [{ value: 'correct', label: t(fix === 'here' ? 'mydata.correct' : 'mydata.correct_officer'), aliases: ['perbaiki', 'perbaiki data', 'ubah', 'ubah data', 'koreksi', 'ganti data'] }]
      : []),
  ];
}

/** How a correction is had, with the number that leads to it; empty when there is nothing to correct. */
function fixLine(env: StepEnv): string {
  const fix = fixKind(env);
  if (!fix) return '';
  const number = overviewChoices(env).findIndex((c) => c.value === 'correct') + 1;
  return `${env.t(fix === 'here' ? 'mydata.fix_here' : 'mydata.fix_officer', { number })} `;
}

/** "Data saya": see what is stored, delete a registration not yet approved, withdraw consent, a copy, a correction. */
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
          // Nothing held yet and the regency not known: no regency's controller named as if it were theirs.
          controller: !regs.length && needsRegency(env.s, env.c) ? env.t('where.controller_general') : settingsOf(env.c, regs[0]).dataController.name,
          contact: !regs.length && needsRegency(env.s, env.c) ? env.t('where.see_help') : settingsOf(env.c, regs[0]).dataController.contact,
          hours: env.c.rates.dataRights.answerWithinHours,
          fix: fixLine(env),
        })}`;
      },
      choices: overviewChoices,
      next: (v, env) => {
        if (v === 'correct') return { to: null, flow: 'correction' };
        if (v === 'copy') {
          // Their own chat: everything in full, the NIK and phone too (they typed them here themselves).
          const report = env.c.store.accessReport(env.c.person.id);
          // A cadre's draft is a neighbour's data, not theirs: left out.
          const draft = env.s.cadre ? null : (env.s.drafts.registration?.answers ?? null);
          const say = copyMessages(env, report, { audience: 'self', full: true, draft });
          return { to: null, say, effects: [{ type: 'recordAccessCopy', personId: env.c.person.id, by: 'applicant' }] };
        }
        if (v === 'withdraw') {
          // An officer's decision they have not heard of yet would change what a withdrawal does: after its news.
          const busy = beingDecided(stored(env), reviewedStatus);
          return busy.length ? { to: 'overview', say: [beingDecidedNotice(busy, env)] } : 'confirmWithdraw';
        }
        const busy = beingDecided(deletable(env), deletableStatus);
        if (busy.length) return { to: 'overview', say: [beingDecidedNotice(busy, env)] };
        // Decided on since the list was shown.
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
        // An officer may have decided while this was asked: only what can still be deleted is said to be.
        const r = stored(env).find((x) => x.reference === reference);
        if (r && beingDecided([r], deletableStatus).length) return { to: null, say: [beingDecidedNotice([r], env)] };
        if (!r || !deletableStatus(r.status)) {
          const status = r ? env.t(`status.${r.status}`) : '-';
          return { to: null, say: [env.t('mydata.not_deletable', { reference, status })] };
        }
        return { to: null, effects: [{ type: 'deleteRegistration', reference }], say: [env.t('mydata.deleted', { reference })] };
      },
    },
    confirmWithdraw: {
      id: 'confirmWithdraw',
      prompt: (env) => {
        const kept = reviewed(env);
        if (kept.length === 0) return env.t('mydata.confirm_withdraw');
        return env.t('mydata.confirm_withdraw_review', {
          count: kept.length,
          references: kept.map((r) => r.reference).join(', '),
          hours: env.c.rates.dataRights.answerWithinHours,
        });
      },
      choices: (env) => yesNo(env, 'mydata.yes_withdraw', 'common.no_keep'),
      next: (v, env) => {
        if (v !== 'yes') return { to: null, say: [env.t('mydata.kept')] };
        const busy = beingDecided(stored(env), reviewedStatus);
        if (busy.length) return { to: null, say: [beingDecidedNotice(busy, env)] };
        const kept = reviewed(env);
        const say = [env.t('mydata.withdrawn')];
        if (kept.length) {
          say.push(
            env.t('mydata.withdrawn_kept', {
              count: kept.length,
              references: kept.map((r) => r.reference).join(', '),
              hours: env.c.rates.dataRights.answerWithinHours,
              phone: settingsOf(env.c, kept[0]).office.phone,
            }),
          );
        }
        return { to: null, effects: [{ type: 'withdrawConsent' }], say, dropDrafts: true };
      },
    },
  },
};
