/** @jsxImportSource hono/jsx */
import { formatNumber } from '../charts.js';
import { Csrf, Layout, type PageBase } from '../layout.js';

/** One regency served, as the settings page lists it. */
export interface ServedRegency {
  key: string;
  name: string;
  /** The settings file it is read from. */
  path: string | undefined;
  groups: number;
  /** Settings still to fill in. */
  unfilled: number;
}

/**
 * The regencies served and their settings files, with the button that reads the files again (no
 * restart); after it, which regencies changed, or every problem found (then nothing changed).
 */
export function SettingsPage({
  t,
  officer,
  csrf,
  flash,
  regencies,
  result,
}: PageBase & { regencies: ServedRegency[]; /** The outcome of a reload just made; `changed` in names. */ result?: { ok: boolean; changed: string[]; errors: string[] } | undefined }) {
  return (
    <Layout title={t('console.scope.settings_title')} t={t} officer={officer} csrf={csrf} active="/admin/regencies" flash={flash}>
      {result?.ok ? (
        <p class="flash" role="status" data-reload="ok">
          {result.changed.length > 0 ? t('console.scope.reload_changed', { regencies: result.changed.join(', ') }) : t('console.scope.reload_unchanged')}
        </p>
      ) : null}
      {result && !result.ok ? (
        <section class="flash error" role="alert" data-reload="failed">
          <p>
            <strong>{t('console.scope.reload_failed')}</strong>
          </p>
          <ul>
            {result.errors.map((e) => (
              <li>
                <code>{e}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div class="table-wrap">
        <table class="figures">
          <thead>
            <tr>
              <th>{t('console.scope.regency')}</th>
              <th>{t('console.scope.code')}</th>
              <th>{t('console.scope.file')}</th>
              <th class="num">{t('console.scope.groups_count')}</th>
              <th class="num">{t('console.scope.col_unfilled')}</th>
            </tr>
          </thead>
          <tbody>
            {regencies.map((r) => (
              <tr data-regency={r.key}>
                <td>
                  <a href={`/dashboard?regency=${encodeURIComponent(r.key)}`}>{r.name}</a>
                </td>
                <td>
                  <code>{r.key}</code>
                </td>
                <td>
                  <code>{r.path ?? '-'}</code>
                </td>
                <td class="num">{formatNumber(r.groups)}</td>
                <td class="num">{r.unfilled > 0 ? t('console.scope.unfilled_n', { n: r.unfilled }) : t('console.scope.unfilled_none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form class="card stack" method="post" action="/admin/regencies/reload">
        <Csrf token={csrf} />
        <p class="muted">{t('console.scope.reload_hint')}</p>
        <button type="submit">{t('console.scope.reload')}</button>
      </form>
    </Layout>
  );
}
