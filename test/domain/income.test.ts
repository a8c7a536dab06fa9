import { describe, expect, it } from 'vitest';
import { formatPercent, formatRupiah, parseIncome } from '../../src/domain/income.js';
import { PARSE_INCOME_ACCEPTS } from './income-cases.js';

describe('parseIncome accepts', () => {
  it.each(PARSE_INCOME_ACCEPTS)('%j -> %d', (input, rupiah) => {
    expect(parseIncome(input)).toEqual({ ok: true, rupiah });
  });
});

describe('parseIncome rejects', () => {
  it.each([
    ['', 'income_format'],
    ['   ', 'income_format'],
    ['banyak', 'income_format'],
    ['abc', 'income_format'],
    ['tidak tentu', 'income_format'],
    ['2', 'income_format'], // bare small number: missing "juta"?
    ['15', 'income_format'],
    ['500', 'income_format'],
    ['1,5', 'income_format'],
    ['0,5', 'income_format'],
    ['2 milyar', 'income_format'], // unknown unit
    ['1.5.000', 'income_format'], // broken grouping
    ['1.500.5', 'income_format'],
    ['1,500.000', 'income_format'], // mixed group separators
    ['15000.0000', 'income_format'],
    ['1-2 juta', 'income_format'], // ranges are not guessed
    ['-500000', 'income_format'],
    ['2 juta 500 ribu', 'income_format'],
    ['1.000.000.001', 'income_range'],
    ['2000 juta', 'income_range'],
    ['99999999999999999999', 'income_range'],
  ])('%j -> %s', (input, error) => {
    expect(parseIncome(input)).toEqual({ ok: false, error });
  });
});

describe('formatRupiah', () => {
  it.each([
    [0, 'Rp0'],
    [999, 'Rp999'],
    [16800, 'Rp16.800'],
    [1500000, 'Rp1.500.000'],
    [1_000_000_000, 'Rp1.000.000.000'],
    [16800.4, 'Rp16.800'],
    [-5000, '-Rp5.000'],
  ])('%d -> %s', (n, s) => {
    expect(formatRupiah(n)).toBe(s);
  });
});

describe('formatPercent', () => {
  it.each([
    [1.74, '1,74%'],
    [2, '2%'],
    [0.3, '0,3%'],
    [0.24, '0,24%'],
    [0.1 + 0.2, '0,3%'],
    [3.7, '3,7%'],
    [0, '0%'],
    [1.005, '1%'], // two decimals at most
  ])('%d -> %s', (p, s) => {
    expect(formatPercent(p)).toBe(s);
  });
});
