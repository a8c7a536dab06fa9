/** @jsxImportSource hono/jsx */
import type { Reply } from '../../core/types.js';
import type { QueueRow } from '../../storage/queue.js';
import { statusLabel } from '../labels.js';
import { Csrf, Layout, type PageBase } from '../layout.js';

export interface TranscriptLine {
  from: 'me' | 'bot';
  reply: Reply;
}

interface Props extends PageBase {
  transcript: TranscriptLine[];
  /** The first few test registrations (made here, oldest first), and how many there are. */
  tests: { rows: QueueRow[]; total: number };
}

/**
 * Talk to the bot as a test person (channel "web"), to try the flows before going live. What is
 * registered here is a test registration: the page says so and lists a few.
 */
export function SimulatorPage({ t, officer, csrf, flash, transcript, tests }: Props) {
  return (
    <Layout title={t('console.simulator.title')} t={t} officer={officer} csrf={csrf} active="/simulator" flash={flash}>
      <p class="muted">{t('console.simulator.intro')}</p>
      <p class="muted">
        <span class="badge test">{t('console.queue.test_badge')}</span> {t('console.simulator.test_note')}{' '}
        <a href="/queue?status=all&test=only">{`${t('console.simulator.test_link')} (${tests.total})`}</a>
        {tests.rows.length > 0 ? ': ' : null}
        {tests.rows.map((r, i) => (
          <>
            {i > 0 ? ', ' : null}
            <a href={`/registrations/${r.reference}`}>{r.reference}</a> {`(${statusLabel(t, r.status)})`}
          </>
        ))}
      </p>
      <div class="chat card">
        <div class="chatlog">
          {transcript.map((line) => (
            <div class={`bubble ${line.from}`}>
              {line.reply.text}
              {line.reply.choices?.length ? `\n\n${line.reply.choices.map((c) => `${c.key}. ${c.label}`).join('\n')}` : ''}
            </div>
          ))}
        </div>
        <form method="post" action="/simulator" class="filters">
          <Csrf token={csrf} />
          <input name="text" autofocus autocomplete="off" aria-label={t('console.simulator.message')} placeholder={t('console.simulator.message')} />
          <button type="submit">{t('console.simulator.send')}</button>
        </form>
        <form method="post" action="/simulator/reset">
          <Csrf token={csrf} />
          <button class="secondary" type="submit">
            {t('console.simulator.reset')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
