/** @jsxImportSource hono/jsx */
import type { Reply } from '../../core/types.js';
import type { Invite } from '../../storage/cadres.js';
import type { AuditEntry, Officer } from '../../storage/officers.js';
import { formatWhen } from '../labels.js';
import { Csrf, Layout, type PageBase } from '../layout.js';

type Base = PageBase;

/** Admin: officers and a form to add one. */
export function OfficersPage({ t, officer, csrf, timeZone, flash, officers }: Base & { officers: Officer[] }) {
  return (
    <Layout title={t('console.officers.title')} t={t} officer={officer} csrf={csrf} active="/admin/officers" flash={flash}>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('console.officers.username')}</th>
              <th>{t('console.officers.role')}</th>
              <th>{t('console.officers.created')}</th>
              <th>{t('console.officers.second_factor')}</th>
              <th>{t('console.officers.export_nik')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {officers.map((o) => (
              <tr>
                <td>{o.username}</td>
                <td>{o.role}</td>
                <td>{formatWhen(o.createdAt, timeZone)}</td>
                <td>
                  {o.secondFactor ? t('console.officers.second_factor_on') : t('console.officers.second_factor_off')}
                  {o.secondFactor && o.id !== officer.id ? (
                    <form method="post" action={`/admin/officers/${o.id}/reset-2fa`}>
                      <Csrf token={csrf} />
                      <button class="secondary" type="submit" aria-label={`${t('console.officers.reset_second_factor')} ${o.username}`}>
                        {t('console.officers.reset_second_factor')}
                      </button>
                    </form>
                  ) : null}
                </td>
                <td>
                  {o.exportNik ? t('console.officers.yes') : t('console.officers.no')}
                  <form method="post" action={`/admin/officers/${o.id}/export-nik`}>
                    <Csrf token={csrf} />
                    <input type="hidden" name="allow" value={o.exportNik ? '0' : '1'} />
                    <button class="secondary" type="submit" aria-label={`${t(o.exportNik ? 'console.officers.revoke' : 'console.officers.grant')} ${o.username}`}>
                      {t(o.exportNik ? 'console.officers.revoke' : 'console.officers.grant')}
                    </button>
                  </form>
                </td>
                <td>
                  {o.disabledAt ? (
                    t('console.officers.disabled')
                  ) : o.id === officer.id ? null : (
                    <form method="post" action={`/admin/officers/${o.id}/disable`}>
                      <Csrf token={csrf} />
                      <button class="danger" type="submit">
                        {t('console.officers.disable')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form class="card stack" method="post" action="/admin/officers">
        <Csrf token={csrf} />
        <h2>{t('console.officers.add')}</h2>
        <input name="username" required pattern="[A-Za-z0-9._-]{3,40}" placeholder={t('console.officers.username')} aria-label={t('console.officers.username')} />
        <select name="role" aria-label={t('console.officers.role')}>
          <option value="officer">officer</option>
          <option value="admin">admin</option>
        </select>
        <input name="password" type="password" required minlength={10} autocomplete="new-password" placeholder={t('console.officers.password')} aria-label={t('console.officers.password')} />
        <button type="submit">{t('console.officers.add')}</button>
      </form>
    </Layout>
  );
}

/** Admin: cadre invites, who enrolled, revoke; a form for a new invite. */
export function InvitesPage({ t, officer, csrf, timeZone, flash, invites, desas, link, now }: Base & { invites: Invite[]; desas: string[]; link: (code: string) => string; now: number }) {
  const state = (i: Invite) =>
    i.revokedAt ? t('console.invites.revoked') : i.usedBy ? t('console.invites.used', { person: i.usedBy }) : i.expiresAt <= now ? t('console.invites.expired') : t('console.invites.valid');
  return (
    <Layout title={t('console.invites.title')} t={t} officer={officer} csrf={csrf} active="/admin/invites" flash={flash}>
      <form class="card filters" method="post" action="/admin/invites">
        <Csrf token={csrf} />
        <label>
          {t('console.queue.desa')}
          <select name="desa">
            {desas.map((d) => (
              <option value={d}>{d}</option>
            ))}
          </select>
        </label>
        <label>
          {t('console.invites.role')}
          <select name="role">
            {['kader', 'perangkat', 'bpd', 'rtrw', 'lkd'].map((r) => (
              <option value={r}>{r}</option>
            ))}
          </select>
        </label>
        <label>
          {t('console.invites.days')}
          <input name="days" type="number" min={1} max={365} value="14" />
        </label>
        <button type="submit">{t('console.invites.create')}</button>
      </form>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('console.invites.code')}</th>
              <th>{t('console.queue.desa')}</th>
              <th>{t('console.invites.role')}</th>
              <th>{t('console.invites.state')}</th>
              <th>{t('console.invites.expires')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {invites.map((i) => (
              <tr>
                <td>
                  <code>{i.code}</code>
                  <br />
                  <small class="muted">{link(i.code)}</small>
                </td>
                <td>{`${i.desa} (${i.kecamatan})`}</td>
                <td>{i.role}</td>
                <td>{state(i)}</td>
                <td>{formatWhen(i.expiresAt, timeZone)}</td>
                <td>
                  {!i.revokedAt && !i.usedBy ? (
                    <form method="post" action={`/admin/invites/${i.code}/revoke`}>
                      <Csrf token={csrf} />
                      <button class="danger" type="submit">
                        {t('console.invites.revoke')}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export interface TranscriptLine {
  from: 'me' | 'bot';
  reply: Reply;
}

/** Talk to the bot as a test person (channel "web"), to try the flows before going live. */
export function SimulatorPage({ t, officer, csrf, flash, transcript }: Base & { transcript: TranscriptLine[] }) {
  return (
    <Layout title={t('console.simulator.title')} t={t} officer={officer} csrf={csrf} active="/simulator" flash={flash}>
      <p class="muted">{t('console.simulator.intro')}</p>
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

/** Who viewed or changed which registration, who revealed a NIK, who exported what. */
export function AuditPage({ t, officer, csrf, timeZone, entries, next }: Base & { entries: AuditEntry[]; next: number | null }) {
  return (
    <Layout title={t('console.audit.title')} t={t} officer={officer} csrf={csrf} active="/audit">
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('console.audit.when')}</th>
              <th>{t('console.audit.who')}</th>
              <th>{t('console.audit.action')}</th>
              <th>{t('console.queue.reference')}</th>
              <th>{t('console.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td>{formatWhen(e.at, timeZone)}</td>
                <td>{e.username ?? '-'}</td>
                <td>{e.action}</td>
                <td>{e.reference ? <a href={`/registrations/${e.reference}`}>{e.reference}</a> : '-'}</td>
                <td>
                  <small>{e.detail ?? ''}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next ? (
        <p>
          <a class="button secondary" href={`/audit?before=${next}`}>
            {t('console.queue.next_page')}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
