import type { Sql } from './sql.js';

/** Single-holder leases (migration 008): one process drives a WhatsApp number, another takes over when it dies. */
export function createLeaseStore(sql: Sql) {
  return {
    /** Takes or renews the lease until `now + ttlMs`; false while another holder's lease runs. */
    acquire: async (name: string, holder: string, now: number, ttlMs: number): Promise<boolean> => {
      // Taken when free, expired, or already ours (a renewal); otherwise left as it is.
      const r = await sql.run(
        `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
         ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
           WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`,
        { name, holder, now, until: now + ttlMs },
      );
      return r.changes === 1;
    },
    release: async (name: string, holder: string): Promise<void> => {
      await sql.run('DELETE FROM leases WHERE name = ? AND holder = ?', [name, holder]);
    },
    /** Who holds it now (undefined: nobody, or expired). */
    holder: async (name: string, now: number): Promise<string | undefined> =>
      (await sql.get<{ holder: string }>('SELECT holder FROM leases WHERE name = ? AND expires_at > ?', [name, now]))?.holder,
  };
}

export type LeaseStore = ReturnType<typeof createLeaseStore>;
