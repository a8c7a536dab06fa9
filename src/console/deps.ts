import type { Logger } from 'pino';
import type { App } from '../app/app.js';
import type { Lang, T } from '../core/types.js';
import type { ProgrammeSettings } from '../settings.js';
import type { Store } from '../storage/store.js';

/** What the console is built from (src/console/server.ts passes the runtime's). */
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

/** What each group of routes (a sub-app) gets: the deps with the clock and the officers' translator settled. */
export type RouteDeps = ConsoleDeps & { clock: () => number; random: () => number; t: T };
