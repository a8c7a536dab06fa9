import { parseReference } from '../../domain/reference.js';
import type { FlowDef, StepEnv } from '../types.js';
import { statusLine, statusOfReference } from './status.js';

/** Neighbours shown per page: a phone screen. */
export const NEIGHBOURS_PAGE = 5;

function page(env: StepEnv): number {
  return Number(env.s.answers.page ?? 0);
}

function slice(env: StepEnv) {
  return env.c.store.registrationsBySubmitter(env.c.person.id, page(env) * NEIGHBOURS_PAGE, NEIGHBOURS_PAGE);
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
        ];
      },
      next: (v, env) => {
        if (v === 'register') return { to: null, flow: 'registration' };
        env.s.answers.page = Math.max(0, page(env) + (v === 'next' ? 1 : -1));
        return 'list';
      },
    },
  },
};
