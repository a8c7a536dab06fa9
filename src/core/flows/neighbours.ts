import { maskPhone } from '../../domain/phone.js';
import { parseReference } from '../../domain/reference.js';
import { ACCESS_CODE } from '../access-copy.js';
import type { FlowDef, StepEnv, Transition } from '../types.js';
import { copyMessages } from './access-chat.js';
import { statusLine, statusOfReference } from './status.js';

/** Neighbours shown per page: a phone screen. */
export const NEIGHBOURS_PAGE = 5;

function page(env: StepEnv): number {
  return Number(env.s.answers.page ?? 0);
}

function slice(env: StepEnv) {
  return env.c.store.registrationsBySubmitter(env.c.person.id, page(env) * NEIGHBOURS_PAGE, NEIGHBOURS_PAGE);
}

/** The neighbours on this page whose data a copy can be asked for (not erased). */
function copyable(env: StepEnv) {
  return slice(env).rows.filter((r) => r.status !== 'deleted' && r.data);
}

/**
 * A neighbour's copy goes to the cadre only with the neighbour's phone confirming it: a one-time
 * code is sent to the phone on record and the cadre types it back. Without a phone on record, a
 * way to reach it, or when the number is the cadre's own, the neighbour asks themself or at the office.
 */
function askCode(reference: string, env: StepEnv): Transition {
  const { c, t } = env;
  const office = { office: c.settings.office.name, phone: c.settings.office.phone };
  const r = c.store.byReference(reference);
  if (!r || r.submitterId !== c.person.id || r.status === 'deleted' || !r.data) return { to: 'list', say: [t('status.not_found', { reference })] };
  const phone = r.data.phone;
  if (!phone) return { to: 'list', say: [t('access.cadre.no_phone', office)] };
  if (phone === c.person.phone) return { to: 'list', say: [t('access.cadre.own_phone', office)] };
  if (!c.store.reachesPhone(phone)) return { to: 'list', say: [t('access.cadre.no_channel', office)] };
  if (c.store.accessCode(reference, c.person.id, c.now).sentToday >= ACCESS_CODE.perDay) {
    return { to: 'list', say: [t('access.cadre.limit_reached', { count: ACCESS_CODE.perDay, ...office })] };
  }
  return {
    to: 'enterCode',
    effects: [{ type: 'sendAccessCode', reference }],
    say: [t('access.cadre.code_sent', { phone: maskPhone(phone), minutes: ACCESS_CODE.minutes, digits: ACCESS_CODE.digits, name: r.data.fullName })],
  };
}

/** The code the cadre typed: the copy when right, fewer tries when wrong; never kept in the conversation. */
function checkCode(typed: string, env: StepEnv): Transition {
  const { c, t } = env;
  const reference = String(env.s.answers.pickCopy ?? '');
  const state = c.store.accessCode(reference, c.person.id, c.now);
  if (!state.open) return { to: 'list', say: [t('access.cadre.expired')] };
  const r = c.store.byReference(reference);
  if (r && r.submitterId === c.person.id && c.store.accessCodeMatches(reference, c.person.id, typed, c.now)) {
    const say = copyMessages(env, c.store.accessReport(r.personId), { audience: 'cadre', full: false });
    return {
      to: null,
      say,
      effects: [
        { type: 'accessCodeTried', reference, ok: true },
        { type: 'recordAccessCopy', personId: r.personId, by: 'cadre' },
      ],
    };
  }
  const left = state.open.triesLeft - 1;
  const effects: Transition['effects'] = [{ type: 'accessCodeTried', reference, ok: false }];
  if (left <= 0) return { to: 'list', effects, say: [t('access.cadre.exhausted')] };
  return { to: 'enterCode', effects, say: [t('access.cadre.wrong', { count: left })] };
}

/** "Warga saya": a cadre's own submissions with their status, a page at a time. */
export const neighboursFlow: FlowDef = {
  id: 'neighbours',
  start: 'list',
  steps: {
    list: {
      id: 'list',
      field: 'action',
      prompt: (env) => {
        const { rows, total } = slice(env);
        if (total === 0) return env.t('cadre.none');
        const pages = Math.ceil(total / NEIGHBOURS_PAGE);
        const lines = rows.map((r) => statusLine(r, env));
        return `${env.t('cadre.list_header', { page: page(env) + 1, pages, total })}\n\n${lines.join('\n\n')}\n\n${env.t('status.by_reference')}`;
      },
      intercept: (text, env) => {
        const ref = parseReference(text);
        return ref ? { to: 'list', say: [statusOfReference(ref, env)] } : undefined;
      },
      choices: (env) => {
        const { total } = slice(env);
        const { t } = env;
        const more = (page(env) + 1) * NEIGHBOURS_PAGE < total;
        return [
          ...(more ? [{ value: 'next', label: t('cadre.next_page'), aliases: ['lagi', 'berikutnya', 'next'] }] : []),
          ...(page(env) > 0 ? [{ value: 'prev', label: t('cadre.prev_page'), aliases: ['sebelumnya', 'prev', 'previous'] }] : []),
          { value: 'register', label: t('cadre.menu.registration'), aliases: ['daftar', 'daftarkan'] },
          ...(total > 0 ? [{ value: 'copy', label: t('access.cadre.menu'), aliases: ['salinan', 'salinan data', 'copy'] }] : []),
        ];
      },
      next: (v, env) => {
        if (v === 'register') return { to: null, flow: 'registration' };
        if (v === 'copy') return copyable(env).length ? 'pickCopy' : { to: 'list', say: [env.t('access.cadre.none')] };
        env.s.answers.page = Math.max(0, page(env) + (v === 'next' ? 1 : -1));
        return 'list';
      },
    },
    pickCopy: {
      id: 'pickCopy',
      prompt: 'access.cadre.pick',
      choices: (env) => copyable(env).map((r) => ({ value: r.reference, label: `${r.reference} · ${r.data!.fullName}` })),
      next: (v, env) => askCode(String(v), env),
    },
    enterCode: {
      id: 'enterCode',
      prompt: 'access.cadre.enter',
      promptParams: () => ({ digits: ACCESS_CODE.digits }),
      // Digits are the code: read here, so the code is never stored as an answer.
      intercept: (text, env) => {
        const digits = text.replace(/[\s.-]/g, '');
        if (!/^\d{4,8}$/.test(digits)) return undefined;
        if (digits.length !== ACCESS_CODE.digits) return { to: 'enterCode', say: [env.t('access.cadre.code_format', { digits: ACCESS_CODE.digits })] };
        return checkCode(digits, env);
      },
      choices: ({ t }) => [
        { value: 'resend', label: t('access.cadre.resend'), aliases: ['kirim lagi', 'kode baru', 'resend'] },
        { value: 'back', label: t('access.cadre.back'), aliases: ['kembali', 'batal', 'back'] },
      ],
      next: (v, env) => (v === 'resend' ? askCode(String(env.s.answers.pickCopy ?? ''), env) : 'list'),
    },
  },
};
