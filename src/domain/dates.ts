// Birth dates as people type them in chat: numeric with any separator, or with an
// Indonesian/English month name, two- or four-digit years. No clock: the caller
// passes "today" so results are reproducible.

export type DateError = 'date_format' | 'date_invalid' | 'date_future' | 'date_too_old';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Every spelling accepted for each month (index 0 = January), both languages.
const MONTH_ALIASES: readonly (readonly string[])[] = [
  ['januari', 'jan', 'january'],
  ['februari', 'feb', 'peb', 'pebruari', 'february'],
  ['maret', 'mar', 'march'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'jun', 'june'],
  ['juli', 'jul', 'july'],
  ['agustus', 'agu', 'agt', 'ags', 'agst', 'agus', 'august', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt', 'october', 'oct'],
  ['november', 'nov', 'nop', 'nopember'],
  ['desember', 'des', 'december', 'dec'],
];

const MONTH_BY_NAME = new Map<string, number>(
  MONTH_ALIASES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);

// Calendar check shared with NIK parsing, which encodes the same kind of date.
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

// Needed to reject 31/02 and 29/02 in common years.
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

// True when y-m-d is a real calendar date.
export function isValidYmd({ y, m, d }: Ymd): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

// Orders dates without Date objects (no time zones involved).
export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

// Reads the caller's ISO "today" (or any stored ISO date); undefined when malformed.
export function parseIsoYmd(iso: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) return undefined;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidYmd(ymd) ? ymd : undefined;
}

// Canonical storage form.
export function toIso({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Two-digit year: this century unless that would put the date after today.
function expandYear(yy: number, m: number, d: number, today: Ymd): number {
  const base = Math.floor(today.y / 100) * 100;
  return compareYmd({ y: base + yy, m, d }, today) <= 0 ? base + yy : base - 100 + yy;
}

// Splits the typed text into day, month and year pieces, or undefined when no form fits.
function tokenize(input: string): { d: string; m: number | string; y: string } | undefined {
  const s = input.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');

  const iso = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/.exec(s);
  if (iso) return { y: iso[1]!, m: iso[2]!, d: iso[3]! };

  const numeric = /^(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4}|\d{2})$/.exec(s);
  if (numeric) return { d: numeric[1]!, m: numeric[2]!, y: numeric[3]! };

  // "17081980": common when typing on a phone keypad.
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (compact) return { d: compact[1]!, m: compact[2]!, y: compact[3]! };

  const named = /^(\d{1,2})\s*[-/. ]?\s*(\p{L}+)\.?\s*[-/. ]?\s*(\d{4}|\d{2})$/u.exec(s);
  if (named) {
    const month = MONTH_BY_NAME.get(named[2]!);
    if (month === undefined) return undefined;
    return { d: named[1]!, m: month, y: named[3]! };
  }
  return undefined;
}

// Turns a typed birth date into ISO, or an error code the bot can explain.
export function parseDate(
  input: string,
  today: string,
): { ok: true; iso: string } | { ok: false; error: DateError } {
  const now = parseIsoYmd(today);
  if (!now) throw new Error(`parseDate: invalid today ${today}`);
  const parts = tokenize(input);
  if (!parts) return { ok: false, error: 'date_format' };

  const d = Number(parts.d);
  const m = Number(parts.m);
  const y = parts.y.length === 2 ? expandYear(Number(parts.y), m, d, now) : Number(parts.y);
  const ymd = { y, m, d };

  if (!isValidYmd(ymd)) return { ok: false, error: 'date_invalid' };
  if (compareYmd(ymd, now) > 0) return { ok: false, error: 'date_future' };
  if (compareYmd(ymd, { ...now, y: now.y - 120 }) < 0) return { ok: false, error: 'date_too_old' };
  return { ok: true, iso: toIso(ymd) };
}

// Shows a stored date the way people read it, for confirmation messages.
export function formatDateId(iso: string, lang: 'id' | 'en'): string {
  const ymd = parseIsoYmd(iso);
  if (!ymd) return iso;
  const names = lang === 'id' ? MONTHS_ID : MONTHS_EN;
  return `${ymd.d} ${names[ymd.m - 1]!} ${ymd.y}`;
}
