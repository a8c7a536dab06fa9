// The core is pure and synchronous; the store is asynchronous (a PostgreSQL round trip). The flows
// read what they need through `StoreReader`: here each read answers from what was loaded for this
// message, and a read of something not loaded yet stops the run, loads it (inside the message's
// transaction) and runs the core again from the same session, input and clock. The core has no
// side effects and draws reference codes through `newReference` (replayed in the same order), so a
// run that was stopped left nothing behind.
import type { StoreReader } from '../core/types.js';

/** Thrown by a read the cache cannot answer: what to load before running the core again. */
class NotLoaded extends Error {
  override name = 'NotLoaded';
  constructor(readonly load: () => Promise<void>) {
    super('store read not loaded yet');
  }
}

/** What `StoreReader` reads, asynchronously (the app's store and access functions). */
export type StoreLoader = { [K in keyof StoreReader]: (...args: Parameters<StoreReader[K]>) => Promise<ReturnType<StoreReader[K]>> };

/** A flow reads at most this many things in one message: past it something loops. */
const MAX_LOADS = 200;

/**
 * One message's (or one officer action's) view of the store for the core: `reader` answers from
 * the cache, `run` runs a core call until every read it makes was loaded. `newReference` gives the
 * same codes in the same order on every run, each checked free with `isFree`.
 */
export function coreData(loader: StoreLoader, refs: { draw: () => string; isFree: (ref: string) => Promise<boolean> }) {
  const cache = new Map<string, unknown>();
  const read =
    <K extends keyof StoreReader>(name: K) =>
    (...args: Parameters<StoreReader[K]>): ReturnType<StoreReader[K]> => {
      const key = `${name}\u0000${JSON.stringify(args)}`;
      if (cache.has(key)) return cache.get(key) as ReturnType<StoreReader[K]>;
      throw new NotLoaded(async () => {
        const fn = loader[name] as (...a: Parameters<StoreReader[K]>) => Promise<ReturnType<StoreReader[K]>>;
        cache.set(key, await fn(...args));
      });
    };
  const reader: StoreReader = {
    registrationsOf: read('registrationsOf'),
    activeByNik: read('activeByNik'),
    groupCount: read('groupCount'),
    byReference: read('byReference'),
    awaitingCorrection: read('awaitingCorrection'),
    registrationsBySubmitter: read('registrationsBySubmitter'),
    invite: read('invite'),
    accessReport: read('accessReport'),
    accessCode: read('accessCode'),
    accessCodeMatches: read('accessCodeMatches'),
    reachesPhone: read('reachesPhone'),
  };

  // Reference codes: drawn once, replayed on every run in the order asked; whether each is free is a load like any read.
  const drawn: string[] = [];
  const free = new Map<string, boolean>();
  let next = 0;
  function newReference(): string {
    for (let tries = 0; tries < 1000; tries++) {
      if (next === drawn.length) drawn.push(refs.draw());
      const ref = drawn[next++]!;
      const known = free.get(ref);
      if (known === undefined)
        throw new NotLoaded(async () => {
          free.set(ref, await refs.isFree(ref));
        });
      if (known) return ref;
    }
    throw new Error('no free reference code found');
  }

  // Pure, costly work the core repeats on every run (the question reader): done once per message.
  const computed = new Map<string, unknown>();
  return {
    reader,
    newReference,
    /** `compute()`'s value for `key`, computed once for this message however often the core runs again. */
    once<R>(key: string, compute: () => R): R {
      if (!computed.has(key)) computed.set(key, compute());
      return computed.get(key) as R;
    },
    /** Runs `fn` (a core call) until it needs nothing more; each missing read is loaded in turn. */
    async run<R>(fn: () => R): Promise<R> {
      for (let loads = 0; ; loads++) {
        next = 0;
        try {
          return fn();
        } catch (err) {
          if (!(err instanceof NotLoaded) || loads >= MAX_LOADS) throw err;
          await err.load();
        }
      }
    },
  };
}

export type CoreData = ReturnType<typeof coreData>;
