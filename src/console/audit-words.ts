// The audit log in words: each action an officer (or the system) records, and the known fields of
// its detail, as an Indonesian sentence for the audit page, never a code or JSON.
import { fieldLabel } from '../core/flows/registration-schema.js';
import { keyIn, type LocaleKey } from '../core/locale-key.js';
import type { T } from '../core/types.js';
import type { ProgrammeSettings } from '../settings.js';
import type { AuditEntry } from '../storage/officers.js';
import { formatNumber } from './charts.js';
import { groupLabel, statusLabel } from './labels.js';

/** The actions the audit page knows, in the groups its filter offers. 'view' is left out unless asked. */
export const AUDIT_ACTION_GROUPS = {
  decisions: ['approve', 'reject', 'request_correction', 'record_kpj', 'undo_decision', 'erase', 'keep_after_withdrawal'],
  data: ['view', 'reveal_nik', 'search_nik', 'search_phone', 'export', 'export_figures', 'access_copy'],
  security: ['login', 'login_failed', 'change_password', 'enrol_second_factor', 'reset_second_factor'],
  admin: [
    'add_officer',
    'set_officer_scope',
    'disable_officer',
    'enable_officer',
    'reset_password',
    'grant_export_nik',
    'revoke_export_nik',
    'create_invite',
    'revoke_invite',
    'reload_settings',
  ],
  questions: ['answer_question', 'teach_phrasing', 'forget_phrasing'],
} as const;

export type AuditActionGroup = keyof typeof AUDIT_ACTION_GROUPS;
export const KNOWN_AUDIT_ACTIONS: readonly string[] = Object.values(AUDIT_ACTION_GROUPS).flat();

/** The page views: many per decision, so the audit page hides them unless its filter asks. */
export const PAGE_VIEW = 'view';

/** A translation when the key exists, else `fallback` (a code no locale knows yet stays readable). */
function known(t: T, key: LocaleKey, fallback: string, params?: Record<string, unknown>): string {
  const text = t(key, params);
  return text === key ? fallback : text;
}

/** An action as officers read it: "Menyetujui", "Gagal masuk"; an action no locale knows yet: "Tindakan lain: code". */
export function actionWords(t: T, action: string): string {
  return known(t, keyIn('console.audit.actions.', action), t('console.audit.other_action', { action }));
}

type Detail = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** An export's filter in words: "status Menunggu, Kecamatan Gunung Sari, dari 2026-11-01". */
function filterWords(t: T, settings: ProgrammeSettings, filter: Detail, regencyName: (key: string) => string): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(filter)) {
    const value = str(v);
    if (value === undefined) continue;
    if (k === 'status') {
      const status = value === 'open' || value === 'all' ? t(`console.audit.filter.status_${value}`) : statusLabel(t, value);
      parts.push(t('console.audit.filter.status', { value: status }));
    } else if (k === 'group') parts.push(t('console.audit.filter.group', { value: groupLabel(settings, value) }));
    else if (k === 'q') parts.push(t('console.audit.filter.q', { value: value === '[NIK]' ? t('console.audit.filter.q_nik') : value === '[HP]' ? t('console.audit.filter.q_phone') : value }));
    else if (k === 'test') parts.push(known(t, keyIn('console.audit.filter.test.', value), value));
    else if (k === 'regency') parts.push(regencyName(value));
    else parts.push(known(t, keyIn('console.audit.filter_field.', k), `${k}: ${value}`, { value }));
  }
  return parts.length ? t('console.audit.details.filter', { filter: parts.join(', ') }) : t('console.audit.details.no_filter');
}

/**
 * The detail of an entry in words. Known fields become phrases; a field no phrase knows is written
 * "name: value" (never JSON); an unreadable detail is left out.
 */
export function detailWords(
  t: T,
  settings: ProgrammeSettings,
  entry: Pick<AuditEntry, 'action' | 'detail'>,
  usernameOf: (id: number) => string | undefined,
  /** A regency's name by its key (the deployment's), for scopes and exports. */
  regencyName: (key: string) => string = (key) => key,
): string {
  if (!entry.detail) return '';
  let d: Detail;
  try {
    const parsed: unknown = JSON.parse(entry.detail);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return '';
    d = parsed as Detail;
  } catch {
    return '';
  }
  const out: string[] = [];
  const used = new Set<string>();
  const take = (k: string): unknown => {
    used.add(k);
    return d[k];
  };
  const officerName = (): string | undefined => {
    const id = take('officer');
    const name = str(take('username')) ?? (typeof id === 'number' ? usernameOf(id) : undefined);
    return name ?? (typeof id === 'number' ? `#${id}` : undefined);
  };
  switch (entry.action) {
    case 'login': {
      const factor = str(take('factor'));
      const left = take('recovery_codes_left');
      if (factor) out.push(known(t, keyIn('console.audit.details.factor.', factor), factor, { left: typeof left === 'number' ? left : '-' }));
      break;
    }
    case 'login_failed': {
      const step = str(take('step'));
      if (step) out.push(known(t, keyIn('console.audit.details.failed.', step), step));
      break;
    }
    case 'add_officer': {
      const role = str(take('role'));
      out.push(t('console.audit.details.officer_role', { username: str(take('username')) ?? '-', role: role ? known(t, keyIn('console.officers.roles.', role), role) : '-' }));
      out.push(...scopeParts(t, take('regency'), take('groups'), take('read_only'), regencyName, settings, false));
      break;
    }
    case 'set_officer_scope': {
      const name = officerName();
      if (name) out.push(t('console.audit.details.officer', { username: name }));
      out.push(...scopeParts(t, take('regency'), take('groups'), take('read_only'), regencyName, settings, true));
      take('before');
      break;
    }
    case 'reload_settings': {
      const changed = take('changed');
      const errors = take('errors');
      if (take('ok') === false) out.push(t('console.audit.details.reload_failed', { n: typeof errors === 'number' ? formatNumber(errors) : '-' }));
      else if (Array.isArray(changed) && changed.length > 0) out.push(t('console.audit.details.reload_changed', { regencies: changed.map((k) => regencyName(String(k))).join(', ') }));
      else out.push(t('console.audit.details.reload_unchanged'));
      break;
    }
    case 'export_figures': {
      const n = take('regencies');
      out.push(t('console.audit.details.export_figures', { format: String(str(take('format')) ?? '').toUpperCase(), n: typeof n === 'number' ? formatNumber(n) : '-' }));
      break;
    }
    case 'disable_officer':
    case 'enable_officer':
    case 'reset_password':
    case 'reset_second_factor':
    case 'grant_export_nik':
    case 'revoke_export_nik': {
      const name = officerName();
      if (name) out.push(t('console.audit.details.officer', { username: name }));
      if (take('by') === 'cli') out.push(t('console.audit.details.by_cli'));
      break;
    }
    case 'create_invite':
    case 'revoke_invite': {
      const role = str(take('role'));
      const desa = str(take('desa'));
      out.push(t('console.audit.details.invite', { code: str(take('code')) ?? '-' }));
      if (role) out.push(known(t, keyIn('cadre.role.', role), role));
      if (desa) out.push(t('console.audit.details.desa', { desa }));
      break;
    }
    case 'export': {
      const rows = take('rows');
      out.push(t('console.audit.details.export', { format: String(str(take('format')) ?? '').toUpperCase(), rows: typeof rows === 'number' ? formatNumber(rows) : '-' }));
      out.push(t(take('nik') === 'full' ? 'console.audit.details.nik_full' : 'console.audit.details.nik_masked'));
      const preset = str(take('preset'));
      if (preset) out.push(known(t, keyIn('console.audit.details.preset.', preset), preset));
      const filter = take('filter');
      if (filter && typeof filter === 'object') out.push(filterWords(t, settings, filter as Detail, regencyName));
      const withheld = take('withheld_withdrawn');
      if (typeof withheld === 'number') out.push(t('console.audit.details.withheld', { n: formatNumber(withheld) }));
      if (take('complete') === false) out.push(t('console.audit.details.incomplete'));
      const re = str(take('reauthenticated'));
      if (re) out.push(known(t, keyIn('console.audit.details.reauth.', re.replace('+', '_')), re));
      break;
    }
    case 'search_nik':
    case 'search_phone': {
      const n = take('results');
      if (typeof n === 'number') out.push(t('console.audit.details.results', { n: formatNumber(n) }));
      break;
    }
    case 'approve':
      if (take('bulk') === true) out.push(t('console.audit.details.bulk'));
      break;
    case 'undo_decision': {
      const undid = str(take('undid'));
      const to = str(take('to'));
      const held = take('held');
      if (undid) out.push(t('console.audit.details.undid', { action: actionWords(t, undid) }));
      if (to) out.push(t('console.audit.details.back_to', { status: statusLabel(t, to) }));
      if (typeof held === 'number' && held > 0) out.push(t('console.audit.details.held', { n: formatNumber(held) }));
      break;
    }
    case 'reject': {
      const reason = str(take('reason'));
      if (reason) out.push(known(t, keyIn('console.reject.', reason), reason));
      break;
    }
    case 'request_correction': {
      const fields = take('fields');
      if (Array.isArray(fields)) out.push(t('console.audit.details.fields', { fields: fields.map((f) => fieldLabel(t, String(f))).join(', ') }));
      break;
    }
    case 'erase':
    case 'keep_after_withdrawal': {
      const reason = str(take('reason'));
      const ns = entry.action === 'erase' ? 'console.erase.reasons.' : 'console.withdrawal.keep_reasons.';
      if (reason) out.push(known(t, keyIn(ns, reason), reason));
      const note = str(take('note'));
      if (note) out.push(t('console.audit.details.note', { note }));
      break;
    }
    case 'access_copy': {
      const by = str(take('by'));
      take('person'); // a person id means nothing to the reader
      if (by) out.push(known(t, keyIn('console.audit.details.copy_by.', by), by));
      break;
    }
    case 'answer_question': {
      const q = take('question');
      if (q !== undefined) out.push(t('console.audit.details.question', { id: String(q) }));
      break;
    }
    case 'teach_phrasing':
    case 'forget_phrasing': {
      const topic = take('topic');
      out.push(typeof topic === 'string' ? known(t, keyIn('kb.', `${topic}.title`), topic) : t('console.audit.details.out_of_scope'));
      break;
    }
  }
  for (const [k, v] of Object.entries(d)) {
    if (used.has(k) || v === null || v === undefined) continue;
    if (k === 'regency' && typeof v === 'string') {
      out.push(regencyName(v));
      continue;
    }
    out.push(`${k}: ${typeof v === 'object' ? Object.values(v as object).map(String).join(', ') : String(v)}`);
  }
  return out.join('; ');
}

/** An officer's scope in an audit line: their regency, their groups (in words), read-only. `full`: says "every regency/group" too. */
function scopeParts(
  t: T,
  regency: unknown,
  groups: unknown,
  readOnly: unknown,
  regencyName: (key: string) => string,
  settings: ProgrammeSettings,
  full: boolean,
): string[] {
  const out: string[] = [];
  if (typeof regency === 'string') out.push(regencyName(regency));
  else if (full) out.push(t('console.scope.every_regency'));
  if (Array.isArray(groups)) out.push(groups.map((g) => groupLabel(settings, String(g))).join(', '));
  else if (full) out.push(t('console.scope.every_group'));
  if (readOnly === true) out.push(t('console.scope.read_only_short'));
  return out;
}
