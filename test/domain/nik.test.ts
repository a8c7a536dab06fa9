import { describe, expect, it } from 'vitest';
import { maskNik, nikMatchesBirthDate, parseNik, type NikInfo } from '../../src/domain/nik.js';

// All NIKs below are invented; only the district prefixes follow the real format.
const KNOWN = new Set(['630101', '110101', '320101']);
const opts = { today: '2025-06-15', isKnownDistrict: (c: string) => KNOWN.has(c) };

function ok(input: string, o = opts): NikInfo {
  const r = parseNik(input, o);
  if (!r.ok) throw new Error(`expected ok for ${input}, got ${r.error}`);
  return r.info;
}

describe('parseNik extracts', () => {
  it('a man', () => {
    expect(ok('6301011708800003')).toEqual({
      nik: '6301011708800003',
      districtCode: '630101',
      provinceCode: '63',
      regencyCode: '6301',
      sex: 'M',
      birthDay: 17,
      birthMonth: 8,
      birthYear2: 80,
      birthDate: '1980-08-17',
      serial: '0003',
      knownDistrict: true,
    });
  });

  it('a woman (day + 40)', () => {
    const info = ok('6301015708800003');
    expect(info).toMatchObject({ sex: 'F', birthDay: 17, birthDate: '1980-08-17' });
  });

  it.each([
    ['6301 0117 0880 0003', '6301011708800003'],
    ['6301.0117.0880.0003', '6301011708800003'],
    ['6301-0117-0880-0003', '6301011708800003'],
    ['  630101 170880 0003 ', '6301011708800003'],
  ])('tolerates separators: %j', (input, nik) => {
    expect(ok(input).nik).toBe(nik);
  });

  it.each([
    // [ddmmyy+serial, sex, birthDate]
    ['0101050001', 'M', '2005-01-01'], // 20 years old: 2000s
    ['0101200001', 'M', '1920-01-01'], // 5 years old in 2020 -> 1920
    ['0101250001', 'M', '1925-01-01'], // would be a baby
    ['0107250001', 'M', '1925-07-01'], // would be in the future
    ['1506150001', 'M', '2015-06-15'], // exactly 10 today
    ['1606150001', 'M', '1915-06-16'], // 10 tomorrow: still 9
    ['2902000001', 'M', '2000-02-29'], // leap (divisible by 400)
    ['2902960001', 'M', '1996-02-29'],
    ['6902960001', 'F', '1996-02-29'],
    ['2902240001', 'M', '1924-02-29'], // 1924 is also leap
    ['4101900001', 'F', '1990-01-01'], // lowest female day
    ['7112900001', 'F', '1990-12-31'], // highest female day
    ['3112909999', 'M', '1990-12-31'],
  ])('date part %s -> %s %s', (tail, sex, birthDate) => {
    expect(ok(`630101${tail}`)).toMatchObject({ sex, birthDate });
  });

  it('marks an unknown district without failing', () => {
    expect(ok('9999011708800003').knownDistrict).toBe(false);
  });

  it.each(['0001011708800003', '6300011708800003', '6301001708800003'])(
    'treats a 00 part as unknown without asking the lookup: %s',
    (nik) => {
      const info = ok(nik, { ...opts, isKnownDistrict: () => true });
      expect(info.knownDistrict).toBe(false);
    },
  );
});

describe('parseNik rejects', () => {
  it.each([
    ['', 'nik_length'],
    ['630101170880000', 'nik_length'], // 15
    ['63010117088000031', 'nik_length'], // 17
    ['6301', 'nik_length'],
    ['63010117088000O3', 'nik_digits'], // letter O
    ['6301/0117/0880/0003', 'nik_digits'],
    ['12ab', 'nik_digits'],
    ['6301010008800003', 'nik_date'], // day 00
    ['6301013208800003', 'nik_date'], // day 32
    ['6301014008800003', 'nik_date'], // 40 is neither
    ['6301017208800003', 'nik_date'], // 72
    ['6301011700800003', 'nik_date'], // month 00
    ['6301011713800003', 'nik_date'], // month 13
    ['6301013104900003', 'nik_date'], // 31 April
    ['6301017104900003', 'nik_date'], // 31 April, woman
    ['6301012902990003', 'nik_date'], // 1999 not leap
    ['6301016902990003', 'nik_date'],
    ['6301011708800000', 'nik_serial'],
  ])('%j -> %s', (input, error) => {
    expect(parseNik(input, opts)).toEqual({ ok: false, error });
  });

  it('checks 29 February in the chosen century', () => {
    // In 2009, '00' would make a 9-year-old, so 1900 is chosen; 1900 is not leap.
    const early = { ...opts, today: '2009-01-01' };
    expect(parseNik('6301012902000003', early)).toEqual({ ok: false, error: 'nik_date' });
    expect(ok('6301012902000003').birthDate).toBe('2000-02-29');
  });
});

describe('maskNik', () => {
  it.each([
    ['6301234508800003', '6301********0003'],
    ['1101011708800001', '1101********0001'],
    ['123', '***'],
  ])('%s -> %s', (nik, masked) => {
    expect(maskNik(nik)).toBe(masked);
  });
});

describe('nikMatchesBirthDate', () => {
  const man = ok('6301011708800003');
  const woman = ok('6301015708800003');
  it.each([
    [man, '1980-08-17', true],
    [woman, '1980-08-17', true],
    [man, '2080-08-17', true], // century is not encoded
    [man, '1980-08-18', false],
    [man, '1980-07-17', false],
    [man, '1981-08-17', false],
    [man, 'garbage', false],
  ])('%#: %s -> %s', (info, iso, expected) => {
    expect(nikMatchesBirthDate(info, iso)).toBe(expected);
  });
});
