/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { consoleHeaders, csrfProtection, csrfToken, login, logout, requireOfficer, safeNext, sessionMiddleware, type ConsoleEnv } from './auth.js';
import { adminRoutes } from './admin-routes.js';
import { dashboardRoutes } from './dashboard.js';
import type { ConsoleDeps, RouteDeps } from './deps.js';
import { backTo, flashOf } from './errors.js';
import type { ConsoleContext } from './layout.js';
import { LoginPage } from './pages/login.js';
import { questionRoutes } from './questions-routes.js';
import { registrationRoutes } from './registration-routes.js';
import { simulatorRoutes } from './simulator.js';
import { CONSOLE_CSS } from './style.js';

export type { ConsoleDeps } from './deps.js';

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
  const { logger } = deps;
  const { officers } = deps.store;
  const clock = deps.clock ?? Date.now;
  const t = deps.translate('id');
  const routeDeps: RouteDeps = { ...deps, clock, random: deps.random ?? Math.random, t };
  const web = new Hono<ConsoleEnv>();

  // One place for errors: what the officer can act on (a taken username, a closed question, an
  // unknown registration) goes back to the page as a flash; anything else is ours: logged with
  // its stack, and a plain 500 page.
  web.onError((err, c) => {
    const flash = flashOf(err);
    if (flash && c.req.method === 'POST') return c.redirect(backTo(c, flash), 303);
    if (flash) return c.html(`<!doctype html><meta charset="utf-8"><title>404</title><p>${t('console.not_found')}</p>`, 404);
    logger.error({ err, path: c.req.path }, 'console error');
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

  web.route('/', registrationRoutes(routeDeps));
  web.route('/', dashboardRoutes(routeDeps));
  web.route('/', simulatorRoutes(routeDeps));
  web.route('/', questionRoutes(routeDeps));

  web.route('/', adminRoutes(routeDeps));

  return web;
}
