import type { T } from '../core/types.js';
import type { ProgrammeSettings, UnfilledSetting } from '../settings.js';
import { keyIn } from '../core/locale-key.js';

/** Reasons an officer picks from when rejecting (the free text adds detail): one list, the domain's. */
export { REJECT_REASONS } from '../domain/reject-reasons.js';

/** A registration status as officers read it. */
export function statusLabel(t: T, status: string): string {
  return t(keyIn('console.status.', status));
}

/** A group id as its Indonesian label from the programme settings. */
export function groupLabel(settings: ProgrammeSettings, id: string | null | undefined): string {
  return settings.groups.find((g) => g.id === id)?.label.id ?? id ?? '-';
}

const whenFormats = new Map<string, Intl.DateTimeFormat>();

/** Date and time in the regency's zone, e.g. "22 Nov 2026 09.15" (one formatter per zone: they are costly). */
export function formatWhen(ms: number, timeZone: string): string {
  let f = whenFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    whenFormats.set(timeZone, f);
  }
  return f.format(ms);
}

/** A setting still to fill in, in words ("Kuota: Pekerja rentan"); its path when we have no words for it. */
export function unfilledLabel(t: T, u: UnfilledSetting): string {
  const key = u.group ? keyIn('console.unfilled.group.', u.group.field) : keyIn('console.unfilled.', u.path);
  const text = t(key, { group: u.group?.label ?? '' });
  return text === key ? u.path : text;
}
