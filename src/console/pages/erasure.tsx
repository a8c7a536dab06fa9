/** @jsxImportSource hono/jsx */
import { ERASE_REASONS, KEEP_REASONS, type EraseReason } from '../../app/officer-erasure.js';
import type { T } from '../../core/types.js';
import { Csrf } from '../layout.js';

/**
 * The erase form: a reason from the fixed list, an optional note without personal data, and a
 * confirmation to tick (an erasure cannot be undone). `suggested`: the reason chosen beforehand.
 */
export function EraseForm({ t, csrf, base, suggested }: { t: T; csrf: string; base: string; suggested?: EraseReason }) {
  return (
    <form class="card stack" method="post" action={`${base}/erase`} novalidate>
      <Csrf token={csrf} />
      <h2>{t('console.erase.title')}</h2>
      <p class="muted">{t('console.erase.intro')}</p>
      <select name="reason" required aria-label={t('console.erase.reason')}>
        <option value="">{t('console.erase.choose')}</option>
        {ERASE_REASONS.map((r) => (
          <option value={r} selected={r === suggested}>
            {t(`console.erase.reasons.${r}`)}
          </option>
        ))}
      </select>
      <textarea name="note" rows={2} maxlength={200} placeholder={t('console.erase.note_hint')} aria-label={t('console.erase.note')} />
      <label class="choice">
        <input type="checkbox" name="confirm" value="yes" required /> {t('console.erase.confirm')}
      </label>
      <button class="danger" type="submit">
        {t('console.erase.submit')}
      </button>
    </form>
  );
}

/**
 * A consent withdrawn after approval and not yet acted on: the notice (when, what to do, what is
 * blocked meanwhile), and the two ways on: keep for a legal reason, or erase.
 */
export function WithdrawalPending({ t, csrf, base, notice, todo }: { t: T; csrf: string; base: string; notice: string; todo: string }) {
  return (
    <>
      <section class="flash error" role="alert">
        <h2>{t('console.withdrawal.title')}</h2>
        <p>{notice}</p>
        <p>{todo}</p>
        <p>{t('console.withdrawal.blocked')}</p>
      </section>
      <div class="grid">
        <form class="card stack" method="post" action={`${base}/keep`} novalidate>
          <Csrf token={csrf} />
          <h2>{t('console.withdrawal.keep_title')}</h2>
          <select name="reason" required aria-label={t('console.withdrawal.keep_reason')}>
            <option value="">{t('console.erase.choose')}</option>
            {KEEP_REASONS.map((r) => (
              <option value={r}>{t(`console.withdrawal.keep_reasons.${r}`)}</option>
            ))}
          </select>
          <textarea name="note" rows={2} maxlength={200} placeholder={t('console.erase.note_hint')} aria-label={t('console.withdrawal.keep_note')} />
          <button type="submit">{t('console.withdrawal.keep_submit')}</button>
        </form>
        <EraseForm t={t} csrf={csrf} base={base} suggested="consent_withdrawn" />
      </div>
    </>
  );
}
