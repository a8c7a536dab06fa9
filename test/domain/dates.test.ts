import { describe, expect, it } from 'vitest';
import { formatDateId, parseDate } from '../../src/domain/dates.js';

const TODAY = '2025-06-15';

describe('parseDate accepts', () => {
  it.each([
    ['17-08-1980', '1980-08-17'],
    ['17/8/80', '1980-08-17'],
    ['17.8.1980', '1980-08-17'],
    ['17 8 1980', '1980-08-17'],
    ['17 Agustus 1980', '1980-08-17'],
    ['17 agustus 80', '1980-08-17'],
    ['17 agt 1980', '1980-08-17'],
    ['17 Agu 1980', '1980-08-17'],
    ['17 ags 1980', '1980-08-17'],
    ['17 August 1980', '1980-08-17'],
    ['17 aug 1980', '1980-08-17'],
    ['17 Aug. 1980', '1980-08-17'],
    ['17-Agu-1980', '1980-08-17'],
    ['17agustus1980', '1980-08-17'],
    ['17 Agustus, 1980', '1980-08-17'],
    ['1980-08-17', '1980-08-17'],
    ['1980/8/17', '1980-08-17'],
    ['17081980', '1980-08-17'],
    ['  17   -  08 -  1980  ', '1980-08-17'],
    ['1 jan 1990', '1990-01-01'],
    ['5 peb 1975', '1975-02-05'],
    ['5 pebruari 1975', '1975-02-05'],
    ['9 maret 2001', '2001-03-09'],
    ['9 march 2001', '2001-03-09'],
    ['30 apr 1999', '1999-04-30'],
    ['2 mei 1960', '1960-05-02'],
    ['2 may 1960', '1960-05-02'],
    ['20 jun 1985', '1985-06-20'],
    ['20 juli 1985', '1985-07-20'],
    ['3 sept 1970', '1970-09-03'],
    ['3 sep 1970', '1970-09-03'],
    ['12 okt 1991', '1991-10-12'],
    ['12 oct 1991', '1991-10-12'],
    ['11 nop 1966', '1966-11-11'],
    ['11 nov 1966', '1966-11-11'],
    ['25 des 1988', '1988-12-25'],
    ['25 dec 1988', '1988-12-25'],
    ['29-02-2000', '2000-02-29'], // leap (divisible by 400)
    ['29-02-1996', '1996-02-29'],
    // Two-digit years: this century unless that would be in the future.
    ['15-06-25', '2025-06-15'], // today itself
    ['16-06-25', '1925-06-16'], // tomorrow in 2025 -> 1925
    ['1-1-05', '2005-01-01'],
    ['1-1-26', '1926-01-01'],
    ['1-1-99', '1999-01-01'],
    ['1-1-00', '2000-01-01'],
    ['29-2-00', '2000-02-29'],
    ['15-06-1905', '1905-06-15'], // exactly 120 years ago
  ])('%j -> %s', (input, iso) => {
    expect(parseDate(input, TODAY)).toEqual({ ok: true, iso });
  });
});

describe('parseDate rejects', () => {
  it.each([
    ['', 'date_format'],
    ['besok', 'date_format'],
    ['17 agustusan 1980', 'date_format'],
    ['17 08', 'date_format'],
    ['1980', 'date_format'],
    ['17-08-198', 'date_format'],
    ['17 xyz 1980', 'date_format'],
    ['Agustus 17 1980', 'date_format'],
    ['31-02-1980', 'date_invalid'],
    ['29-02-1900', 'date_invalid'], // not leap
    ['29-02-1999', 'date_invalid'],
    ['31 april 1990', 'date_invalid'],
    ['00-01-1990', 'date_invalid'],
    ['10-13-1990', 'date_invalid'],
    ['32/1/1990', 'date_invalid'],
    ['16-06-2025', 'date_future'],
    ['1 jan 2030', 'date_future'],
    ['14-06-1905', 'date_too_old'],
    ['1-1-1800', 'date_too_old'],
  ])('%j -> %s', (input, error) => {
    expect(parseDate(input, TODAY)).toEqual({ ok: false, error });
  });

  it('uses the given today, not the clock', () => {
    expect(parseDate('1-1-30', '2035-01-01')).toEqual({ ok: true, iso: '2030-01-01' });
    expect(parseDate('1-1-2030', '2029-12-31')).toEqual({ ok: false, error: 'date_future' });
  });
});

describe('formatDateId', () => {
  it.each([
    ['1980-08-17', 'id', '17 Agustus 1980'],
    ['1980-08-17', 'en', '17 August 1980'],
    ['2001-01-05', 'id', '5 Januari 2001'],
    ['1999-12-31', 'en', '31 December 1999'],
    ['1975-02-01', 'id', '1 Februari 1975'],
    ['not a date', 'id', 'not a date'],
  ] as const)('%s (%s) -> %s', (iso, lang, expected) => {
    expect(formatDateId(iso, lang)).toBe(expected);
  });
});
