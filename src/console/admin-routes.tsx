/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { createInvite, inviteLink } from '../app/invites.js';
import { TELEGRAM_USERNAME_KEY } from '../storage/kv.js';
import { requireAdmin, type ConsoleEnv } from './auth.js';
import type { RouteDeps } from './deps.js';
import { pageBase } from './layout.js';
import { AuditPage, InvitesPage, OfficersPage } from './pages/misc.js';
import { WhatsAppPage } from './pages/whatsapp.js';
import { hashPassword, validatePassword } from './security.js';

/** Admin pages: officers, cadre invites, the WhatsApp link and the audit log (admins only). */
export function adminRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const { app, store, settings, timeZone, clock, random, t } = deps;
  const { officers, kv } = store;
  const web = new Hono<ConsoleEnv>();
  web.use('/admin/*', requireAdmin());
  web.use('/audit', requireAdmin());

  web.get('/admin/officers', (c) => c.html(<OfficersPage {...pageBase(c, t, timeZone)} officers={officers.list()} />));
  web.post('/admin/officers', async (c) => {
    const body = await c.req.parseBody();
    const username = String(body.username ?? '').trim();
    const role = body.role === 'admin' ? 'admin' : 'officer';
    const password = String(body.password ?? '');
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/.test(username) || validatePassword(password)) {
      return c.redirect('/admin/officers?err=officer_invalid', 303);
    }
    // A taken username (OfficerExistsError) becomes a flash through the console's onError.
    officers.add({ username, passwordHash: await hashPassword(password), role, now: clock() });
    officers.audit({ officerId: c.get('officer')!.id, action: 'add_officer', detail: { username, role }, now: clock() });
    return c.redirect('/admin/officers?ok=officer_added', 303);
  });
  web.post('/admin/officers/:id/disable', (c) => {
    const id = Number(c.req.param('id'));
    if (id === c.get('officer')!.id) return c.redirect('/admin/officers?err=officer_self', 303);
    officers.setDisabled(id, clock());
    officers.deleteSessionsOf(id);
    officers.audit({ officerId: c.get('officer')!.id, action: 'disable_officer', detail: { officer: id }, now: clock() });
    return c.redirect('/admin/officers?ok=officer_disabled', 303);
  });
  // A lost phone: the officer's authenticator and recovery codes go, their sessions end, and they
  // enrol again at their next login (admins must). Not one's own: a stolen admin session must not
  // be able to move the second factor to another phone.
  web.post('/admin/officers/:id/reset-2fa', (c) => {
    const id = Number(c.req.param('id'));
    if (id === c.get('officer')!.id) return c.redirect('/admin/officers?err=second_factor_self', 303);
    const target = officers.byId(id);
    if (!target) return c.redirect('/admin/officers', 303);
    officers.resetSecondFactor(id);
    officers.audit({ officerId: c.get('officer')!.id, action: 'reset_second_factor', detail: { officer: id, username: target.username }, now: clock() });
    return c.redirect('/admin/officers?ok=second_factor_reset', 303);
  });
  // Full-NIK export is a permission of its own (least privilege), granted and revoked here, audited.
  web.post('/admin/officers/:id/export-nik', async (c) => {
    const id = Number(c.req.param('id'));
    const target = officers.byId(id);
    if (!target) return c.redirect('/admin/officers', 303);
    const allow = (await c.req.parseBody()).allow === '1';
    officers.setExportNik(id, allow);
    officers.audit({ officerId: c.get('officer')!.id, action: allow ? 'grant_export_nik' : 'revoke_export_nik', detail: { officer: id, username: target.username }, now: clock() });
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
    officers.audit({ officerId: c.get('officer')!.id, action: 'create_invite', detail: { code: invite.code, desa: invite.desa, role: invite.role }, now: clock() });
    return c.redirect('/admin/invites?ok=invite_created', 303);
  });
  web.post('/admin/invites/:code/revoke', (c) => {
    app.cadres.revoke(c.req.param('code'), clock());
    officers.audit({ officerId: c.get('officer')!.id, action: 'revoke_invite', detail: { code: c.req.param('code') }, now: clock() });
    return c.redirect('/admin/invites?ok=invite_revoked', 303);
  });

  web.get('/admin/whatsapp', (c) =>
    c.html(<WhatsAppPage {...pageBase(c, t, timeZone)} status={app.linkStatuses().find((l) => l.id === 'whatsapp')} />),
  );

  web.get('/audit', (c) => {
    const before = Number(c.req.query('before')) || undefined;
    const entries = officers.auditPage({ before, limit: 100 });
    const next = entries.length === 100 ? entries.at(-1)!.id : null;
    return c.html(<AuditPage {...pageBase(c, t, timeZone)} entries={entries} next={next} />);
  });

  return web;
}
