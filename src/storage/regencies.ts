import type { Db } from './db.js';

/** The tables whose rows belong to a regency (migration 024). */
const OWNED = ['registrations', 'cadre_invites', 'cadres', 'questions'] as const;

export interface AdoptResult {
  /** Rows written before regencies existed (or of a regency no longer served, in a one-regency deployment), given one now. */
  adopted: number;
  /** Rows of a regency the deployment no longer serves (several regencies: left as they are, for the doctor to name). */
  unserved: { regency: string; rows: number }[];
}

/**
 * The regencies a deployment serves, as the database knows them (migration 024): their names stay
 * for old rows after a settings file is taken away, and rows from before regencies existed are
 * given the first regency at start.
 */
export function createRegencyStore(db: Db) {
  const upsert = db.prepare<{ key: string; name: string; path: string | null; now: number }>(
    `INSERT INTO regencies (key, name, settings_path, first_seen, last_seen) VALUES (@key, @name, @path, @now, @now)
     ON CONFLICT(key) DO UPDATE SET name = excluded.name, settings_path = excluded.settings_path, last_seen = excluded.last_seen`,
  );
  const names = db.prepare<[], { key: string; name: string }>('SELECT key, name FROM regencies ORDER BY key');
  const adoptTx = db.transaction((served: readonly { key: string; name: string; path?: string }[], now: number): AdoptResult => {
    for (const r of served) upsert.run({ key: r.key, name: r.name, path: r.path ?? null, now });
    const first = served[0]!.key;
    const keys = served.map((r) => r.key);
    let adopted = 0;
    for (const table of OWNED) {
      // One regency: everything is its own (a code added to its settings later moves its rows with it).
      const sql = keys.length === 1 ? `UPDATE ${table} SET regency = ? WHERE regency <> ?` : `UPDATE ${table} SET regency = ? WHERE regency = ''`;
      adopted += (keys.length === 1 ? db.prepare(sql).run(first, first) : db.prepare(sql).run(first)).changes;
    }
    const marks = keys.map(() => '?').join(', ');
    const unserved = db
      .prepare(`SELECT regency, count(*) AS rows FROM registrations WHERE regency NOT IN (${marks}) GROUP BY regency`)
      .all(...keys) as { regency: string; rows: number }[];
    return { adopted, unserved };
  });
  return {
    /** Records the regencies served now and gives rows without one the first (see AdoptResult). */
    adopt: (served: readonly { key: string; name: string; path?: string }[], now: number): AdoptResult => adoptTx.immediate(served, now),
    /** Every regency the database has known, by key: the name for rows of one no longer served. */
    known: (): Map<string, string> => new Map(names.all().map((r) => [r.key, r.name])),
  };
}

export type RegencyStore = ReturnType<typeof createRegencyStore>;
