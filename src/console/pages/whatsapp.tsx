/** @jsxImportSource hono/jsx */
import { renderSVG } from 'uqr';
import type { ChannelStatus } from '../../channels/port.js';
import { keyIn } from '../../core/locale-key.js';
import { formatWhen } from '../labels.js';
import { Layout, type PageBase } from '../layout.js';

const KNOWN_CLOSES = new Set(['401', '411', '515', '403', '405', '440']);

/** The WhatsApp link for admins: its state, the last disconnection and what to do, and the QR or pairing code while it waits to be linked. */
export function WhatsAppPage({ t, officer, csrf, timeZone, flash, status }: PageBase & { status: ChannelStatus | undefined }) {
  if (!status) {
    return (
      <Layout title={t('console.whatsapp.title')} t={t} officer={officer} csrf={csrf} active="/admin/whatsapp" flash={flash}>
        <p>{t('console.whatsapp.off')}</p>
      </Layout>
    );
  }
  const code = status.lastClose?.code === undefined ? undefined : String(status.lastClose.code);
  const waiting = status.state === 'waiting' || status.state === 'connecting' || status.state === 'retrying';
  return (
    <Layout title={t('console.whatsapp.title')} t={t} officer={officer} csrf={csrf} active="/admin/whatsapp" flash={flash}>
      {/* While it is not linked, the page follows along on its own. */}
      {waiting ? <meta http-equiv="refresh" content="5" /> : null}
      <dl class="fields">
        <dt>{t('console.whatsapp.state_label')}</dt>
        <dd>
          <span class={`badge ${status.state}`}>{t(keyIn('console.whatsapp.state.', status.state))}</span>
        </dd>
        {status.linkedAs ? (
          <>
            <dt>{t('console.whatsapp.linked_as')}</dt>
            <dd>{status.linkedAs}</dd>
          </>
        ) : null}
        {status.lastClose ? (
          <>
            <dt>{t('console.whatsapp.last_close')}</dt>
            <dd>
              {`${formatWhen(status.lastClose.at, timeZone)}${code ? ` (${code})` : ''}: `}
              {t(keyIn('console.whatsapp.close.', code && KNOWN_CLOSES.has(code) ? code : 'other'))}
            </dd>
          </>
        ) : null}
        {status.failedDeliveries?.count ? (
          <>
            <dt>{t('console.whatsapp.failed_label')}</dt>
            <dd>{t('console.whatsapp.failed', { count: status.failedDeliveries.count, code: status.failedDeliveries.lastCode ?? '-' })}</dd>
          </>
        ) : null}
        {status.firstContactsPausedUntil ? (
          <>
            <dt>{t('console.whatsapp.paused_label')}</dt>
            <dd>{t('console.whatsapp.paused', { until: formatWhen(status.firstContactsPausedUntil, timeZone) })}</dd>
          </>
        ) : null}
      </dl>
      {status.qr ? (
        <section class="card">
          <p>{t('console.whatsapp.scan')}</p>
          <div class="qr" dangerouslySetInnerHTML={{ __html: renderSVG(status.qr) }} />
        </section>
      ) : null}
      {status.pairingCode ? (
        <section class="card">
          <p>{t('console.whatsapp.code')}</p>
          <p class="pairing-code">{status.pairingCode.length === 8 ? `${status.pairingCode.slice(0, 4)}-${status.pairingCode.slice(4)}` : status.pairingCode}</p>
        </section>
      ) : null}
    </Layout>
  );
}
