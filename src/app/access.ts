import { randomInt } from 'node:crypto';
import { ACCESS_CODE, accessSections, type AccessEvent, type AccessReport, type AccessViewer, type Section } from '../core/access-copy.js';
import { detailValue, type FieldDef } from '../core/flows/registration-schema.js';
import { maskPhone } from '../domain/phone.js';
import type { Rates } from '../domain/rates.js';
import type { AccessCodeState, Lang, RegistrationStatus, T } from '../core/types.js';
import { keyIn } from '../core/locale-key.js';
import { dayIn } from '../domain/time.js';
import type { RegencyRegistry } from '../regencies.js';
import type { Store } from '../storage/store.js';

interface Deps {
  store: Store;
  translate: (lang: Lang) => T;
  /** The regencies served: a copy names the controller and office of the person's regency. */
  regencies: RegencyRegistry;
  rates: Rates;
  /** The registration's fields (the app's schema): the office copy lists them in this order. */
  schema: readonly FieldDef[];
  timeZone: string;
  /** Where a phone number is reached (the configured phone channel, once attached); none: not reachable. */
  reachByPhone: (phone: string) => { channel: string; externalId: string } | undefined;
}

/**
 * What an office may give in a person's copy: the registrations and questions of its own regency
 * (and, for an agency, its groups). Each regency is the controller of what it holds; another's
 * registrations of the same person are that regency's to give. None: everything (the person's own copy).
 */
export interface AccessScope {
  registration: (r: { regency: string; groupId: string | null }) => boolean;
  question: (regency: string) => boolean;
}

/** How an officer's audit action reads in the copy; any other action on a registration (approve, reject…) is a decision. */
const SEEN_KINDS: Record<string, AccessViewer['kind']> = {
  view: 'view',
  reveal_nik: 'reveal_nik',
  export: 'export',
  export_full: 'export_full',
  access_copy: 'access_copy',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The right of access (UU 27/2022): gathers everything held about a person for their copy (read
 * through the stores: registrations decrypted by their store), records that a copy was given, and
 * runs the one-time codes that let a cadre pass a neighbour their copy.
 */
export function createAccess(deps: Deps) {
  const { store, timeZone } = deps;
  const { registrations, accessLog, people, cadres } = store;
  const day = (ms: number) => dayIn(timeZone, ms);

  async function report(personId: number, only?: AccessScope): Promise<AccessReport> {
    const viewers: AccessViewer[] = [];
    const regs: AccessReport['registrations'] = [];
    for (const view of await registrations.ofApplicant(personId)) {
      const record = await registrations.record(view.reference);
      if (!record || (only && !only.registration({ regency: record.regency, groupId: record.data?.groupId ?? null }))) continue;
      const history: AccessEvent[] = (await registrations.events(record.id)).map((e) => {
        let detail: { note?: string; fields?: string[]; channel?: string; reason?: string } = {};
        try {
          detail = e.detail ? (JSON.parse(e.detail) as typeof detail) : {};
        } catch {
          detail = {};
        }
        return {
          day: day(e.at),
          actor: e.actor_kind as AccessEvent['actor'],
          officer: e.actor_kind === 'officer' ? e.actor_id : null,
          action: e.action,
          toStatus: (e.to_status as RegistrationStatus | null) ?? null,
          fields: Array.isArray(detail.fields) ? detail.fields : [],
          note: typeof detail.note === 'string' ? detail.note : null,
          channel: typeof detail.channel === 'string' ? detail.channel : null,
          reason: typeof detail.reason === 'string' ? detail.reason : null,
        };
      });
      for (const s of await accessLog.seenBy(record.id)) {
        viewers.push({ reference: record.reference, username: s.username, role: s.role, kind: SEEN_KINDS[s.action] ?? 'decision', count: s.count, lastDay: day(s.last) });
      }
      const cadre = record.submitterId !== record.applicantId ? await cadres.cadreOf(record.submitterId) : undefined;
      regs.push({
        reference: record.reference,
        status: record.status,
        data: record.data,
        kpj: record.kpj,
        officerNote: record.officerNote,
        rejectReason: record.rejectReason,
        correctionFields: record.correctionFields,
        channel: record.channel,
        submittedDay: day(record.createdAt),
        submittedBy: record.submitterId === record.applicantId ? { kind: 'self' as const } : { kind: 'cadre' as const, role: cadre?.role ?? null, desa: cadre?.desa ?? null },
        consentWithdrawnDay: record.consentWithdrawnAt ? day(record.consentWithdrawnAt) : null,
        history,
      });
    }
    // Several decisions by one officer are one line ("checked and decided"), like several views.
    const merged = new Map<string, AccessViewer>();
    for (const v of viewers) {
      const key = `${v.reference}\u0000${v.username}\u0000${v.kind}`;
      const m = merged.get(key);
      if (m) {
        m.count += v.count;
        if (v.lastDay > m.lastDay) m.lastDay = v.lastDay;
      } else merged.set(key, { ...v });
    }
    const person = await people.person(personId);
    return {
      registrations: regs,
      consents: (await accessLog.consents(personId)).map((c) => ({ version: c.version, givenDay: day(c.givenAt), withdrawnDay: c.withdrawnAt ? day(c.withdrawnAt) : null, byCadre: c.byCadre })),
      phone: person?.phone ?? null,
      lang: person?.lang ?? null,
      channels: [...new Set((await people.identities(personId)).map((i) => i.channel))],
      questions: (await accessLog.questions(personId)).filter((q) => !only || only.question(q.regency)).map((q) => ({ day: day(q.askedAt), text: q.text, answer: q.answer, answeredDay: q.answeredAt ? day(q.answeredAt) : null })),
      viewers: [...merged.values()].sort((a, b) => (a.lastDay < b.lastDay ? 1 : a.lastDay > b.lastDay ? -1 : 0)),
    };
  }

  /**
   * A copy was given: in each registration's history (so the person's next copy and the officers'
   * detail page show it) and in the audit log, with who gave it and how; no personal data.
   */
  async function recordCopy(input: { personId: number; by: 'applicant' | 'cadre' | 'officer'; actorId: string | null; officerId: number | null; channel: string | null; now: number; only?: AccessScope }): Promise<void> {
    const ids: number[] = [];
    for (const r of await registrations.ofApplicant(input.personId)) {
      const id = await registrations.idOf(r.reference);
      if (input.only && !input.only.registration({ regency: r.regency, groupId: r.data?.groupId ?? null })) continue;
      if (id !== undefined) ids.push(id);
    }
    for (const registrationId of ids) {
      await registrations.event({
        registrationId,
        at: input.now,
        actorKind: input.by,
        actorId: input.actorId,
        action: 'access_copy',
        fromStatus: null,
        toStatus: null,
        detail: input.channel ? { channel: input.channel } : undefined,
      });
    }
    await accessLog.auditCopy({ officerId: input.officerId, registrationIds: ids, by: input.by, personId: input.personId, now: input.now });
  }

  /** A cadre's own registration of a neighbour, by its reference (anything else: none). */
  async function neighbourOf(reference: string, cadreId: number) {
    const view = await registrations.byReference(reference);
    const id = await registrations.idOf(reference);
    if (!view || id === undefined || view.submitterId !== cadreId || view.personId === cadreId || view.status === 'deleted' || !view.data) return undefined;
    return { id, view };
  }

  async function codeState(reference: string, requesterId: number, now: number): Promise<AccessCodeState> {
    const id = await registrations.idOf(reference);
    if (id === undefined) return { sentToday: 0, open: null };
    const open = await accessLog.openCode(id, requesterId, now);
    return { sentToday: await accessLog.codesSentSince(id, requesterId, now - DAY_MS), open: open ? { expiresAt: open.expiresAt, triesLeft: open.triesLeft } : null };
  }

  async function codeMatches(reference: string, requesterId: number, typed: string, now: number): Promise<boolean> {
    const id = await registrations.idOf(reference);
    const open = id === undefined ? undefined : await accessLog.openCode(id, requesterId, now);
    return open !== undefined && accessLog.codeMatches(open, typed);
  }

  /**
   * Sends a fresh code to the phone on record of a cadre's neighbour, through the phone channel.
   * Checked again here (the flow checked first): the cadre's own registration, a phone that is not
   * the cadre's, reachable, and not over the day's number of codes. The code is only in the message.
   */
  async function sendCode(reference: string, cadreId: number, cadrePhone: string | null, now: number): Promise<boolean> {
    const n = await neighbourOf(reference, cadreId);
    const phone = n?.view.data?.phone;
    if (!n || !phone || phone === cadrePhone) return false;
    if ((await accessLog.codesSentSince(n.id, cadreId, now - DAY_MS)) >= ACCESS_CODE.perDay) return false;
    const to = deps.reachByPhone(phone);
    if (!to) return false;
    const code = String(randomInt(0, 10 ** ACCESS_CODE.digits)).padStart(ACCESS_CODE.digits, '0');
    await accessLog.addCode({ registrationId: n.id, requesterId: cadreId, code, now, expiresAt: now + ACCESS_CODE.minutes * 60_000, tries: ACCESS_CODE.tries, keepAfter: now - 2 * DAY_MS });
    const neighbour = await people.person(n.view.personId);
    const t = deps.translate(neighbour?.lang ?? 'id');
    const cadre = await cadres.cadreOf(cadreId);
    const text = t('access.code_message', {
      code,
      minutes: ACCESS_CODE.minutes,
      reference,
      role: cadre ? t(keyIn('cadre.role.', cadre.role)) : t('access.by_cadre_unknown'),
      desa: cadre?.desa ?? '-',
      controller: deps.regencies.get(n.view.regency).dataController.name,
      phone: deps.regencies.get(n.view.regency).office.phone,
    });
    await store.outbox.add(n.view.personId, to.channel, to.externalId, { text }, now, 'notification', n.id);
    return true;
  }

  /** The cadre typed the code: used when right, one try fewer when wrong. */
  async function codeTried(reference: string, requesterId: number, ok: boolean, now: number): Promise<void> {
    const id = await registrations.idOf(reference);
    const open = id === undefined ? undefined : await accessLog.openCode(id, requesterId, now);
    if (open) await accessLog.tried(open.id, ok, now);
  }

  /** A registration being filled in and not sent, from the person's stored conversation. */
  async function draftOf(personId: number): Promise<Record<string, unknown> | null> {
    // A cadre's draft is a neighbour's data, not theirs.
    if (await cadres.cadreOf(personId)) return null;
    try {
      const { state } = await people.session(personId);
      const session = state ? (JSON.parse(state) as { flow?: string; answers?: Record<string, unknown>; drafts?: Record<string, { answers?: Record<string, unknown> }> }) : undefined;
      return (session?.flow === 'registration' ? session.answers : session?.drafts?.registration?.answers) ?? null;
    } catch {
      return null;
    }
  }

  /**
   * The office's copy (printed for a request made in person): the same content as the person's
   * own, in Indonesian, the NIK and phone in full, as of `now`.
   */
  async function officeSections(personId: number, now: number, only?: AccessScope): Promise<Section[]> {
    const t = deps.translate('id');
    // The regency of their latest registration the office may give (none: the deployment's first) answers for the data.
    const own = (await registrations.ofApplicant(personId)).find((r) => !only || only.registration({ regency: r.regency, groupId: r.data?.groupId ?? null }));
    const settings = deps.regencies.get(own?.regency);
    const copy = await report(personId, only);
    const draft = await draftOf(personId);
    return accessSections(copy, {
      t,
      lang: 'id',
      fields: deps.schema,
      value: (field, stored) => detailValue(field, stored, { settings, t }),
      full: true,
      audience: 'office',
      today: day(now),
      controller: settings.dataController,
      office: settings.office,
      answerWithinHours: deps.rates.dataRights.answerWithinHours,
      draft,
      maskPhone,
    });
  }

  return { report, recordCopy, officeSections, codeState, codeMatches, sendCode, codeTried };
}

export type Access = ReturnType<typeof createAccess>;
