// What a queue row says in words: the day it came in, its checks (how long it has waited:
// detail-words.ts waitWords, brief). Pure functions of the translator and the clock.
import type { T } from '../core/types.js';
import { keyIn } from '../core/locale-key.js';

const dayFormats = new Map<string, { short: Intl.DateTimeFormat; long: Intl.DateTimeFormat; year: Intl.DateTimeFormat }>();

/** The day in the regency's zone, short: "22 Nov", with the year when it is not this year's ("3 Des 2025"). */
export function shortDay(ms: number, timeZone: string, now: number): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = {
      short: new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'short' }),
      long: new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }),
      year: new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }),
    };
    dayFormats.set(timeZone, f);
  }
  return f.year.format(ms) === f.year.format(now) ? f.short.format(ms) : f.long.format(ms);
}

/** An automatic check as a short word for the queue's row, and its full sentence for the tooltip. */
export function checkWords(t: T, code: string): { short: string; long: string } {
  const shortKey = keyIn('console.queue.check.', code);
  const longKey = keyIn('console.check.', code);
  const long = t(longKey);
  const short = t(shortKey);
  // A check added later without its words: its sentence (or, without one, its code) still shows.
  return { short: short === shortKey ? (long === longKey ? code : long) : short, long: long === longKey ? code : long };
}
