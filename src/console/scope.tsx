/** @jsxImportSource hono/jsx */
// Who sees what in the console: one officer's scope (their regencies, their agency's groups, and
// whether they may change anything), derived in one place from their row and the regencies served
// now, set on every logged-in request by one middleware, and read by every route and query.
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { T } from '../core/types.js';
import type { RegencyRegistry } from '../regencies.js';
import type { ProgrammeSettings } from '../settings.js';
import type { Officer } from '../storage/officers.js';
import type { RowScope } from '../storage/queue.js';
import type { RegistrationRecord } from '../storage/registrations.js';
import type { ConsoleEnv } from './auth.js';
import { Layout, pageBase } from './layout.js';

/** What one officer may see and do (officerScope). */
export interface Scope {
  /** The served regencies they see (keys, in the deployment's order): every one for an officer without a regency, none when theirs is not served. */
  regencies: string[];
  /** The groups they see within them (an agency's, e.g. Dinas PMD's village officials); null: every group. */
  groups: string[] | null;
  /** Sees (dashboards, queue, details, exports) but changes nothing: a province's or BPJS branch's view. */
  readOnly: boolean;
  /** Works for the whole deployment (no regency, no group limit): manages every officer; an admin also reloads the settings. */
  wide: boolean;
  /**
   * Sees rows of any regency key: a one-regency deployment's officer, for whom every row is the one
   * regency's (storage/regencies.ts gives rows of none, or of another key, the one served at each start).
   */
  everyRegency: boolean;
}

/** The one derivation of an officer's scope: from their row (regency, groups, read-only) and the regencies served now. */
export function officerScope(officer: Pick<Officer, 'regency' | 'groups' | 'readOnly'>, registry: RegencyRegistry): Scope {
  const regencies = officer.regency === null ? registry.keys : registry.has(officer.regency) ? [officer.regency] : [];
  return {
    regencies,
    groups: officer.groups,
    readOnly: officer.readOnly,
    wide: officer.regency === null && officer.groups === null,
    everyRegency: !registry.several && regencies.length === 1,
  };
}

/** Sets `scope` for every logged-in request (after requireOfficer), read fresh so a changed scope or reloaded settings count at once. */
export function scopeMiddleware(registry: RegencyRegistry): MiddlewareHandler<ConsoleEnv> {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const officer = c.get('officer');
    if (officer) c.set('scope', officerScope(officer, registry));
    await next();
  });
}

/** The request's scope (set by scopeMiddleware; a route outside it has none and must not ask). */
export function scopeOf(c: Context<ConsoleEnv>): Scope {
  const scope = c.get('scope');
  if (!scope) throw new Error('console: no officer scope on this request');
  return scope;
}

/**
 * The scope as storage queries take it (storage/queue.ts RowScope), narrowed to one `regency` of it
 * when given. A one-regency deployment needs no regency condition (Scope.everyRegency).
 */
export function rowScope(scope: Scope, regency?: string): RowScope {
  if (regency !== undefined && !scope.regencies.includes(regency)) return { regencies: [], groups: scope.groups };
  return { regencies: scope.everyRegency ? null : regency !== undefined ? [regency] : scope.regencies, groups: scope.groups };
}

/** Whether the scope sees things of this regency (a question, an invite, a registration). */
export function seesRegency(scope: Scope, regency: string): boolean {
  return scope.everyRegency || scope.regencies.includes(regency);
}

/** Whether the scope sees a registration of this regency and group (an erased one has no group: only officers of every group see it). */
export function sees(scope: Scope, row: { regency: string; groupId: string | null | undefined }): boolean {
  if (!seesRegency(scope, row.regency)) return false;
  return scope.groups === null || (row.groupId != null && scope.groups.includes(row.groupId));
}

/** A registration as an officer may see it: undefined when it does not exist or lies outside their scope (the two look the same). */
export function visibleRecord(record: RegistrationRecord | undefined, scope: Scope): RegistrationRecord | undefined {
  return record && sees(scope, { regency: record.regency, groupId: record.data?.groupId }) ? record : undefined;
}

/** A regency in scope, with its name and its settings as read now (they may have been reloaded). */
export interface ScopedRegency {
  key: string;
  name: string;
  settings: ProgrammeSettings;
}

/** The regencies in the scope, in the deployment's order, each with its settings as read now. */
export function scopedRegencies(scope: Scope, registry: RegencyRegistry): ScopedRegency[] {
  return scope.regencies.map((key) => ({ key, name: registry.name(key), settings: registry.get(key) }));
}

/**
 * The `?regency=` a page was asked for: none (every regency in scope), one in scope, or not one of
 * the officer's (`ok: false`: a page answers as for something that does not exist).
 */
export function askedRegency(value: string | undefined, scope: Scope): { ok: true; regency?: string } | { ok: false } {
  const v = value?.trim();
  if (!v) return { ok: true };
  return scope.regencies.includes(v) ? { ok: true, regency: v } : { ok: false };
}

/** The groups an officer of this scope works on in a regency's settings (an agency's, or all). */
export function groupsIn(scope: Scope, settings: ProgrammeSettings): ProgrammeSettings['groups'] {
  return scope.groups === null ? settings.groups : settings.groups.filter((g) => scope.groups!.includes(g.id));
}

/** A page that says why nothing is shown here, with a way back to the queue. */
function refusalPage(c: Context<ConsoleEnv>, t: T, timeZone: string, title: string, text: string, status: 403 | 404): Response | Promise<Response> {
  const base = pageBase(c, t, timeZone);
  return c.html(
    <Layout title={title} t={t} officer={base.officer} csrf={base.csrf}>
      <p>{text}</p>
      <p>
        <a href="/queue">{t('console.scope.back_to_queue')}</a>
      </p>
    </Layout>,
    status,
  );
}

/**
 * "Not found" as a page, the same for something that does not exist and something outside the
 * officer's scope (`text`: what was looked for; default: a registration).
 */
export function notFoundPage(c: Context<ConsoleEnv>, t: T, timeZone: string, text = t('console.not_found')): Response | Promise<Response> {
  return refusalPage(c, t, timeZone, t('console.scope.not_found_title'), text, 404);
}

/** A friendly 403 page: what this officer may not do here, and a way back. */
export function forbiddenPage(c: Context<ConsoleEnv>, t: T, timeZone: string, text: string): Response | Promise<Response> {
  return refusalPage(c, t, timeZone, t('console.scope.forbidden_title'), text, 403);
}

/**
 * What a read-only officer may still post: logging out, their own account (password, second
 * factor), a search, revealing a NIK on a page they see (audited), a full export (a read, with its
 * re-authentication). Anything else that would change something is refused here, for every route,
 * new ones included, before it runs.
 */
const READ_ONLY_MAY_POST: readonly RegExp[] = [/^\/logout$/, /^\/account(\/|$)/, /^\/queue$/, /^\/export\/full$/, /^\/registrations\/[^/]+\/reveal$/];

/** Refuses (403, a page in words) every change a read-only officer attempts; runs after scopeMiddleware. */
export function readOnlyGuard(t: T, timeZone: string): MiddlewareHandler<ConsoleEnv> {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const scope = c.get('scope');
    const safe = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!scope?.readOnly || safe || READ_ONLY_MAY_POST.some((p) => p.test(c.req.path))) return next();
    return forbiddenPage(c, t, timeZone, t('console.scope.read_only'));
  });
}
