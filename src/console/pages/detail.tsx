/** @jsxImportSource hono/jsx */
import { askedFields, detailValue, type FieldDef } from '../../core/flows/registration-schema.js';
import { DECIDABLE_STATUSES } from '../../core/types.js';
import { maskNik } from '../../domain/nik.js';
import type { ProgrammeSettings } from '../../settings.js';
import type { RegistrationRecord } from '../../storage/registrations.js';
import { formatWhen, REJECT_REASONS, statusLabel } from '../labels.js';
import { Csrf, Layout, type PageBase } from '../layout.js';
import { keyIn } from '../../core/locale-key.js';
import { EraseForm, WithdrawalPending } from './erasure.js';

/** The registration as stored, plus what the page works out for the officer. */
export interface DetailView extends Pick<RegistrationRecord, 'reference' | 'status' | 'data' | 'officerNote' | 'kpj' | 'correctionFields' | 'channel' | 'createdAt'> {
  submittedBy: string;
  checks: string[];
  /** The latest news about it that never reached its person (or their cadre), in words. */
  unreached?: string;
  events: { at: number; actorKind: string; actorId: string | null; action: string; fromStatus: string | null; toStatus: string | null; note?: string }[];
  /** A consent withdrawn after approval: what the officer must do while it waits, or why it was kept. */
  withdrawal?: { pending: true; notice: string; todo: string } | { pending: false; kept: string };
  /** Once erased: when, by whom and why (all that is left). */
  erased?: string;
}

interface Props extends PageBase {
  settings: ProgrammeSettings;
  /** The registration's fields (the app's schema). */
  schema: readonly FieldDef[];
  view: DetailView;
  revealNik: boolean;
}

/** Every field of one registration, its automatic checks and history, and the decisions. */
export function DetailPage({ t, officer, csrf, settings, schema, timeZone, view, revealNik, flash }: Props) {
  const d = view.data;
  const base = `/registrations/${view.reference}`;
  const field = (key: string, value: string | null | undefined) => (
    <>
      <dt>{t(keyIn('reg.field.', key))}</dt>
      <dd>{value ?? '-'}</dd>
    </>
  );
  const withdrawal = view.withdrawal;
  // A withdrawal waiting for an officer allows only keeping or erasing.
  const canDecide = DECIDABLE_STATUSES.includes(view.status) && !withdrawal?.pending;
  return (
    <Layout title={`${view.reference} · ${d?.fullName ?? ''}`} t={t} officer={officer} csrf={csrf} active="/queue" flash={flash}>
      <p>
        <span class={`badge ${view.status}`}>{statusLabel(t, view.status)}</span>{' '}
        <span class="muted">{t('console.detail.submitted_via', { channel: view.channel, by: view.submittedBy, when: formatWhen(view.createdAt, timeZone) })}</span>
      </p>
      {view.unreached ? (
        <p class="flash error" role="alert">
          {view.unreached}
        </p>
      ) : null}
      {withdrawal?.pending ? <WithdrawalPending t={t} csrf={csrf} base={base} notice={withdrawal.notice} todo={withdrawal.todo} /> : null}
      {withdrawal && !withdrawal.pending ? <p class="flash">{withdrawal.kept}</p> : null}
      <div class="grid">
        <section class="card">
          <h2>{t('console.detail.data')}</h2>
          {d ? (
            <dl class="fields">
              {askedFields(schema, settings).map((f) =>
                f.id === 'nik' ? (
                  <>
                    <dt>NIK</dt>
                    <dd>
                      {revealNik ? d.nik : maskNik(d.nik)}{' '}
                      {revealNik ? null : (
                        <form method="post" action={`${base}/reveal`} class="inline">
                          <Csrf token={csrf} />
                          <button class="secondary" type="submit">
                            {t('console.detail.show_nik')}
                          </button>
                        </form>
                      )}
                    </dd>
                  </>
                ) : (
                  field(f.id, detailValue(f, (d as unknown as Record<string, unknown>)[f.id], { settings, t }))
                ),
              )}
              <dt>{t('console.detail.consent')}</dt>
              <dd>{`${d.consentAt.slice(0, 10)} (${d.consentVersion}, ${d.consentBy ?? 'applicant'})`}</dd>
              <dt>KPJ</dt>
              <dd>{view.kpj ?? '-'}</dd>
              <dt>{t('console.detail.note')}</dt>
              <dd>{view.officerNote ?? '-'}</dd>
            </dl>
          ) : (
            <p>{view.erased ?? t('console.detail.deleted')}</p>
          )}
        </section>
        <section class="card">
          <h2>{t('console.detail.checks')}</h2>
          {view.checks.length ? (
            <ul class="checks">
              {view.checks.map((c) => (
                <li>{t(keyIn('console.check.', c))}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('console.detail.no_checks')}</p>
          )}
          {view.correctionFields.length ? (
            <p>{t('console.detail.correction_asked', { fields: view.correctionFields.map((f) => t(keyIn('reg.field.', f))).join(', ') })}</p>
          ) : null}
          <h2>{t('console.detail.history')}</h2>
          <p>
            <a href={`${base}/access-copy`}>{t('access.office.link')}</a>
          </p>
          <ol class="muted">
            {view.events.map((e) => (
              <li>
                {`${formatWhen(e.at, timeZone)} · ${e.actorKind}${e.actorId ? ` ${e.actorId}` : ''} · ${e.action}`}
                {e.toStatus ? ` → ${statusLabel(t, e.toStatus)}` : ''}
                {e.note ? ` · ${e.note}` : ''}
              </li>
            ))}
          </ol>
        </section>
      </div>
      {canDecide && d ? (
        <div class="grid">
          {view.status !== 'approved' ? (
            <form class="card stack" method="post" action={`${base}/approve`}>
              <Csrf token={csrf} />
              <h2>{t('console.detail.approve')}</h2>
              <button type="submit">{t('console.detail.approve')}</button>
            </form>
          ) : null}
          <form class="card stack" method="post" action={`${base}/kpj`}>
            <Csrf token={csrf} />
            <h2>{t('console.detail.kpj')}</h2>
            <input name="kpj" inputmode="numeric" pattern="[0-9]{11}" required placeholder="12345678901" aria-label="KPJ" />
            <button type="submit">{t('console.detail.kpj_save')}</button>
          </form>
          <form class="card stack" method="post" action={`${base}/correction`}>
            <Csrf token={csrf} />
            <h2>{t('console.detail.correction')}</h2>
            <div>
              {askedFields(schema, settings).filter((f) => f.correctable !== false).map(({ id: f }) => (
                <label class="choice">
                  <input type="checkbox" name="field" value={f} /> {t(keyIn('reg.field.', f))}
                </label>
              ))}
            </div>
            <textarea name="note" rows={2} required placeholder={t('console.detail.note_hint')} aria-label={t('console.detail.note')} />
            <button type="submit">{t('console.detail.correction_send')}</button>
          </form>
          <form class="card stack" method="post" action={`${base}/reject`}>
            <Csrf token={csrf} />
            <h2>{t('console.detail.reject')}</h2>
            <select name="reason" required aria-label={t('console.detail.reason')}>
              {REJECT_REASONS.map((r) => (
                <option value={r}>{t(`console.reject.${r}`)}</option>
              ))}
            </select>
            <textarea name="note" rows={2} placeholder={t('console.detail.note_hint')} aria-label={t('console.detail.note')} />
            <button class="danger" type="submit">
              {t('console.detail.reject')}
            </button>
          </form>
        </div>
      ) : null}
      {view.status !== 'deleted' && !withdrawal?.pending ? <EraseForm t={t} csrf={csrf} base={base} /> : null}
    </Layout>
  );
}
