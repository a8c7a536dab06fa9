/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { PassThrough } from 'node:stream';
import { DECIDABLE_STATUSES, type RegistrationData } from '../core/types.js';
import { nikMatchesBirthDate, parseNik } from '../domain/nik.js';
import { parseReference } from '../domain/reference.js';
import type { RouteDeps } from './deps.js';
import { pageBase } from './layout.js';
import type { ConsoleEnv } from './auth.js';
import { exportColumns, exportRows, writeCsv, writeXlsx } from './export.js';
import { QueueFilterSchema } from '../domain/queue-filter.js';
import type { RegistrationRecord } from '../storage/registrations.js';
import { formatWhen, REJECT_REASONS } from './labels.js';
import { DetailPage, type DetailView } from './pages/detail.js';
import { QueuePage } from './pages/queue.js';
import { keyIn } from '../core/locale-key.js';

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

/** Queue, detail, decisions and export: everything that reads or changes registrations. */
export function registrationRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { store, app, settings, timeZone, clock, t } = deps;
  const { officers, registrations } = store;
  const byRef = (reference: string) => registrations.record(reference);
  const audit = (officerId: number, action: string, registrationId: number | null, detail?: Record<string, unknown>) =>
    officers.audit({ officerId, action, registrationId, detail, now: clock() });

  web.get('/queue', (c) => {
    const parsed = QueueFilterSchema.safeParse(c.req.query());
    const filter = parsed.success ? parsed.data : QueueFilterSchema.parse({});
    const page = store.queue.page(filter, timeZone);
    const query = new URL(c.req.url).search.slice(1);
    return c.html(
      <QueuePage
        {...pageBase(c, t, timeZone)}
        settings={settings}
        filter={filter}
        rows={page.rows}
        total={page.total}
        next={page.next}
        query={query}
        cadres={store.cadres.list()}
        flash={parsed.success ? pageBase(c, t, timeZone).flash : { text: t('console.flash.bad_filter'), error: true }}
      />,
    );
  });

  web.post('/queue/approve', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const refs = ([] as unknown[]).concat(body.ref ?? []).map(String).filter((r) => parseReference(r));
    const officer = c.get('officer')!;
    let done = 0;
    for (const ref of refs) {
      const row = byRef(ref);
      if (!row || row.status !== 'submitted') continue;
      app.changeStatus(ref, { to: 'approved', actor: { kind: 'officer', id: officer.username } }, { officerId: officer.id, action: 'approve', detail: { bulk: true } });
      done++;
    }
    const back = typeof body.back === 'string' && body.back.startsWith('/queue') ? body.back : '/queue';
    return c.redirect(`${back}${back.includes('?') ? '&' : '?'}ok=${done ? 'bulk_approved' : 'nothing_selected'}`, 303);
  });

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
    const events = app.registrations.events(row.id).map((e) => {
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
    };
    return c.html(<DetailPage {...pageBase(c, t, timeZone)} settings={settings} schema={app.schema} view={view} revealNik={revealed} />);
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

  web.get('/export', (c) => {
    const format = c.req.query('format') === 'xlsx' ? 'xlsx' : 'csv';
    const parsed = QueueFilterSchema.safeParse(c.req.query());
    if (!parsed.success) return c.redirect('/queue?err=bad_filter', 303);
    const filter = parsed.data;
    const officer = c.get('officer')!;
    const stamp = new Date(clock()).toISOString().slice(0, 10);
    const name = `lindung-${filter.status}-${stamp}.${format}`;
    c.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('content-disposition', `attachment; filename="${name}"`);
    return stream(c, async (out) => {
      const pass = new PassThrough();
      const rows = exportRows(store.queue.exportRecords(filter, timeZone), timeZone, settings, app.schema, t);
      const columns = exportColumns(app.schema, t);
      const written = format === 'csv' ? writeCsv(rows, pass, columns) : writeXlsx(rows, pass, columns);
      for await (const chunk of pass) await out.write(chunk as Uint8Array);
      const count = await written;
      const { after: _a, limit: _l, ...recorded } = filter;
      audit(officer.id, 'export', null, { format, filter: recorded, rows: count });
    });
  });
  return web;
}
