/** @jsxImportSource hono/jsx */
import { askedFields, type FieldDef } from '../../core/flows/registration-schema.js';
import { keyIn } from '../../core/locale-key.js';
import type { T } from '../../core/types.js';
import type { ProgrammeSettings } from '../../settings.js';
import { REJECT_REASONS } from '../labels.js';
import { Csrf, Layout, type PageBase } from '../layout.js';

/** The keys of the detail page's shortcuts (console.js), in the order the page lists them. */
export const SHORTCUTS = ['s', 'k', 't', 'p', 'n', 'u'] as const;

/** A key cap beside a button's words. */
const Key = ({ k }: { k: string }) => <kbd aria-hidden="true">{k.toUpperCase()}</kbd>;

/** What the officer is told after a decision (or while one of theirs can still be undone), with the undo button. */
export interface NoticeView {
  lines: string[];
  /**
   * Where the undo button posts (one registration's undo, or the queue's for a bulk approval with
   * its references), its words when not the plain "Batalkan", and how long it may still (ms).
   */
  undo?: { action: string; refs?: string[]; back?: string; label?: string; remainingMs: number };
}

/** The notice after a decision: what was done, when the person is told, and "Batalkan" while it can be. */
export function DecisionNotice({ t, csrf, notice }: { t: T; csrf: string; notice: NoticeView }) {
  return (
    <section class="flash notice" role="status" data-undo-ms={notice.undo ? String(notice.undo.remainingMs) : undefined}>
      {notice.lines.map((line) => (
        <p>{line}</p>
      ))}
      {notice.undo ? (
        <form method="post" action={notice.undo.action}>
          <Csrf token={csrf} />
          {notice.undo.back ? <input type="hidden" name="back" value={notice.undo.back} /> : null}
          {(notice.undo.refs ?? []).map((r) => (
            <input type="hidden" name="ref" value={r} />
          ))}
          <button class="secondary" type="submit" data-key="u">
            {notice.undo.label ?? t('console.detail.undo')} <Key k="u" />
          </button>
          <span class="muted" data-undo-gone hidden>
            {t('console.detail.undo_gone')}
          </span>
        </form>
      ) : null}
    </section>
  );
}

interface BarProps {
  t: T;
  csrf: string;
  base: string;
  settings: ProgrammeSettings;
  schema: readonly FieldDef[];
  /** False for an approved registration (only KPJ, correction and reject are left). */
  canApprove: boolean;
}

/**
 * The decisions, always in view beside the data: approve, the KPJ, a correction request and a
 * rejection (the last two open in place), the next registration, and the keyboard shortcuts.
 * Forms carry `novalidate`: the server checks and answers in Indonesian, never the browser.
 */
export function DecisionBar({ t, csrf, base, settings, schema, canApprove }: BarProps) {
  return (
    <section class="card decide-bar" aria-label={t('console.detail.decisions')}>
      <h2>{t('console.detail.decisions')}</h2>
      <div class="decide-row">
        {canApprove ? (
          <form method="post" action={`${base}/approve`}>
            <Csrf token={csrf} />
            <button type="submit" data-key="s">
              {t('console.detail.approve')} <Key k="s" />
            </button>
          </form>
        ) : null}
        <a class="button secondary" href={`${base}/next`} data-key="n" title={t('console.detail.next_hint')}>
          {t('console.detail.next')} <Key k="n" />
        </a>
      </div>
      <form class="decide-row" method="post" action={`${base}/kpj`} novalidate>
        <Csrf token={csrf} />
        <label class="sr-only" for="kpj">
          {t('console.detail.kpj')}
        </label>
        <input id="kpj" name="kpj" inputmode="numeric" autocomplete="off" maxlength={20} placeholder={`KPJ: ${t('console.detail.kpj_placeholder')}`} title={t('console.detail.kpj')} data-key="p" />
        <button class="secondary" type="submit">
          {t('console.detail.kpj_save')}
        </button>
      </form>
      <details data-key="k">
        <summary>
          {t('console.detail.correction')} <Key k="k" />
        </summary>
        <form class="stack" method="post" action={`${base}/correction`} novalidate>
          <Csrf token={csrf} />
          <div class="correction-fields">
            {askedFields(schema, settings)
              .filter((f) => f.correctable !== false)
              .map(({ id: f }) => (
                <label class="choice">
                  <input type="checkbox" name="field" value={f} /> {t(keyIn('reg.field.', f))}
                </label>
              ))}
          </div>
          <textarea name="note" rows={2} placeholder={t('console.detail.note_hint')} aria-label={t('console.detail.note')} />
          <button type="submit">{t('console.detail.correction_send')}</button>
        </form>
      </details>
      <details data-key="t">
        <summary>
          {t('console.detail.reject')} <Key k="t" />
        </summary>
        <form class="stack" method="post" action={`${base}/reject`} novalidate>
          <Csrf token={csrf} />
          <select name="reason" aria-label={t('console.detail.reason')}>
            <option value="" selected>
              {t('console.detail.reject_choose')}
            </option>
            {REJECT_REASONS.map((r) => (
              <option value={r}>{t(`console.reject.${r}`)}</option>
            ))}
          </select>
          <textarea name="note" rows={2} placeholder={t('console.detail.note_hint')} aria-label={t('console.detail.note')} />
          <button class="danger" type="submit">
            {t('console.detail.reject_continue')}
          </button>
        </form>
      </details>
      <p class="muted keys">
        {t('console.detail.shortcuts')}
        {SHORTCUTS.map((k) => (
          <span>
            <kbd>{k.toUpperCase()}</kbd>
            {t(`console.detail.key.${k}`)}
          </span>
        ))}
        <span>
          <kbd>Esc</kbd>
          {t('console.detail.key.esc')}
        </span>
      </p>
    </section>
  );
}

/** The rejection's second step: the reason and note as the person will get them, then yes or back. */
export function RejectConfirmPage(
  props: PageBase & { reference: string; name: string; reason: string; note: string; undoSeconds: number },
) {
  const { t, officer, csrf, reference, name, reason, note, undoSeconds } = props;
  const base = `/registrations/${reference}`;
  return (
    <Layout title={t('console.detail.reject_confirm_title', { reference })} t={t} officer={officer} csrf={csrf} active="/queue">
      <section class="card stack reject-confirm">
        <p>{t('console.detail.reject_confirm_intro', { name })}</p>
        <dl class="fields">
          <dt>{t('console.detail.reason')}</dt>
          <dd>{t(keyIn('console.reject.', reason))}</dd>
          <dt>{t('console.detail.note')}</dt>
          <dd>{note || t('console.detail.note_none')}</dd>
        </dl>
        {undoSeconds > 0 ? <p class="muted">{t('console.detail.reject_confirm_undo', { seconds: undoSeconds })}</p> : null}
        <form method="post" action={`${base}/reject`} class="decide-row">
          <Csrf token={csrf} />
          <input type="hidden" name="reason" value={reason} />
          <input type="hidden" name="note" value={note} />
          <input type="hidden" name="confirm" value="yes" />
          <button class="danger" type="submit" autofocus>
            {t('console.detail.reject_confirm_yes')}
          </button>
          <a class="button secondary" href={base}>
            {t('console.detail.reject_confirm_back')}
          </a>
        </form>
      </section>
    </Layout>
  );
}
