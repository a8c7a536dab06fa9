/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { ERASE_REASONS, KEEP_REASONS, OfficerErasureError, type EraseReason, type KeepReason } from '../app/officer-erasure.js';
import { keyIn } from '../core/locale-key.js';
import type { T } from '../core/types.js';
import type { RegistrationRecord } from '../storage/registrations.js';
import type { OfficerErasure, WithdrawalState } from '../storage/withdrawals.js';
import type { ConsoleEnv } from './auth.js';
import type { RouteDeps } from './deps.js';
import { formatWhen, statusLabel } from './labels.js';
import type { ConsoleContext } from './layout.js';
import type { DetailView } from './pages/detail.js';
import { named } from './detail-words.js';
import { notFoundPage, scopeOf, sees, visibleRecord } from './scope.js';

/** Notices of the erase and keep actions (console.erase.flash.*), beside the console's own list. */
const OK = new Set(['erased', 'kept']);
const ERR = new Set(['reason_required', 'confirm_required', 'already_erased', 'withdrawal_pending', 'kpj_withdrawn', 'keep_reason_required', 'not_pending']);

/** The erase/withdrawal notice a detail page shows from ?ok= / ?err=, when it is one of these. */
export function erasureFlash(t: T, c: ConsoleContext): { text: string; error?: boolean } | undefined {
  const ok = c.req.query('ok');
  const err = c.req.query('err');
  if (ok && OK.has(ok)) return { text: t(keyIn('console.erase.flash.', ok)) };
  if (err && ERR.has(err)) return { text: t(keyIn('console.erase.flash.', err)), error: true };
  return undefined;
}

type Event = { at: number; actor_kind: string; actor_id: string | null; action: string; to_status: string | null };

/** Who did something in the history, in the officer's words. */
function whoDid(t: T, e: Pick<Event, 'actor_kind' | 'actor_id'>): string {
  if (e.actor_kind === 'officer') return t('console.erase.by_officer', { username: e.actor_id ?? '-' });
  return t(e.actor_kind === 'system' ? 'console.erase.by_system' : 'console.erase.by_applicant');
}

/** How an erased registration's data went: when, by whom and why (the only trace an erasure keeps). */
export function erasedText(t: T, timeZone: string, events: readonly Event[], byOfficer: OfficerErasure | undefined): string | undefined {
  const e = [...events].reverse().find((x) => x.to_status === 'deleted');
  if (!e) return undefined;
  const reason =
    e.action === 'erased_by_officer' && byOfficer?.reason
      ? named(t, keyIn('console.erase.reasons.', byOfficer.reason), byOfficer.reason)
      : named(t, keyIn('console.history.action.', e.action), e.action);
  return t('console.erase.erased', { when: formatWhen(e.at, timeZone), who: whoDid(t, e), reason });
}

/** A consent withdrawn after approval, for the detail page: what the officer must do, or why it was kept. */
export function withdrawalView(t: T, timeZone: string, row: Pick<RegistrationRecord, 'status'>, state: WithdrawalState | undefined, events: readonly Event[]): DetailView['withdrawal'] {
  if (!state || state.withdrawnAt === null) return undefined;
  const when = formatWhen(state.withdrawnAt, timeZone);
  if (state.pending) {
    return {
      pending: true,
      notice: t('console.withdrawal.notice', { when, status: statusLabel(t, row.status) }),
      todo: t(row.status === 'registered' ? 'console.withdrawal.todo_registered' : 'console.withdrawal.todo_approved'),
    };
  }
  if (state.keptAt === null) return undefined;
  const kept = [...events].reverse().find((e) => e.action === 'withdrawal_kept');
  return {
    pending: false,
    kept: t('console.withdrawal.kept', {
      when,
      who: kept ? whoDid(t, kept) : '-',
      kept_when: formatWhen(state.keptAt, timeZone),
      reason: named(t, keyIn('console.withdrawal.keep_reasons.', state.keptReason ?? ''), state.keptReason ?? '-'),
    }),
  };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The officer's erase action and the decision on a consent withdrawn after approval. Any officer
 * may erase (a person's request at the office is answered by whoever is at the desk, within
 * 3 × 24 h); it needs a reason from a fixed list and a ticked confirmation, and is audited.
 */
export function erasureRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { store, app, t, timeZone } = deps;
  /** A registration the officer may see; one outside their scope is answered as if it did not exist. */
  const byRef = async (c: ConsoleContext) => visibleRecord(await store.registrations.record(c.req.param('ref') ?? ''), scopeOf(c));

  web.post('/registrations/:ref/erase', async (c) => {
    const row = await byRef(c);
    if (!row) return notFoundPage(c, t, timeZone);
    const back = (q: string) => c.redirect(`/registrations/${row.reference}?${q}`, 303);
    const body = await c.req.parseBody();
    if (row.status === 'deleted') return back('err=already_erased');
    const reason = text(body.reason);
    if (!(ERASE_REASONS as readonly string[]).includes(reason)) return back('err=reason_required');
    if (text(body.confirm) !== 'yes') return back('err=confirm_required');
    const officer = c.get('officer')!;
    try {
      await app.erase(row.reference, { officer: { id: officer.id, username: officer.username }, reason: reason as EraseReason, note: text(body.note) });
    } catch (err) {
      if (err instanceof OfficerErasureError) return back(`err=${err.code}`);
      throw err;
    }
    // Erased, it has no group left: an agency's officer no longer sees it, and goes back to the queue.
    if (!sees(scopeOf(c), { regency: row.regency, groupId: null })) return c.redirect('/queue?ok=erased', 303);
    return back('ok=erased');
  });

  web.post('/registrations/:ref/keep', async (c) => {
    const row = await byRef(c);
    if (!row) return notFoundPage(c, t, timeZone);
    const back = (q: string) => c.redirect(`/registrations/${row.reference}?${q}`, 303);
    const body = await c.req.parseBody();
    if (!(await store.withdrawals.isPending(row.id))) return back('err=not_pending');
    const reason = text(body.reason);
    const note = text(body.note).trim();
    if (!(KEEP_REASONS as readonly string[]).includes(reason) || (reason === 'other_legal' && note === '')) return back('err=keep_reason_required');
    const officer = c.get('officer')!;
    try {
      await app.keepAfterWithdrawal(row.reference, { officer: { id: officer.id, username: officer.username }, reason: reason as KeepReason, note });
    } catch (err) {
      if (err instanceof OfficerErasureError) return back(`err=${err.code}`);
      throw err;
    }
    return back('ok=kept');
  });

  return web;
}
