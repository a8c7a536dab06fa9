import { createApp, type App } from './app/app.js';
import { ConfigError, type Config } from './config.js';
import { workerFlows } from './core/flows/index.js';
import { loadRates } from './domain/rates.js';
import { figures } from './domain/figures.js';
import { loadDistrictCodes } from './domain/regions.js';
import { createTranslator, loadLocales } from './i18n.js';
import { createFaqMatcher, loadFaqTopics } from './faq/matcher.js';
import { LearnedPhrasings } from './faq/learned.js';
import { createLogger } from './logger.js';
import type { ProgrammeSettings } from './settings.js';
import { RegencyRegistry, settingsPaths } from './regencies.js';
import type { Db } from './storage/db.js';
import { openStore } from './storage/open.js';
import { FieldCipher } from './storage/crypto.js';
import { keyRingFor, keyRingForDatabase } from './key-ring.js';
import { indexRegistrations, resealAll, sampleSealedAsync, scrubAuditSearches } from './storage/at-rest.js';
import { indexAddresses } from './storage/addresses.js';
import { createStore, type Store } from './storage/store.js';
import { createKvStore } from './storage/kv.js';
import type { Logger } from 'pino';
import { hostname } from 'node:os';
import { createMetrics, type Metrics } from './ops/metrics.js';
import type { Lang, T } from './core/types.js';

export interface Runtime {
  config: Config;
  /** Everything the app, console and channels read and write goes through it. */
  store: Store;
  /** The raw SQLite connection: for tests and tools that inspect the file (throws on PostgreSQL); the code itself uses `store`. */
  readonly db: Db;
  app: App;
  /** Prometheus metrics (the console's /metrics): the app's counters, gauges read from the store. */
  metrics: Metrics;
  logger: Logger;
  /** The regencies served, each with its settings (PROGRAMME_SETTINGS_PATH; reloadable). */
  regencies: RegencyRegistry;
  /** The first regency's settings (a one-regency deployment's): read `regencies` where the regency matters. */
  readonly settings: ProgrammeSettings;
  /** The one translator (locales are read once at start). */
  translate: (lang: Lang) => T;
  /** Stops the dispatcher's timers and closes the store (main's shutdown awaits the sends in flight first). */
  close(): Promise<void>;
}

/** The rates file, or a ConfigError naming it (a missing or wrong file is the operator's to fix, exit code 2). */
function loadRatesFile(path: string): ReturnType<typeof loadRates> {
  try {
    return loadRates(path);
  } catch (err) {
    throw new ConfigError(`cannot use the rates file ${path} (RATES_PATH): ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Builds the app from the config: settings, rates, region codes, translator and database. */
export async function createRuntime(
  config: Config,
  overrides: { logger?: Logger; clock?: () => number; random?: () => number } = {},
): Promise<Runtime> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const regencies = RegencyRegistry.load(settingsPaths(config.PROGRAMME_SETTINGS_PATH));
  // A channel's regency must be one served: a typo would send its people to the first regency unasked.
  const entryRegencies: Record<string, string> = {};
  for (const [name, channel, key] of [['WHATSAPP_REGENCY', 'whatsapp', config.WHATSAPP_REGENCY], ['TELEGRAM_REGENCY', 'telegram', config.TELEGRAM_REGENCY]] as const) {
    if (key === undefined) continue;
    if (!regencies.has(key)) throw new ConfigError(`${name}=${key} is not a regency served (PROGRAMME_SETTINGS_PATH serves ${regencies.keys.join(', ')})`);
    entryRegencies[channel] = key;
  }
  const rates = loadRatesFile(config.RATES_PATH);
  const districts = await loadDistrictCodes();
  const resources = loadLocales();
  const translate = createTranslator(resources);
  // PostgreSQL when DATABASE_URL is set (migrated here, whichever process comes first), else the SQLite file.
  const { sql, db } = await openStore(config);
  // A missing or foreign key stops the start here, with what to do, before anything is written with it.
  let ring;
  try {
    ring = await keyRingForDatabase(config, createKvStore(sql), () => sampleSealedAsync(sql));
  } catch (err) {
    await sql.close();
    throw err;
  }
  const cipher = new FieldCipher(ring, () => keyRingFor(config));
  // Values an older version kept in clear are encrypted at the first start after the upgrade (a
  // SQLite file from before; a PostgreSQL store starts at a schema that never held them in clear).
  const sealed = db ? indexRegistrations(db, cipher) + indexAddresses(db, cipher) + resealAll(db, cipher) + scrubAuditSearches(db) : 0;
  if (sealed > 0) logger.info({ sealed }, 'personal values encrypted at rest');
  const store = createStore(sql, cipher);
  // Rows from before regencies existed belong to the first regency; the served ones are recorded.
  const adoption = await store.regencies.adopt(
    regencies.list.map((r) => ({ key: r.key, name: r.settings.regency.name, path: r.path })),
    overrides.clock?.() ?? Date.now(),
  );
  regencies.rememberNames(await store.regencies.known());
  if (adoption.adopted > 0) logger.info({ rows: adoption.adopted, regency: regencies.default.key }, 'rows given their regency');
  for (const u of adoption.unserved) logger.warn({ regency: u.regency, registrations: u.rows }, 'registrations of a regency this deployment no longer serves');
  // The WAL still holds the pages with those values in clear: copied over and emptied now.
  if (sealed > 0) await store.erasure.compact();
  // Taught phrasings: loaded below from the store; the reader looks them up.
  const learned = new LearnedPhrasings();
  const metrics = createMetrics({ store, channels: () => app.channelHealth() });
  const app = createApp({
    store,
    flows: workerFlows,
    regencies,
    rates,
    translate,
    faq: createFaqMatcher(loadFaqTopics(resources), { learned, figures: figures(rates, 'id') }),
    learned,
    isKnownDistrict: (code) => districts.has(code),
    logger,
    timeZone: config.TIMEZONE,
    clock: overrides.clock,
    random: overrides.random,
    phoneChannel: config.PHONE_CHANNEL === 'none' ? undefined : config.PHONE_CHANNEL,
    decisionUndoMs: config.DECISION_UNDO_SECONDS * 1000,
    metrics: metrics.app,
    entryRegencies,
    instance: config.INSTANCE_ID ?? `${hostname()}:${config.CONSOLE_PORT}`,
  });
  await app.loadLearned();
  const close = async (): Promise<void> => {
    // The dispatcher's timers stop at once (sends in flight are awaited by main's shutdown first).
    void app.stopSending();
    await store.close();
  };
  return {
    config,
    store,
    get db(): Db {
      if (!db) throw new Error('runtime.db is the SQLite connection: this runtime runs on PostgreSQL (use runtime.store.sql)');
      return db;
    },
    app,
    metrics,
    logger,
    regencies,
    get settings() {
      return regencies.default.settings;
    },
    translate,
    close,
  };
}
