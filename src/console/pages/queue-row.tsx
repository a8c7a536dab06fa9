/** @jsxImportSource hono/jsx */
import type { RegistrationStatus, T } from '../../core/types.js';
import { TEST_CHANNEL } from '../../domain/queue-filter.js';
import type { ProgrammeSettings } from '../../settings.js';
import type { QueueRow } from '../../storage/queue.js';
import { formatWhen, groupLabel, statusLabel } from '../labels.js';
import { checkWords, shortDay } from '../queue-words.js';
import { waitWords } from '../detail-words.js';

/** Statuses whose rows show how long they have waited. */
export const WAITING: ReadonlySet<RegistrationStatus> = new Set(['submitted', 'needs_correction']);

interface RowProps {
  t: T;
  settings: ProgrammeSettings;
  /** Its regency's name, when the queue shows several regencies. */
  regencyName?: string | undefined;
  timeZone: string;
  now: number;
  row: QueueRow;
  /** It may be ticked for a bulk approval. */
  selectable: boolean;
  /** Its person withdrew consent after approval: waiting for an officer, or kept for a legal reason. */
  withdrawn: 'pending' | 'kept' | undefined;
}

/** One dense line of the queue (on a phone: a small card, status and date on top). */
export function QueueRowLine(p: RowProps) {
  const { t, row: r, settings } = p;
  const place = `${r.desa ?? '-'}, ${r.kecamatan ?? '-'}`;
  const checks = r.checks.map((c) => checkWords(t, c));
  const wait = WAITING.has(r.status) ? waitWords(t, p.now - r.createdAt, { brief: true }) : undefined;
  const when = formatWhen(r.createdAt, p.timeZone);
  const group = groupLabel(settings, r.groupId);
  return (
    <tr class={r.channel === TEST_CHANNEL ? 'test' : undefined}>
      <td class="q-pick">
        {p.selectable ? <input type="checkbox" name="ref" value={r.reference} aria-label={t('console.queue.pick_row', { reference: r.reference })} /> : null}
      </td>
      <td>
        <a href={`/registrations/${r.reference}`}>{r.reference}</a>
        {r.channel === TEST_CHANNEL ? (
          <span class="badge test" title={t('console.queue.test_badge_hint')}>
            {t('console.queue.test_badge')}
          </span>
        ) : null}
      </td>
      <td class="q-name">
        <span class="clip" title={r.fullName ?? undefined}>
          {r.fullName ?? '-'}
        </span>
        {p.withdrawn ? (
          <span class="badge withdrawn">{p.withdrawn === 'pending' ? `⚠ ${t('console.withdrawal.queue_badge')}` : t('console.withdrawal.queue_badge_kept')}</span>
        ) : null}
      </td>
      <td class="q-nik opt">{r.nikMasked ?? '-'}</td>
      {p.regencyName !== undefined ? (
        <td class="q-regency">
          <span class="clip" title={p.regencyName}>
            {p.regencyName}
          </span>
        </td>
      ) : null}
      <td class="q-place">
        <span class="clip" title={place}>
          {r.desa ?? '-'}
          <small>{` · ${r.kecamatan ?? '-'}`}</small>
        </span>
      </td>
      <td class="q-group opt">
        <span class="clip" title={group}>
          {group}
        </span>
      </td>
      <td class="q-checks">
        {checks.length > 0 ? (
          <span class="clip" title={checks.map((c) => c.long).join('; ')}>
            {checks.map((c) => (
              <span class="chip" title={c.long}>
                {c.short}
              </span>
            ))}
          </span>
        ) : null}
      </td>
      <td class="q-status">
        <span class={`badge ${r.status}`}>{statusLabel(t, r.status)}</span>
      </td>
      <td class="q-when">
        <time datetime={new Date(r.createdAt).toISOString()} title={wait ? t('console.queue.waiting_since', { when, wait }) : when}>
          {shortDay(r.createdAt, p.timeZone, p.now)}
        </time>
        {wait ? <small>{` · ${wait}`}</small> : null}
      </td>
    </tr>
  );
}
