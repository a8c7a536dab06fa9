import type { ProgrammeSettings } from '../settings.js';
import type { Store } from '../storage/store.js';
import type { PurgeResult } from '../storage/retention.js';

const DAY = 24 * 3600_000;

export type { PurgeResult };

/**
 * Keeps data only as long as needed (UU 27/2022): conversations (and their drafts) idle longer than
 * the draft period are emptied (with their remembered message ids), and rejected registrations
 * lose their personal data after the rejected period.
 */
export function purgeExpired(store: Store, settings: ProgrammeSettings, now: number): PurgeResult {
  const result = store.retention.purge({
    draftCutoff: now - settings.retentionDays.draft * DAY,
    rejectedCutoff: now - settings.retentionDays.rejected * DAY,
    now,
  });
  // What was removed leaves the WAL too.
  if (result.sessions > 0 || result.rejected > 0) store.erasure.compact();
  return result;
}
