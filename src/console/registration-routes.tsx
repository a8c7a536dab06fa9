/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { Decision } from '../app/decisions.js';
import { DECIDABLE_STATUSES, type RegistrationData } from '../core/types.js';
import { nikMatchesBirthDate, parseNik } from '../domain/nik.js';
import { QueueFilterSchema } from '../domain/queue-filter.js';
import type { RouteDeps } from './deps.js';
import { pageBase, type ConsoleContext } from './layout.js';
import type { ConsoleEnv } from './auth.js';
import type { RegistrationRecord } from '../storage/registrations.js';
import { formatWhen, REJECT_REASONS, statusLabel } from './labels.js';
import { DetailPage, type DetailView } from './pages/detail.js';
import { RejectConfirmPage, type NoticeView } from './pages/decision.js';
import { keyIn } from '../core/locale-key.js';
import { erasedText, erasureFlash, erasureRoutes, withdrawalView } from './erasure-routes.js';
import { channelName, checkLines, clockTime, consentWords, historyLines, named, waitingWords, waitWords } from './detail-words.js';
import { WEB_CHANNEL } from './simulator.js';
import { notFoundPage, rowScope, scopeOf, visibleRecord, type Scope } from './scope.js';

/** The automatic checks: recorded at submission, plus NIK against birth date/sex and a second record of the same NIK. */
function checksOf(sameNik: number, data: RegistrationData | null, today: string, known: (code: string) => boolean): string[] {
  const checks = new Set(data?.checks ?? []);
  if (data) {
    const nik = parseNik(data.nik, { today, isKnownDistrict: known });
    if (nik.ok) {
      if (!nik.info.knownDistrict) checks.add('unknown_region');
      if (!nikMatchesBirthDate(nik.info, data.birthDate)) checks.add('nik_birthdate_mismatch');
      if (nik.info.sex !== data.sex) checks.add('nik_sex_mismatch');
    } else checks.add('nik_invalid');
    if (sameNik > 0) checks.add('duplicate');
  }
  return [...checks];
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * A registration's page and the decisions on it (the queue: queue-routes.tsx; export:
 * export-routes.tsx). Each decision goes on to the oldest registration still waiting for one, with
 * a notice of what was done and, for the undo window, a button that takes it back before the
 * person is told (app/decisions.ts).
 */
export function registrationRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { store, app, regencies, timeZone, clock, t, audit } = deps;
  const { officers, registrations } = store;
  /** A registration the officer may see; one outside their scope is answered as if it did not exist. */
  const byRef = async (reference: string, scope: Scope) => visibleRecord(await registrations.record(reference), scope);
  const notFound = (c: ConsoleContext) => notFoundPage(c, t, timeZone);

  /** How long an officer's opening a registration keeps "next" from sending a colleague to it too. */
  const OPENED_MS = 5 * 60_000;

  /**
   * The oldest registration waiting for a decision other than this one (test registrations left
   * out, as in the queue), passing by those another officer opened in the last minutes so that two
   * officers pressing "next" do not land on the same one; if every one near the front is open
   * elsewhere, the oldest of them.
   */
  const nextWaiting = async (except: string, officerId: number, scope: Scope): Promise<string | undefined> => {
    const waiting = QueueFilterSchema.parse({ status: 'submitted', limit: 50 });
    const rows = (await store.queue.page(waiting, timeZone, rowScope(scope))).rows.filter((r) => r.reference !== except);
    const opened = await officers.openedByOthers(officerId, clock() - OPENED_MS);
    return (rows.find((r) => !opened.has(r.id)) ?? rows[0])?.reference;
  };

  /**
   * What the officer is told about a decision: the one just made (`done`), else one of theirs on
   * this page that can still be undone, or another officer's that still can.
   */
  const noticeFor = async (c: ConsoleContext, current: RegistrationRecord): Promise<NoticeView | undefined> => {
    const officer = c.get('officer')!;
    const scope = scopeOf(c);
    const now = clock();
    const doneRef = c.req.query('done');
    const done = doneRef ? await byRef(doneRef, scope) : undefined;
    const subject = done ?? current;
    const held = await app.decisions.held(subject.reference);
    const open = held !== undefined && held.to === subject.status && now < held.undoUntil;
    const until = held ? clockTime(held.undoUntil, timeZone) : '';
    if (!done) {
      if (!open) return undefined;
      if (held.officerId !== officer.id) return { lines: [t('console.detail.held_by_colleague', { officer: held.officer ?? '-', status: statusLabel(t, held.to), time: until })] };
      return { lines: [t('console.detail.held_own', { status: statusLabel(t, held.to), time: until })], undo: { action: `/registrations/${subject.reference}/undo`, remainingMs: held.undoUntil - now } };
    }
    const lines = [t('console.detail.done', { reference: done.reference, name: done.data?.fullName ?? '-', status: statusLabel(t, done.status) })];
    const mine = open && held.officerId === officer.id;
    if (mine) lines.push(t('console.detail.done_held', { time: until }));
    else if (open) lines.push(t('console.detail.held_by_colleague', { officer: held.officer ?? '-', status: statusLabel(t, held.to), time: until }));
    else if (held) lines.push(t('console.detail.done_sent'));
    else if (app.decisions.undoMs === 0) lines.push(t('console.detail.done_now'));
    if (done.reference === current.reference && (await nextWaiting(current.reference, officer.id, scope)) === undefined) lines.push(t('console.detail.done_last'));
    return { lines, undo: mine ? { action: `/registrations/${done.reference}/undo`, remainingMs: held.undoUntil - now } : undefined };
  };

  web.get('/registrations/:ref', async (c) => {
    const scope = scopeOf(c);
    const row = await byRef(c.req.param('ref'), scope);
    if (!row) return notFound(c);
    // Its own regency's settings, as read now (they may have been reloaded).
    const settings = regencies.get(row.regency);
    const officer = c.get('officer')!;
    const revealId = Number(c.req.query('reveal'));
    // A revealed NIK stays visible only for a reveal this officer made moments ago (recorded in the audit log).
    const revealed = revealId > 0 && (await officers.revealedSince(revealId, officer.id, row.id, clock() - 5 * 60_000));
    // Before this view is recorded: whether a colleague has it open (for a registration still waiting for a decision).
    const opened = row.status === 'submitted' ? (await officers.openedByOthers(officer.id, clock() - OPENED_MS)).get(row.id) : undefined;
    await audit(officer.id, 'view', row.id);
    const { data } = row;
    const now = clock();
    const today = app.today();
    /** Why news did not reach someone, in the officer's words. */
    const unreachedWhy = (reason: string) => {
      const code = /^whatsapp_(.+)$/.exec(reason)?.[1];
      return code ? t('console.unreachable.whatsapp_code', { code }) : named(t, keyIn('console.unreachable.', reason), reason);
    };
    const history = await app.registrations.events(row.id);
    // The latest news that did not reach someone, unless a decision since then sent news again.
    const lastFailure = [...history].reverse().find((e) => e.action === 'delivery_failed' || e.to_status !== null);
    const failed = lastFailure?.action === 'delivery_failed' && lastFailure.detail ? (JSON.parse(lastFailure.detail) as { reason: string; channel: string; recipient: string }) : undefined;
    const held = await app.decisions.held(row.reference);
    // Other registrations of the same NIK that this officer may see (another regency's are not theirs to know of).
    const sameNik = data ? await store.queue.sameNikCount(data.nik, row.id, rowScope(scope)) : 0;
    const cadre = row.submitterId !== row.applicantId ? await store.cadres.cadreOf(row.submitterId) : undefined;
    const checks = checksOf(sameNik, data, today, app.isKnownDistrict);
    // The quota check's figure: how many the registration's group has.
    const quotaGroup = data && checks.includes('quota_full') ? settings.groups.find((g) => g.id === data.groupId && g.quota !== undefined) : undefined;
    const groupCount = quotaGroup ? await registrations.groupCount(quotaGroup.id, row.regency) : undefined;
    const withdrawalState = await store.withdrawals.state(row.id);
    const officerErasure = row.status === 'deleted' ? await store.withdrawals.officerErasure(row.id) : undefined;
    const notice = await noticeFor(c, row);
    const by =
      row.submitterId === row.applicantId
        ? t('console.detail.by_applicant')
        : cadre
          ? t('console.detail.by_cadre_known', { role: named(t, keyIn('cadre.role.', cadre.role), cadre.role), desa: cadre.desa, id: row.submitterId })
          : t('console.detail.by_cadre', { id: row.submitterId });
    const view: DetailView = {
      unreached: failed
        ? t('console.detail.unreached', {
            who: t(failed.recipient === 'cadre' ? 'console.detail.unreached_cadre' : 'console.detail.unreached_applicant'),
            channel: channelName(t, failed.channel),
            when: formatWhen(lastFailure!.at, timeZone),
            why: unreachedWhy(failed.reason),
          })
        : undefined,
      reference: row.reference,
      status: row.status,
      data,
      officerNote: row.officerNote,
      rejectReason: row.rejectReason,
      kpj: row.kpj,
      correctionFields: row.correctionFields,
      submittedVia: t('console.detail.submitted_via', { channel: channelName(t, row.channel), by, when: formatWhen(row.createdAt, timeZone) }),
      waiting: waitingWords(t, row.status, row.createdAt, history, now, timeZone),
      openedBy: opened ? t('console.detail.opened_by', { officer: opened.username, wait: waitWords(t, now - opened.at, { brief: true }) }) : undefined,
      consent: data ? consentWords(t, data) : undefined,
      test: row.channel === WEB_CHANNEL,
      today,
      checks: checkLines(checks, {
        t,
        data,
        settings,
        schema: app.schema,
        today,
        revealNik: revealed,
        isKnownDistrict: app.isKnownDistrict,
        sameNik,
        groupCount,
      }),
      history: historyLines(history, {
        t,
        schema: app.schema,
        settings,
        revealNik: revealed,
        timeZone,
        heldUntil: held && held.to === row.status && now < held.heldUntil ? clockTime(held.heldUntil, timeZone) : undefined,
      }),
      notice,
      withdrawal: withdrawalView(t, timeZone, row, withdrawalState, history),
      erased: row.status === 'deleted' ? erasedText(t, timeZone, history, officerErasure) : undefined,
    };
    const base = pageBase(c, t, timeZone);
    // A withdrawal waiting for an officer allows only keeping or erasing.
    const canDecide = !scope.readOnly && DECIDABLE_STATUSES.includes(row.status) && !view.withdrawal?.pending;
    return c.html(
      <DetailPage
        {...base}
        flash={erasureFlash(t, c) ?? base.flash}
        settings={settings}
        schema={app.schema}
        view={view}
        revealNik={revealed}
        canDecide={canDecide}
        readOnly={scope.readOnly}
        regency={scope.regencies.length > 1 ? regencies.name(row.regency) : undefined}
      />,
    );
  });

  web.post('/registrations/:ref/reveal', async (c) => {
    const row = await byRef(c.req.param('ref'), scopeOf(c));
    if (!row) return notFound(c);
    const id = await audit(c.get('officer')!.id, 'reveal_nik', row.id);
    return c.redirect(`/registrations/${row.reference}?reveal=${id}`, 303);
  });

  /** The "next" shortcut: the oldest registration waiting for a decision, other than this one. */
  web.get('/registrations/:ref/next', async (c) => {
    const ref = c.req.param('ref');
    const next = await nextWaiting(ref, c.get('officer')!.id, scopeOf(c));
    return c.redirect(next ? `/registrations/${next}` : `/registrations/${encodeURIComponent(ref)}?ok=none_waiting`, 303);
  });

  /**
   * One decision: checks the status allows it, validates the form (Indonesian messages, never the
   * browser's), decides (app/decisions.ts: one transaction with its audit entry, news held for the
   * undo window), then on to the next registration waiting, with the notice (`done`).
   */
  const decide = (
    path: string,
    handler: (input: { c: ConsoleContext; row: RegistrationRecord; body: Record<string, unknown> }) => Decision | { err: string } | { page: Response | Promise<Response> },
  ) => {
    web.post(`/registrations/:ref/${path}`, async (c) => {
      const scope = scopeOf(c);
      const row = await byRef(c.req.param('ref'), scope);
      if (!row) return notFound(c);
      const back = (query: string) => c.redirect(`/registrations/${row.reference}?${query}`, 303);
      const body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
      // Consent withdrawn after approval: nothing is decided (no KPJ either) until an officer erases or keeps it.
      if (await store.withdrawals.isPending(row.id)) return back(`err=${path === 'kpj' ? 'kpj_withdrawn' : 'withdrawal_pending'}`);
      if (!DECIDABLE_STATUSES.includes(row.status)) return back('err=not_open');
      const decision = handler({ c, row, body });
      if ('page' in decision) return decision.page;
      if ('err' in decision) return back(`err=${decision.err}`);
      const officer = c.get('officer')!;
      const detail = decision.kind === 'reject' ? { reason: decision.reason } : decision.kind === 'correction' ? { fields: decision.fields } : undefined;
      await app.decisions.decide(row.reference, decision, { id: officer.id, username: officer.username }, detail);
      const next = await nextWaiting(row.reference, officer.id, scope);
      return c.redirect(`/registrations/${next ?? row.reference}?done=${row.reference}`, 303);
    });
  };

  decide('approve', ({ row }) => (row.status === 'approved' ? { err: 'already_approved' } : { kind: 'approve' }));
  decide('reject', ({ c, row, body }) => {
    const reason = text(body.reason);
    // Its own code: the erase form's "reason_required" names the erasure's reasons.
    if (!(REJECT_REASONS as readonly string[]).includes(reason)) return { err: 'reject_reason_required' };
    const extra = text(body.note).trim().slice(0, 500);
    // Nothing is sent before the officer has seen the reason and note as the person will get them, and confirmed.
    if (text(body.confirm) !== 'yes') {
      const page = pageBase(c, t, timeZone);
      return {
        page: c.html(
          <RejectConfirmPage {...page} reference={row.reference} name={row.data?.fullName ?? '-'} reason={reason} note={extra} undoSeconds={Math.round(app.decisions.undoMs / 1000)} />,
        ),
      };
    }
    // The reason is kept as its code (told in the person's language); the note is only the officer's own words.
    return { kind: 'reject', reason, note: extra };
  });
  decide('correction', ({ body }) => {
    const fields = ([] as unknown[]).concat(body.field ?? []).map(String);
    const note = text(body.note).trim().slice(0, 500);
    if (fields.length === 0 || !note) return { err: 'correction_fields' };
    return { kind: 'correction', fields, note };
  });
  decide('kpj', ({ body }) => {
    const kpj = text(body.kpj).replace(/[\s.-]/g, '');
    if (!/^\d{11}$/.test(kpj)) return { err: 'kpj_invalid' };
    return { kind: 'kpj', kpj };
  });

  /** Undo: the deciding officer takes back a decision (and its held news) before the person is told. */
  web.post('/registrations/:ref/undo', async (c) => {
    const row = await byRef(c.req.param('ref'), scopeOf(c));
    if (!row) return notFound(c);
    const officer = c.get('officer')!;
    const outcome = await app.decisions.undo(row.reference, { id: officer.id, username: officer.username });
    return c.redirect(`/registrations/${row.reference}?${outcome === 'undone' ? 'ok=undone' : `err=undo_${outcome}`}`, 303);
  });

  web.route('/', erasureRoutes(deps));

  return web;
}
