// Ages read from what people type where an age or a birth date is asked: a birth date or a birth
// year gives the age, so a range can be said in years ("umur 150 tahun di luar batas 15–65 tahun").
import { isLeapYear, parseDate } from '../../domain/dates.js';
import { ageOn } from '../../domain/eligibility.js';

/**
 * The age a typed birth date gives, also when it is too long ago for parseDate (which then only
 * says "too old"): its day and month are read with a stand-in year of the same leap-ness.
 */
export function ageOfTypedDate(input: string, today: string): number | undefined {
  const r = parseDate(input, today);
  if (r.ok) return ageOn(r.iso, today);
  if (r.error !== 'date_too_old') return undefined;
  // A date that old has a four-digit year, first (1876-08-17) or last (17-08-1876, 17081876).
  const s = input.trim();
  const first = /^\d{4}(?=\D)/.exec(s)?.[0];
  const year = first ?? /\d{4}$/.exec(s)?.[0];
  if (year === undefined) return undefined;
  const standIn = isLeapYear(Number(year)) ? '2000' : '2001';
  const again = parseDate(first ? s.replace(/^\d{4}/, standIn) : s.replace(/\d{4}$/, standIn), today);
  return again.ok ? ageOn(`${year}${again.iso.slice(4)}`, today) : Number(today.slice(0, 4)) - Number(year);
}

/** A birth year or date typed where an age is asked ("1980", "lahir 1980", "17-08-1980"): the age, or the future date typed. */
export function ageFromBirth(text: string, today: string): { age: number } | { future: string } | undefined {
  const rest = text
    .trim()
    .replace(/^(?:(?:saya|sy|aku)\s+)?(?:lahir|lhr|kelahiran|born)(?:\s+(?:tahun|thn|th|tgl|tanggal|in|on))?\s*/i, '')
    .replace(/^(?:tahun|thn|th)\s+/i, '');
  const year = /^(\d{4})\.?$/.exec(rest)?.[1];
  if (year !== undefined) {
    // Only the year: the age they reach this year (an officer sees the birth date later).
    const age = Number(today.slice(0, 4)) - Number(year);
    return age < 0 ? { future: year } : { age };
  }
  const r = parseDate(rest, today);
  if (!r.ok && r.error === 'date_future') return { future: rest };
  const age = ageOfTypedDate(rest, today);
  return age === undefined ? undefined : { age };
}
