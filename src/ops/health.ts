import type { Logger } from 'pino';
import type { ChannelHealth } from '../channels/port.js';
import type { Config } from '../config.js';
import type { Store } from '../storage/store.js';

/** The kv row /readyz writes: one row, overwritten each time (the database does not grow). */
export const READY_PROBE_KEY = 'health.ready_probe';

export type CheckState = ChannelHealth['state'];

/** What /readyz answers: each check's state (database, then each channel by id), and a few words where there is more to say. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckState>;
  detail: Record<string, string>;
}

/** States that count as ready: working, maybe with trouble (degraded is reported, not refused). */
const READY_STATES: ReadonlySet<CheckState> = new Set(['ok', 'degraded']);

/** The channels the config turns on (main.ts starts exactly these): /readyz waits for each. */
export function configuredChannelIds(config: Pick<Config, 'WHATSAPP_ENABLED' | 'TELEGRAM_BOT_TOKEN'>): string[] {
  return [...(config.WHATSAPP_ENABLED ? ['whatsapp'] : []), ...(config.TELEGRAM_BOT_TOKEN ? ['telegram'] : [])];
}

export interface ReadinessDeps {
  store: Pick<Store, 'kv'>;
  /** The attached channels' health (app.channelHealth). */
  channels: () => readonly ({ id: string } & ChannelHealth)[];
  /** Channels that must be attached (configuredChannelIds): one that is not yet is "starting". */
  expectedChannels?: readonly string[];
  clock: () => number;
  logger?: Logger;
}

/**
 * Ready: the database takes a real write (one kv row upserted and committed, so a read-only file,
 * a full disk or a lock held too long shows) and every channel is ok or degraded. A channel
 * starting (connecting) or down (not linked, stopped, refused) is not ready.
 */
export async function readiness(deps: ReadinessDeps): Promise<Readiness> {
  const checks: Record<string, CheckState> = {};
  const detail: Record<string, string> = {};
  try {
    const now = deps.clock();
    await deps.store.kv.set(READY_PROBE_KEY, String(now), now);
    checks.database = 'ok';
  } catch (err) {
    deps.logger?.error({ err }, 'readiness: the database refused a write');
    checks.database = 'down';
    const code = (err as { code?: unknown } | null)?.code;
    detail.database = typeof code === 'string' ? `not writable (${code})` : 'not writable';
  }
  const attached = deps.channels();
  for (const id of deps.expectedChannels ?? []) {
    if (attached.some((c) => c.id === id)) continue;
    checks[id] = 'starting';
    detail[id] = 'not started yet';
  }
  for (const c of attached) {
    checks[c.id] = c.state;
    if (c.detail) detail[c.id] = c.detail;
  }
  return { ready: Object.values(checks).every((s) => READY_STATES.has(s)), checks, detail };
}
