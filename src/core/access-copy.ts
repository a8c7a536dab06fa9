// The right of access (UU 27/2022 Pasal 7 and 32): a copy of everything held about a person and
// who has seen it. One renderer for the three ways it is asked for: the person's own chat ("Data
// saya"), a cadre for a neighbour (after the neighbour's phone confirmed with a code) and an officer
// at the office (a printable console page). It only turns a report into sections of text; what the
// report holds is gathered by app/access.ts from storage.
import { formatDateId } from '../domain/dates.js';
import { keyIn, type LocaleKey } from './locale-key.js';
import type { FieldDef } from './flows/registration-schema.js';
import type { Lang, RegistrationData, RegistrationStatus, T } from './types.js';

/** Who did something to a registration, as its history records it. */
export type ActorKind = 'applicant' | 'cadre' | 'officer' | 'system';

/** One line of a registration's history; days are calendar days in the regency's time zone. */
export interface AccessEvent {
  day: string;
  actor: ActorKind;
  /** An officer's username (the history records officers by it); null for anyone else. */
  officer: string | null;
  action: string;
  toStatus: RegistrationStatus | null;
  /** Fields named by a correction. */
  fields: string[];
  /** An officer's note to the person. */
  note: string | null;
  /** delivery_failed: the channel; erasures: why; access_copy: to whom. */
  channel: string | null;
  reason: string | null;
}

export interface AccessRegistration {
  reference: string;
  status: RegistrationStatus;
  /** Null once erased. */
  data: RegistrationData | null;
  kpj: string | null;
  officerNote: string | null;
  /** A rejection's reason code (domain/reject-reasons.ts). */
  rejectReason?: string | null;
  correctionFields: string[];
  channel: string;
  submittedDay: string;
  /** Sent by the person, or by a cadre (their role and village, never who they are inside the system). */
  submittedBy: { kind: 'self' } | { kind: 'cadre'; role: string | null; desa: string | null };
  consentWithdrawnDay: string | null;
  history: AccessEvent[];
}

/** Who saw a registration: one line per officer and kind of look, with how often and when. */
export interface AccessViewer {
  reference: string;
  username: string;
  role: string;
  kind: 'view' | 'reveal_nik' | 'export' | 'export_full' | 'access_copy' | 'decision';
  count: number;
  lastDay: string;
}

/** Everything held about one person, gathered for their copy. */
export interface AccessReport {
  registrations: AccessRegistration[];
  consents: { version: string; givenDay: string; withdrawnDay: string | null; byCadre: boolean }[];
  phone: string | null;
  lang: Lang | null;
  /** The channels they write from (their chat addresses are not repeated: the channel says enough). */
  channels: string[];
  questions: { day: string; text: string; answer: string | null; answeredDay: string | null }[];
  viewers: AccessViewer[];
}

/** Who the copy is for: the person's own chat, a cadre passing it on, or a printed copy at the office. */
export type Audience = 'self' | 'cadre' | 'office';

export interface CopyOptions {
  t: T;
  lang: Lang;
  /** The registration's fields (their order and labels); a stored field not in it is still listed. */
  fields: readonly FieldDef[];
  /** How a stored value reads (null: nothing to show); the NIK and phone already masked or not. */
  value: (field: FieldDef, stored: unknown) => string | null;
  /** NIK and phone in full (the person themself, the office) or masked (a cadre passing it on). */
  full: boolean;
  audience: Audience;
  /** The day the copy is made (ISO). */
  today: string;
  controller: { name: string; contact: string };
  office: { name: string; phone: string };
  answerWithinHours: number;
  /** A registration being filled in and not sent, as the conversation keeps it (answers by field id). */
  draft?: Record<string, unknown> | null;
  /** How a phone number shows when masked. */
  maskPhone: (phone: string) => string;
}

export interface Section {
  title: string;
  lines: string[];
}

/** Stored alongside the fields; shown in their own lines rather than as fields. */
const META_KEYS = new Set(['consentVersion', 'consentAt', 'submittedBy', 'consentBy', 'checks']);

/** A label from a group of keys by a stored name, or the name itself when the locale has none. */
function named(t: T, key: LocaleKey, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

function day(iso: string, lang: Lang): string {
  return formatDateId(iso, lang);
}

function who(e: AccessEvent, t: T): string {
  if (e.actor === 'officer') return t('access.who.officer', { name: e.officer ?? '' });
  return t(`access.who.${e.actor}`);
}

/** One history event in words. */
function eventLine(e: AccessEvent, opts: CopyOptions): string {
  const { t, lang } = opts;
  const by = who(e, t);
  let text: string;
  switch (e.action) {
    case 'submitted':
      text = t('access.event.submitted', { who: by });
      break;
    case 'status_changed':
      text = e.toStatus ? t('access.event.status', { status: t(`status.${e.toStatus}`), who: by }) : t('access.event.other', { who: by });
      break;
    case 'corrected':
      text = t('access.event.corrected', { who: by, fields: e.fields.map((f) => t(keyIn('reg.field.', f))).join(', ') });
      break;
    case 'delivery_failed':
      text = t('access.event.delivery_failed', { channel: channelName(e.channel ?? '', t) });
      break;
    case 'deleted_by_applicant':
    case 'consent_withdrawn':
    case 'retention_expired':
    case 'erased_by_officer':
      text = t('access.event.erased', { why: t(keyIn('access.erased_why.', e.action)) });
      break;
    case 'consent_withdrawn_kept':
      text = t('access.event.withdrawn_kept');
      break;
    case 'withdrawal_kept':
      text = t('access.event.withdrawal_kept', { who: by });
      break;
    case 'access_copy':
      text =
        e.actor === 'officer'
          ? t('access.event.copy_office', { who: by })
          : t(e.actor === 'cadre' ? 'access.event.copy_cadre' : 'access.event.copy_self');
      break;
    default:
      text = t('access.event.other', { who: by });
  }
  const note = e.note ? ` ${t('access.note_inline', { note: e.note })}` : '';
  return `• ${day(e.day, lang)}: ${text}${note}`;
}

function channelName(id: string, t: T): string {
  return named(t, keyIn('console.channel.', id), id);
}

/** A registration's fields, from the schema, then anything stored that the schema does not name. */
function fieldLines(data: Record<string, unknown>, opts: CopyOptions): string[] {
  const { t, fields } = opts;
  const lines: string[] = [];
  const inSchema = new Set(fields.map((f) => f.id));
  for (const f of fields) {
    const shown = opts.value(f, data[f.id]);
    if (shown !== null) lines.push(`• ${t(keyIn('reg.field.', f.id))}: ${shown}`);
  }
  for (const [key, v] of Object.entries(data)) {
    if (inSchema.has(key) || META_KEYS.has(key) || v === null || v === undefined || v === '') continue;
    lines.push(`• ${named(t, keyIn('reg.field.', key), key)}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  }
  return lines;
}

function registrationSection(r: AccessRegistration, opts: CopyOptions): Section[] {
  const { t, lang } = opts;
  const lines: string[] = [t('access.status', { status: t(`status.${r.status}`) })];
  const by =
    r.submittedBy.kind === 'self'
      ? t('access.by_self')
      : r.submittedBy.role && r.submittedBy.desa
        ? t('access.by_cadre', { role: named(t, keyIn('cadre.role.', r.submittedBy.role), r.submittedBy.role), desa: r.submittedBy.desa })
        : t('access.by_cadre_unknown');
  lines.push(t('access.submitted', { day: day(r.submittedDay, lang), channel: channelName(r.channel, t), by }));
  if (r.data) {
    lines.push(...fieldLines(r.data as unknown as Record<string, unknown>, opts));
    lines.push(
      t('access.consent_given', {
        version: r.data.consentVersion,
        day: day(r.data.consentAt.slice(0, 10), lang),
        by: t(r.data.consentBy === 'cadre' || (r.data.consentBy === undefined && r.data.submittedBy === 'cadre') ? 'access.consent_by_cadre' : 'access.consent_by_self'),
      }),
    );
    if (r.data.checks.length) lines.push(t('access.checks', { checks: r.data.checks.map((c) => named(t, keyIn('console.check.', c), c)).join('; ') }));
  } else {
    lines.push(t('access.erased'));
  }
  if (r.kpj) lines.push(t('access.kpj', { kpj: r.kpj }));
  if (r.status === 'rejected' && r.rejectReason) lines.push(t('access.reject_reason', { reason: t(keyIn('console.reject.', r.rejectReason)) }));
  if (r.officerNote) lines.push(t('access.officer_note', { note: r.officerNote }));
  if (r.correctionFields.length) lines.push(t('access.correction_fields', { fields: r.correctionFields.map((f) => t(keyIn('reg.field.', f))).join(', ') }));
  if (r.consentWithdrawnDay) lines.push(t('access.withdrawn', { day: day(r.consentWithdrawnDay, lang) }));
  return [
    { title: t('access.registration', { reference: r.reference }), lines },
    { title: t('access.history', { reference: r.reference }), lines: r.history.map((e) => eventLine(e, opts)) },
  ];
}

/** Who saw the data: officers (by username, role and office), the cadre who sent it, and BPJS once approved. */
function viewerSection(report: AccessReport, opts: CopyOptions): Section {
  const { t, lang } = opts;
  const lines: string[] = [];
  const agency = opts.controller.name;
  for (const v of report.viewers) {
    const params = {
      who: t('access.viewer_who', { role: named(t, keyIn('access.role.', v.role), v.role), username: v.username }),
      agency,
      what: t(`access.seen.${v.kind}`),
      count: v.count,
      day: day(v.lastDay, lang),
      reference: v.reference,
    };
    lines.push(`• ${t(v.count > 1 ? 'access.viewer_repeated' : 'access.viewer_single', params)}`);
  }
  for (const r of report.registrations) {
    if (r.submittedBy.kind === 'cadre') {
      const copies = r.history.filter((e) => e.action === 'access_copy' && e.actor === 'cadre').length;
      const role = r.submittedBy.role ? named(t, keyIn('cadre.role.', r.submittedBy.role), r.submittedBy.role) : t('access.by_cadre_unknown');
      lines.push(`• ${t('access.viewer_cadre', { role, desa: r.submittedBy.desa ?? '-', reference: r.reference })}`);
      if (copies > 0) lines.push(`• ${t('access.viewer_cadre_copies', { count: copies, reference: r.reference })}`);
    }
    if (r.status === 'approved' || r.status === 'registered' || r.kpj) lines.push(`• ${t('access.viewer_bpjs', { reference: r.reference })}`);
  }
  if (lines.length === 0) lines.push(t('access.viewers_none'));
  return { title: t('access.viewers_title'), lines };
}

/** The whole copy as titled sections, in the person's language (the office's copy: Indonesian). */
export function accessSections(report: AccessReport, opts: CopyOptions): Section[] {
  const { t, lang } = opts;
  const sections: Section[] = [];
  const intro = [t('access.intro', { controller: opts.controller.name })];
  if (!opts.full) intro.push(t('access.masked_note', { office: opts.office.name }));
  const title = opts.audience === 'cadre' ? t('access.title_cadre', { day: day(opts.today, lang) }) : t('access.title', { day: day(opts.today, lang) });
  sections.push({ title, lines: intro });

  if (report.registrations.length === 0) sections.push({ title: t('access.registrations_none_title'), lines: [t('access.registrations_none')] });
  for (const r of report.registrations) sections.push(...registrationSection(r, opts));

  const draft = opts.draft;
  if (draft && Object.keys(draft).length > 0) {
    const stored: Record<string, unknown> = {};
    for (const f of opts.fields) {
      const v = draft[f.id];
      if (v !== undefined) stored[f.id] = f.toData ? f.toData(v) : v;
    }
    const lines = fieldLines(stored, opts);
    sections.push({ title: t('access.draft_title'), lines: lines.length ? lines : [t('access.draft_empty')] });
  }

  const contact: string[] = [];
  contact.push(report.phone ? t('access.phone', { phone: opts.full ? report.phone : opts.maskPhone(report.phone) }) : t('access.phone_none'));
  if (report.channels.length) contact.push(t('access.channels', { channels: report.channels.map((c) => channelName(c, t)).join(', ') }));
  if (report.lang) contact.push(t('access.lang', { lang: t(`access.lang_name.${report.lang}`) }));
  for (const c of report.consents) {
    const line = t('access.consent_record', {
      version: c.version,
      day: day(c.givenDay, lang),
      by: t(c.byCadre ? 'access.consent_by_cadre' : 'access.consent_by_self'),
    });
    contact.push(c.withdrawnDay ? `${line} ${t('access.consent_withdrawn', { day: day(c.withdrawnDay, lang) })}` : line);
  }
  if (report.consents.length === 0) contact.push(t('access.consent_none'));
  sections.push({ title: t('access.contact_title'), lines: contact });

  if (report.questions.length) {
    sections.push({
      title: t('access.questions_title'),
      lines: report.questions.map((q) => {
        const asked = `• ${t('access.question', { day: day(q.day, lang), text: q.text })}`;
        return q.answer !== null && q.answeredDay
          ? `${asked}\n  ${t('access.question_answered', { day: day(q.answeredDay, lang), answer: q.answer })}`
          : `${asked}\n  ${t('access.question_open')}`;
      }),
    });
  }

  sections.push(viewerSection(report, opts));
  sections.push({
    title: t('access.rights_title'),
    lines: [t('access.rights', { contact: opts.controller.contact, office: opts.office.name, phone: opts.office.phone, hours: opts.answerWithinHours })],
  });
  return sections;
}

/** The one-time code for a cadre's copy of a neighbour's data: how long it lives, how many tries, how many a day. */
export const ACCESS_CODE = { minutes: 10, tries: 5, perDay: 3, digits: 6 } as const;
