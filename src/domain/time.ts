// Calendar days in the regency's time zone: what "today" is, when a day starts, day arithmetic
// and ISO weeks. The one place that does time-zone math (the bot, the console's filters, the
// dashboard and the export all use it).
import { parseIsoYmd, toIso } from './dates.js';

/** The regency's time zone when none is given (WITA, UTC+8, no daylight saving). */
export const DEFAULT_TIME_ZONE = 'Asia/Makassar';

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (yyyy-mm-dd) at `now` in `timeZone`. */
export function dayIn(timeZone: string, now: number): string {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, f);
  }
  return f.format(now);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far the wall clock in `timeZone` is ahead of UTC at instant `t`, in ms. */
function zoneOffset(t: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(t / 1000) * 1000;
}

/** The instant (epoch ms) a calendar day yyyy-mm-dd starts in `timeZone`. */
export function dayStart(isoDay: string, timeZone: string = DEFAULT_TIME_ZONE): number {
  const ymd = parseIsoYmd(isoDay);
  if (!ymd) throw new Error(`dayStart: invalid date ${isoDay}`);
  const guess = Date.UTC(ymd.y, ymd.m - 1, ymd.d);
  // Twice, so a day whose offset differs from the guess's (daylight saving) still lands right.
  const first = guess - zoneOffset(guess, timeZone);
  return guess - zoneOffset(first, timeZone);
}

/** yyyy-mm-dd `days` later (or earlier, when negative). */
export function addDays(isoDay: string, days: number): string {
  const ymd = parseIsoYmd(isoDay);
  if (!ymd) throw new Error(`addDays: invalid date ${isoDay}`);
  const d = new Date(Date.UTC(ymd.y, ymd.m - 1, ymd.d + days));
  return toIso({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() });
}

/** The Monday of the ISO week holding yyyy-mm-dd. */
export function isoWeekStart(isoDay: string): string {
  const ymd = parseIsoYmd(isoDay);
  if (!ymd) throw new Error(`isoWeekStart: invalid date ${isoDay}`);
  const weekday = new Date(Date.UTC(ymd.y, ymd.m - 1, ymd.d)).getUTCDay(); // 0 = Sunday
  return addDays(isoDay, -((weekday + 6) % 7));
}
