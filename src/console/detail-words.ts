// What the detail page says about a registration, in the officer's words: its history with
// corrections old → new, its automatic checks with what to do, how long it has waited. Codes
// (actor kinds, actions, channels, consent) never reach the page as they are stored.
import { detailValue, type FieldDef } from '../core/flows/registration-schema.js';
import { keyIn, type LocaleKey } from '../core/locale-key.js';
import type { RegistrationData, T } from '../core/types.js';
import { formatDateId } from '../domain/dates.js';
import { ageOn } from '../domain/eligibility.js';
import { maskNik, parseNik } from '../domain/nik.js';
import { maskPhone } from '../domain/phone.js';
import type { ProgrammeSettings } from '../settings.js';
import { formatWhen, statusLabel } from './labels.js';

/** A history event as the registration store gives it. */
export interface StoredEvent {
  at: number;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  detail: string | null;
}

/** One line of the history: when, who, what, and what changed. */
export interface HistoryLine {
  when: string;
  who: string;
  what: string;
  /** The status it moved to, in words. */
  toStatus?: string;
  note?: string;
  /** A correction's fields, each "field: old → new". */
  changes: string[];
}

/** One automatic check: what it found (with the figures), and what the officer can do about it. */
export interface CheckLine {
  code: string;
  label: string;
  detail?: string;
  todo: string;
}

/** A label by key, or `fallback` where the locale has none (the translator gives back the key then). */
export function named(t: T, key: LocaleKey, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** A time of day with seconds in the regency's zone, e.g. "09.15.32" (the undo window is seconds long). */
export function clockTime(ms: number, timeZone: string): string {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, f);
  }
  return f.format(ms);
}

/** A waiting time in words: "baru saja", "25 menit", "3 jam 10 menit", "2 hari 4 jam". */
export function waitWords(t: T, ms: number, opts: { brief?: boolean } = {}): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  // Brief (a queue row): the largest unit only, and never "just now" (a row has waited at least a minute in words).
  if (opts.brief) {
    if (minutes < 60) return t('console.detail.wait.minutes', { count: Math.max(1, minutes) });
    if (minutes < 24 * 60) return t('console.detail.wait.hours', { count: Math.floor(minutes / 60) });
    return t('console.detail.wait.days', { count: Math.floor(minutes / (24 * 60)) });
  }
  if (minutes < 1) return t('console.detail.wait.moment');
  if (minutes < 60) return t('console.detail.wait.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return [t('console.detail.wait.hours', { count: hours }), ...(rest ? [t('console.detail.wait.minutes', { count: rest })] : [])].join(' ');
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return [t('console.detail.wait.days', { count: days }), ...(rest ? [t('console.detail.wait.hours', { count: rest })] : [])].join(' ');
}

/** A channel's name (WhatsApp, Telegram, the simulator…), its id only when we have no name for it. */
export function channelName(t: T, id: string): string {
  return named(t, keyIn('console.channel.', id), id);
}

/** Who did something: Warga, Kader, Petugas <username>, Sistem. */
export function actorWords(t: T, kind: string, officer: string | null): string {
  const who = named(t, keyIn('console.history.actor.', kind), kind);
  return kind === 'officer' && officer ? `${who} ${officer}` : who;
}

/** The consent as proof in words: when, which text version, and who gave it. */
export function consentWords(t: T, d: Pick<RegistrationData, 'consentAt' | 'consentVersion' | 'consentBy' | 'submittedBy'>): string {
  const byCadre = d.consentBy === 'cadre' || (d.consentBy === undefined && d.submittedBy === 'cadre');
  return t('console.detail.consent_line', {
    date: formatDateId(d.consentAt.slice(0, 10), 'id'),
    version: d.consentVersion,
    by: t(byCadre ? 'console.detail.consent_by_cadre' : 'console.detail.consent_by_applicant'),
  });
}

/** How long a registration has waited, and for whom: for a decision (ours) or for a correction (theirs). */
export function waitingWords(t: T, status: string, createdAt: number, events: readonly StoredEvent[], now: number, timeZone: string): string | undefined {
  if (status !== 'submitted' && status !== 'needs_correction') return undefined;
  // Since it last came (back) to this status: a corrected registration waits from its correction.
  const since = [...events].reverse().find((e) => e.to_status === status)?.at ?? createdAt;
  const params = { when: formatWhen(since, timeZone), wait: waitWords(t, now - since) };
  return t(status === 'submitted' ? 'console.detail.waiting_us' : 'console.detail.waiting_person', params);
}

interface ValueContext {
  schema: readonly FieldDef[];
  settings: ProgrammeSettings;
  t: T;
  /** The NIK in full only after the officer pressed "show" (audited). */
  revealNik: boolean;
}

/** A stored field value as the data card shows it. */
function valueWords(id: string, value: unknown, ctx: ValueContext): string {
  if (value === undefined || value === null || value === '') return ctx.t('console.detail.empty_value');
  if (id === 'nik' && typeof value === 'string' && !ctx.revealNik) return maskNik(value);
  // A phone number in the history (an old one a correction replaced): masked like the NIK, shown with it.
  if (id === 'phone' && typeof value === 'string' && !ctx.revealNik) return maskPhone(value);
  const field = ctx.schema.find((f) => f.id === id);
  const shown = field ? detailValue(field, value, { settings: ctx.settings, t: ctx.t }) : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return shown ?? ctx.t('console.detail.empty_value');
}

/** The history in words, oldest first; `heldUntil`: the latest decision's news still waits until then. */
export function historyLines(events: readonly StoredEvent[], ctx: ValueContext & { timeZone: string; heldUntil?: string }): HistoryLine[] {
  const { t } = ctx;
  const lastDecision = events.map((e) => e.to_status !== null).lastIndexOf(true);
  return events.map((e, i) => {
    let detail: { note?: string; fields?: string[]; reason?: string; channel?: string; changes?: Record<string, { from: unknown; to: unknown }> } = {};
    try {
      detail = e.detail ? (JSON.parse(e.detail) as typeof detail) : {};
    } catch {
      detail = {};
    }
    const field = (id: string) => named(t, keyIn('reg.field.', id), id);
    let changes: string[] = [];
    if (detail.changes) {
      changes = Object.entries(detail.changes).map(([id, c]) => {
        const from = valueWords(id, c.from, ctx);
        const to = valueWords(id, c.to, ctx);
        return from === to ? t('console.detail.unchanged', { field: field(id), value: to }) : t('console.detail.changed', { field: field(id), from, to });
      });
    } else if (detail.fields) changes = [detail.fields.map(field).join(', ')];
    let note = detail.note;
    if (e.action === 'delivery_failed' && detail.reason) {
      const code = /^whatsapp_(.+)$/.exec(detail.reason)?.[1];
      const why = code ? t('console.unreachable.whatsapp_code', { code }) : named(t, keyIn('console.unreachable.', detail.reason), detail.reason);
      note = `${channelName(t, detail.channel ?? '')}: ${why}`;
    }
    if (e.action === 'submitted' && detail.channel) note = channelName(t, detail.channel);
    // A rejection's reason, kept as its code since migration 023 (earlier ones carry it in the note).
    if (e.action === 'status_changed' && e.to_status === 'rejected' && detail.reason) {
      note = [named(t, keyIn('console.reject.', detail.reason), detail.reason), note].filter(Boolean).join('. ');
    }
    const held = ctx.heldUntil && i === lastDecision && e.action === 'status_changed' ? t('console.detail.held_until', { time: ctx.heldUntil }) : undefined;
    return {
      when: formatWhen(e.at, ctx.timeZone),
      // Officers by username; people by role only (their ids mean nothing to an officer).
      who: actorWords(t, e.actor_kind, e.actor_kind === 'officer' ? e.actor_id : null),
      what: named(t, keyIn('console.history.action.', e.action), e.action),
      toStatus: e.to_status ? statusLabel(t, e.to_status) : undefined,
      note: [note, held].filter(Boolean).join(' · ') || undefined,
      changes,
    };
  });
}

/** The automatic checks in words, each with the figures behind it and what to do. */
export function checkLines(
  codes: readonly string[],
  input: {
    t: T;
    data: RegistrationData | null;
    settings: ProgrammeSettings;
    schema: readonly FieldDef[];
    today: string;
    revealNik: boolean;
    isKnownDistrict: (code: string) => boolean;
    sameNik: number;
    /** How many registrations the data's group has (loaded before: the quota check's figure); undefined when not loaded. */
    groupCount: number | undefined;
  },
): CheckLine[] {
  const { t, data, settings, today } = input;
  const ctx: ValueContext = { schema: input.schema, settings, t, revealNik: input.revealNik };
  const age = data && /^\d{4}-\d{2}-\d{2}$/.test(data.birthDate) ? ageOn(data.birthDate, today) : undefined;
  const nik = data ? parseNik(data.nik, { today, isKnownDistrict: input.isKnownDistrict }) : undefined;
  const detailOf = (code: string): string | undefined => {
    if (!data) return undefined;
    switch (code) {
      case 'age_above_limit':
        return age === undefined ? undefined : t('console.detail.check_age', { age, limit: settings.ageLimits.officerReviewAbove });
      case 'age_below_min':
        return age === undefined ? undefined : t('console.detail.check_age_min', { age, limit: settings.ageLimits.min });
      case 'quota_full': {
        const group = settings.groups.find((g) => g.id === data.groupId);
        return group?.quota === undefined || input.groupCount === undefined ? undefined : t('console.detail.check_quota', { group: group.label.id, count: input.groupCount, quota: group.quota });
      }
      case 'duplicate':
        return t('console.detail.check_duplicate', { count: input.sameNik });
      case 'unknown_region':
        // The district code's last two digits are masked until the NIK is shown.
        return input.revealNik && nik?.ok ? t('console.detail.check_region', { code: nik.info.districtCode }) : undefined;
      case 'nik_birthdate_mismatch': {
        const given = valueWords('birthDate', data.birthDate, ctx);
        return input.revealNik && nik?.ok
          ? t('console.detail.check_nik_date', { nik: formatDateId(nik.info.birthDate, 'id'), given })
          : t('console.detail.check_nik_date_hidden', { given });
      }
      case 'nik_sex_mismatch':
        return input.revealNik && nik?.ok
          ? t('console.detail.check_nik_sex', { nik: t(nik.info.sex === 'F' ? 'reg.sex_f' : 'reg.sex_m'), given: valueWords('sex', data.sex, ctx) })
          : undefined;
      default:
        return undefined;
    }
  };
  return codes.map((code) => ({
    code,
    label: named(t, keyIn('console.check.', code), code),
    detail: detailOf(code),
    todo: named(t, keyIn('console.detail.check_todo.', code), ''),
  }));
}

/** The birth date with the age beside it, e.g. "17 Agustus 1980 (46 tahun)". */
export function birthDateWords(t: T, shown: string | null, birthDate: string, today: string): string | null {
  if (shown === null || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return shown;
  return `${shown} (${t('console.detail.age', { age: ageOn(birthDate, today) })})`;
}
