const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (yyyy-mm-dd) at `now` in the regency's time zone. */
export function dayIn(timeZone: string, now: number): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(now);
}
