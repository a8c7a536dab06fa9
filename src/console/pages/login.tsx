/** @jsxImportSource hono/jsx */
import type { T } from '../../core/types.js';
import { Csrf, Layout } from '../layout.js';

/** The login form; `error` says why the last attempt failed, without telling which part was wrong. */
export function LoginPage({ t, csrf, next, error, noOfficers }: { t: T; csrf: string; next: string; error?: string; noOfficers: boolean }) {
  return (
    <Layout title={t('console.login.title')} t={t} officer={null} csrf={csrf} flash={error ? { text: error, error: true } : undefined}>
      <form method="post" action="/login" class="card stack">
        <Csrf token={csrf} />
        <input type="hidden" name="next" value={next} />
        <label>
          {t('console.login.username')}
          <br />
          <input name="username" autocomplete="username" required autofocus />
        </label>
        <label>
          {t('console.login.password')}
          <br />
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <button type="submit">{t('console.login.submit')}</button>
      </form>
      {noOfficers ? <p class="muted">{t('console.login.no_officers')}</p> : null}
    </Layout>
  );
}
