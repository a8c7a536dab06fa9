/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { createInvite, inviteLink } from '../app/invites.js';
import { addDays, dayStart } from '../domain/time.js';
import { TELEGRAM_USERNAME_KEY } from '../storage/kv.js';
import type { AuditFilter } from '../storage/officers.js';
import { actionWords, AUDIT_ACTION_GROUPS, detailWords, KNOWN_AUDIT_ACTIONS, PAGE_VIEW, type AuditActionGroup } from './audit-words.js';
import { requireAdmin, type ConsoleEnv } from './auth.js';
import type { RouteDeps } from './deps.js';
import { pageBase } from './layout.js';
import { markPasswordTemporary, temporaryPasswords } from './password-routes.js';
import { AuditPage, type AuditQuery } from './pages/audit.js';
import { InvitesPage } from './pages/invites.js';
import { OfficersPage } from './pages/officers.js';
import { WhatsAppPage } from './pages/whatsapp.js';
import { hashPassword, validatePassword } from './security.js';

const AUDIT_PAGE = 100;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCE = /^LD-[A-Z0-9]{5}$/;

/** The audit page's query, each field kept only when it is well formed (anything else is ignored). */
function auditQuery(q: (k: string) => string | undefined): AuditQuery {
  const s = (k: string, max: number) => (q(k) ?? '').trim().slice(0, max);
  const officer = /^\d{1,9}$/.test(s('officer', 10)) ? s('officer', 10) : '';
  const action = s('action', 60);
  const ref = s('ref', 20).toUpperCase();
  return {
    officer,
    action: /^(all|group:[a-z]+|[a-z_0-9]{2,40})$/.test(action) ? action : '',
    ref: REFERENCE.test(ref) ? ref : '',
    from: DAY.test(s('from', 10)) ? s('from', 10) : '',
    to: DAY.test(s('to', 10)) ? s('to', 10) : '',
  };
}

/** Admin pages: officers, cadre invites, the WhatsApp link and the audit log (admins only). */
export function adminRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const { app, store, settings, timeZone, clock, random, t } = deps;
  const { officers, kv } = store;
  const web = new Hono<ConsoleEnv>();
  web.use('/admin/*', requireAdmin());
  web.use('/audit', requireAdmin());

  const adminId = (c: { get(k: 'officer'): { id: number } | null }) => c.get('officer')!.id;

  web.get('/admin/officers', (c) => {
    const list = officers.list();
    return c.html(<OfficersPage {...pageBase(c, t, timeZone)} officers={list} temporary={temporaryPasswords(kv, list)} />);
  });
  web.post('/admin/officers', async (c) => {
    const body = await c.req.parseBody();
    const username = String(body.username ?? '').trim();
    const role = body.role === 'admin' ? 'admin' : 'officer';
    const password = String(body.password ?? '');
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/.test(username) || validatePassword(password)) {
      return c.redirect('/admin/officers?err=officer_invalid', 303);
    }
    // A taken username (OfficerExistsError) becomes a flash through the console's onError.
    const added = officers.add({ username, passwordHash: await hashPassword(password), role, now: clock() });
    // The admin chose the password: the new officer replaces it with their own at the first login.
    markPasswordTemporary(kv, added.id, true, clock());
    officers.audit({ officerId: adminId(c), action: 'add_officer', detail: { username, role }, now: clock() });
    return c.redirect('/admin/officers?ok=officer_added', 303);
  });
  web.post('/admin/officers/:id/disable', (c) => {
    const id = Number(c.req.param('id'));
    if (id === adminId(c)) return c.redirect('/admin/officers?err=officer_self', 303);
    const target = officers.byId(id);
    if (!target) return c.redirect('/admin/officers', 303);
    officers.setDisabled(id, clock());
    officers.deleteSessionsOf(id);
    officers.audit({ officerId: adminId(c), action: 'disable_officer', detail: { officer: id, username: target.username }, now: clock() });
    return c.redirect('/admin/officers?ok=officer_disabled', 303);
  });
  web.post('/admin/officers/:id/enable', (c) => {
    const id = Number(c.req.param('id'));
    const target = officers.byId(id);
    if (!target || id === adminId(c)) return c.redirect('/admin/officers', 303);
    officers.setDisabled(id, null);
    officers.audit({ officerId: adminId(c), action: 'enable_officer', detail: { officer: id, username: target.username }, now: clock() });
    return c.redirect('/admin/officers?ok=officer_enabled', 303);
  });
  // A forgotten password: the admin sets a temporary one and hands it over in person; the officer's
  // sessions end, and at the next login they must choose their own (password-routes.tsx). Not
  // one's own (that is the account page, with the current password). The second factor stays.
  web.post('/admin/officers/:id/password', async (c) => {
    const id = Number(c.req.param('id'));
    const target = officers.byId(id);
    if (!target || id === adminId(c)) return c.redirect('/admin/officers', 303);
    const password = String((await c.req.parseBody()).password ?? '');
    if (validatePassword(password)) return c.redirect('/admin/officers?err=password_invalid', 303);
    officers.setPassword(id, await hashPassword(password));
    officers.deleteSessionsOf(id);
    markPasswordTemporary(kv, id, true, clock());
    officers.audit({ officerId: adminId(c), action: 'reset_password', detail: { officer: id, username: target.username }, now: clock() });
    return c.redirect('/admin/officers?ok=password_reset', 303);
  });
  // A lost phone: the officer's authenticator and recovery codes go, their sessions end, and they
  // enrol again at their next login (admins must). Not one's own: a stolen admin session must not
  // be able to move the second factor to another phone.
  web.post('/admin/officers/:id/reset-2fa', (c) => {
    const id = Number(c.req.param('id'));
    if (id === adminId(c)) return c.redirect('/admin/officers?err=second_factor_self', 303);
    const target = officers.byId(id);
    if (!target) return c.redirect('/admin/officers', 303);
    officers.resetSecondFactor(id);
    officers.audit({ officerId: adminId(c), action: 'reset_second_factor', detail: { officer: id, username: target.username }, now: clock() });
    return c.redirect('/admin/officers?ok=second_factor_reset', 303);
  });
  // Full-NIK export is a permission of its own (least privilege), granted and revoked here, audited.
  web.post('/admin/officers/:id/export-nik', async (c) => {
    const id = Number(c.req.param('id'));
    const target = officers.byId(id);
    if (!target) return c.redirect('/admin/officers', 303);
    const allow = (await c.req.parseBody()).allow === '1';
    officers.setExportNik(id, allow);
    officers.audit({ officerId: adminId(c), action: allow ? 'grant_export_nik' : 'revoke_export_nik', detail: { officer: id, username: target.username }, now: clock() });
    return c.redirect(`/admin/officers?ok=${allow ? 'export_granted' : 'export_revoked'}`, 303);
  });

  const desas = settings.areas.flatMap((a) => a.desa);
  web.get('/admin/invites', (c) =>
    c.html(
      <InvitesPage
        {...pageBase(c, t, timeZone)}
        invites={app.cadres.invites()}
        desas={desas}
        now={clock()}
        link={(code) => inviteLink(kv.get(TELEGRAM_USERNAME_KEY), code)}
      />,
    ),
  );
  web.post('/admin/invites', async (c) => {
    const body = await c.req.parseBody();
    // A bad desa, role or period (InviteError) becomes a flash through the console's onError.
    const invite = createInvite(store.cadres, settings, {
      desa: String(body.desa ?? ''),
      role: String(body.role ?? ''),
      days: Number(body.days ?? 14),
      now: clock(),
      random,
      createdBy: c.get('officer')!.username,
    });
    officers.audit({ officerId: adminId(c), action: 'create_invite', detail: { code: invite.code, desa: invite.desa, role: invite.role }, now: clock() });
    return c.redirect('/admin/invites?ok=invite_created', 303);
  });
  web.post('/admin/invites/:code/revoke', (c) => {
    app.cadres.revoke(c.req.param('code'), clock());
    officers.audit({ officerId: adminId(c), action: 'revoke_invite', detail: { code: c.req.param('code') }, now: clock() });
    return c.redirect('/admin/invites?ok=invite_revoked', 303);
  });

  web.get('/admin/whatsapp', (c) =>
    c.html(<WhatsAppPage {...pageBase(c, t, timeZone)} status={app.linkStatuses().find((l) => l.id === 'whatsapp')} />),
  );

  // The audit log with filters (officer, action, registration, period) and keyset paging. Page
  // views ('view') are many per decision: hidden unless the action filter asks for them.
  web.get('/audit', (c) => {
    const query = auditQuery((k) => c.req.query(k));
    const before = Number(c.req.query('before'));
    const filter: AuditFilter = { limit: AUDIT_PAGE, before: Number.isSafeInteger(before) && before > 0 ? before : undefined };
    if (query.officer) filter.officerId = Number(query.officer);
    if (query.ref) filter.reference = query.ref;
    if (query.from) filter.from = dayStart(query.from, timeZone);
    if (query.to) filter.to = dayStart(addDays(query.to, 1), timeZone);
    if (query.action === '') filter.exceptActions = [PAGE_VIEW];
    else if (query.action.startsWith('group:')) filter.actions = AUDIT_ACTION_GROUPS[query.action.slice(6) as AuditActionGroup] ?? [];
    else if (query.action !== 'all') filter.actions = [query.action];
    const { entries, next } = officers.auditSearch(filter);
    const list = officers.list();
    const names = new Map(list.map((o) => [o.id, o.username]));
    const lines = entries.map((e) => ({
      id: e.id,
      at: e.at,
      who: e.username ?? t('console.audit.system'),
      action: actionWords(t, e.action),
      flagged: e.action === 'login_failed' || !KNOWN_AUDIT_ACTIONS.includes(e.action),
      reference: e.reference,
      detail: detailWords(t, settings, e, (id) => names.get(id)),
    }));
    return c.html(<AuditPage {...pageBase(c, t, timeZone)} lines={lines} next={next} paged={filter.before !== undefined} query={query} officers={list} />);
  });

  return web;
}
