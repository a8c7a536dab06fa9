import { describe, expect, it } from 'vitest';
import { matchChoice, type MatchableChoice } from '../../src/domain/match.js';

const yesNo: MatchableChoice[] = [
  { value: 'yes', labels: ['Ya', 'Setuju', 'yes', 'iya', 'y'] },
  { value: 'no', labels: ['Tidak', 'no', 'tdk', 'gak', 'nggak'] },
];

const menu: MatchableChoice[] = [
  { value: 'benefits', labels: ['Manfaat program', 'Program benefits'] },
  { value: 'calc', labels: ['Hitung iuran', 'Calculate contribution'] },
  { value: 'eligibility', labels: ['Cek syarat', 'Check eligibility'] },
  { value: 'register', labels: ['Daftar', 'Register'] },
  { value: 'status', labels: ['Cek status', 'Check status'] },
  { value: 'mydata', labels: ['Data saya', 'My data'] },
  { value: 'help', labels: ['Bantuan', 'Help'] },
];

describe('matchChoice yes/no', () => {
  it.each([
    ['Ya', 'yes'],
    ['YA', 'yes'],
    [' iya ', 'yes'],
    ['y', 'yes'],
    ['setuju', 'yes'],
    ['setju', 'yes'], // typo, length 6 label allows 1
    ['Ya, setuju', 'yes'], // starts with a whole label
    ['tidak', 'no'],
    ['tidak mau', 'no'],
    ['Tdk', 'no'],
    ['gak', 'no'],
    ['ngak', 'no'],
    ['nggak!', 'no'],
    ['tidk', 'no'],
    ['1', 'yes'],
    ['2', 'no'],
    ['2.', 'no'],
    ['2)', 'no'],
    [' 1 ', 'yes'],
  ])('%j -> %s', (input, expected) => {
    expect(matchChoice(input, yesNo)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['3'], // out of range
    ['0'],
    ['-1'],
    ['mungkin'],
    ['nomor'], // must not match 'no' as a prefix
    ['ga'], // short labels match exactly only
    ['yaa'], // 'ya' is too short for typo tolerance
  ])('%j -> undefined', (input) => {
    expect(matchChoice(input, yesNo)).toBeUndefined();
  });
});

describe('matchChoice menu', () => {
  it.each([
    ['Manfaat program', 'benefits'],
    ['HITUNG IURAN', 'calc'],
    ['hitung-iuran', 'calc'],
    ['manfat', 'benefits'], // word typo
    ['manfaat', 'benefits'], // one word of the label
    ['daftr', 'register'],
    ['daftar', 'register'],
    ['dafatr', 'register'], // swapped letters
    ['register', 'register'],
    ['stat', 'status'], // word prefix
    ['status', 'status'],
    ['statsu', 'status'],
    ['syarat', 'eligibility'],
    ['bant', 'help'], // label prefix, length >= 3
    ['bantuan', 'help'],
    ['bantuam', 'help'],
    ['help', 'help'],
    ['data', 'mydata'],
    ['iuran', 'calc'],
    ['htung iuran', 'calc'], // whole-label typo
    ['hitung iuan', 'calc'],
    ['cek statsu', 'status'],
    ['my dta', 'mydata'],
    ['4', 'register'],
    ['7', 'help'],
    ['Daftar sekarang', 'register'], // starts with whole label
    ['program', 'benefits'], // two labels hit, but of the same choice
  ])('%j -> %s', (input, expected) => {
    expect(matchChoice(input, menu)).toBe(expected);
  });

  it.each([
    ['cek'], // prefix of two different choices
    ['check'], // same, English
    ['cek s'], // label prefixes of both 'Cek syarat' and 'Cek status'
    ['8'],
    ['asdfgh'],
    ['da'], // too short for prefix matching
  ])('%j -> undefined', (input) => {
    expect(matchChoice(input, menu)).toBeUndefined();
  });

  it('returns undefined when two choices share a label', () => {
    const dup: MatchableChoice[] = [
      { value: 'a', labels: ['Sama'] },
      { value: 'b', labels: ['sama'] },
    ];
    expect(matchChoice('sama', dup)).toBeUndefined();
    expect(matchChoice('1', dup)).toBe('a');
  });

  it('returns undefined on an equal typo distance to two choices', () => {
    const close: MatchableChoice[] = [
      { value: 'a', labels: ['bantu'] },
      { value: 'b', labels: ['banta'] },
    ];
    expect(matchChoice('bantx', close)).toBeUndefined();
    expect(matchChoice('bantu', close)).toBe('a');
  });

  it('prefers the closer of two typo candidates', () => {
    const close: MatchableChoice[] = [
      { value: 'a', labels: ['pendaftaran'] },
      { value: 'b', labels: ['pendapatan'] },
    ];
    expect(matchChoice('pendaftran', close)).toBe('a');
  });

  it('handles an empty choice list', () => {
    expect(matchChoice('1', [])).toBeUndefined();
    expect(matchChoice('ya', [])).toBeUndefined();
  });
});
