import type { Db } from './db.js';

/** Single-holder leases (migration 008): one process drives a WhatsApp number, another takes over when it dies. */
export function createLeaseStore(db: Db) {
  // Taken when free, expired, or already ours (a renewal); otherwise left as it is.
  const take = db.prepare<{ name: string; holder: string; now: number; until: number }>(
    `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
     ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`,
  );
  const release = db.prepare<[string, string]>('DELETE FROM leases WHERE name = ? AND holder = ?');
  const holderQ = db.prepare<[string, number], { holder: string }>('SELECT holder FROM leases WHERE name = ? AND expires_at > ?');
  return {
    /** Takes or renews the lease until `now + ttlMs`; false while another holder's lease runs. */
    acquire: (name: string, holder: string, now: number, ttlMs: number): boolean =>
      take.run({ name, holder, now, until: now + ttlMs }).changes === 1,
    release: (name: string, holder: string): void => void release.run(name, holder),
    /** Who holds it now (undefined: nobody, or expired). */
    holder: (name: string, now: number): string | undefined => holderQ.get(name, now)?.holder,
  };
}

export type LeaseStore = ReturnType<typeof createLeaseStore>;
