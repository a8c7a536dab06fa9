/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { createInvite, InviteError, inviteLink } from '../app/invites.js';
import { addDays, dayStart } from '../domain/time.js';
import { TELEGRAM_USERNAME_KEY } from '../storage/kv.js';
import type { AuditFilter } from '../storage/officers.js';
import { actionWords, AUDIT_ACTION_GROUPS, detailWords, KNOWN_AUDIT_ACTIONS, PAGE_VIEW, type AuditActionGroup } from './audit-words.js';
import { requireAdmin, type ConsoleEnv } from './auth.js';
import type { RouteDeps } from './deps.js';
import { pageBase, type ConsoleContext } from './layout.js';
import { officerRoutes, officersSeenBy } from './officers-routes.js';
import { AuditPage, type AuditQuery } from './pages/audit.js';
import { InvitesPage } from './pages/invites.js';
import { WhatsAppPage } from './pages/whatsapp.js';
import { askedRegency, forbiddenPage, notFoundPage, scopeOf, seesRegency } from './scope.js';
import { settingsRoutes } from './settings-routes.js';

const AUDIT_PAGE = 100;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCE = /^LD-[A-Z0-9]{5}$/;

/** The audit page's query, each field kept only when it is well formed (anything else is ignored). */
function auditQuery(q: (k: string) => string | undefined): AuditQuery {
  const s = (k: string, max: number) => (q(k) ?? '').trim().slice(0, max);
  const officer = /^\d{1,9}$/.test(s('officer', 10)) ? s('officer', 10) : '';
  const action = s('action', 60);
  const ref = s('ref', 20).toUpperCase();
  return {
    officer,
    action: /^(all|group:[a-z]+|[a-z_0-9]{2,40})$/.test(action) ? action : '',
    ref: REFERENCE.test(ref) ? ref : '',
    from: DAY.test(s('from', 10)) ? s('from', 10) : '',
    to: DAY.test(s('to', 10)) ? s('to', 10) : '',
  };
}

/**
 * Admin pages: officers (officers-routes.tsx), the regencies' settings (settings-routes.tsx), cadre
 * invites, the WhatsApp link and the audit log (admins only). A regency's admin sees and manages
 * their regency's invites, officers and audit entries only.
 */
export function adminRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const { app, store, regencies, timeZone, clock, random, t } = deps;
  const { officers, kv } = store;
  const web = new Hono<ConsoleEnv>();
  web.use('/admin/*', requireAdmin());
  web.use('/audit', requireAdmin());

  const adminId = (c: { get(k: 'officer'): { id: number } | null }) => c.get('officer')!.id;

  web.route('/', officerRoutes(deps));
  web.route('/', settingsRoutes(deps));

  /**
   * The regency an invite is made in: the officer's only one, else the one chosen (?regency= on the
   * page, whose default is the first; `regency` in the form, which must name one). Undefined: none of theirs.
   */
  const inviteRegency = (c: ConsoleContext, value: string | undefined, fallback: boolean): string | undefined => {
    const scope = scopeOf(c);
    if (scope.regencies.length === 1) return scope.regencies[0];
    const asked = askedRegency(value, scope);
    if (!asked.ok) return undefined;
    return asked.regency ?? (fallback ? scope.regencies[0] : undefined);
  };

  web.get('/admin/invites', async (c) => {
    const scope = scopeOf(c);
    const regency = inviteRegency(c, c.req.query('regency'), true);
    if (regency === undefined && scope.regencies.length > 0) return notFoundPage(c, t, timeZone, t('console.scope.regency_not_found'));
    // The desa of the regency the form makes invites in, as its settings say now.
    const settings = regency === undefined ? undefined : regencies.get(regency);
    const invites = (await app.cadres.invites()).filter((i) => seesRegency(scope, i.regency));
    const botUsername = await kv.get(TELEGRAM_USERNAME_KEY);
    return c.html(
      <InvitesPage
        {...pageBase(c, t, timeZone)}
        invites={invites}
        desas={settings ? settings.areas.flatMap((a) => a.desa) : []}
        regencies={scope.regencies.length > 1 ? scope.regencies.map((key) => ({ key, name: regencies.name(key) })) : undefined}
        regency={regency}
        regencyName={(key) => regencies.name(key)}
        now={clock()}
        link={(code) => inviteLink(botUsername, code)}
      />,
    );
  });
  web.post('/admin/invites', async (c) => {
    const body = await c.req.parseBody();
    const regency = inviteRegency(c, typeof body.regency === 'string' ? body.regency : undefined, false);
    if (regency === undefined) return c.redirect('/admin/invites?err=invite_invalid', 303);
    const settings = regencies.get(regency);
    const desa = String(body.desa ?? '');
    // Several regencies: the desa must be the chosen regency's own (desa names repeat across regencies).
    if (regencies.several && !settings.areas.some((a) => a.desa.includes(desa))) {
      throw new InviteError(`unknown desa "${desa}" in ${settings.regency.name}`);
    }
    // A bad desa, role or period (InviteError) becomes a flash through the console's onError.
    const invite = await createInvite(store.cadres, settings, {
      desa,
      role: String(body.role ?? ''),
      days: Number(body.days ?? 14),
      now: clock(),
      random,
      createdBy: c.get('officer')!.username,
    });
    await officers.audit({ officerId: adminId(c), action: 'create_invite', detail: { code: invite.code, desa: invite.desa, role: invite.role }, regency: invite.regency, now: clock() });
    return c.redirect(`/admin/invites?ok=invite_created${scopeOf(c).regencies.length > 1 ? `&regency=${encodeURIComponent(regency)}` : ''}`, 303);
  });
  web.post('/admin/invites/:code/revoke', async (c) => {
    const invite = await store.cadres.invite(c.req.param('code'));
    // Another regency's invite is as unknown as a missing one.
    if (!invite || !seesRegency(scopeOf(c), invite.regency)) return notFoundPage(c, t, timeZone, t('console.scope.invite_not_found'));
    await app.cadres.revoke(invite.code, clock());
    await officers.audit({ officerId: adminId(c), action: 'revoke_invite', detail: { code: invite.code }, regency: invite.regency, now: clock() });
    return c.redirect('/admin/invites?ok=invite_revoked', 303);
  });

  // The deployment's one WhatsApp number: its link QR links every regency's conversations to the
  // phone that scans it, so only a deployment-wide admin who may change things sees it.
  web.get('/admin/whatsapp', async (c) => {
    const scope = scopeOf(c);
    if (!scope.wide || scope.readOnly) return forbiddenPage(c, t, timeZone, t('console.scope.wide_only'));
    const status = (await app.linkStatuses()).find((l) => l.id === 'whatsapp');
    return c.html(<WhatsAppPage {...pageBase(c, t, timeZone)} status={status} />);
  });

  // The audit log with filters (officer, action, registration, period) and keyset paging. Page
  // views ('view') are many per decision: hidden unless the action filter asks for them.
  web.get('/audit', async (c) => {
    const scope = scopeOf(c);
    const query = auditQuery((k) => c.req.query(k));
    const before = Number(c.req.query('before'));
    const filter: AuditFilter = { limit: AUDIT_PAGE, before: Number.isSafeInteger(before) && before > 0 ? before : undefined };
    if (query.officer) filter.officerId = Number(query.officer);
    if (query.ref) filter.reference = query.ref;
    if (query.from) filter.from = dayStart(query.from, timeZone);
    if (query.to) filter.to = dayStart(addDays(query.to, 1), timeZone);
    if (query.action === '') filter.exceptActions = [PAGE_VIEW];
    else if (query.action.startsWith('group:')) filter.actions = AUDIT_ACTION_GROUPS[query.action.slice(6) as AuditActionGroup] ?? [];
    else if (query.action !== 'all') filter.actions = [query.action];
    // A regency's admin reads the entries about their regency (an agency's admin: about their groups' registrations).
    const everyOfficer = await officers.list();
    const list = officersSeenBy(everyOfficer, c.get('officer')!, scope);
    if (!scope.wide) {
      filter.regencies = scope.regencies;
      if (scope.groups !== null) {
        filter.groups = scope.groups;
        filter.groupOfficers = list.map((o) => o.id);
      }
    }
    const { entries, next } = await officers.auditSearch(filter);
    const names = new Map(everyOfficer.map((o) => [o.id, o.username]));
    const several = scope.regencies.length > 1;
    const lines = entries.map((e) => ({
      id: e.id,
      at: e.at,
      who: e.username ?? t('console.audit.system'),
      action: actionWords(t, e.action),
      flagged: e.action === 'login_failed' || !KNOWN_AUDIT_ACTIONS.includes(e.action),
      reference: e.reference,
      // Each entry in its own regency's words (an export's group, say).
      detail: detailWords(t, regencies.get(e.regency), e, (id) => names.get(id), (key) => regencies.name(key)),
      ...(several ? { regency: e.regency === null ? t('console.scope.every_regency') : regencies.name(e.regency) } : {}),
    }));
    return c.html(<AuditPage {...pageBase(c, t, timeZone)} lines={lines} next={next} paged={filter.before !== undefined} query={query} officers={list} showRegency={several} />);
  });

  return web;
}
