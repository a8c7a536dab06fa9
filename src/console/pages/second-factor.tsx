/** @jsxImportSource hono/jsx */
import { renderSVG } from 'uqr';
import type { T } from '../../core/types.js';
import { FIELD_LIMITS } from '../limits.js';
import { Csrf, Layout, type PageBase } from '../layout.js';
import { groupedSecret } from '../second-factor.js';

/** The code field of every second-factor form (a TOTP code or a recovery code). */
export function CodeInput({ t, autofocus }: { t: T; autofocus?: boolean }) {
  return (
    <label>
      {t('console.second_factor.code')}
      <br />
      <input name="code" inputmode="numeric" autocomplete="one-time-code" maxlength={FIELD_LIMITS.code} required autofocus={autofocus} />
    </label>
  );
}

/** After a right password: the code from the authenticator app (or a recovery code). */
export function SecondFactorPage({ t, csrf, next, error }: { t: T; csrf: string; next: string; error?: string }) {
  return (
    <Layout title={t('console.second_factor.title')} t={t} officer={null} csrf={csrf} flash={error ? { text: error, error: true } : undefined}>
      <form method="post" action="/login/verify" class="card stack">
        <Csrf token={csrf} />
        <input type="hidden" name="next" value={next} />
        <p>{t('console.second_factor.intro')}</p>
        <CodeInput t={t} autofocus />
        <button type="submit">{t('console.second_factor.submit')}</button>
      </form>
      <form method="post" action="/logout">
        <Csrf token={csrf} />
        <button class="secondary" type="submit">
          {t('console.second_factor.cancel')}
        </button>
      </form>
    </Layout>
  );
}

/** Enrolment: the otpauth:// URI as a QR code and the secret as text, then a first code to confirm. */
export function EnrolPage({ t, officer, csrf, flash, secret, uri, required }: PageBase & { secret: string; uri: string; required: boolean }) {
  return (
    <Layout title={t('console.enrol.title')} t={t} officer={officer} csrf={csrf} flash={flash}>
      <p>{t(required ? 'console.enrol.required' : 'console.enrol.optional')}</p>
      <section class="card stack">
        <p>{t('console.enrol.scan')}</p>
        <div class="qr" role="img" aria-label={t('console.enrol.qr')} dangerouslySetInnerHTML={{ __html: renderSVG(uri) }} />
        <p>
          {t('console.enrol.secret')}
          <br />
          <code class="secret">{groupedSecret(secret)}</code>
        </p>
      </section>
      <form method="post" action="/account/2fa" class="card stack">
        <Csrf token={csrf} />
        <label>
          {t('console.enrol.code')}
          <br />
          <input name="code" inputmode="numeric" autocomplete="one-time-code" maxlength={FIELD_LIMITS.code} required autofocus />
        </label>
        <button type="submit">{t('console.enrol.submit')}</button>
      </form>
    </Layout>
  );
}

/** Shown once, right after enrolment: the recovery codes (only their hashes are kept). */
export function RecoveryCodesPage({ t, officer, csrf, codes }: PageBase & { codes: string[] }) {
  return (
    <Layout title={t('console.enrol.codes_title')} t={t} officer={officer} csrf={csrf}>
      <p>{t('console.enrol.codes_intro')}</p>
      <ol class="card recovery-codes">
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <a class="button" href="/queue">
          {t('console.enrol.continue')}
        </a>
      </p>
    </Layout>
  );
}

/** The officer's own account: second factor on or off, recovery codes left, export permission. */
export function AccountPage({ t, officer, csrf, flash, recoveryCodesLeft }: PageBase & { recoveryCodesLeft: number }) {
  return (
    <Layout title={t('console.account.title')} t={t} officer={officer} csrf={csrf} flash={flash}>
      <section class="card stack">
        <h2>{t('console.account.second_factor')}</h2>
        {officer.secondFactor ? (
          <>
            <p>{t('console.account.second_factor_on', { left: recoveryCodesLeft })}</p>
            <p class="muted">{t('console.account.lost')}</p>
          </>
        ) : (
          <>
            <p>{t('console.account.second_factor_off')}</p>
            <p>
              <a class="button" href="/account/2fa">
                {t('console.account.enrol')}
              </a>
            </p>
          </>
        )}
      </section>
      <section class="card">
        <h2>{t('console.account.export')}</h2>
        <p>{t(officer.exportNik ? 'console.account.export_nik_yes' : 'console.account.export_nik_no')}</p>
      </section>
    </Layout>
  );
}
