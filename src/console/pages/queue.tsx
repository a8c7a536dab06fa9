/** @jsxImportSource hono/jsx */
import type { ProgrammeSettings } from '../../settings.js';
import type { QueueFilter } from '../../domain/queue-filter.js';
import type { QueueRow } from '../../storage/queue.js';
import { formatWhen, groupLabel, statusLabel } from '../labels.js';
import { Csrf, Layout, type PageBase } from '../layout.js';

const STATUSES = ['open', 'submitted', 'needs_correction', 'approved', 'registered', 'rejected', 'all'] as const;

interface Props extends PageBase {
  settings: ProgrammeSettings;
  filter: QueueFilter;
  rows: QueueRow[];
  total: number;
  next: string | null;
  query: string;
  /** The search is a NIK: nothing on the page may carry it into a URL. */
  /** A NIK or phone search (posted, audited without the value): no link carries it. */
  nikSearch: boolean;
  privateSearch?: 'nik' | 'phone';
  cadres: { personId: number; desa: string; role: string }[];
  /** Rows whose person withdrew consent after approval: waiting for an officer, or kept for a legal reason. */
  withdrawn?: ReadonlyMap<number, 'pending' | 'kept'>;
  /** The oldest withdrawals waiting for an officer, and how many wait in all. */
  pendingWithdrawals?: { rows: { reference: string }[]; total: number };
}

/**
 * The review queue: filters, search, oldest first, bulk approve, keyset paging, export links. The
 * filter form posts (a NIK in it must not end up in a URL); POST /queue answers a NIK search itself
 * and sends any other search on to GET /queue.
 */
export function QueuePage(p: Props) {
  const { t, filter, settings } = p;
  const withAfter = (after: string) => `/queue?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(p.query)), after }).toString()}`;
  const exportQuery = new URLSearchParams(p.query);
  exportQuery.delete('after');
  return (
    <Layout title={t('console.queue.title')} t={t} officer={p.officer} csrf={p.csrf} active="/queue" flash={p.flash}>
      <form class="filters card" method="post" action="/queue">
        <Csrf token={p.csrf} />
        <label>
          {t('console.queue.search')}
          <input name="q" value={filter.q ?? ''} placeholder={t('console.queue.search_hint')} />
        </label>
        <label>
          {t('console.queue.status')}
          <select name="status">
            {STATUSES.map((s) => (
              <option value={s} selected={filter.status === s}>
                {s === 'open' || s === 'all' ? t(`console.queue.status_${s}`) : statusLabel(t, s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.queue.kecamatan')}
          <select name="kecamatan">
            <option value="">{t('console.queue.any')}</option>
            {settings.areas.map((a) => (
              <option value={a.kecamatan} selected={filter.kecamatan === a.kecamatan}>
                {a.kecamatan}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.queue.desa')}
          <select name="desa">
            <option value="">{t('console.queue.any')}</option>
            {settings.areas.flatMap((a) =>
              a.desa.map((d) => (
                <option value={d} selected={filter.desa === d}>
                  {d}
                </option>
              )),
            )}
          </select>
        </label>
        <label>
          {t('console.queue.group')}
          <select name="group">
            <option value="">{t('console.queue.any')}</option>
            {settings.groups.map((g) => (
              <option value={g.id} selected={filter.group === g.id}>
                {g.label.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.queue.cadre')}
          <select name="cadre">
            <option value="">{t('console.queue.any')}</option>
            {p.cadres.map((c) => (
              <option value={String(c.personId)} selected={filter.cadre === c.personId}>
                {`#${c.personId} ${c.role} · ${c.desa}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.queue.from')}
          <input type="date" name="from" value={filter.from ?? ''} />
        </label>
        <label>
          {t('console.queue.to')}
          <input type="date" name="to" value={filter.to ?? ''} />
        </label>
        <button type="submit">{t('console.queue.apply')}</button>
        <a class="button secondary" href="/queue">
          {t('console.queue.reset')}
        </a>
      </form>
      {p.pendingWithdrawals && p.pendingWithdrawals.total > 0 ? (
        <p class="flash error" role="alert">
          {t('console.withdrawal.queue_pending', { total: p.pendingWithdrawals.total })}{' '}
          {p.pendingWithdrawals.rows.map((r, i) => (
            <>
              {i > 0 ? ', ' : null}
              <a href={`/registrations/${r.reference}`}>{r.reference}</a>
            </>
          ))}
        </p>
      ) : null}
      {p.nikSearch ? (
        <p class="muted">
          {t('console.queue.total', { total: p.total })} · {t(p.privateSearch === 'phone' ? 'console.queue.phone_search' : 'console.queue.nik_search')}
        </p>
      ) : (
        <p class="muted">
          {t('console.queue.total', { total: p.total })} ·{' '}
          <a href={`/export?format=csv&${exportQuery.toString()}`}>{t('console.queue.export_csv')}</a> ·{' '}
          <a href={`/export?format=xlsx&${exportQuery.toString()}`}>{t('console.queue.export_xlsx')}</a> {t('console.queue.export_masked')}
          {p.officer.exportNik ? (
            <>
              {' · '}
              <a href={`/export/full?${exportQuery.toString()}`}>{t('console.queue.export_full')}</a>
            </>
          ) : null}
        </p>
      )}
      <form method="post" action="/queue/approve">
        <Csrf token={p.csrf} />
        <input type="hidden" name="back" value={`/queue?${p.query}`} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('console.queue.pick')}</th>
                <th>{t('console.queue.reference')}</th>
                <th>{t('console.queue.name')}</th>
                <th class="opt">NIK</th>
                <th>{t('console.queue.place')}</th>
                <th class="opt">{t('console.queue.group')}</th>
                <th>{t('console.queue.status')}</th>
                <th class="opt">{t('console.queue.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.length === 0 ? (
                <tr>
                  <td colspan={8}>{t('console.queue.empty')}</td>
                </tr>
              ) : (
                p.rows.map((r) => (
                  <tr>
                    <td>{r.status === 'submitted' ? <input type="checkbox" name="ref" value={r.reference} aria-label={r.reference} /> : null}</td>
                    <td>
                      <a href={`/registrations/${r.reference}`}>{r.reference}</a>
                    </td>
                    <td>
                      {r.fullName ?? '-'}
                      {r.checks.length ? <span class="badge"> ⚠ {r.checks.length}</span> : null}
                      {p.withdrawn?.has(r.id) ? (
                        <span class="badge withdrawn">
                          {' '}
                          {p.withdrawn.get(r.id) === 'pending' ? `⚠ ${t('console.withdrawal.queue_badge')}` : t('console.withdrawal.queue_badge_kept')}
                        </span>
                      ) : null}
                    </td>
                    <td class="opt">{r.nikMasked ?? '-'}</td>
                    <td>{`${r.desa ?? '-'}, ${r.kecamatan ?? '-'}`}</td>
                    <td class="opt">{groupLabel(settings, r.groupId)}</td>
                    <td>
                      <span class={`badge ${r.status}`}>{statusLabel(t, r.status)}</span>
                    </td>
                    <td class="opt">{formatWhen(r.createdAt, p.timeZone)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        <div class="pager">
          <button type="submit">{t('console.queue.approve_selected')}</button>
          {p.next ? (
            <a class="button secondary" href={withAfter(p.next)}>
              {t('console.queue.next_page')}
            </a>
          ) : null}
          {filter.after ? (
            <a class="button secondary" href={`/queue?${new URLSearchParams([...new URLSearchParams(p.query)].filter(([k]) => k !== 'after')).toString()}`}>
              {t('console.queue.first_page')}
            </a>
          ) : null}
        </div>
      </form>
    </Layout>
  );
}
