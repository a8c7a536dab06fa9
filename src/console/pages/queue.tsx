/** @jsxImportSource hono/jsx */
import type { RegistrationStatus, T } from '../../core/types.js';
import type { GroupSetting, ProgrammeSettings } from '../../settings.js';
import type { ScopedRegency } from '../scope.js';
import type { QueueFilter, StatusFilter } from '../../domain/queue-filter.js';
import type { QueueRow } from '../../storage/queue.js';
import { statusLabel } from '../labels.js';
import { Csrf, Layout, type PageBase } from '../layout.js';
import { QueueRowLine, WAITING } from './queue-row.js';
import { DecisionNotice, type NoticeView } from './decision.js';

/** The status tabs, ours first: waiting for a decision, then waiting for the person. */
const TABS = ['submitted', 'needs_correction', 'approved', 'registered', 'rejected', 'all'] as const;
/** The fields of "Filter lainnya" (the search box and the status tabs are always in sight). */
const MORE_FILTERS = ['kecamatan', 'desa', 'group', 'cadre', 'from', 'to', 'test'] as const;

interface Props extends PageBase {
  /** The regencies the officer sees: with more than one, the queue offers a regency filter and a regency column. */
  regencies: ScopedRegency[];
  /** The areas the kecamatan and desa filters offer: the chosen regency's, else each regency's in scope. */
  areas: { name: string; areas: ProgrammeSettings['areas'] }[];
  /** The groups the group filter offers (an agency's officer: theirs). */
  groups: GroupSetting[];
  /** The regency chosen in the filter (one of `regencies`). */
  regency?: string | undefined;
  /** A row's regency's settings (its group in words), as read now. */
  settingsOf: (regency: string) => ProgrammeSettings;
  /** A read-only officer: no boxes to tick, no bulk approval. */
  readOnly: boolean;
  filter: QueueFilter;
  /** The status was chosen (a tab, a link); otherwise it is the plain queue's default or, for a search, every status. */
  statusChosen: boolean;
  rows: QueueRow[];
  total: number;
  next: string | null;
  /** The page's query string, without paging notices (links and the bulk form's way back). */
  query: string;
  /** A NIK or phone search (posted, audited without the value): no link carries it. */
  nikSearch: boolean;
  privateSearch?: 'nik' | 'phone';
  cadres: { personId: number; desa: string; role: string }[];
  /** Rows whose person withdrew consent after approval: waiting for an officer, or kept for a legal reason. */
  withdrawn?: ReadonlyMap<number, 'pending' | 'kept'>;
  /** The oldest withdrawals waiting for an officer, and how many wait in all. */
  pendingWithdrawals?: { rows: { reference: string }[]; total: number };
  /** Figures for the status tabs (per status); absent where they would not match the tab's link. */
  counts?: Partial<Record<RegistrationStatus, number>>;
  /** A search in a chosen status found nothing: how many it finds in the other statuses. */
  elsewhere?: number;
  now: number;
  /** After a bulk approval: what was done, when the people are told, and the undo of all of it while it can be. */
  notice?: NoticeView;
}

function tabLabel(t: T, status: StatusFilter): string {
  if (status === 'submitted' || status === 'needs_correction') return t(`console.queue.tab_${status}`);
  if (status === 'open' || status === 'all') return t(`console.queue.status_${status}`);
  return statusLabel(t, status);
}

/**
 * The review queue: status tabs (ours, "waiting for a decision", by default), a search that looks
 * in every status, more filters folded away, dense rows oldest first with their waiting time and
 * checks in words, select-all and bulk approval (confirmed on the next page), keyset paging, export
 * links. The filter form posts (a NIK in it must not end up in a URL); POST /queue answers a NIK
 * search itself and sends any other search on to GET /queue.
 */
export function QueuePage(p: Props) {
  const { t, filter } = p;
  const several = p.regencies.length > 1;
  /** Options, in one list for one regency, else grouped under each regency's name. */
  const grouped = <X,>(make: (areas: ProgrammeSettings['areas']) => X[]) =>
    p.areas.length === 1 ? make(p.areas[0]!.areas) : p.areas.map((r) => <optgroup label={r.name}>{make(r.areas)}</optgroup>);
  /** This page's link with some parameters set; paging starts again unless `after` is one of them. */
  const link = (set: Record<string, string>) => {
    const q = new URLSearchParams(p.query);
    q.delete('after');
    for (const [k, v] of Object.entries(set)) q.set(k, v);
    return `/queue?${q.toString()}`;
  };
  const exportQuery = new URLSearchParams(p.query);
  exportQuery.delete('after');
  const searching = filter.q !== undefined;
  const moreActive = MORE_FILTERS.filter((k) => filter[k] !== undefined).length;
  // The view's status rides along with the form so that filtering keeps the tab; the server drops it when the form searches.
  const tab = !searching || p.statusChosen ? filter.status : undefined;
  const tabs: StatusFilter[] = [...TABS, ...(TABS.includes(filter.status as (typeof TABS)[number]) ? [] : [filter.status])];
  const countOf = (s: StatusFilter): number | undefined => {
    if (!p.counts) return undefined;
    if (s === 'all') return searching ? Object.values(p.counts).reduce((a, b) => a + (b ?? 0), 0) : undefined;
    if (s === 'open' || s === 'deleted') return undefined;
    return p.counts[s] ?? (searching || WAITING.has(s) ? 0 : undefined);
  };
  const selectable = p.readOnly ? [] : p.rows.filter((r) => r.status === 'submitted' && p.withdrawn?.get(r.id) !== 'pending');
  return (
    <Layout title={t('console.queue.title')} t={t} officer={p.officer} csrf={p.csrf} active="/queue" flash={p.flash}>
      {p.notice ? <DecisionNotice t={t} csrf={p.csrf} notice={p.notice} /> : null}
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
      <div class="queue-top">
        <form class="filters card" method="post" action="/queue">
          <Csrf token={p.csrf} />
          {tab ? <input type="hidden" name="tab" value={tab} /> : null}
          <label class="search">
            {t('console.queue.search')}
            <input name="q" value={filter.q ?? ''} placeholder={t('console.queue.search_hint')} title={t('console.queue.search_everywhere')} />
          </label>
          {several ? (
            <label>
              {t('console.scope.regency')}
              <select name="regency">
                <option value="">{t('console.scope.every_regency')}</option>
                {p.regencies.map((r) => (
                  <option value={r.key} selected={p.regency === r.key}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="submit">{t('console.queue.apply')}</button>
          <a class="button secondary" href="/queue">
            {t('console.queue.reset')}
          </a>
          <details class="more" open={moreActive > 0}>
            <summary>
              {t('console.queue.more_filters')}
              {moreActive > 0 ? ` (${t('console.queue.filters_active', { n: moreActive })})` : ''}
            </summary>
            <div class="more-fields">
              <label>
                {t('console.queue.kecamatan')}
                <select name="kecamatan">
                  <option value="">{t('console.queue.any')}</option>
                  {grouped((areas) =>
                    areas.map((a) => (
                      <option value={a.kecamatan} selected={filter.kecamatan === a.kecamatan}>
                        {a.kecamatan}
                      </option>
                    )),
                  )}
                </select>
              </label>
              <label>
                {t('console.queue.desa')}
                <select name="desa">
                  <option value="">{t('console.queue.any')}</option>
                  {grouped((areas) =>
                    areas.flatMap((a) =>
                      a.desa.map((d) => (
                        <option value={d} selected={filter.desa === d}>
                          {d}
                        </option>
                      )),
                    ),
                  )}
                </select>
              </label>
              <label>
                {t('console.queue.group')}
                <select name="group">
                  <option value="">{t('console.queue.any')}</option>
                  {p.groups.map((g) => (
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
              <label>
                {t('console.queue.test')}
                <select name="test">
                  <option value="">{t('console.queue.test_exclude')}</option>
                  <option value="include" selected={filter.test === 'include'}>
                    {t('console.queue.test_include')}
                  </option>
                  <option value="only" selected={filter.test === 'only'}>
                    {t('console.queue.test_only')}
                  </option>
                </select>
              </label>
            </div>
          </details>
          {p.elsewhere ? (
            // Posting this form again searches every status (a search drops the tab), the NIK staying in the form.
            <p class="note">
              {t('console.queue.found_elsewhere', { status: tabLabel(t, filter.status), n: p.elsewhere })}{' '}
              <button class="secondary" type="submit">
                {t('console.queue.search_all')}
              </button>
            </p>
          ) : null}
        </form>
        <nav class="tabs" aria-label={t('console.queue.tabs')}>
          {tabs.map((s) => {
            const n = countOf(s);
            const on = filter.status === s;
            const hint = s === 'submitted' || s === 'needs_correction' ? t(`console.queue.tab_${s}_hint`) : undefined;
            return (
              <a href={link({ status: s })} class={on ? 'on' : undefined} aria-current={on ? 'page' : undefined} title={hint}>
                {tabLabel(t, s)}
                {n !== undefined ? <span class="count">{n}</span> : null}
              </a>
            );
          })}
        </nav>
      </div>
      {searching && !p.statusChosen ? <p class="muted note">{t('console.queue.search_results')}</p> : null}
      <form method="post" action="/queue/approve">
        <Csrf token={p.csrf} />
        <input type="hidden" name="back" value={`/queue${p.query ? `?${p.query}` : ''}`} />
        <div class="bulkbar">
          {p.nikSearch ? (
            <p class="muted">
              {t('console.queue.total', { total: p.total })} · {t(p.privateSearch === 'phone' ? 'console.queue.phone_search' : 'console.queue.nik_search')}
            </p>
          ) : (
            <p class="muted">
              {t('console.queue.total', { total: p.total })} ·{' '}
              <a href={`/export?format=csv&${exportQuery.toString()}`}>{t('console.queue.export_csv')}</a> ·{' '}
              <a href={`/export?format=xlsx&${exportQuery.toString()}`}>{t('console.queue.export_xlsx')}</a> ·{' '}
              <a href={`/export?format=xlsx&preset=bpjs&${exportQuery.toString()}`}>{t('console.export.link_bpjs')}</a> {t('console.queue.export_masked')}
              {p.officer.exportNik ? (
                <>
                  {' · '}
                  <a href={`/export/full?${exportQuery.toString()}`}>{t('console.queue.export_full')}</a>
                </>
              ) : null}
            </p>
          )}
          {p.readOnly ? <p class="muted">{t('console.scope.read_only_note')}</p> : <button type="submit">{t('console.queue.approve_selected')}</button>}
        </div>
        <div class="table-wrap">
          <table class="queue">
            <thead>
              <tr>
                <th class="q-pick">
                  {selectable.length > 0 ? (
                    <input type="checkbox" name="all" value="1" id="pick-all" aria-label={t('console.queue.select_all')} title={t('console.queue.select_all')} />
                  ) : null}
                </th>
                <th>{t('console.queue.reference')}</th>
                <th>{t('console.queue.name')}</th>
                <th class="opt">NIK</th>
                {several ? <th class="q-regency">{t('console.scope.regency')}</th> : null}
                <th class="q-place">{t('console.queue.desa')}</th>
                <th class="opt">{t('console.queue.group')}</th>
                <th>{t('console.queue.checks')}</th>
                <th>{t('console.queue.status')}</th>
                <th>{t('console.queue.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.length === 0 ? (
                <tr>
                  <td class="q-empty" colspan={several ? 10 : 9}>
                    {t('console.queue.empty')}
                  </td>
                </tr>
              ) : (
                p.rows.map((r) => (
                  <QueueRowLine
                    t={t}
                    settings={p.settingsOf(r.regency)}
                    regencyName={several ? (p.regencies.find((x) => x.key === r.regency)?.settings.regency.shortName ?? r.regency) : undefined}
                    timeZone={p.timeZone}
                    now={p.now}
                    withdrawn={p.withdrawn?.get(r.id)}
                    row={r}
                    selectable={selectable.includes(r)}
                  />
                ))
              )}
            </tbody>
          </table>
        </div>
        {selectable.map((r) => (
          <input type="hidden" name="page_ref" value={r.reference} />
        ))}
        <div class="pager">
          {p.next ? (
            <a class="button secondary" href={link({ after: p.next })}>
              {t('console.queue.next_page')}
            </a>
          ) : null}
          {filter.after ? (
            <a class="button secondary" href={link({})}>
              {t('console.queue.first_page')}
            </a>
          ) : null}
        </div>
      </form>
      <script src="/static/queue.js" defer></script>
      {p.notice?.undo ? <script src="/static/console.js" defer></script> : null}
    </Layout>
  );
}
