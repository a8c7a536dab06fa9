import type { Sql } from './sql.js';

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
export function createRegencyStore(sql: Sql) {
  // Table names from the constant list above: one fixed statement per table and case.
  const adoptAll = OWNED.map((table) => `UPDATE ${table} SET regency = ? WHERE regency <> ?`);
  const adoptBlank = OWNED.map((table) => `UPDATE ${table} SET regency = ? WHERE regency = ''`);
  // The served keys as one JSON array parameter: the same statement however many regencies are served.
  const unservedQ = `SELECT regency, count(*) AS rows FROM registrations
    WHERE regency NOT IN (SELECT value FROM ${sql.dialect.jsonArrayElements('?')}) GROUP BY regency`;
  return {
    /** Records the regencies served now and gives rows without one the first (see AdoptResult). */
    adopt: (served: readonly { key: string; name: string; path?: string }[], now: number): Promise<AdoptResult> =>
      sql.transaction(async () => {
        for (const r of served) {
          await sql.run(
            `INSERT INTO regencies (key, name, settings_path, first_seen, last_seen) VALUES (@key, @name, @path, @now, @now)
             ON CONFLICT(key) DO UPDATE SET name = excluded.name, settings_path = excluded.settings_path, last_seen = excluded.last_seen`,
            { key: r.key, name: r.name, path: r.path ?? null, now },
          );
        }
        const first = served[0]!.key;
        const keys = served.map((r) => r.key);
        let adopted = 0;
        for (let i = 0; i < OWNED.length; i++) {
          // One regency: everything is its own (a code added to its settings later moves its rows with it).
          adopted += (keys.length === 1 ? await sql.run(adoptAll[i]!, [first, first]) : await sql.run(adoptBlank[i]!, [first])).changes;
        }
        const unserved = await sql.all<{ regency: string; rows: number }>(unservedQ, [JSON.stringify(keys)]);
        return { adopted, unserved };
      }),
    /** Every regency the database has known, by key: the name for rows of one no longer served. */
    known: async (): Promise<Map<string, string>> =>
      new Map((await sql.all<{ key: string; name: string }>('SELECT key, name FROM regencies ORDER BY key')).map((r) => [r.key, r.name])),
  };
}

export type RegencyStore = ReturnType<typeof createRegencyStore>;
