/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Logger } from 'pino';
import type { App } from '../app/app.js';
import { createInvite, inviteLink, InviteError } from '../app/invites.js';
import type { Lang, T } from '../core/types.js';
import type { ProgrammeSettings } from '../settings.js';
import { TELEGRAM_USERNAME_KEY } from '../storage/kv.js';
import { OfficerExistsError } from '../storage/officers.js';
import type { Store } from '../storage/store.js';
import { consoleHeaders, csrfProtection, csrfToken, login, logout, requireAdmin, requireOfficer, safeNext, sessionMiddleware, type ConsoleEnv } from './auth.js';
import { registrationRoutes } from './registration-routes.js';
import { hashPassword, validatePassword } from './security.js';
import { CONSOLE_CSS } from './style.js';
import { LoginPage } from './pages/login.js';
import { AuditPage, InvitesPage, OfficersPage } from './pages/misc.js';
import { questionRoutes } from './questions-routes.js';
import { simulatorRoutes } from './simulator.js';
import { dashboardRoutes } from './dashboard.js';

export interface ConsoleDeps {
  app: App;
  store: Store;
  settings: ProgrammeSettings;
  translate: (lang: Lang) => T;
  timeZone: string;
  logger: Logger;
  clock?: () => number;
  random?: () => number;
}

export type ConsoleContext = Context<ConsoleEnv>;

/** Helpers every console route shares: the translator, the officer, a flash from ?ok= / ?err=. */
export function pageBase(c: ConsoleContext, t: T, timeZone: string) {
  const ok = c.req.query('ok');
  const err = c.req.query('err');
  const flash = ok ? { text: t(`console.flash.${ok}`) } : err ? { text: t(`console.flash.${err}`), error: true } : undefined;
  return { t, officer: c.get('officer')!, csrf: csrfToken(c), timeZone, flash };
}

/** The remote address for login throttling (behind a proxy, the first X-Forwarded-For hop). */
function addressOf(c: ConsoleContext): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

/**
 * The officer console: Hono, server-rendered, plain forms with Post/Redirect/Get. Every route but
 * /login needs a session; admin pages need the admin role; every form carries a CSRF token.
 */
export function createConsole(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const { settings, timeZone, logger } = deps;
  const { officers } = deps.store;
  const clock = deps.clock ?? Date.now;
  const t = deps.translate('id');
  const web = new Hono<ConsoleEnv>();

  web.onError((err, c) => {
    logger.error({ err: err.message, path: c.req.path }, 'console error');
    return c.html(`<!doctype html><meta charset="utf-8"><title>500</title><p>${t('console.error')}</p>`, 500);
  });
  web.use(consoleHeaders());
  web.get('/static/console.css', (c) => c.body(CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  web.use(sessionMiddleware(officers, clock));
  web.use(csrfProtection({ loginPath: '/login' }));

  web.get('/login', (c) => {
    if (c.get('officer')) return c.redirect(safeNext(c.req.query('next'), '/queue'));
    return c.html(<LoginPage t={t} csrf={csrfToken(c)} next={safeNext(c.req.query('next'), '/queue')} noOfficers={officers.count() === 0} />);
  });
  web.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const next = safeNext(String(body.next ?? ''), '/queue');
    const result = await login(c, officers, {
      username: String(body.username ?? ''),
      password: String(body.password ?? ''),
      address: addressOf(c),
      now: clock(),
    });
    if (result.ok) {
      officers.audit({ officerId: result.officer.id, action: 'login', now: clock() });
      return c.redirect(next, 303);
    }
    const error = t(result.reason === 'locked' ? 'console.login.locked' : 'console.login.invalid');
    return c.html(<LoginPage t={t} csrf={csrfToken(c)} next={next} error={error} noOfficers={officers.count() === 0} />, result.reason === 'locked' ? 429 : 401);
  });
  web.post('/logout', (c) => {
    logout(c, officers);
    return c.redirect('/login', 303);
  });

  web.use('*', requireOfficer());
  web.get('/', (c) => c.redirect('/queue'));

  registrationRoutes(web, { ...deps, clock, t });
  dashboardRoutes(web, { ...deps, clock, t });
  simulatorRoutes(web, { ...deps, clock, t });
  questionRoutes(web, { ...deps, clock, t });

  const admin = requireAdmin();
  web.get('/admin/officers', admin, (c) => c.html(<OfficersPage {...pageBase(c, t, timeZone)} officers={officers.list()} />));
  web.post('/admin/officers', admin, async (c) => {
    const body = await c.req.parseBody();
    const username = String(body.username ?? '').trim();
    const role = body.role === 'admin' ? 'admin' : 'officer';
    const password = String(body.password ?? '');
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/.test(username) || validatePassword(password)) {
      return c.redirect('/admin/officers?err=officer_invalid', 303);
    }
    try {
      officers.add({ username, passwordHash: await hashPassword(password), role, now: clock() });
    } catch (err) {
      if (err instanceof OfficerExistsError) return c.redirect('/admin/officers?err=officer_exists', 303);
      throw err;
    }
    officers.audit({ officerId: c.get('officer')!.id, action: 'add_officer', detail: { username, role }, now: clock() });
    return c.redirect('/admin/officers?ok=officer_added', 303);
  });
  web.post('/admin/officers/:id/disable', admin, (c) => {
    const id = Number(c.req.param('id'));
    if (id === c.get('officer')!.id) return c.redirect('/admin/officers?err=officer_self', 303);
    officers.setDisabled(id, clock());
    officers.deleteSessionsOf(id);
    officers.audit({ officerId: c.get('officer')!.id, action: 'disable_officer', detail: { officer: id }, now: clock() });
    return c.redirect('/admin/officers?ok=officer_disabled', 303);
  });

  const { kv } = deps.store;
  const desas = settings.areas.flatMap((a) => a.desa);
  web.get('/admin/invites', admin, (c) =>
    c.html(
      <InvitesPage
        {...pageBase(c, t, timeZone)}
        invites={deps.app.cadres.invites()}
        desas={desas}
        now={clock()}
        link={(code) => inviteLink(kv.get(TELEGRAM_USERNAME_KEY), code)}
      />,
    ),
  );
  web.post('/admin/invites', admin, async (c) => {
    const body = await c.req.parseBody();
    try {
      const invite = createInvite(deps.store.cadres, settings, {
        desa: String(body.desa ?? ''),
        role: String(body.role ?? ''),
        days: Number(body.days ?? 14),
        now: clock(),
        random: deps.random ?? Math.random,
        createdBy: c.get('officer')!.username,
      });
      officers.audit({ officerId: c.get('officer')!.id, action: 'create_invite', detail: { code: invite.code, desa: invite.desa, role: invite.role }, now: clock() });
    } catch (err) {
      if (err instanceof InviteError) return c.redirect('/admin/invites?err=invite_invalid', 303);
      throw err;
    }
    return c.redirect('/admin/invites?ok=invite_created', 303);
  });
  web.post('/admin/invites/:code/revoke', admin, (c) => {
    deps.app.cadres.revoke(c.req.param('code'), clock());
    officers.audit({ officerId: c.get('officer')!.id, action: 'revoke_invite', detail: { code: c.req.param('code') }, now: clock() });
    return c.redirect('/admin/invites?ok=invite_revoked', 303);
  });

  web.get('/audit', admin, (c) => {
    const before = Number(c.req.query('before')) || undefined;
    const entries = officers.auditPage({ before, limit: 100 });
    const next = entries.length === 100 ? entries.at(-1)!.id : null;
    return c.html(<AuditPage {...pageBase(c, t, timeZone)} entries={entries} next={next} />);
  });

  return web;
}
