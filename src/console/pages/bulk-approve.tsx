/** @jsxImportSource hono/jsx */
import { Csrf, Layout, type PageBase } from '../layout.js';

export interface BulkCandidate {
  reference: string;
  name: string | null;
  place: string;
  /** Made in the simulator. */
  test: boolean;
}

export interface BulkSkip {
  reference: string;
  /** Why it cannot be approved, in words. */
  reason: string;
}

interface Props extends PageBase {
  approvable: BulkCandidate[];
  skipped: BulkSkip[];
  /** The queue page the officer came from (already checked to be one of ours). */
  back: string;
  /** The undo window in seconds (0: each person is told at once). */
  undoSeconds: number;
}

/**
 * The confirmation of a bulk approval: how many will be approved (each person is told when the
 * undo window ends), which ones, and which were skipped and why. Nothing changes until "Ya, setujui N" is pressed.
 */
export function BulkApprovePage(p: Props) {
  const { t } = p;
  const n = p.approvable.length;
  return (
    <Layout title={t('console.queue.bulk.title')} t={t} officer={p.officer} csrf={p.csrf} active="/queue" flash={p.flash}>
      {n > 0 ? (
        <p class="confirm-question">
          <strong>{p.undoSeconds > 0 ? t('console.queue.bulk.question', { n, seconds: p.undoSeconds }) : t('console.queue.bulk.question_now', { n })}</strong>
        </p>
      ) : (
        <p class="flash error">{t('console.queue.bulk.none')}</p>
      )}
      {n > 0 ? (
        <div class="table-wrap">
          <table class="confirm-list">
            <thead>
              <tr>
                <th>{t('console.queue.reference')}</th>
                <th>{t('console.queue.name')}</th>
                <th>{t('console.queue.place')}</th>
              </tr>
            </thead>
            <tbody>
              {p.approvable.map((r) => (
                <tr>
                  <td>
                    {r.reference}
                    {r.test ? (
                      <span class="badge test" title={t('console.queue.test_badge_hint')}>
                        {t('console.queue.test_badge')}
                      </span>
                    ) : null}
                  </td>
                  <td>{r.name ?? '-'}</td>
                  <td>{r.place}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {p.skipped.length > 0 ? (
        <div class="skipped">
          <p>{t('console.queue.bulk.skipped', { n: p.skipped.length })}</p>
          <ul>
            {p.skipped.map((s) => (
              <li>{`${s.reference}: ${s.reason}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action="/queue/approve" class="pager">
        <Csrf token={p.csrf} />
        <input type="hidden" name="back" value={p.back} />
        <input type="hidden" name="confirm" value="1" />
        <input type="hidden" name="skipped" value={String(p.skipped.length)} />
        {p.approvable.map((r) => (
          <input type="hidden" name="ref" value={r.reference} />
        ))}
        {n > 0 ? <button type="submit">{t('console.queue.bulk.confirm', { n })}</button> : null}
        <a class="button secondary" href={p.back}>
          {t('console.queue.bulk.cancel')}
        </a>
      </form>
    </Layout>
  );
}
