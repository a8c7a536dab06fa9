/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { ReloadResult } from '../regencies.js';
import { unfilledSettings } from '../settings.js';
import type { ConsoleEnv } from './auth.js';
import type { RouteDeps } from './deps.js';
import { pageBase, type ConsoleContext } from './layout.js';
import { SettingsPage } from './pages/settings.js';
import { forbiddenPage, scopeOf } from './scope.js';

/**
 * The regencies this deployment serves and their settings files, and reading those files again
 * without a restart (RegencyRegistry.reload: every file is checked first; only when all are right
 * do they replace the ones in use). For deployment-wide admins only: a reload touches every
 * regency. The outcome is shown at once (which regencies changed, or every problem) and audited.
 */
export function settingsRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const { regencies, store, t, timeZone, clock } = deps;
  const web = new Hono<ConsoleEnv>();

  const page = (c: ConsoleContext, result?: ReloadResult) =>
    c.html(
      <SettingsPage
        {...pageBase(c, t, timeZone)}
        regencies={regencies.list.map((r) => ({ key: r.key, name: r.settings.regency.name, path: r.path, groups: r.settings.groups.length, unfilled: unfilledSettings(r.settings).length }))}
        result={result && { ...result, changed: result.changed.map((key) => regencies.name(key)) }}
      />,
      result && !result.ok ? 422 : 200,
    );

  web.use('/admin/regencies', async (c, next) => (scopeOf(c).wide ? next() : forbiddenPage(c, t, timeZone, t('console.scope.wide_only'))));
  web.use('/admin/regencies/*', async (c, next) => (scopeOf(c).wide ? next() : forbiddenPage(c, t, timeZone, t('console.scope.wide_only'))));

  web.get('/admin/regencies', (c) => page(c));
  web.post('/admin/regencies/reload', async (c) => {
    // The runtime's registry (server.ts): the one the bot's conversations read too.
    const result = regencies.reload();
    await store.officers.audit({
      officerId: c.get('officer')!.id,
      action: 'reload_settings',
      detail: { ok: result.ok, changed: result.changed, ...(result.errors.length ? { errors: result.errors.length } : {}) },
      now: clock(),
    });
    return page(c, result);
  });
  return web;
}

