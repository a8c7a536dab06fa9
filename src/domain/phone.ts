// Indonesian mobile numbers as people type them (0812..., +62 812..., 62812..., 812...).
// Stored as E.164 so one person is one key regardless of how they typed it.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneError = 'phone_invalid';

// Full metadata ("max") tells mobile ranges apart from landlines; we need a reachable mobile.
const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

// Normalises a typed Indonesian mobile number to E.164, rejecting foreign or malformed ones.
export function normalizePhone(input: string): { ok: true; e164: string } | { ok: false; error: PhoneError } {
  const trimmed = input.trim();
  // Only phone-ish characters; libphonenumber would otherwise dig a number out of prose.
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed)) return { ok: false, error: 'phone_invalid' };
  let digits = trimmed.replace(/[^\d]/g, '');
  const international = trimmed.startsWith('+');
  // "62812..." typed without the plus: country code, not a national number.
  if (!international && digits.startsWith('62') && digits.length >= 11) digits = `+${digits}`;
  else if (international) digits = `+${digits}`;

  const parsed = parsePhoneNumberFromString(digits, 'ID');
  if (!parsed || parsed.countryCallingCode !== '62' || !parsed.isValid()) {
    return { ok: false, error: 'phone_invalid' };
  }
  const type = parsed.getType();
  if (type === undefined || !MOBILE_TYPES.has(type)) return { ok: false, error: 'phone_invalid' };
  return { ok: true, e164: parsed.number };
}

// Hides the middle digits when echoing a number back ('+6281234567890' -> '+62812****7890').
export function maskPhone(e164: string): string {
  const keepStart = 6; // '+62' and the operator prefix
  const keepEnd = 4;
  const hidden = e164.length - keepStart - keepEnd;
  if (hidden <= 0) {
    // Too short for a prefix: hide everything but the tail.
    return e164.length > keepEnd ? '*'.repeat(e164.length - keepEnd) + e164.slice(-keepEnd) : e164;
  }
  return `${e164.slice(0, keepStart)}${'*'.repeat(hidden)}${e164.slice(-keepEnd)}`;
}
