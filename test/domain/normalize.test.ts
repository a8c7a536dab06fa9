import { describe, expect, it } from 'vitest';
import { editDistance, normalizeText } from '../../src/domain/normalize.js';

describe('normalizeText', () => {
  it.each([
    ['  HITUNG   IURAN ', 'hitung iuran'],
    ['Café', 'cafe'],
    ['Cek-status!', 'cek status'],
    ['Data, saya?', 'data saya'],
    ['2.', '2'],
    ['ñandú', 'nandu'],
    ['\tYa\n', 'ya'],
    ['...', ''],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['daftar', 'daftar', 0],
    ['daftr', 'daftar', 1], // deletion
    ['dafftar', 'daftar', 1], // insertion
    ['daftor', 'daftar', 1], // substitution
    ['dafatr', 'daftar', 1], // adjacent swap counts once
    ['ca', 'abc', 3], // OSA, not full Damerau (which would be 2)
    ['kitten', 'sitting', 3],
    ['manfat', 'manfaat', 1],
  ])('%j vs %j = %d', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it.each([
    ['kitten', 'sitting', 1, 2],
    ['kitten', 'sitting', 2, 3],
    ['kitten', 'sitting', 3, 3],
    ['a', 'abcdef', 2, 3], // length gap alone exceeds the cap
    ['abcdef', 'badcfe', 2, 3],
    ['daftr', 'daftar', 1, 1],
    ['x', 'x', 0, 0],
    ['x', 'y', 0, 1],
  ])('%j vs %j with max %d = %d', (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });
});
