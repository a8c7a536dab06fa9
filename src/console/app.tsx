/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { consoleHeaders, csrfProtection, csrfToken, login, logout, requireOfficer, safeNext, sessionMiddleware, type ConsoleEnv } from './auth.js';
import { accessRoutes } from './access-routes.js';
import { adminRoutes } from './admin-routes.js';
import { clientAddress, trustedProxyList } from './client-address.js';
import { dashboardRoutes } from './dashboard.js';
import type { ConsoleDeps, RouteDeps } from './deps.js';
import { backTo, flashOf } from './errors.js';
import { exportRoutes } from './export-routes.js';
import { FIELD_LIMITS, formBodyLimit } from './limits.js';
import { healthRoutes } from './health-routes.js';
import type { ConsoleContext } from './layout.js';
import { LoginPage } from './pages/login.js';
import { questionRoutes } from './questions-routes.js';
import { registrationRoutes } from './registration-routes.js';
import { queueRoutes } from './queue-routes.js';
import { accountRoutes, requireAdminSecondFactor, secondFactorLoginRoutes } from './second-factor-routes.js';
import { simulatorRoutes } from './simulator.js';
import { passwordRoutes, requirePasswordChange } from './password-routes.js';
import { CONSOLE_CSS } from './style.js';
import { CONSOLE_JS } from './console-script.js';
import { readOnlyGuard, scopeMiddleware } from './scope.js';

export type { ConsoleDeps } from './deps.js';

/**
 * The officer console: Hono, server-rendered, plain forms with Post/Redirect/Get. Every route but
 * /login and monitoring's (/healthz, /readyz, /metrics: health-routes.ts) needs a session; admin
 * pages need the admin role, and admins a second factor; every form carries a CSRF token; request
 * bodies are capped at 64 KB.
 */
export function createConsole(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const { logger } = deps;
  const { officers } = deps.store;
  const clock = deps.clock ?? Date.now;
  const t = deps.translate('id');
  const proxies = trustedProxyList(deps.trustedProxies ?? []);
  const { regencies: served, ...rest } = deps;
  const regencies = served ?? deps.app.regencies;
  const routeDeps: RouteDeps = {
    ...rest,
    regencies,
    clock,
    random: deps.random ?? Math.random,
    t,
    addressOf: (c) => clientAddress(c, proxies),
    secretBox: { seal: (plain) => deps.store.cipher.encrypt(plain), open: (stored) => deps.store.cipher.decrypt(stored) },
    audit: (officerId, action, registrationId, detail, regency) => officers.audit({ officerId, action, registrationId, detail, regency, now: clock() }),
  };
  const web = new Hono<ConsoleEnv>();

  // One place for errors: what the officer can act on (a taken username, a closed question, an
  // unknown registration) goes back to the page as a flash; anything else is ours: logged with
  // its stack, and a plain 500 page.
  web.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    const flash = flashOf(err);
    if (flash && c.req.method === 'POST') return c.redirect(backTo(c, flash), 303);
    if (flash) return c.html(`<!doctype html><meta charset="utf-8"><title>404</title><p>${t('console.not_found')}</p>`, 404);
    logger.error({ err, path: c.req.path }, 'console error');
    return c.html(`<!doctype html><meta charset="utf-8"><title>500</title><p>${t('console.error')}</p>`, 500);
  });
  web.use(consoleHeaders());
  web.get('/static/console.css', (c) => c.body(CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  web.get('/static/console.js', (c) => c.body(CONSOLE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  // For monitoring, before the officers' session, CSRF and login limits (health-routes.ts guards /readyz and /metrics itself).
  web.route('/', healthRoutes({ ...deps, clock, proxies }));
  web.use(formBodyLimit(t));
  web.use(sessionMiddleware(officers, clock));
  web.use(csrfProtection({ loginPath: '/login' }));

  const loginPage = async (c: ConsoleContext, next: string, error?: string, status: 200 | 400 | 401 | 429 = 200) => {
    const noOfficers = (await officers.count()) === 0;
    return c.html(<LoginPage t={t} csrf={csrfToken(c)} next={next} error={error} noOfficers={noOfficers} />, status);
  };

  web.get('/login', async (c) => {
    const next = safeNext(c.req.query('next'), '/queue');
    if (c.get('officer')) return c.redirect(next);
    if (c.get('session')?.stage === 'second_factor') return c.redirect(`/login/verify?next=${encodeURIComponent(next)}`);
    return loginPage(c, next);
  });
  web.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const next = safeNext(typeof body.next === 'string' ? body.next : '', '/queue');
    const username = typeof body.username === 'string' ? body.username : '';
    const password = typeof body.password === 'string' ? body.password : '';
    // Over-long input is refused before anything is hashed or stored.
    if (username.length > FIELD_LIMITS.username || password.length > FIELD_LIMITS.password) return loginPage(c, next, t('console.login.too_long'), 400);
    const now = clock();
    const result = await login(c, officers, { username, password, address: routeDeps.addressOf(c), now });
    if (result.ok && result.stage === 'second_factor') return c.redirect(`/login/verify?next=${encodeURIComponent(next)}`, 303);
    if (result.ok) {
      await officers.audit({ officerId: result.officer.id, action: 'login', detail: { factor: 'password' }, now });
      return c.redirect(next, 303);
    }
    const known = result.reason === 'invalid' ? await officers.byUsername(username.trim()) : undefined;
    if (known) await officers.audit({ officerId: known.id, action: 'login_failed', detail: { step: 'password' }, now });
    const error = t(result.reason === 'locked' ? 'console.login.locked' : 'console.login.invalid');
    return loginPage(c, next, error, result.reason === 'locked' ? 429 : 401);
  });
  web.post('/logout', async (c) => {
    await logout(c, officers);
    return c.redirect('/login', 303);
  });
  web.route('/', secondFactorLoginRoutes(routeDeps));

  web.use('*', requireOfficer());
  web.use('*', requireAdminSecondFactor());
  // After an admin set an officer's password (a new officer, a reset), they choose their own first.
  web.use('*', requirePasswordChange(deps.store.kv));
  // What the officer sees (their regencies and groups) and whether they may change anything: set
  // once here for every page below, and every query reads it (scope.tsx).
  web.use('*', scopeMiddleware(regencies));
  web.use('*', readOnlyGuard(t, deps.timeZone));
  web.get('/', (c) => c.redirect('/queue'));

  web.route('/', accountRoutes(routeDeps));
  web.route('/', passwordRoutes(routeDeps));
  web.route('/', queueRoutes(routeDeps));
  web.route('/', registrationRoutes(routeDeps));
  web.route('/', accessRoutes(routeDeps));
  web.route('/', exportRoutes(routeDeps));
  web.route('/', dashboardRoutes(routeDeps));
  web.route('/', simulatorRoutes(routeDeps));
  web.route('/', questionRoutes(routeDeps));

  web.route('/', adminRoutes(routeDeps));

  return web;
}
