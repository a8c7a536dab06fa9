/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { DECIDABLE_STATUSES, type RegistrationData } from '../core/types.js';
import { nikMatchesBirthDate, parseNik } from '../domain/nik.js';
import type { RouteDeps } from './deps.js';
import { pageBase } from './layout.js';
import type { ConsoleEnv } from './auth.js';
import type { RegistrationRecord } from '../storage/registrations.js';
import { formatWhen, REJECT_REASONS } from './labels.js';
import { DetailPage, type DetailView } from './pages/detail.js';
import { keyIn } from '../core/locale-key.js';
import { erasedText, erasureFlash, erasureRoutes, withdrawalView } from './erasure-routes.js';

/** The automatic checks: recorded at submission, plus NIK against birth date/sex and a second record of the same NIK. */
function checksOf(sameNik: (nik: string, id: number) => number, row: RegistrationRecord, data: RegistrationData | null, today: string, known: (code: string) => boolean): string[] {
  const checks = new Set(data?.checks ?? []);
  if (data) {
    const nik = parseNik(data.nik, { today, isKnownDistrict: known });
    if (nik.ok) {
      if (!nik.info.knownDistrict) checks.add('unknown_region');
      if (!nikMatchesBirthDate(nik.info, data.birthDate)) checks.add('nik_birthdate_mismatch');
      if (nik.info.sex !== data.sex) checks.add('nik_sex_mismatch');
    } else checks.add('nik_invalid');
    if (sameNik(data.nik, row.id) > 0) checks.add('duplicate');
  }
  return [...checks];
}

/** A registration's page and the decisions on it (the queue: queue-routes.tsx; export: export-routes.tsx). */
export function registrationRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { store, app, settings, timeZone, clock, t } = deps;
  const { officers, registrations } = store;
  const byRef = (reference: string) => registrations.record(reference);
  const audit = (officerId: number, action: string, registrationId: number | null, detail?: Record<string, unknown>) =>
    officers.audit({ officerId, action, registrationId, detail, now: clock() });

  web.get('/registrations/:ref', (c) => {
    const row = byRef(c.req.param('ref'));
    if (!row) return c.html(<p>{t('console.not_found')}</p>, 404);
    const officer = c.get('officer')!;
    const revealId = Number(c.req.query('reveal'));
    // A revealed NIK stays visible only for a reveal this officer made moments ago (recorded in the audit log).
    const revealed = revealId > 0 && officers.revealedSince(revealId, officer.id, row.id, clock() - 5 * 60_000);
    audit(officer.id, 'view', row.id);
    const { data } = row;
    const channelName = (id: string) => t(keyIn('console.channel.', id), { defaultValue: id });
    /** Why news did not reach someone, in the officer's words. */
    const unreachedWhy = (reason: string) => {
      const code = /^whatsapp_(.+)$/.exec(reason)?.[1];
      return code ? t('console.unreachable.whatsapp_code', { code }) : t(keyIn('console.unreachable.', reason));
    };
    const history = app.registrations.events(row.id);
    const events = history.map((e) => {
      const detail = e.detail ? (JSON.parse(e.detail) as { note?: string; fields?: string[]; reason?: string; channel?: string; recipient?: string }) : {};
      if (e.action === 'delivery_failed' && detail.reason) detail.note = `${channelName(detail.channel ?? '')}: ${unreachedWhy(detail.reason)}`;
      return {
        at: e.at,
        actorKind: e.actor_kind,
        // Officers by username; people by role only (their ids mean nothing to an officer).
        actorId: e.actor_kind === 'officer' ? e.actor_id : null,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: detail.note ?? (detail.fields ? detail.fields.map((f) => t(keyIn('reg.field.', f))).join(', ') : undefined),
      };
    });
    // The latest news that did not reach someone, unless a decision since then sent news again.
    const lastFailure = [...app.registrations.events(row.id)].reverse().find((e) => e.action === 'delivery_failed' || e.to_status !== null);
    const failed = lastFailure?.action === 'delivery_failed' && lastFailure.detail ? (JSON.parse(lastFailure.detail) as { reason: string; channel: string; recipient: string }) : undefined;
    const view: DetailView = {
      unreached: failed
        ? t('console.detail.unreached', {
            who: t(failed.recipient === 'cadre' ? 'console.detail.unreached_cadre' : 'console.detail.unreached_applicant'),
            channel: channelName(failed.channel),
            when: formatWhen(lastFailure!.at, timeZone),
            why: unreachedWhy(failed.reason),
          })
        : undefined,
      reference: row.reference,
      status: row.status,
      data,
      officerNote: row.officerNote,
      kpj: row.kpj,
      correctionFields: row.correctionFields,
      channel: row.channel,
      submittedBy: row.submitterId === row.applicantId ? t('console.detail.by_applicant') : t('console.detail.by_cadre', { id: row.submitterId }),
      createdAt: row.createdAt,
      checks: checksOf(registrations.sameNikCount, row, data, app.today(), app.isKnownDistrict),
      events,
      withdrawal: withdrawalView(t, timeZone, row, store.withdrawals.state(row.id), history),
      erased: row.status === 'deleted' ? erasedText(t, timeZone, history, store.withdrawals.officerErasure(row.id)) : undefined,
    };
    const base = pageBase(c, t, timeZone);
    return c.html(<DetailPage {...base} flash={erasureFlash(t, c) ?? base.flash} settings={settings} schema={app.schema} view={view} revealNik={revealed} />);
  });

  web.post('/registrations/:ref/reveal', (c) => {
    const row = byRef(c.req.param('ref'));
    if (!row) return c.redirect('/queue', 303);
    const id = audit(c.get('officer')!.id, 'reveal_nik', row.id);
    return c.redirect(`/registrations/${row.reference}?reveal=${id}`, 303);
  });

  /** One decision: check the status allows it, apply and audit (one transaction), back to the detail page. */
  const decide = (path: string, handler: (input: { row: RegistrationRecord; body: Record<string, unknown>; officer: { id: number; username: string } }) => string) => {
    web.post(`/registrations/:ref/${path}`, async (c) => {
      const row = byRef(c.req.param('ref'));
      if (!row) return c.redirect('/queue', 303);
      const body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
      // Consent withdrawn after approval: nothing is decided (no KPJ either) until an officer erases or keeps it.
      if (store.withdrawals.isPending(row.id)) {
        return c.redirect(`/registrations/${row.reference}?err=${path === 'kpj' ? 'kpj_withdrawn' : 'withdrawal_pending'}`, 303);
      }
      if (!DECIDABLE_STATUSES.includes(row.status)) {
        return c.redirect(`/registrations/${row.reference}?err=not_open`, 303);
      }
      const outcome = handler({ row, body, officer: c.get('officer')! });
      return c.redirect(`/registrations/${row.reference}?${outcome}`, 303);
    });
  };

  decide('approve', ({ row, officer }) => {
    app.changeStatus(row.reference, { to: 'approved', actor: { kind: 'officer', id: officer.username } }, { officerId: officer.id, action: 'approve' });
    return 'ok=approved';
  });
  decide('reject', ({ row, body, officer }) => {
    const reason = String(body.reason ?? '');
    if (!(REJECT_REASONS as readonly string[]).includes(reason)) return 'err=reason_required';
    const extra = String(body.note ?? '').trim().slice(0, 500);
    const note = [t(keyIn('console.reject.', reason)), extra].filter(Boolean).join('. ');
    app.changeStatus(row.reference, { to: 'rejected', actor: { kind: 'officer', id: officer.username }, note }, { officerId: officer.id, action: 'reject', detail: { reason } });
    return 'ok=rejected';
  });
  decide('correction', ({ row, body, officer }) => {
    const fields = ([] as unknown[]).concat(body.field ?? []).map(String);
    const note = String(body.note ?? '').trim().slice(0, 500);
    if (fields.length === 0 || !note) return 'err=correction_fields';
    app.requestCorrection(row.reference, { fields, note, officer: officer.username }, { officerId: officer.id, action: 'request_correction', detail: { fields } });
    return 'ok=correction_requested';
  });
  decide('kpj', ({ row, body, officer }) => {
    const kpj = String(body.kpj ?? '').replace(/\s/g, '');
    if (!/^\d{11}$/.test(kpj)) return 'err=kpj_invalid';
    app.changeStatus(row.reference, { to: 'registered', actor: { kind: 'officer', id: officer.username }, kpj }, { officerId: officer.id, action: 'record_kpj' });
    return 'ok=registered';
  });

  web.route('/', erasureRoutes(deps));

  return web;
}
