/** @jsxImportSource hono/jsx */
import { askedFields, detailValue, type FieldDef } from '../../core/flows/registration-schema.js';
import { maskNik } from '../../domain/nik.js';
import type { ProgrammeSettings } from '../../settings.js';
import type { RegistrationRecord } from '../../storage/registrations.js';
import { birthDateWords, named, type CheckLine, type HistoryLine } from '../detail-words.js';
import { statusLabel } from '../labels.js';
import { Csrf, Layout, type PageBase } from '../layout.js';
import { keyIn } from '../../core/locale-key.js';
import { DecisionBar, DecisionNotice, type NoticeView } from './decision.js';
import { EraseForm, WithdrawalPending } from './erasure.js';

/** The registration as stored, plus what the page works out for the officer (in words). */
export interface DetailView extends Pick<RegistrationRecord, 'reference' | 'status' | 'data' | 'officerNote' | 'kpj' | 'correctionFields' | 'rejectReason'> {
  /** "lewat WhatsApp, oleh …, 22 Nov 2026 09.15". */
  submittedVia: string;
  /** How long it has waited, and for whom (ours or the person's). */
  waiting?: string;
  /** Another officer opened it moments ago (it may be decided under their hands). */
  openedBy?: string;
  /** The consent in words (when, which text, who gave it). */
  consent?: string;
  /** Made in the console's chat simulator: a test registration. */
  test: boolean;
  checks: CheckLine[];
  history: HistoryLine[];
  /** Today in the regency's zone (the age beside the birth date). */
  today: string;
  /** The latest news about it that never reached its person (or their cadre), in words. */
  unreached?: string;
  /** After a decision, or while one can still be undone. */
  notice?: NoticeView;
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
  /** Whether decisions may be taken now (an open status, no withdrawal waiting, an officer who may decide). */
  canDecide: boolean;
  /** A read-only officer: no decision, erasure, keeping or office copy is offered. */
  readOnly?: boolean;
  /** Its regency's name, when the officer sees several. */
  regency?: string | undefined;
}

/**
 * One registration: its data on the left; on the right, always in view, the decisions and the
 * automatic checks in words; the history below. A decision goes on to the next registration with
 * a notice and its undo button (pages/decision.tsx); /static/console.js adds the shortcuts.
 */
export function DetailPage({ t, officer, csrf, settings, schema, view, revealNik, flash, canDecide, readOnly = false, regency }: Props) {
  const d = view.data;
  const base = `/registrations/${view.reference}`;
  const field = (key: string, value: string | null | undefined) => (
    <>
      <dt>{t(keyIn('reg.field.', key))}</dt>
      <dd>{value ?? '-'}</dd>
    </>
  );
  const withdrawal = view.withdrawal;
  const value = (f: FieldDef): string | null => {
    const shown = detailValue(f, (d as unknown as Record<string, unknown>)[f.id], { settings, t });
    return f.id === 'birthDate' && d ? birthDateWords(t, shown, d.birthDate, view.today) : shown;
  };
  return (
    <Layout title={`${view.reference} · ${d?.fullName ?? ''}`} t={t} officer={officer} csrf={csrf} active="/queue" flash={flash}>
      {view.notice ? <DecisionNotice t={t} csrf={csrf} notice={view.notice} /> : null}
      <p class="status-line">
        <span class={`badge ${view.status}`}>{statusLabel(t, view.status)}</span>{' '}
        {regency ? <span class="badge regency">{regency}</span> : null}{' '}
        {view.test ? <span class="badge test">{t('console.queue.test_badge')}</span> : null} <span class="muted">{view.submittedVia}</span>
        {view.waiting ? (
          <>
            {' '}
            <span class="waiting">{view.waiting}</span>
          </>
        ) : null}
        {view.openedBy ? (
          <>
            {' '}
            <span class="opened-by" role="note">
              {view.openedBy}
            </span>
          </>
        ) : null}
      </p>
      {view.unreached ? (
        <p class="flash error" role="alert">
          {view.unreached}
        </p>
      ) : null}
      {withdrawal?.pending && readOnly ? (
        <p class="flash error" role="alert">
          {withdrawal.notice}
        </p>
      ) : null}
      {withdrawal?.pending && !readOnly ? <WithdrawalPending t={t} csrf={csrf} base={base} notice={withdrawal.notice} todo={withdrawal.todo} /> : null}
      {withdrawal && !withdrawal.pending ? <p class="flash">{withdrawal.kept}</p> : null}
      <div class="detail">
        <div class="detail-main">
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
                    field(f.id, value(f))
                  ),
                )}
                <dt>{t('console.detail.consent')}</dt>
                <dd>{view.consent ?? '-'}</dd>
                <dt>KPJ</dt>
                <dd>{view.kpj ?? '-'}</dd>
                {view.status === 'rejected' && view.rejectReason ? (
                  <>
                    <dt>{t('console.detail.reject_reason')}</dt>
                    <dd>{named(t, keyIn('console.reject.', view.rejectReason), view.rejectReason)}</dd>
                  </>
                ) : null}
                <dt>{t('console.detail.note')}</dt>
                <dd>{view.officerNote ?? '-'}</dd>
              </dl>
            ) : (
              <p>{view.erased ?? t('console.detail.deleted')}</p>
            )}
          </section>
          <section class="card">
            <h2>{t('console.detail.history')}</h2>
            {readOnly ? null : (
              <p>
                <a href={`${base}/access-copy`}>{t('access.office.link')}</a>
              </p>
            )}
            <ol class="history">
              {view.history.map((e) => (
                <li>
                  <span class="muted">{e.when}</span>
                  {` · ${e.who} · ${e.what}`}
                  {e.toStatus ? ` → ${e.toStatus}` : ''}
                  {e.note ? ` · ${e.note}` : ''}
                  {e.changes.length ? (
                    <ul class="changes">
                      {e.changes.map((c) => (
                        <li>{c}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
          {view.status !== 'deleted' && !withdrawal?.pending && !readOnly ? (
            <details class="erase">
              <summary>{t('console.erase.title')}</summary>
              <EraseForm t={t} csrf={csrf} base={base} />
            </details>
          ) : null}
        </div>
        <aside class="decide">
          {canDecide && d ? <DecisionBar t={t} csrf={csrf} base={base} settings={settings} schema={schema} canApprove={view.status !== 'approved'} /> : null}
          <section class="card">
            <h2>{t('console.detail.checks')}</h2>
            {view.checks.length ? (
              <ul class="checks">
                {view.checks.map((c) => (
                  <li>
                    <strong>{c.label}</strong>
                    {c.detail ? <span class="what">{c.detail}</span> : null}
                    {c.todo ? <span class="todo">{c.todo}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{t('console.detail.no_checks')}</p>
            )}
            {view.correctionFields.length ? (
              <p>{t('console.detail.correction_asked', { fields: view.correctionFields.map((f) => t(keyIn('reg.field.', f))).join(', ') })}</p>
            ) : null}
          </section>
        </aside>
      </div>
      <script src="/static/console.js" defer />
    </Layout>
  );
}
