// Indonesian NIK (Nomor Induk Kependudukan): 16 digits =
// province(2) regency(2) district(2) + DDMMYY birth date (day + 40 for women) + serial(4).
// There is no check digit, so structure and the embedded date are all we can verify.
import { compareYmd, isValidYmd, parseIsoYmd, toIso } from './dates.js';

export type Sex = 'M' | 'F';
export type NikError = 'nik_length' | 'nik_digits' | 'nik_date' | 'nik_serial';

export interface NikInfo {
  nik: string;
  districtCode: string; // 6 digits
  provinceCode: string;
  regencyCode: string; // 4 digits
  sex: Sex;
  birthDay: number;
  birthMonth: number;
  birthYear2: number; // 0-99
  birthDate: string; // ISO yyyy-mm-dd, century inferred
  serial: string;
  knownDistrict: boolean;
}

export type NikResult = { ok: true; info: NikInfo } | { ok: false; error: NikError };

// Below this age at "today" a 20YY birth year is implausible for a worker: use 19YY.
const MIN_AGE_FOR_2000S = 10;

// Validates a typed NIK and extracts what it encodes (sex, birth date, region).
export function parseNik(
  input: string,
  opts: { today: string; isKnownDistrict: (code6: string) => boolean },
): NikResult {
  const today = parseIsoYmd(opts.today);
  if (!today) throw new Error(`parseNik: invalid today ${opts.today}`);

  // People group digits the way they appear on the KTP card.
  const nik = input.replace(/[\s.\-]/g, '');
  if (!/^\d*$/.test(nik)) return { ok: false, error: 'nik_digits' };
  if (nik.length !== 16) return { ok: false, error: 'nik_length' };

  const dd = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const serial = nik.slice(12, 16);

  let sex: Sex;
  let day: number;
  if (dd >= 1 && dd <= 31) {
    sex = 'M';
    day = dd;
  } else if (dd >= 41 && dd <= 71) {
    sex = 'F';
    day = dd - 40;
  } else {
    return { ok: false, error: 'nik_date' };
  }
  if (month < 1 || month > 12) return { ok: false, error: 'nik_date' };

  // Century decided before the calendar check so 29-02 is judged in the right year.
  const y2000 = 2000 + yy;
  const birthdayPassed = compareYmd({ y: today.y, m: month, d: day }, today) <= 0;
  const age2000 = today.y - y2000 - (birthdayPassed ? 0 : 1);
  const year = age2000 < MIN_AGE_FOR_2000S ? 1900 + yy : y2000;
  const birth = { y: year, m: month, d: day };
  if (!isValidYmd(birth)) return { ok: false, error: 'nik_date' };

  if (serial === '0000') return { ok: false, error: 'nik_serial' };

  const provinceCode = nik.slice(0, 2);
  const regencyCode = nik.slice(0, 4);
  const districtCode = nik.slice(0, 6);
  // A '00' part never exists in the register; skip the lookup instead of failing.
  const hasZeroPart = provinceCode === '00' || nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00';
  const knownDistrict = !hasZeroPart && opts.isKnownDistrict(districtCode);

  return {
    ok: true,
    info: {
      nik,
      districtCode,
      provinceCode,
      regencyCode,
      sex,
      birthDay: day,
      birthMonth: month,
      birthYear2: yy,
      birthDate: toIso(birth),
      serial,
      knownDistrict,
    },
  };
}

// Hides the middle of a NIK for echoing back in chat and in logs.
export function maskNik(nik: string): string {
  if (nik.length < 8) return '*'.repeat(nik.length);
  return `${nik.slice(0, 4)}********${nik.slice(-4)}`;
}

// Cross-checks a separately typed birth date against the NIK (century is not encoded).
export function nikMatchesBirthDate(info: NikInfo, isoDate: string): boolean {
  const d = parseIsoYmd(isoDate);
  if (!d) return false;
  return d.d === info.birthDay && d.m === info.birthMonth && d.y % 100 === info.birthYear2;
}
