/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { T } from '../core/types.js';
import type { Officer } from '../storage/officers.js';
import { csrfToken, type ConsoleEnv } from './auth.js';
import type { KeysUnder } from '../core/locale-key.js';

export type ConsoleContext = Context<ConsoleEnv>;

/** What every console page gets (see pageBase). */
export interface PageBase {
  t: T;
  officer: Officer;
  csrf: string;
  timeZone: string;
  flash?: { text: string; error?: boolean } | undefined;
}

export interface PageProps {
  title: string;
  t: T;
  officer: Officer | null;
  csrf: string;
  active?: string;
  flash?: { text: string; error?: boolean } | undefined;
  children?: Child;
}

type FlashKey = KeysUnder<'console.flash.'>;

/**
 * The notices a page shows from ?ok= / ?err=: only these keys (checked against the locale file by
 * tsc). Anything else in the URL is ignored, so a link cannot put words of its own on a page.
 */
const FLASHES: ReadonlySet<string> = new Set<FlashKey>([
  'bad_filter',
  'answered',
  'empty_answer',
  'question_closed',
  'officer_invalid',
  'officer_exists',
  'officer_added',
  'officer_self',
  'officer_disabled',
  'invite_invalid',
  'invite_created',
  'invite_revoked',
  'bulk_approved',
  'nothing_selected',
  'not_open',
  'approved',
  'rejected',
  'reason_required',
  'correction_fields',
  'correction_requested',
  'kpj_invalid',
  'registered',
  'second_factor_reset',
  'second_factor_self',
  'export_granted',
  'export_revoked',
  'officer_enabled',
  'password_reset',
  'password_invalid',
  'password_changed',
  'undone',
  'undo_expired',
  'undo_not_yours',
  'undo_nothing',
  'undo_answered',
  'none_waiting',
  'already_approved',
  'reject_reason_required',
  'erased',
  'scope_saved',
  'scope_invalid',
  'scope_wider',
  'scope_self',
]);

/** The flash for a ?ok= / ?err= value, when it is one of ours. */
export function flashFor(t: T, key: string | undefined, error = false): { text: string; error?: boolean } | undefined {
  if (!key || !FLASHES.has(key)) return undefined;
  const text = t(`console.flash.${key as FlashKey}`);
  return error ? { text, error } : { text };
}

/** Helpers every console page shares: the translator, the officer, a flash from ?ok= / ?err=. */
export function pageBase(c: ConsoleContext, t: T, timeZone: string): PageBase {
  const flash = flashFor(t, c.req.query('ok')) ?? flashFor(t, c.req.query('err'), true);
  return { t, officer: c.get('officer')!, csrf: csrfToken(c), timeZone, flash };
}

/** A form field carrying the session's CSRF token (every console form has one). */
export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The page frame: navigation for the officer's role, the flash message, the content. */
export function Layout({ title, t, officer, csrf, active, flash, children }: PageProps) {
  const admin = officer?.role === 'admin';
  // Deployment-wide (no regency, every group): the regencies' settings are theirs to reload.
  const wide = officer?.regency === null && officer.groups === null;
  const nav: [string, string, boolean][] = [
    ['/queue', t('console.nav.queue'), true],
    ['/questions', t('console.nav.questions'), true],
    ['/dashboard', t('console.nav.dashboard'), true],
    // A read-only officer talks to no one, not even the test bot.
    ['/simulator', t('console.nav.simulator'), officer?.readOnly !== true],
    ['/admin/officers', t('console.nav.officers'), admin],
    ['/admin/invites', t('console.nav.invites'), admin],
    ['/admin/whatsapp', t('console.nav.whatsapp'), admin && wide && officer?.readOnly !== true],
    ['/admin/regencies', t('console.scope.nav_settings'), admin && wide],
    ['/audit', t('console.nav.audit'), admin],
  ];
  return (
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Lindung`}</title>
        <link rel="stylesheet" href="/static/console.css" />
      </head>
      <body>
        <header>
          <span class="brand">Lindung</span>
          {officer
            ? nav
                .filter(([, , show]) => show)
                .map(([href, label]) => (
                  <a href={href} class={active === href ? 'on' : ''}>
                    {label}
                  </a>
                ))
            : null}
          {officer ? (
            <form method="post" action="/logout">
              <Csrf token={csrf} />
              <button class="secondary" type="submit">
                {t('console.logout', { username: officer.username })}
              </button>
            </form>
          ) : null}
        </header>
        <main>
          <h1>{title}</h1>
          {flash ? <p class={flash.error ? 'flash error' : 'flash'}>{flash.text}</p> : null}
          {children}
        </main>
        {officer ? (
          <footer>
            <a href="/account">{t('console.account.link')}</a> · <a href="/account/password">{t('console.account.password_link')}</a>
          </footer>
        ) : null}
      </body>
    </html>
  );
}

/**
 * "Which regency?" for a page that works on one at a time (invites, an officer's scope): a GET form
 * to `action` with the regencies to choose from, and "every regency" first when `every` names it.
 */
export function RegencyPicker({ t, action, regencies, selected, every }: { t: T; action: string; regencies: readonly { key: string; name: string }[]; selected: string | null | undefined; every?: string }) {
  return (
    <form class="card filters" method="get" action={action}>
      <label>
        {t('console.scope.regency')}
        <select name="regency">
          {every ? (
            <option value="" selected={selected === null}>
              {every}
            </option>
          ) : null}
          {regencies.map((r) => (
            <option value={r.key} selected={selected === r.key}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <button class="secondary" type="submit">
        {t('console.scope.choose_regency')}
      </button>
    </form>
  );
}
