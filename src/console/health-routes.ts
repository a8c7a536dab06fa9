import { createHash, timingSafeEqual } from 'node:crypto';
import type { BlockList } from 'node:net';
import { Hono, type MiddlewareHandler } from 'hono';
import { readiness } from '../ops/health.js';
import type { ConsoleEnv } from './auth.js';
import { isLocalRequest } from './client-address.js';
import type { ConsoleDeps } from './deps.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The bearer token, compared in constant time (digests: no hint of its length either). */
function tokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/**
 * Only for monitoring: with METRICS_TOKEN, requests that carry it as a bearer token (from anywhere,
 * this machine too); without it, requests from this machine only (isLocalRequest).
 */
function monitoringOnly(deps: { metricsToken?: string; proxies: BlockList }): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (deps.metricsToken !== undefined) {
      if (!tokenMatches(c.req.header('authorization'), deps.metricsToken)) return c.text('unauthorized', 401, { 'www-authenticate': 'Bearer' });
    } else if (!isLocalRequest(c, deps.proxies)) {
      return c.text('forbidden', 403);
    }
    return next();
  };
}

/**
 * GET /healthz (alive: no auth, no database), /readyz and /metrics (monitoringOnly). Mounted before
 * the officers' session, CSRF and login limits, and nothing here writes to the audit log.
 */
export function healthRoutes(deps: ConsoleDeps & { clock: () => number; proxies: BlockList }): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const guard = monitoringOnly(deps);
  web.get('/healthz', (c) => c.text('ok'));
  web.get('/readyz', guard, async (c) => {
    const r = await readiness({ store: deps.store, channels: deps.app.channelHealth, expectedChannels: deps.expectedChannels, clock: deps.clock, logger: deps.logger });
    const body = { status: r.ready ? 'ready' : 'not_ready', checks: r.checks, ...(Object.keys(r.detail).length ? { detail: r.detail } : {}) };
    return c.json(body, r.ready ? 200 : 503);
  });
  web.get('/metrics', guard, async (c) => {
    if (!deps.metrics) return c.text('metrics are not enabled', 404);
    return c.body(await deps.metrics.text(), 200, { 'content-type': deps.metrics.contentType });
  });
  return web;
}
