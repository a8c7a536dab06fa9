/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { keyIn } from '../../core/locale-key.js';
import type { T } from '../../core/types.js';
import type { Officer, OfficerRole } from '../../storage/officers.js';
import { formatWhen } from '../labels.js';
import { Csrf, Layout, type PageBase } from '../layout.js';
import { MIN_PASSWORD_LENGTH } from '../security.js';

const ROLES: readonly OfficerRole[] = ['officer', 'admin'];

/** A role as officers read it: "Petugas", "Admin". */
export const roleWords = (t: T, role: string): string => t(keyIn('console.officers.roles.', role));

/** One small form with a single button (the CSRF token comes with it). */
function Action({ csrf, action, label, kind, aria, children }: { csrf: string; action: string; label: string; kind: 'secondary' | 'danger'; aria: string; children?: Child }) {
  return (
    <form method="post" action={action} class="inline">
      <Csrf token={csrf} />
      {children}
      <button class={kind} type="submit" aria-label={aria}>
        {label}
      </button>
    </form>
  );
}

/**
 * Admin: every officer with their role and state in words, what an admin can change for each
 * (enable or disable, a temporary password, the second factor, the full-NIK export), and a form
 * for a new one. An admin acts on others only: a stolen session must not lock its owner out.
 */
export function OfficersPage({ t, officer, csrf, timeZone, flash, officers, temporary }: PageBase & { officers: Officer[]; temporary: ReadonlySet<number> }) {
  return (
    <Layout title={t('console.officers.title')} t={t} officer={officer} csrf={csrf} active="/admin/officers" flash={flash}>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('console.officers.username')}</th>
              <th>{t('console.officers.role')}</th>
              <th>{t('console.officers.state')}</th>
              <th>{t('console.officers.second_factor')}</th>
              <th>{t('console.officers.export_nik')}</th>
              <th>{t('console.officers.password_column')}</th>
            </tr>
          </thead>
          <tbody>
            {officers.map((o) => {
              const self = o.id === officer.id;
              return (
                <tr data-officer={o.username}>
                  <td>
                    {o.username}
                    {self ? <small class="muted"> {t('console.officers.you')}</small> : null}
                    <br />
                    <small class="muted">{t('console.officers.created_on', { when: formatWhen(o.createdAt, timeZone) })}</small>
                  </td>
                  <td>{roleWords(t, o.role)}</td>
                  <td>
                    <span class={o.disabledAt ? 'badge rejected' : 'badge registered'}>{o.disabledAt ? t('console.officers.disabled') : t('console.officers.active')}</span>
                    {o.disabledAt ? <small class="muted"> {t('console.officers.disabled_since', { when: formatWhen(o.disabledAt, timeZone) })}</small> : null}
                    {self ? null : o.disabledAt ? (
                      <Action csrf={csrf} action={`/admin/officers/${o.id}/enable`} kind="secondary" label={t('console.officers.enable')} aria={`${t('console.officers.enable')} ${o.username}`} />
                    ) : (
                      <Action csrf={csrf} action={`/admin/officers/${o.id}/disable`} kind="danger" label={t('console.officers.disable')} aria={`${t('console.officers.disable')} ${o.username}`} />
                    )}
                  </td>
                  <td>
                    {o.secondFactor ? t('console.officers.second_factor_on') : t('console.officers.second_factor_off')}
                    {o.secondFactor && !self ? (
                      <Action csrf={csrf} action={`/admin/officers/${o.id}/reset-2fa`} kind="secondary" label={t('console.officers.reset_second_factor')} aria={`${t('console.officers.reset_second_factor')} ${o.username}`} />
                    ) : null}
                  </td>
                  <td>
                    {o.exportNik ? t('console.officers.yes') : t('console.officers.no')}
                    <Action
                      csrf={csrf}
                      action={`/admin/officers/${o.id}/export-nik`}
                      kind="secondary"
                      label={t(o.exportNik ? 'console.officers.revoke' : 'console.officers.grant')}
                      aria={`${t(o.exportNik ? 'console.officers.revoke' : 'console.officers.grant')} ${o.username}`}
                    >
                      <input type="hidden" name="allow" value={o.exportNik ? '0' : '1'} />
                    </Action>
                  </td>
                  <td>
                    {temporary.has(o.id) ? <small class="muted">{t('console.officers.password_temporary')}</small> : null}
                    {self ? (
                      <a href="/account/password">{t('console.officers.password_own')}</a>
                    ) : (
                      <details>
                        <summary>{t('console.officers.password_reset')}</summary>
                        <form method="post" action={`/admin/officers/${o.id}/password`} class="stack blocks">
                          <Csrf token={csrf} />
                          <label>
                            {t('console.officers.password_new', { username: o.username })}
                            <br />
                            <input name="password" type="password" required minlength={MIN_PASSWORD_LENGTH} autocomplete="new-password" />
                          </label>
                          <small class="muted">{t('console.officers.password_hint')}</small>
                          <button type="submit">{t('console.officers.password_set')}</button>
                        </form>
                      </details>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <form class="card stack blocks" method="post" action="/admin/officers">
        <Csrf token={csrf} />
        <h2>{t('console.officers.add')}</h2>
        <label>
          {t('console.officers.username')}
          <br />
          <input name="username" required pattern="[A-Za-z0-9][A-Za-z0-9._\-]{1,31}" autocomplete="off" />
        </label>
        <label>
          {t('console.officers.role')}
          <br />
          <select name="role">
            {ROLES.map((r) => (
              <option value={r}>{roleWords(t, r)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('console.officers.password')}
          <br />
          <input name="password" type="password" required minlength={MIN_PASSWORD_LENGTH} autocomplete="new-password" />
        </label>
        <p class="muted">{t('console.officers.add_hint')}</p>
        <button type="submit">{t('console.officers.add')}</button>
      </form>
    </Layout>
  );
}
