/** @jsxImportSource hono/jsx */
import { keyIn } from '../../core/locale-key.js';
import type { T } from '../../core/types.js';
import { CADRE_ROLES, type Invite } from '../../storage/cadres.js';
import { formatWhen } from '../labels.js';
import { Csrf, Layout, RegencyPicker, type PageBase } from '../layout.js';

/** A cadre's village role in words: "kader posyandu", "ketua RT/RW". */
const cadreRole = (t: T, role: string): string => t(keyIn('cadre.role.', role));

/** Admin: cadre invites, who enrolled, revoke; a form for a new invite; a word when there is none yet. */
export function InvitesPage({
  t,
  officer,
  csrf,
  timeZone,
  flash,
  invites,
  desas,
  link,
  now,
  regencies,
  regency,
  regencyName,
}: PageBase & {
  invites: Invite[];
  /** The desa of the regency the form makes invites in. */
  desas: string[];
  link: (code: string) => string;
  now: number;
  /** The regencies the admin makes invites in, when several: the form is for one of them at a time (`regency`). */
  regencies?: { key: string; name: string }[] | undefined;
  regency?: string | undefined;
  regencyName: (key: string) => string;
}) {
  const state = (i: Invite) =>
    i.revokedAt ? t('console.invites.revoked') : i.usedBy ? t('console.invites.used', { person: i.usedBy }) : i.expiresAt <= now ? t('console.invites.expired') : t('console.invites.valid');
  return (
    <Layout title={t('console.invites.title')} t={t} officer={officer} csrf={csrf} active="/admin/invites" flash={flash}>
      {regencies ? <RegencyPicker t={t} action="/admin/invites" regencies={regencies} selected={regency} /> : null}
      <form class="card filters" method="post" action="/admin/invites">
        <Csrf token={csrf} />
        {regencies && regency ? (
          <>
            <input type="hidden" name="regency" value={regency} />
            <strong>{regencyName(regency)}</strong>
          </>
        ) : null}
        <label>
          {t('console.queue.desa')}
          <select name="desa">
            {desas.map((d) => (
              <option value={d}>{d}</option>
            ))}
          </select>
        </label>
        <label>
          {t('console.invites.role')}
          <select name="role">
            {CADRE_ROLES.map((r) => (
              <option value={r}>{cadreRole(t, r)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('console.invites.days')}
          <input name="days" type="number" min={1} max={365} value="14" />
        </label>
        <button type="submit">{t('console.invites.create')}</button>
      </form>
      {invites.length === 0 ? (
        <p class="card empty-state">{t('console.invites.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('console.invites.code')}</th>
                {regencies ? <th>{t('console.scope.regency')}</th> : null}
                <th>{t('console.queue.desa')}</th>
                <th>{t('console.invites.role')}</th>
                <th>{t('console.invites.state')}</th>
                <th>{t('console.invites.expires')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {invites.map((i) => (
                <tr>
                  <td>
                    <code>{i.code}</code>
                    <br />
                    <small class="muted">{link(i.code)}</small>
                  </td>
                  {regencies ? <td>{regencyName(i.regency)}</td> : null}
                  <td>{`${i.desa} (${i.kecamatan})`}</td>
                  <td>{cadreRole(t, i.role)}</td>
                  <td>{state(i)}</td>
                  <td>{formatWhen(i.expiresAt, timeZone)}</td>
                  <td>
                    {!i.revokedAt && !i.usedBy ? (
                      <form method="post" action={`/admin/invites/${i.code}/revoke`}>
                        <Csrf token={csrf} />
                        <button class="danger" type="submit" aria-label={`${t('console.invites.revoke')} ${i.code}`}>
                          {t('console.invites.revoke')}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
