/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { keyIn } from '../../core/locale-key.js';
import type { T } from '../../core/types.js';
import type { GroupSetting } from '../../settings.js';
import type { Officer, OfficerRole } from '../../storage/officers.js';
import { formatWhen } from '../labels.js';
import { Csrf, Layout, RegencyPicker, type PageBase } from '../layout.js';
import { MIN_PASSWORD_LENGTH } from '../security.js';

const ROLES: readonly OfficerRole[] = ['officer', 'admin'];

/** The regencies an admin may give an officer: with `wide`, also "every regency"; `several`: the deployment serves more than one. */
export interface ScopeChoice {
  several: boolean;
  wide: boolean;
  regencies: { key: string; name: string }[];
}

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
export function OfficersPage({
  t,
  officer,
  csrf,
  timeZone,
  flash,
  officers,
  temporary,
  choice,
  scopeWords,
}: PageBase & { officers: Officer[]; temporary: ReadonlySet<number>; choice: ScopeChoice; /** An officer's regency, groups and read-only, in words. */ scopeWords: (o: Officer) => string }) {
  return (
    <Layout title={t('console.officers.title')} t={t} officer={officer} csrf={csrf} active="/admin/officers" flash={flash}>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('console.officers.username')}</th>
              <th>{t('console.officers.role')}</th>
              <th>{t('console.scope.officer_scope')}</th>
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
                  <td data-scope={o.username}>
                    {scopeWords(o)}
                    {self ? null : (
                      <>
                        {' '}
                        <a href={`/admin/officers/${o.id}/scope`} aria-label={`${t('console.scope.edit')} ${o.username}`}>
                          {t('console.scope.edit')}
                        </a>
                      </>
                    )}
                  </td>
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
        {choice.several && choice.wide ? (
          <label>
            {t('console.scope.regency')}
            <br />
            <select name="regency">
              <option value="">{t('console.scope.every_regency')}</option>
              {choice.regencies.map((r) => (
                <option value={r.key}>{r.name}</option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          <input type="checkbox" name="read_only" value="1" /> {t('console.scope.read_only_label')}
        </label>
        <label>
          {t('console.officers.password')}
          <br />
          <input name="password" type="password" required minlength={MIN_PASSWORD_LENGTH} autocomplete="new-password" />
        </label>
        <p class="muted">{t(choice.wide ? 'console.officers.add_hint' : 'console.scope.add_hint_regency', { regency: choice.regencies[0]?.name ?? '-' })}</p>
        <p class="muted">{t('console.scope.groups_later')}</p>
        <button type="submit">{t('console.officers.add')}</button>
      </form>
    </Layout>
  );
}

/**
 * Who one officer works for: their regency (a deployment-wide admin chooses, or every regency),
 * the groups of it they review (an agency's: Disnakertrans the pekerja rentan, Dinas PMD the
 * village officials; none ticked: every group) and whether they only look. Choosing another
 * regency reloads the form with its groups (no script needed).
 */
export function OfficerScopePage({
  t,
  officer,
  csrf,
  flash,
  target,
  choice,
  regency,
  groups,
}: PageBase & { target: Officer; choice: ScopeChoice; regency: string | null; groups: GroupSetting[] }) {
  const several = choice.several && (choice.wide || choice.regencies.length > 1);
  return (
    <Layout title={t('console.scope.edit_title', { username: target.username })} t={t} officer={officer} csrf={csrf} active="/admin/officers" flash={flash}>
      {several ? (
        <RegencyPicker
          t={t}
          action={`/admin/officers/${target.id}/scope`}
          regencies={choice.regencies}
          selected={regency}
          every={choice.wide ? t('console.scope.every_regency') : undefined}
        />
      ) : null}
      <form class="card stack blocks" method="post" action={`/admin/officers/${target.id}/scope`}>
        <Csrf token={csrf} />
        <input type="hidden" name="regency" value={regency ?? ''} />
        {several ? <p>{t('console.scope.for_regency', { regency: regency === null ? t('console.scope.every_regency') : choice.regencies.find((r) => r.key === regency)?.name ?? regency })}</p> : null}
        {regency === null ? (
          <p class="muted">{t('console.scope.groups_need_regency')}</p>
        ) : (
          <fieldset>
            <legend>{t('console.scope.groups_title')}</legend>
            <p class="muted">{t('console.scope.groups_hint')}</p>
            {groups.map((g) => (
              <label>
                <input type="checkbox" name="group" value={g.id} checked={target.groups?.includes(g.id) ?? false} /> {g.label.id}
                {g.reviewedBy ? <small class="muted">{` (${g.reviewedBy})`}</small> : null}
              </label>
            ))}
          </fieldset>
        )}
        <label>
          <input type="checkbox" name="read_only" value="1" checked={target.readOnly} /> {t('console.scope.read_only_label')}
        </label>
        <p class="muted">{t('console.scope.read_only_hint')}</p>
        <button type="submit">{t('console.scope.save')}</button>
        <a href="/admin/officers">{t('console.scope.cancel')}</a>
      </form>
    </Layout>
  );
}
