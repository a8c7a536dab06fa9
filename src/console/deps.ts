import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { App } from '../app/app.js';
import type { Metrics } from '../ops/metrics.js';
import type { Lang, T } from '../core/types.js';
import type { RegencyRegistry } from '../regencies.js';
import type { Store } from '../storage/store.js';
import type { SecretBox } from './second-factor.js';

/** What the console is built from (src/console/server.ts passes the runtime's). */
export interface ConsoleDeps {
  app: App;
  store: Store;
  /**
   * The regencies served, each with its settings (server.ts: the runtime's). Every page reads a
   * regency's settings from it on each request, so a reload takes effect at once. Default: the app's.
   */
  regencies?: RegencyRegistry;
  translate: (lang: Lang) => T;
  timeZone: string;
  logger: Logger;
  clock?: () => number;
  random?: () => number;
  /** Reverse proxies (IPs, CIDR ranges) whose X-Forwarded-For is believed (CONSOLE_TRUSTED_PROXIES); none by default. */
  trustedProxies?: readonly string[];
  /** What GET /metrics serves (src/ops/metrics.ts); none: /metrics answers 404. */
  metrics?: Metrics;
  /** METRICS_TOKEN: the bearer token /metrics and /readyz require; none: they answer requests from this machine only. */
  metricsToken?: string;
  /** The channels the config turns on (configuredChannelIds): /readyz is not ready until each is attached and ok. */
  expectedChannels?: readonly string[];
}

/** What each group of routes (a sub-app) gets: the deps with the clock, the officers' translator, the client's address and the TOTP secrets' box settled. */
export type RouteDeps = Omit<ConsoleDeps, 'regencies'> & {
  /** The regencies served: read a regency's settings with `regencies.get(key)` each time (never keep them). */
  regencies: RegencyRegistry;
  clock: () => number;
  random: () => number;
  t: T;
  /** The client's address for login throttling (see client-address.ts). */
  addressOf: (c: Context) => string;
  /** Seals officers' TOTP secrets at rest (the store's field cipher). */
  secretBox: SecretBox;
  /** Writes an officer's action to the audit log, now; its id (a NIK reveal is shown by it). `regency`: the one concerned when no registration names it. */
  audit: (officerId: number, action: string, registrationId: number | null, detail?: Record<string, unknown>, regency?: string | null) => Promise<number>;
};
