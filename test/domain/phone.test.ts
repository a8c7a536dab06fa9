import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from '../../src/domain/phone.js';

// Invented numbers in valid Indonesian mobile ranges.
describe('normalizePhone accepts', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['62812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['812 3456 7890', '+6281234567890'],
    ['(0812) 3456-7890', '+6281234567890'],
    ['0812.3456.7890', '+6281234567890'],
    ['  081234567890  ', '+6281234567890'],
    ['+62 0812 3456 7890', '+6281234567890'], // redundant trunk 0
    ['085712345678', '+6285712345678'],
    ['0896 1234 5678', '+6289612345678'],
    ['08781234567', '+628781234567'],
    ['0811234567', '+62811234567'],
  ])('%j -> %s', (input, e164) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164 });
  });
});

describe('normalizePhone rejects', () => {
  it.each([
    [''],
    ['abc'],
    ['nomor saya 081234567890'], // prose around the number
    ['0812345'], // too short
    ['62812345'],
    ['081234567890123'], // too long
    ['+14155552671'], // US
    ['+6591234567'], // Singapore
    ['021 345 6789'], // Jakarta landline, not a mobile
    ['0812-3456-789x'],
  ])('%j', (input) => {
    expect(normalizePhone(input)).toEqual({ ok: false, error: 'phone_invalid' });
  });
});

describe('maskPhone', () => {
  it.each([
    ['+6281234567890', '+62812****7890'],
    ['+628123456789', '+62812***6789'],
    ['+62811234567', '+62811**4567'],
    ['+6281234', '****1234'], // too short to keep a prefix
  ])('%s -> %s', (e164, masked) => {
    expect(maskPhone(e164)).toBe(masked);
  });
});
