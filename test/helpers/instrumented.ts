import { pino } from 'pino';
import type { Hono } from 'hono';
import { createApp, type App } from '../../src/app/app.js';
import type { ConsoleEnv } from '../../src/console/auth.js';
import { createConsole, type ConsoleDeps } from '../../src/console/app.js';
import { workerFlows } from '../../src/core/flows/index.js';
import { loadRates } from '../../src/domain/rates.js';
import { createMetrics, type Metrics } from '../../src/ops/metrics.js';
import { createTranslator } from '../../src/i18n.js';
import { seeded, type Harness } from './harness.js';

/**
 * An app on a harness's database with metrics, wired as runtime.ts does (the counters go in
 * through createApp, the gauges read the store and the app's channels), and the console serving
 * /healthz, /readyz and /metrics on it.
 */
export function startInstrumented(h: Harness, extra: Partial<ConsoleDeps> = {}): { app: App; metrics: Metrics; web: Hono<ConsoleEnv> } {
  let app: App | undefined;
  const metrics = createMetrics({ store: h.runtime.store, channels: () => app?.channelHealth() ?? [] });
  app = createApp({
    store: h.runtime.store,
    flows: workerFlows,
    settings: h.runtime.settings,
    rates: loadRates(h.runtime.config.RATES_PATH),
    translate: h.runtime.translate,
    isKnownDistrict: () => true,
    logger: pino({ level: 'silent' }),
    timeZone: h.runtime.config.TIMEZONE,
    clock: () => h.clock.now,
    random: seeded(7),
    metrics: metrics.app,
  });
  const web = createConsole({
    app,
    store: h.runtime.store,
    regencies: h.runtime.regencies,
    translate: createTranslator(),
    timeZone: h.runtime.config.TIMEZONE,
    logger: pino({ level: 'silent' }),
    clock: () => h.clock.now,
    metrics,
    ...extra,
  });
  return { app, metrics, web };
}

/** A GET as @hono/node-server would pass it: from `peer` (default 127.0.0.1; null: no socket, as app.request() alone), with `headers`. */
export function request(web: Hono<ConsoleEnv>, path: string, opts: { peer?: string | null; headers?: Record<string, string> } = {}): Promise<Response> {
  const peer = opts.peer === undefined ? '127.0.0.1' : opts.peer;
  const env = peer ? { incoming: { socket: { remoteAddress: peer, remotePort: 50000, remoteFamily: peer.includes(':') ? 'IPv6' : 'IPv4' } } } : undefined;
  return Promise.resolve(web.request(path, { headers: opts.headers ?? {} }, env));
}
