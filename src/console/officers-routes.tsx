/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { RegencyRegistry } from '../regencies.js';
import type { Officer, OfficerScope } from '../storage/officers.js';
import type { ConsoleEnv } from './auth.js';
import type { RouteDeps } from './deps.js';
import { pageBase, type ConsoleContext } from './layout.js';
import { markPasswordTemporary, temporaryPasswords } from './password-routes.js';
import { OfficerScopePage, OfficersPage, type ScopeChoice } from './pages/officers.js';
import { notFoundPage, scopeOf, type Scope } from './scope.js';
import { hashPassword, validatePassword } from './security.js';

/**
 * Whether an admin of `scope` may see and manage `target`: a deployment-wide admin every officer; a
 * regency's admin only officers of their own regency (and, an agency's admin, of their groups only).
 */
export function manages(admin: Pick<Officer, 'regency' | 'groups'>, scope: Scope, target: Pick<Officer, 'regency' | 'groups'>): boolean {
  if (scope.wide) return true;
  if (admin.regency === null || target.regency !== admin.regency) return false;
  return admin.groups === null || (target.groups !== null && target.groups.every((g) => admin.groups!.includes(g)));
}

/**
 * Why a scope cannot be given (an error code), or undefined when it can: the regency must be
 * served (or none: every regency, only a deployment-wide admin gives that), the groups must be the
 * regency's, and a regency's admin gives no more than their own regency and groups.
 */
export function scopeProblem(admin: Pick<Officer, 'regency' | 'groups'>, scope: Scope, given: OfficerScope, registry: RegencyRegistry): string | undefined {
  if (given.regency !== null && !registry.has(given.regency)) return 'scope_invalid';
  if (given.groups !== null) {
    if (given.groups.length === 0 || given.regency === null) return 'scope_invalid';
    const known = new Set(registry.get(given.regency).groups.map((g) => g.id));
    if (!given.groups.every((g) => known.has(g))) return 'scope_invalid';
  }
  if (scope.wide) return undefined;
  if (admin.regency === null || given.regency !== admin.regency) return 'scope_wider';
  if (admin.groups !== null && (given.groups === null || !given.groups.every((g) => admin.groups!.includes(g)))) return 'scope_wider';
  return undefined;
}

const list = (v: unknown): string[] => ([] as unknown[]).concat(v ?? []).map(String);

/** Officers: who works on what (regency, an agency's groups, read-only), their accounts, a new one. */
export function officerRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const { store, regencies, timeZone, clock, t } = deps;
  const { officers, kv } = store;
  const web = new Hono<ConsoleEnv>();

  const adminOf = (c: ConsoleContext) => c.get('officer')!;
  /** The officer named in the path, when this admin manages them (anyone else is as unknown as a missing one). */
  const targetOf = async (c: ConsoleContext): Promise<Officer | undefined> => {
    const target = await officers.byId(Number(c.req.param('id')));
    return target && (target.id === adminOf(c).id || manages(adminOf(c), scopeOf(c), target)) ? target : undefined;
  };
  const notFound = (c: ConsoleContext) => notFoundPage(c, t, timeZone, t('console.scope.officer_not_found'));
  /**
   * The officer an action on another officer is about: one this admin manages, never themself
   * (that goes back to the officers page, with `self` saying why). Otherwise what to answer.
   */
  const otherOfficer = async (c: ConsoleContext, self = ''): Promise<{ target: Officer } | { refused: Response | Promise<Response> }> => {
    const target = await targetOf(c);
    if (!target) return { refused: notFound(c) };
    if (target.id === adminOf(c).id) return { refused: c.redirect(`/admin/officers${self ? `?err=${self}` : ''}`, 303) };
    return { target };
  };
  /** Audited with the regency it concerns (the target's), so a regency's admin sees it in their audit. */
  const audit = (c: ConsoleContext, action: string, target: Pick<Officer, 'id' | 'username' | 'regency'>, extra: Record<string, unknown> = {}) =>
    officers.audit({ officerId: adminOf(c).id, action, detail: { officer: target.id, username: target.username, ...extra }, regency: target.regency, now: clock() });

  /** The regencies an admin may give: every one served (and "every regency") for a deployment-wide admin, else their own. */
  const choices = (c: ConsoleContext): ScopeChoice => {
    const scope = scopeOf(c);
    return {
      several: regencies.several,
      wide: scope.wide,
      regencies: (scope.wide ? regencies.keys : scope.regencies).map((key) => ({ key, name: regencies.name(key) })),
    };
  };

  web.get('/admin/officers', async (c) => {
    const admin = adminOf(c);
    const scope = scopeOf(c);
    const shown = officersSeenBy(await officers.list(), admin, scope);
    const temporary = await temporaryPasswords(kv, shown);
    return c.html(
      <OfficersPage
        {...pageBase(c, t, timeZone)}
        officers={shown}
        temporary={temporary}
        choice={choices(c)}
        scopeWords={(o) => scopeWords(o)}
      />,
    );
  });

  /** An officer's scope in words: "Kabupaten Banjar · Pekerja rentan · hanya melihat". */
  const scopeWords = (o: Officer): string => {
    const parts: string[] = [];
    if (regencies.several) parts.push(o.regency === null ? t('console.scope.every_regency') : regencies.name(o.regency));
    if (o.groups !== null) {
      const settings = regencies.get(o.regency);
      parts.push(o.groups.map((g) => settings.groups.find((x) => x.id === g)?.label.id ?? g).join(', '));
    } else if (!regencies.several) parts.push(t('console.scope.every_group'));
    if (o.readOnly) parts.push(t('console.scope.read_only_short'));
    return parts.join(' · ');
  };

  web.post('/admin/officers', async (c) => {
    const body = await c.req.parseBody();
    const admin = adminOf(c);
    const scope = scopeOf(c);
    const username = String(body.username ?? '').trim();
    const role = body.role === 'admin' ? 'admin' : 'officer';
    const password = String(body.password ?? '');
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/.test(username) || validatePassword(password)) {
      return c.redirect('/admin/officers?err=officer_invalid', 303);
    }
    // A regency's admin adds officers of their own regency (and groups); a deployment-wide admin chooses, or leaves every regency.
    const asked = typeof body.regency === 'string' && body.regency !== '' ? body.regency : null;
    if (!scope.wide && asked !== null && asked !== admin.regency) return c.redirect('/admin/officers?err=scope_wider', 303);
    const given: OfficerScope = {
      regency: scope.wide ? asked : admin.regency,
      groups: scope.wide ? null : admin.groups,
      readOnly: body.read_only === '1',
    };
    const problem = scopeProblem(admin, scope, given, regencies);
    if (problem) return c.redirect(`/admin/officers?err=${problem}`, 303);
    // A taken username (OfficerExistsError) becomes a flash through the console's onError.
    const added = await officers.add({ username, passwordHash: await hashPassword(password), role, now: clock(), scope: given });
    // The admin chose the password: the new officer replaces it with their own at the first login.
    await markPasswordTemporary(kv, added.id, true, clock());
    await officers.audit({
      officerId: admin.id,
      action: 'add_officer',
      detail: { username, role, ...(given.regency ? { regency: given.regency } : {}), ...(given.groups ? { groups: given.groups } : {}), ...(given.readOnly ? { read_only: true } : {}) },
      regency: given.regency,
      now: clock(),
    });
    return c.redirect('/admin/officers?ok=officer_added', 303);
  });

  // Who an officer works for: their regency, their agency's groups in it, read-only. Not one's own
  // (a stolen session must not widen itself); changes count from the officer's next page.
  web.get('/admin/officers/:id/scope', async (c) => {
    const target = await targetOf(c);
    if (!target || target.id === adminOf(c).id) return notFound(c);
    const choice = choices(c);
    // The regency whose groups the form offers: the one chosen in the form (?regency=), else the officer's own.
    const wanted = c.req.query('regency');
    // One regency served: its groups are offered at once (an agency's officer is then that regency's).
    const fallback = target.regency ?? (choice.wide && regencies.several ? null : (choice.regencies[0]?.key ?? null));
    const regency = wanted === '' && choice.wide ? null : wanted !== undefined && choice.regencies.some((r) => r.key === wanted) ? wanted : fallback;
    const own = scopeOf(c).groups;
    const groups = regency === null ? [] : regencies.get(regency).groups.filter((g) => own === null || own.includes(g.id));
    return c.html(<OfficerScopePage {...pageBase(c, t, timeZone)} target={target} choice={choice} regency={regency} groups={groups} />);
  });

  web.post('/admin/officers/:id/scope', async (c) => {
    const admin = adminOf(c);
    const other = await otherOfficer(c, 'scope_self');
    if ('refused' in other) return other.refused;
    const { target } = other;
    const body = await c.req.parseBody({ all: true });
    const groups = list(body.group).filter(Boolean);
    const chosen = typeof body.regency === 'string' && body.regency !== '' ? body.regency : null;
    // One regency served: the form names it for its groups; with none ticked the officer keeps the regency they had (none: the whole deployment).
    const regency = !regencies.several && groups.length === 0 ? target.regency : chosen;
    const given: OfficerScope = { regency, groups: groups.length > 0 ? [...new Set(groups)] : null, readOnly: body.read_only === '1' };
    const problem = scopeProblem(admin, scopeOf(c), given, regencies);
    if (problem) return c.redirect(`/admin/officers/${target.id}/scope?err=${problem}`, 303);
    await officers.setScope(target.id, given);
    await audit(c, 'set_officer_scope', { ...target, regency: given.regency ?? target.regency }, {
      regency: given.regency,
      groups: given.groups,
      read_only: given.readOnly,
      before: { regency: target.regency, groups: target.groups, read_only: target.readOnly },
    });
    return c.redirect('/admin/officers?ok=scope_saved', 303);
  });

  web.post('/admin/officers/:id/disable', async (c) => {
    const other = await otherOfficer(c, 'officer_self');
    if ('refused' in other) return other.refused;
    const { target } = other;
    await officers.setDisabled(target.id, clock());
    await officers.deleteSessionsOf(target.id);
    await audit(c, 'disable_officer', target);
    return c.redirect('/admin/officers?ok=officer_disabled', 303);
  });
  web.post('/admin/officers/:id/enable', async (c) => {
    const other = await otherOfficer(c);
    if ('refused' in other) return other.refused;
    const { target } = other;
    await officers.setDisabled(target.id, null);
    await audit(c, 'enable_officer', target);
    return c.redirect('/admin/officers?ok=officer_enabled', 303);
  });
  // A forgotten password: the admin sets a temporary one and hands it over in person; the officer's
  // sessions end, and at the next login they must choose their own (password-routes.tsx). Not
  // one's own (that is the account page, with the current password). The second factor stays.
  web.post('/admin/officers/:id/password', async (c) => {
    const other = await otherOfficer(c);
    if ('refused' in other) return other.refused;
    const { target } = other;
    const password = String((await c.req.parseBody()).password ?? '');
    if (validatePassword(password)) return c.redirect('/admin/officers?err=password_invalid', 303);
    await officers.setPassword(target.id, await hashPassword(password));
    await officers.deleteSessionsOf(target.id);
    await markPasswordTemporary(kv, target.id, true, clock());
    await audit(c, 'reset_password', target);
    return c.redirect('/admin/officers?ok=password_reset', 303);
  });
  // A lost phone: the officer's authenticator and recovery codes go, their sessions end, and they
  // enrol again at their next login (admins must). Not one's own: a stolen admin session must not
  // be able to move the second factor to another phone.
  web.post('/admin/officers/:id/reset-2fa', async (c) => {
    const other = await otherOfficer(c, 'second_factor_self');
    if ('refused' in other) return other.refused;
    const { target } = other;
    await officers.resetSecondFactor(target.id);
    await audit(c, 'reset_second_factor', target);
    return c.redirect('/admin/officers?ok=second_factor_reset', 303);
  });
  // Full-NIK export is a permission of its own (least privilege), granted and revoked here, audited.
  web.post('/admin/officers/:id/export-nik', async (c) => {
    const other = await otherOfficer(c, 'officer_self');
    if ('refused' in other) return other.refused;
    const { target } = other;
    const allow = (await c.req.parseBody()).allow === '1';
    await officers.setExportNik(target.id, allow);
    await audit(c, allow ? 'grant_export_nik' : 'revoke_export_nik', target);
    return c.redirect(`/admin/officers?ok=${allow ? 'export_granted' : 'export_revoked'}`, 303);
  });

  return web;
}

/** The officers an admin sees (their officers page, their audit page's filter): themselves and those they manage. */
export const officersSeenBy = (all: readonly Officer[], admin: Officer, scope: Scope): Officer[] => all.filter((o) => o.id === admin.id || manages(admin, scope, o));
