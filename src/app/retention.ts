import type { Db } from '../storage/db.js';
import type { ProgrammeSettings } from '../settings.js';

const DAY = 24 * 3600_000;

export interface PurgeResult {
  sessions: number;
  rejected: number;
}

/**
 * Keeps data only as long as needed (UU 27/2022): conversations (and their drafts) idle longer than
 * the draft period are emptied (with their remembered message ids), and rejected registrations
 * lose their personal data after the rejected period.
 */
export function purgeExpired(db: Db, settings: ProgrammeSettings, now: number): PurgeResult {
  const draftCutoff = now - settings.retentionDays.draft * DAY;
  const rejectedCutoff = now - settings.retentionDays.rejected * DAY;
  return db.transaction((): PurgeResult => {
    const sessions = db.prepare('DELETE FROM sessions WHERE updated_at < ?').run(draftCutoff).changes;
    const expired = db
      .prepare("SELECT id, status FROM registrations WHERE status = 'rejected' AND updated_at < ?")
      .all(rejectedCutoff) as { id: number; status: string }[];
    const wipe = db.prepare(
      "UPDATE registrations SET status = 'deleted', nik = NULL, full_name = NULL, data = NULL, kecamatan = NULL, desa = NULL, updated_at = ? WHERE id = ?",
    );
    const event = db.prepare(
      "INSERT INTO registration_events (registration_id, at, actor_kind, action, from_status, to_status) VALUES (?, ?, 'system', 'retention_expired', 'rejected', 'deleted')",
    );
    for (const r of expired) {
      wipe.run(now, r.id);
      event.run(r.id, now);
    }
    return { sessions, rejected: expired.length };
  })();
}
