/** @jsxImportSource hono/jsx */
import type { Officer } from '../../storage/officers.js';
import { actionWords, AUDIT_ACTION_GROUPS, type AuditActionGroup } from '../audit-words.js';
import { formatWhen } from '../labels.js';
import { Layout, type PageBase } from '../layout.js';

/** The audit page's filters as given in the query (kept as typed, for the form and the links). */
export interface AuditQuery {
  officer: string;
  /** '' (everything but page views), 'all', 'group:<name>' or one action. */
  action: string;
  ref: string;
  from: string;
  to: string;
}

/** One line of the audit page, already in words. */
export interface AuditLine {
  id: number;
  at: number;
  who: string;
  action: string;
  /** Worth a second look: a failed login, or an action this page has no words for yet. */
  flagged: boolean;
  reference: string | null;
  detail: string;
  /** The regency it concerned, in words (an admin who sees several). */
  regency?: string;
}

/** The query string of the filters (no paging), for the next-page and first-page links. */
export function auditQueryString(q: AuditQuery, before?: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  if (before !== undefined) params.set('before', String(before));
  return params.toString();
}

/** Who did what, newest first: decisions, data access, logins (failed ones too) and administration. */
export function AuditPage({
  t,
  officer,
  csrf,
  timeZone,
  flash,
  lines,
  next,
  paged,
  query,
  officers,
  showRegency = false,
}: PageBase & { lines: AuditLine[]; next: number | null; paged: boolean; query: AuditQuery; officers: Officer[]; /** A column for each entry's regency. */ showRegency?: boolean }) {
  const groups = Object.entries(AUDIT_ACTION_GROUPS) as [AuditActionGroup, readonly string[]][];
  const first = auditQueryString(query);
  return (
    <Layout title={t('console.audit.title')} t={t} officer={officer} csrf={csrf} active="/audit" flash={flash}>
      <form class="card filters" method="get" action="/audit">
        <label>
          {t('console.audit.who')}
          <select name="officer">
            <option value="">{t('console.audit.all_officers')}</option>
            {officers.map((o) => (
              <option value={String(o.id)} selected={query.officer === String(o.id)}>
                {o.username}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.audit.action')}
          <select name="action">
            <option value="">{t('console.audit.action_default')}</option>
            <option value="all" selected={query.action === 'all'}>
              {t('console.audit.action_all')}
            </option>
            {groups.map(([group, actions]) => (
              <optgroup label={t(`console.audit.groups.${group}`)}>
                <option value={`group:${group}`} selected={query.action === `group:${group}`}>
                  {t('console.audit.group_all', { group: t(`console.audit.groups.${group}`) })}
                </option>
                {actions.map((a) => (
                  <option value={a} selected={query.action === a}>
                    {actionWords(t, a)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          {t('console.audit.reference')}
          <input name="ref" value={query.ref} maxlength={20} placeholder="LD-…" autocomplete="off" />
        </label>
        <label>
          {t('console.audit.from')}
          <input type="date" name="from" value={query.from} />
        </label>
        <label>
          {t('console.audit.to')}
          <input type="date" name="to" value={query.to} />
        </label>
        <button type="submit">{t('console.audit.apply')}</button>
        <a class="button secondary" href="/audit">
          {t('console.audit.reset')}
        </a>
      </form>
      {query.action === '' ? <p class="muted">{t('console.audit.views_hidden')}</p> : null}
      {lines.length === 0 ? (
        <p class="card">{t('console.audit.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="audit">
            <thead>
              <tr>
                <th>{t('console.audit.when')}</th>
                <th>{t('console.audit.who')}</th>
                <th>{t('console.audit.action')}</th>
                {showRegency ? <th>{t('console.scope.regency')}</th> : null}
                <th>{t('console.audit.reference')}</th>
                <th>{t('console.audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((e) => (
                <tr class={e.flagged ? 'flagged' : undefined}>
                  <td>{formatWhen(e.at, timeZone)}</td>
                  <td>{e.who}</td>
                  <td>{e.action}</td>
                  {showRegency ? <td>{e.regency ?? '-'}</td> : null}
                  <td>{e.reference ? <a href={`/registrations/${e.reference}`}>{e.reference}</a> : '-'}</td>
                  <td>{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="pager">
        {paged ? (
          <a class="button secondary" href={`/audit${first ? `?${first}` : ''}`}>
            {t('console.audit.first_page')}
          </a>
        ) : null}
        {next !== null ? (
          <a class="button secondary" href={`/audit?${auditQueryString(query, next)}`}>
            {t('console.audit.next_page')}
          </a>
        ) : null}
      </p>
    </Layout>
  );
}
