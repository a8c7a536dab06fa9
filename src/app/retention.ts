import { RegencyRegistry } from '../regencies.js';
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
export async function purgeExpired(store: Store, served: ProgrammeSettings | RegencyRegistry, now: number): Promise<PurgeResult> {
  const regencies = served instanceof RegencyRegistry ? served : RegencyRegistry.single(served);
  // A conversation is not tied to one regency: kept for the shortest draft period of the deployment.
  const draftDays = Math.min(...regencies.list.map((r) => r.settings.retentionDays.draft));
  const result = await store.retention.purge({
    draftCutoff: now - draftDays * DAY,
    rejectedCutoff: now - regencies.default.settings.retentionDays.rejected * DAY,
    rejectedByRegency: Object.fromEntries(regencies.list.map((r) => [r.key, now - r.settings.retentionDays.rejected * DAY])),
    now,
  });
  // What was removed leaves the WAL too.
  if (result.sessions > 0 || result.rejected > 0) await store.erasure.compact();
  return result;
}
