/** @jsxImportSource hono/jsx */
import type { ExportPreset } from '../export.js';
import { FIELD_LIMITS } from '../limits.js';
import { Csrf, Layout, type PageBase } from '../layout.js';
import { CodeInput } from './second-factor.js';

/**
 * Export with the full NIK and phone number: the password again (and a code when the officer has a
 * second factor) right before the file is made. The file comes as the answer to this form.
 */
export function ExportFullPage({ t, officer, csrf, flash, query, format, preset }: PageBase & { query: string; format: 'csv' | 'xlsx'; preset: ExportPreset }) {
  return (
    <Layout title={t('console.export.title')} t={t} officer={officer} csrf={csrf} active="/queue" flash={flash}>
      <form method="post" action="/export/full" class="card stack">
        <Csrf token={csrf} />
        <input type="hidden" name="query" value={query} />
        <p>{t(officer.secondFactor ? 'console.export.intro_code' : 'console.export.intro')}</p>
        <label>
          {t('console.export.format')}
          <br />
          <select name="format">
            <option value="csv" selected={format === 'csv'}>
              CSV
            </option>
            <option value="xlsx" selected={format === 'xlsx'}>
              XLSX
            </option>
          </select>
        </label>
        <label>
          {t('console.export.preset')}
          <br />
          <select name="preset">
            <option value="all" selected={preset === 'all'}>
              {t('console.export.preset_all')}
            </option>
            <option value="bpjs" selected={preset === 'bpjs'}>
              {t('console.export.preset_bpjs')}
            </option>
          </select>
        </label>
        <label>
          {t('console.login.password')}
          <br />
          <input name="password" type="password" autocomplete="current-password" maxlength={FIELD_LIMITS.password} required autofocus />
        </label>
        {officer.secondFactor ? <CodeInput t={t} /> : null}
        <button type="submit">{t('console.export.submit')}</button>
      </form>
      <p class="muted">{t('console.export.after')}</p>
      <p>
        <a href={`/queue${query ? `?${query}` : ''}`}>{t('console.export.back')}</a>
      </p>
    </Layout>
  );
}
