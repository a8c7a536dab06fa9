/** @jsxImportSource hono/jsx */
import type { Question } from '../../app/questions.js';
import type { TaughtPhrasing, UnmatchedSummary } from '../../storage/faq-phrasings.js';
import { formatWhen } from '../labels.js';
import { Csrf, Layout, type PageBase } from '../layout.js';

/** The <select> value for "out of scope" (never a knowledge-base topic id). */
export const OUT_OF_SCOPE = '-';

/** A topic an officer can choose, with its title in the officer's language. */
export interface TopicChoice {
  id: string;
  title: string;
}

type Props = PageBase & {
  open: Question[];
  answered: Question[];
  unmatched: UnmatchedSummary[];
  /** Sorted by title. */
  topics: TopicChoice[];
  taught: TaughtPhrasing[];
  /** May teach the bot (the unmatched and taught lists are shown). */
  teaching?: boolean;
  /** A read-only officer: questions are shown without an answer form. */
  readOnly?: boolean;
  /** An officer who sees several regencies: the regency each question was asked in. */
  regencyName?: ((key: string) => string) | undefined;
};

/** Open questions from the bot, each with an answer form; what the bot did not understand, to teach it; recent answers. */
export function QuestionsPage({ t, officer, csrf, timeZone, flash, open, answered, unmatched, topics, taught, teaching = true, readOnly = false, regencyName }: Props) {
  return (
    <Layout title={t('console.questions.title')} t={t} officer={officer} csrf={csrf} active="/questions" flash={flash}>
      {open.length === 0 ? <p class="muted">{t('console.questions.none')}</p> : null}
      {open.map((q) => {
        const head = `#${q.id} · ${q.channel} · ${formatWhen(q.createdAt, timeZone)}${regencyName ? ` · ${regencyName(q.regency)}` : ''}`;
        return readOnly ? (
          <div class="card">
            <p class="muted">{head}</p>
            <p>{q.text}</p>
          </div>
        ) : (
          <form class="card stack" method="post" action={`/questions/${q.id}/answer`}>
            <Csrf token={csrf} />
            <p class="muted">{head}</p>
            <p>{q.text}</p>
            <textarea name="answer" rows={3} required aria-label={t('console.questions.answer')} />
            <button type="submit">{t('console.questions.send')}</button>
          </form>
        );
      })}
      {teaching ? <Teaching t={t} csrf={csrf} timeZone={timeZone} unmatched={unmatched} topics={topics} taught={taught} /> : null}
      {answered.length ? <h2>{t('console.questions.answered')}</h2> : null}
      {answered.map((q) => (
        <div class="card">
          <p class="muted">{`#${q.id} · ${formatWhen(q.answeredAt ?? q.createdAt, timeZone)}${regencyName ? ` · ${regencyName(q.regency)}` : ''}`}</p>
          <p>{q.text}</p>
          <p>
            <strong>{q.answer}</strong>
          </p>
        </div>
      ))}
    </Layout>
  );
}

/** What the bot did not understand, to teach it, and what officers taught it. */
function Teaching({ t, csrf, timeZone, unmatched, topics, taught }: Pick<Props, 't' | 'csrf' | 'timeZone' | 'unmatched' | 'topics' | 'taught'>) {
  const titles = new Map(topics.map((c) => [c.id, c.title]));
  const answerOf = (topic: string | null) => (topic === null ? t('console.questions.out_of_scope') : titles.get(topic) ?? t('console.questions.topic_gone'));
  return (
    <>
      <h2>{t('console.questions.unmatched')}</h2>
      <p class="muted">{t('console.questions.unmatched_hint')}</p>
      {unmatched.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('console.questions.text')}</th>
                <th>{t('console.questions.times')}</th>
                <th class="opt">{t('console.questions.last')}</th>
                <th>{t('console.questions.teach_column')}</th>
              </tr>
            </thead>
            <tbody>
              {unmatched.map((u) => (
                <tr>
                  <td>{u.text}</td>
                  <td>{String(u.count)}</td>
                  <td class="opt">{formatWhen(u.last, timeZone)}</td>
                  <td>
                    <form class="filters" method="post" action="/questions/teach">
                      <Csrf token={csrf} />
                      <input type="hidden" name="text" value={u.text} />
                      <select name="topic" required aria-label={t('console.questions.teach_label')}>
                        <option value="">{t('console.questions.choose')}</option>
                        {topics.map((c) => (
                          <option value={c.id}>{c.title}</option>
                        ))}
                        <option value={OUT_OF_SCOPE}>{t('console.questions.out_of_scope')}</option>
                      </select>
                      <button type="submit">{t('console.questions.teach')}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">{t('console.questions.none_unmatched')}</p>
      )}
      <h2>{t('console.questions.taught_title')}</h2>
      <p class="muted">{t('console.questions.taught_hint')}</p>
      {taught.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('console.questions.phrasing')}</th>
                <th>{t('console.questions.topic')}</th>
                <th class="opt">{t('console.questions.when')}</th>
                <th class="opt">{t('console.questions.by')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {taught.map((p) => (
                <tr>
                  <td>{p.key}</td>
                  <td>{answerOf(p.topic)}</td>
                  <td class="opt">{formatWhen(p.taughtAt, timeZone)}</td>
                  <td class="opt">{p.taughtByName ?? '-'}</td>
                  <td>
                    <form method="post" action="/questions/forget">
                      <Csrf token={csrf} />
                      <input type="hidden" name="key" value={p.key} />
                      <button class="secondary" type="submit">
                        {t('console.questions.forget')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">{t('console.questions.taught_none')}</p>
      )}
    </>
  );
}
