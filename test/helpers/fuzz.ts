// How hard the property-based (fast-check) tests search, from the environment.
//
//   npm test                                   every property at its CI size (numRuns written in the test)
//   LINDUNG_FUZZ_SCALE=10 npm test             ten times as many runs (nightly; the whole-conversation
//                                              fuzz then takes about two minutes, its timeouts grow alike)
//   LINDUNG_FUZZ_SCALE=0.2 npm test            a quick look while editing
//   LINDUNG_FUZZ_SEED=-1234 LINDUNG_FUZZ_PATH="7:2:0" npx vitest run test/conversation/fuzz.test.ts -t "restarts"
//                                              replays the failure fast-check reported (its message gives
//                                              the seed and path: "{ seed: -1234, path: "7:2:0", … }");
//                                              -t picks the one test the seed belongs to
//
// The seed is random on every run (so CI runs keep finding new cases) and fast-check prints it with
// any counterexample, shrunk.

function numberFromEnv(name: string, check: (n: number) => boolean, what: string): number | undefined {
  const raw = process.env[name]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!check(n)) throw new Error(`${name}=${raw}: must be ${what}`);
  return n;
}

/** LINDUNG_FUZZ_SCALE: the factor on every property's CI number of runs (default 1). */
export function fuzzScale(): number {
  return numberFromEnv('LINDUNG_FUZZ_SCALE', (n) => Number.isFinite(n) && n > 0 && n <= 1000, 'a number above 0, at most 1000') ?? 1;
}

/** fast-check options for a property whose CI size is `ciRuns` runs: scaled, and replaying a reported seed when one is set. */
export function fuzzOptions(ciRuns: number): { numRuns: number; seed?: number; path?: string } {
  const numRuns = Math.max(1, Math.round(ciRuns * fuzzScale()));
  const seed = numberFromEnv('LINDUNG_FUZZ_SEED', Number.isSafeInteger, 'an integer (the seed fast-check printed)');
  const path = process.env.LINDUNG_FUZZ_PATH?.trim() || undefined;
  return { numRuns, ...(seed !== undefined && { seed }), ...(seed !== undefined && path && { path }) };
}

/** A timeout for a test of properties at their CI size that took well under `ciMs`: grows with LINDUNG_FUZZ_SCALE. */
export function fuzzTimeout(ciMs: number): number {
  return Math.round(ciMs * Math.max(1, fuzzScale()));
}
